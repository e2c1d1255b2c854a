import FazhiKnowledge
import FazhiParser
import FazhiText

/// An ignore entry: findings of `rule` (or any rule when nil) whose flagged text equals `text`
/// (or anywhere when nil) are dropped. Suits plain-text reports, which have no comment syntax.
public struct IgnoreEntry: Sendable, Equatable, Codable {
    public var rule: String?
    public var text: String?
    public init(rule: String?, text: String?) {
        self.rule = rule
        self.text = text
    }
}

/// Effective configuration of one lint run (merged from defaults, .fazhi.json and editor settings).
public struct LintConfig: Sendable {
    /// Per-rule severity override; `nil` value means the rule is turned off.
    public var severities: [String: Severity?] = [:]
    public var profileID: String = "default"
    public var ignores: [IgnoreEntry] = []
    /// Profiles from the configuration file, consulted before the built-in ones.
    public var customProfiles: [Profile] = []
    /// The current date as (year, month, day), for rules that compare with today. Nil: not known.
    public var today: (year: Int, month: Int, day: Int)?

    public init() {}

    /// Why `profileID` cannot be used (it names no custom or built-in profile), in Chinese; nil when it can.
    public var unknownProfileMessage: String? {
        if customProfiles.contains(where: { $0.id == profileID }) || Profiles.named(profileID) != nil { return nil }
        let known = (Profiles.builtin.map(\.id) + customProfiles.map(\.id)).uniqued()
        return "报告模板“\(profileID)”不存在（可用：\(known.joined(separator: "、"))）"
    }

    public func severity(for meta: RuleMetadata) -> Severity? {
        if let s = severities[meta.id] { return s }
        return meta.defaultSeverity
    }
}

public struct Linter: Sendable {
    public let rules: [any Rule]
    public let config: LintConfig

    public init(config: LintConfig = LintConfig(), rules: [any Rule] = RuleCatalog.all) {
        self.config = config
        self.rules = rules
    }

    /// The profile the configuration names (the built-in default when unknown: callers report
    /// `LintConfig.unknownProfileMessage` first).
    public var profile: Profile {
        config.customProfiles.last { $0.id == config.profileID } ?? Profiles.named(config.profileID) ?? Profiles.default
    }

    /// Parses and lints a text.
    public func lint(_ text: SourceText) -> (Report, [Diagnostic]) {
        let report = ReportParser(profile: profile).parse(text)
        return (report, lint(report))
    }

    /// Lints a parsed report. Diagnostics come back sorted by position.
    public func lint(_ report: Report) -> [Diagnostic] {
        let ctx = LintContext(report: report, config: config, rules: rules)
        var all: [Diagnostic] = []
        for rule in rules {
            guard let sev = config.severity(for: rule.metadata) else { continue }
            var sink = DiagnosticSink(rule: rule.metadata.id, severity: sev, defaultSeverity: rule.metadata.defaultSeverity)
            rule.check(ctx.checking(rule), into: &sink)
            all.append(contentsOf: sink.diagnostics)
        }
        // Web-page chrome is not report text: no finding inside it but the one that names it.
        let chrome = report.lines.filter { $0.kind == .chrome }.map(\.range)
        if !chrome.isEmpty {
            all.removeAll { d in d.rule != "web-page-residue" && chrome.contains { $0.overlaps(d.range) || ($0.start <= d.range.start && d.range.start < $0.end) } }
        }
        if !config.ignores.isEmpty {
            all.removeAll { d in
                config.ignores.contains { ig in
                    (ig.rule == nil || ig.rule == d.rule) && (ig.text == nil || ig.text == report.text(d.range))
                }
            }
        }
        all.sort { a, b in
            a.range.start != b.range.start ? a.range.start < b.range.start : (a.range.end != b.range.end ? a.range.end < b.range.end : a.rule < b.rule)
        }
        return all
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
