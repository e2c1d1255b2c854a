import FazhiKnowledge
import FazhiParser
import FazhiText

/// A text that shows a rule's behaviour; used for the generated docs and checked by the tests.
public struct RuleExample: Sendable {
    public var text: String
    /// Whether the rule must report something on `text`.
    public var triggers: Bool
    public var note: String?
    public init(_ text: String, triggers: Bool, note: String? = nil) {
        self.text = text
        self.triggers = triggers
        self.note = note
    }
}

public enum RuleCategory: String, Sendable, CaseIterable {
    case structure, time, numbering, punctuation, spacing, words, residue, coverage

    public var label: String {
        switch self {
        case .structure: return "结构"
        case .time: return "时间"
        case .numbering: return "层次序数"
        case .punctuation: return "标点符号"
        case .spacing: return "空格与数字"
        case .words: return "用词"
        case .residue: return "残留与占位"
        case .coverage: return "内容覆盖"
        }
    }
}

/// Everything a rule declares about itself. `fazhi rules`, `fazhi explain RULE` and docs/rules.md
/// are generated from this, never written twice.
public struct RuleMetadata: Sendable {
    public var id: String
    public var category: RuleCategory
    public var defaultSeverity: Severity
    /// Chinese title, one line.
    public var title: String
    /// Why the rule exists, in Chinese.
    public var rationale: String
    /// The standard or document it comes from (e.g. "GB/T 15834-2011 4.5.3.5").
    public var source: String
    public var examples: [RuleExample]
    /// Whether the rule offers fixes.
    public var fixable: Bool

    public init(id: String, category: RuleCategory, defaultSeverity: Severity, title: String, rationale: String,
                source: String, examples: [RuleExample], fixable: Bool) {
        self.id = id
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.title = title
        self.rationale = rationale
        self.source = source
        self.examples = examples
        self.fixable = fixable
    }
}

/// A lint rule: metadata plus a check over the parsed report.
public protocol Rule: Sendable {
    var metadata: RuleMetadata { get }
    /// The word lists the check starts from; the lint run finds them all in one pass and the check reads
    /// their matches with `LintContext.matches(_:)`. Empty for rules that read the report's structure.
    var triggers: [TriggerList] { get }
    func check(_ context: LintContext, into sink: inout DiagnosticSink)
}

extension Rule {
    public var triggers: [TriggerList] { [] }
}

/// Collects a rule's findings with the rule's id and effective severity filled in.
///
/// A rule may give one finding a severity other than its default (an error only when certain, info when
/// merely suspicious). When the user configures the rule's severity, the configured one replaces the
/// default and such a finding keeps its distance below it (never above: a rule turned down to hint stays
/// quiet).
public struct DiagnosticSink {
    public let rule: String
    public let severity: Severity
    /// The rule's declared default severity.
    public let defaultSeverity: Severity
    public internal(set) var diagnostics: [Diagnostic] = []

    public init(rule: String, severity: Severity, defaultSeverity: Severity? = nil) {
        self.rule = rule
        self.severity = severity
        self.defaultSeverity = defaultSeverity ?? severity
    }

    public mutating func report(_ range: TextRange, _ message: String, fixes: [Fix] = [],
                                related: [RelatedLocation] = [], severity override: Severity? = nil, data: String? = nil) {
        diagnostics.append(Diagnostic(rule: rule, severity: effective(override), message: message, range: range,
                                      fixes: fixes, related: related, data: data))
    }

    func effective(_ override: Severity?) -> Severity {
        guard let o = override else { return severity }
        if severity == defaultSeverity { return o }
        let shifted = severity.rank + min(0, o.rank - defaultSeverity.rank)
        return Severity.allCases.first { $0.rank == max(0, shifted) } ?? severity
    }
}

/// What a rule can look at.
public struct LintContext: Sendable {
    public let report: Report
    public let config: LintConfig
    public var source: SourceText { report.source }
    public var profile: Profile { report.profile }
    /// What several rules compute from the same report, computed once per lint run.
    let cache: LintCache
    /// The trigger lists the running rule declared (checked in debug builds; nil: not checked).
    var declared: [ObjectIdentifier]?

    /// A context for linting `report` with `rules` (whose trigger lists the shared scan must cover).
    public init(report: Report, config: LintConfig, rules: [any Rule] = RuleCatalog.all) {
        self.report = report
        self.config = config
        self.cache = LintCache(source: report.source, rules: rules)
    }
}
