import FazhiKnowledge
import FazhiText

/// One Aho-Corasick automaton over every knowledge pattern the word rules look for in the whole text:
/// confusable wrong strings and their exceptions, wrong forms of terms, time-anchor phrases, the
/// unit words of `unit-mismatch`, and the components and shortened forms of fixed formulas. A lint run scans the text once with it (`LintCache.knowledgeMatches`)
/// and each rule reads its own kind, with the pattern index and payload of that kind's own matcher, so
/// the rules resolve overlaps (leftmost-longest, exceptions) exactly as with separate scans.
/// The same pass also finds the trigger words of the residue and number rules (`Trigger`), so those
/// rules look only at the few places where a trigger occurs instead of walking every byte.
struct KnowledgeScan: Sendable {
    enum Kind: Int, CaseIterable {
        case confusable = 0, termWrongForm, anchor, unitWord, trigger, formulaPart, truncation
    }

    /// Fixed words that start the checks of `placeholder`, `conversion-artifact`, `approximate-number`,
    /// `rate-mismatch` and `part-exceeds-total` (pattern index = raw value).
    enum Trigger: Int, CaseIterable {
        case tianxie = 0, daitian, daibuchong, todo, fixme, upperXX, lowerXX
        case chaRuTuPian, chaRuZhaoPian, ciChuChaTu, ciChuWeiTuPian, tuPianLue
        case yu, duo, zuoYou, lv, qizhong
        case ciChuChaRu, lueFull, lueHalf

        var text: String {
            switch self {
            case .tianxie: return "填写"
            case .daitian: return "待填"
            case .daibuchong: return "待补充"
            case .todo: return "TODO"
            case .fixme: return "FIXME"
            case .upperXX: return "XX"
            case .lowerXX: return "xx"
            case .chaRuTuPian: return "插入图片"
            case .chaRuZhaoPian: return "插入照片"
            case .ciChuChaTu: return "此处插图"
            case .ciChuWeiTuPian: return "此处为图片"
            case .tuPianLue: return "图片略"
            case .yu: return "余"
            case .duo: return "多"
            case .zuoYou: return "左右"
            case .lv: return "率"
            case .qizhong: return "其中"
            case .ciChuChaRu: return "此处插入"
            case .lueFull: return "（略）"
            case .lueHalf: return "(略)"
            }
        }

        static let matcher = MultiPatternMatcher(patterns: allCases.map(\.text))
    }

    /// The matcher of each kind (the indexes' own), in `Kind` order.
    let parts: [MultiPatternMatcher]
    /// Payload = pattern index in its kind's matcher × 8 + kind.
    let matcher: MultiPatternMatcher

    init(parts: [MultiPatternMatcher]) {
        precondition(parts.count <= 8)
        self.parts = parts
        var pats: [(pattern: String, payload: Int)] = []
        for (k, m) in parts.enumerated() {
            for (i, p) in m.patterns.enumerated() { pats.append((p, i << 3 | k)) }
        }
        matcher = MultiPatternMatcher(pats)
    }

    /// For `Knowledge.shared`, built on first use.
    static let shared: KnowledgeScan = {
        let k = Knowledge.shared
        return KnowledgeScan(parts: [k.confusables.matcher, k.terms.wrongFormMatcher, k.anchors.matcher, UnitMismatchRule.matcher,
                                     Trigger.matcher, k.terms.formulas.partMatcher, k.terms.formulas.truncationMatcher])
    }()

    /// Compiles the automaton now (it is otherwise compiled on the first scan).
    func prepare() { _ = matcher.stateCount }

    /// Every match of every kind in the whole text (overlapping ones included, in order of end offset),
    /// as its kind's matcher would report it.
    func scan(_ text: SourceText) -> [[MultiPatternMatcher.Match]] {
        var out = [[MultiPatternMatcher.Match]](repeating: [], count: parts.count)
        text.bytes.withUnsafeBufferPointer { p in
            matcher.forEachMatch(in: p, range: 0..<p.count) { m in
                let k = m.payload & 7, i = m.payload >> 3
                out[k].append(MultiPatternMatcher.Match(start: m.start, end: m.end, pattern: i, payload: parts[k].payloads[i]))
            }
        }
        return out
    }
}
