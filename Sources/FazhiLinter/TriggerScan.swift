import Foundation
import FazhiKnowledge
import FazhiText

/// One Aho-Corasick automaton over the trigger lists of a set of rules (`Rule.triggers`): a lint run scans
/// the text once with it (`LintCache`) and hands each list its own matches, with the pattern index and
/// payload of that list's own matcher, so a rule resolves overlaps (leftmost-longest, exceptions) exactly
/// as with a separate scan.
///
/// The automaton for the rule catalogue is assembled once per process, on the first lint; a linter with
/// rules of its own (a test's) gets one for the catalogue's lists plus its own.
struct TriggerScan: Sendable {
    /// The lists, each once, in the order the rules declare them.
    let lists: [TriggerList]
    /// The matcher of each list, in `lists` order.
    let parts: [MultiPatternMatcher]
    /// Position of each list in `lists`.
    let position: [ObjectIdentifier: Int]
    /// Payload = pattern index in its list's matcher × 64 + list position.
    let matcher: MultiPatternMatcher

    init(lists given: [TriggerList]) {
        var lists: [TriggerList] = []
        var position: [ObjectIdentifier: Int] = [:]
        for l in given where position[ObjectIdentifier(l)] == nil {
            position[ObjectIdentifier(l)] = lists.count
            lists.append(l)
        }
        precondition(lists.count <= 64, "more than 64 trigger lists: widen the payload")
        self.lists = lists
        self.position = position
        parts = lists.map { $0.makeMatcher() }
        var pats: [(pattern: String, payload: Int)] = []
        for (k, m) in parts.enumerated() {
            for (i, p) in m.patterns.enumerated() { pats.append((p, i << 6 | k)) }
        }
        matcher = MultiPatternMatcher(pats)
    }

    /// The lists of `rules`, in catalogue order.
    static func lists(of rules: [any Rule]) -> [TriggerList] { rules.flatMap(\.triggers) }

    /// The scan for the rule catalogue, built on first use.
    static let catalogue = TriggerScan(lists: lists(of: RuleCatalog.all))

    /// The scan that covers every list of `rules`: the catalogue's when it does (always, for the catalogue
    /// or part of it), else one built for the catalogue's lists and the others, remembered.
    static func covering(_ rules: [any Rule]) -> TriggerScan {
        let extra = lists(of: rules).filter { catalogueIDs[ObjectIdentifier($0)] == nil }
        if extra.isEmpty { return catalogue }
        return Others.shared.scan(extra)
    }

    /// Whether a list belongs to the catalogue, without building the catalogue's automaton.
    private static let catalogueIDs: [ObjectIdentifier: Bool] =
        Dictionary(lists(of: RuleCatalog.all).map { (ObjectIdentifier($0), true) }, uniquingKeysWith: { a, _ in a })

    /// Scans for rules outside the catalogue, by their extra lists.
    private final class Others: @unchecked Sendable {
        static let shared = Others()
        private let lock = NSLock()
        private var scans: [[ObjectIdentifier]: TriggerScan] = [:]

        func scan(_ extra: [TriggerList]) -> TriggerScan {
            let key = extra.map(ObjectIdentifier.init)
            lock.lock()
            defer { lock.unlock() }
            if let s = scans[key] { return s }
            let s = TriggerScan(lists: TriggerScan.lists(of: RuleCatalog.all) + extra)
            scans[key] = s
            return s
        }
    }

    /// Every match of every list in the whole text (overlapping ones included, in order of end offset), as
    /// its list's matcher would report it; indexed by list position.
    func scan(_ text: SourceText) -> [[MultiPatternMatcher.Match]] {
        var out = [[MultiPatternMatcher.Match]](repeating: [], count: parts.count)
        text.bytes.withUnsafeBufferPointer { p in
            matcher.forEachMatch(in: p, range: 0..<p.count) { m in
                let k = m.payload & 63, i = m.payload >> 6
                out[k].append(MultiPatternMatcher.Match(start: m.start, end: m.end, pattern: i, payload: parts[k].payloads[i]))
            }
        }
        return out
    }
}
