import Dispatch
import FazhiKnowledge
import Foundation
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

    /// Loads now, on this thread, the knowledge the rules need (for measurements and warm-ups).
    public static func prepareKnowledge() {
        _ = Knowledge.shared.laws
        _ = TriggerScan.catalogue.matcher.stateCount
    }

    /// Parses and lints a text.
    public func lint(_ text: SourceText) -> (Report, [Diagnostic]) {
        let report = ReportParser(profile: profile).parse(text)
        return (report, lint(report))
    }

    /// Lints a parsed report. Diagnostics come back sorted by position.
    public func lint(_ report: Report) -> [Diagnostic] {
        lint(report, isCancelled: nil) ?? []
    }

    /// Lints a parsed report, asking `isCancelled` between rules: nil as soon as it says true (a newer
    /// edit made the result useless). Diagnostics come back sorted by position.
    ///
    /// `parallel`: the rules are shared out between two threads (for one large document on an otherwise idle
    /// machine: the server's worker, `fazhi lint` of a single file). Each rule still writes its own sink and
    /// the findings are gathered in catalogue order, so the result is the same; the shared caches
    /// (`LintCache`) are thread-safe.
    public func lint(_ report: Report, isCancelled: (@Sendable () -> Bool)?, parallel: Bool = false) -> [Diagnostic]? {
        let ctx = LintContext(report: report, config: config, rules: rules)
        var found: [[Diagnostic]]
        if parallel && rules.count > 1 && ProcessInfo.processInfo.activeProcessorCount > 1 {
            guard let f = runParallel(ctx, isCancelled: isCancelled) else { return nil }
            found = f
        } else {
            found = []
            for rule in rules {
                if let isCancelled, isCancelled() { return nil }
                guard let f = run(rule, ctx) else { continue }
                if !f.isEmpty { found.append(f) }
            }
        }
        // One allocation of the final size (appending rule by rule doubled the array several times).
        var all: [Diagnostic] = []
        all.reserveCapacity(found.reduce(0) { $0 + $1.count })
        for f in found { all.append(contentsOf: f) }
        found = []
        all.sort { a, b in
            a.range.start != b.range.start ? a.range.start < b.range.start : (a.range.end != b.range.end ? a.range.end < b.range.end : a.rule < b.rule)
        }
        // Web-page chrome is not report text: no finding inside it but the one that names it.
        let chrome = report.lines.lazy.filter { $0.kind == .chrome }.map(\.range)
        if !chrome.isEmpty {
            let ranges = Array(chrome)
            all.removeAll { d in d.rule != "web-page-residue" && Self.touches(ranges, d.range) }
        }
        if !config.ignores.isEmpty {
            let ignored = IgnoreSet(config.ignores)
            all.removeAll { d in ignored.matches(rule: d.rule, text: { report.text(d.range) }) }
        }
        return all
    }

    /// One rule's findings, or nil when the configuration turns it off.
    private func run(_ rule: any Rule, _ ctx: LintContext) -> [Diagnostic]? {
        guard let sev = config.severity(for: rule.metadata) else { return nil }
        var sink = DiagnosticSink(rule: rule.metadata.id, severity: sev, defaultSeverity: rule.metadata.defaultSeverity)
        rule.check(ctx.checking(rule), into: &sink)
        return sink.diagnostics
    }

    /// The rules in two interleaved halves on two threads; findings per rule, in catalogue order.
    private func runParallel(_ ctx: LintContext, isCancelled: (@Sendable () -> Bool)?) -> [[Diagnostic]]? {
        // Shared passes first, once, before the threads could both start one (a memo is computed outside
        // its lock).
        _ = ctx.cache.marks
        let slots = UnsafeMutableBufferPointer<[Diagnostic]>.allocate(capacity: rules.count)
        slots.initialize(repeating: [])
        defer { slots.deinitialize(); slots.deallocate() }
        let stopped = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 2)
        stopped.initialize(repeating: false)
        defer { stopped.deallocate() }
        let rules = self.rules
        nonisolated(unsafe) let out = slots, halt = stopped
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            for i in stride(from: half, to: rules.count, by: 2) {
                if let isCancelled, isCancelled() { halt[half] = true; return }
                out[i] = run(rules[i], ctx) ?? []
            }
        }
        if stopped[0] || stopped[1] { return nil }
        return slots.filter { !$0.isEmpty }
    }

    /// Whether `r` overlaps one of `lines` (sorted, disjoint) or, when empty, lies inside one — by binary
    /// search, so that many findings against many chrome lines stay O(n log n).
    static func touches(_ lines: [TextRange], _ r: TextRange) -> Bool {
        // The first line that ends after r starts; the later ones start later still.
        var lo = 0, hi = lines.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if lines[mid].end > r.start { hi = mid } else { lo = mid + 1 }
        }
        guard lo < lines.count else { return false }
        let c = lines[lo]
        return c.overlaps(r) || (c.start <= r.start && r.start < c.end)
    }
}

/// Ignore entries as sets, so that dropping ignored findings costs one lookup per finding instead of a
/// pass over every entry (a configuration may list many).
struct IgnoreSet {
    var everything = false
    var rules: Set<String> = []
    var texts: Set<String> = []
    var ruleTexts: Set<[String]> = []

    init(_ entries: [IgnoreEntry]) {
        for e in entries {
            switch (e.rule, e.text) {
            case (nil, nil): everything = true
            case (let r?, nil): rules.insert(r)
            case (nil, let t?): texts.insert(t)
            case (let r?, let t?): ruleTexts.insert([r, t])
            }
        }
    }

    func matches(rule: String, text: () -> String) -> Bool {
        if everything || rules.contains(rule) { return true }
        if texts.isEmpty && ruleTexts.isEmpty { return false }
        let t = text()
        return texts.contains(t) || ruleTexts.contains([rule, t])
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
