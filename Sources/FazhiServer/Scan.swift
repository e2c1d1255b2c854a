// Local scans over report text for editor features: 《law》 mentions, numbers, sentences. Rates and their
// counts come from the linter's `FigureAnalysis`, the same analysis the diagnostics use.
import FazhiKnowledge
import FazhiParser
import FazhiText

/// A 《…》 mention: `outer` includes the brackets, `name` is what is between them.
struct LawMention {
    var outer: TextRange
    var name: TextRange
}

enum Scan {
    static let openBook: UInt32 = .leftBookTitleMark
    static let closeBook: UInt32 = .rightBookTitleMark

    /// 《…》 pairs on single lines within `range`.
    static func lawMentions(_ text: SourceText, in range: TextRange) -> [LawMention] {
        var out: [LawMention] = []
        let first = text.line(of: range.start), last = text.line(of: max(range.start, range.end - 1))
        for line in first...max(first, last) {
            let lr = text.lineRange(line)
            let run = ScalarRun(text, lr)
            var open: Int?
            for i in 0..<run.count {
                let v = run.scalars[i]
                if v == openBook { open = i }
                else if v == closeBook, let o = open {
                    let m = LawMention(outer: TextRange(run.offset(o), run.offset(i + 1)), name: TextRange(run.offset(o + 1), run.offset(i)))
                    if m.outer.overlaps(range) && !m.name.isEmpty { out.append(m) }
                    open = nil
                }
            }
        }
        return out
    }

    /// Numbers (digits with an optional decimal part and a trailing %/％) within a line range.
    static func numbers(_ run: ScalarRun) -> [(range: Range<Int>, value: Double, percent: Bool)] {
        var out: [(Range<Int>, Double, Bool)] = []
        var i = 0
        let s = run.scalars
        while i < s.count {
            guard Scalars.isDigitLike(s[i]) else { i += 1; continue }
            let start = i
            var intPart = 0.0
            while i < s.count && Scalars.isDigitLike(s[i]) { intPart = intPart * 10 + Double(Scalars.digitValue(s[i])); i += 1 }
            var value = intPart
            if i + 1 < s.count && (s[i] == .asciiPeriod || s[i] == .fullwidthFullStop) && Scalars.isDigitLike(s[i + 1]) {
                i += 1
                var scale = 0.1
                while i < s.count && Scalars.isDigitLike(s[i]) { value += Double(Scalars.digitValue(s[i])) * scale; scale /= 10; i += 1 }
            }
            var percent = false
            if i < s.count && (s[i] == .asciiPercent || s[i] == .fullwidthPercent) { percent = true; i += 1 }
            out.append((start..<i, value, percent))
        }
        return out
    }

    /// The sentence around `offset` within its line (ends at 。；！？ and their half-width forms, inclusive).
    static func sentence(_ text: SourceText, at offset: Int) -> TextRange {
        text.sentence(around: offset, within: text.lineRange(text.line(of: offset)), at: .sentenceOrItemAnyWidth)
    }

}

extension FazhiLanguageServer {
    /// Terms of art in a range. Guards against an empty range at the very end of the text, which
    /// `SourceText.clampedRange` in FazhiKnowledge reads past (index out of range).
    func termMatches(_ text: SourceText, _ range: TextRange) -> [FazhiKnowledge.TermMatch] {
        let s = max(0, range.start), e = min(range.end, text.count)
        guard s < e else { return [] }
        return knowledge.termMatches(in: text, range: TextRange(s, e))
    }
}
