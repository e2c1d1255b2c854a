import FazhiKnowledge
import FazhiText

/// One Aho-Corasick automaton over every knowledge pattern the word rules look for in the whole text:
/// confusable wrong strings and their exceptions, wrong forms of terms, time-anchor phrases and the
/// unit words of `unit-mismatch`. A lint run scans the text once with it (`LintCache.knowledgeMatches`)
/// and each rule reads its own kind, with the pattern index and payload of that kind's own matcher, so
/// the rules resolve overlaps (leftmost-longest, exceptions) exactly as with separate scans.
struct KnowledgeScan: Sendable {
    enum Kind: Int, CaseIterable {
        case confusable = 0, termWrongForm, anchor, unitWord
    }

    /// The matcher of each kind (the indexes' own), in `Kind` order.
    let parts: [MultiPatternMatcher]
    /// Payload = pattern index in its kind's matcher × 4 + kind.
    let matcher: MultiPatternMatcher

    init(parts: [MultiPatternMatcher]) {
        self.parts = parts
        var pats: [(pattern: String, payload: Int)] = []
        for (k, m) in parts.enumerated() {
            for (i, p) in m.patterns.enumerated() { pats.append((p, i << 2 | k)) }
        }
        matcher = MultiPatternMatcher(pats)
    }

    /// For `Knowledge.shared`, built on first use.
    static let shared: KnowledgeScan = {
        let k = Knowledge.shared
        return KnowledgeScan(parts: [k.confusables.matcher, k.terms.wrongFormMatcher, k.anchors.matcher, UnitMismatchRule.matcher])
    }()

    /// Every match of every kind in the whole text (overlapping ones included, in order of end offset),
    /// as its kind's matcher would report it.
    func scan(_ text: SourceText) -> [[MultiPatternMatcher.Match]] {
        var out = [[MultiPatternMatcher.Match]](repeating: [], count: parts.count)
        text.bytes.withUnsafeBufferPointer { p in
            matcher.forEachMatch(in: p, range: 0..<p.count) { m in
                let k = m.payload & 3, i = m.payload >> 2
                out[k].append(MultiPatternMatcher.Match(start: m.start, end: m.end, pattern: i, payload: parts[k].payloads[i]))
            }
        }
        return out
    }
}
