// Local scans over report text for editor features: 《law》 mentions, numbers, sentences, rates.
import FazhiParser
import FazhiText

/// A 《…》 mention: `outer` includes the brackets, `name` is what is between them.
struct LawMention {
    var outer: TextRange
    var name: TextRange
}

/// A rate such as 办结率95% whose counts appear earlier in the sentence.
struct RateFinding {
    /// 办结率95%
    var range: TextRange
    var label: String
    var stated: Double
    var numerator: Double
    var denominator: Double
    var computed: Double { denominator > 0 ? numerator / denominator * 100 : 0 }
}

enum Scan {
    static let openBook: UInt32 = 0x300A   // 《
    static let closeBook: UInt32 = 0x300B  // 》

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

    static func isNumberScalar(_ v: UInt32) -> Bool { Scalars.isDigitLike(v) }

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
            if i + 1 < s.count && (s[i] == 0x2E || s[i] == 0xFF0E) && Scalars.isDigitLike(s[i + 1]) {
                i += 1
                var scale = 0.1
                while i < s.count && Scalars.isDigitLike(s[i]) { value += Double(Scalars.digitValue(s[i])) * scale; scale /= 10; i += 1 }
            }
            var percent = false
            if i < s.count && (s[i] == 0x25 || s[i] == 0xFF05) { percent = true; i += 1 }
            out.append((start..<i, value, percent))
        }
        return out
    }

    static func isSentenceEnd(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF1B || v == 0xFF01 || v == 0xFF1F || v == 0x3B || v == 0x21 || v == 0x3F
    }

    /// The sentence around `offset` within its line (ends at 。；！？, inclusive).
    static func sentence(_ text: SourceText, at offset: Int) -> TextRange {
        let lr = text.lineRange(text.line(of: offset))
        let run = ScalarRun(text, lr)
        var a = 0, i = 0
        while i < run.count && run.offset(i) < offset {
            if isSentenceEnd(run.scalars[i]) { a = i + 1 }
            i += 1
        }
        var b = run.count, k = max(i, a)
        while k < run.count {
            if isSentenceEnd(run.scalars[k]) { b = k + 1; break }
            k += 1
        }
        return TextRange(run.offset(a), run.offset(b))
    }

    /// Rates with counts (办结率95% after 受理120件…办结114件) in a line.
    static func rates(_ text: SourceText, line: Int) -> [RateFinding] {
        let run = ScalarRun(text, text.lineRange(line))
        let s = run.scalars
        var out: [RateFinding] = []
        var sentenceStart = 0
        let nums = numbers(run)
        for (ni, n) in nums.enumerated() where n.percent {
            // Find the sentence start before this number.
            sentenceStart = 0
            for i in stride(from: n.range.lowerBound - 1, through: 0, by: -1) where isSentenceEnd(s[i]) { sentenceStart = i + 1; break }
            // 率 before the number, allowing 为/达/达到/是/： between.
            var j = n.range.lowerBound - 1
            let fillers: Set<UInt32> = [0x4E3A, 0x8FBE, 0x5230, 0x662F, 0xFF1A, 0x3A, 0x4E86]  // 为 达 到 是 ： : 了
            while j > sentenceStart && fillers.contains(s[j]) { j -= 1 }
            guard j >= sentenceStart, s[j] == 0x7387 else { continue }  // 率
            var k = j
            while k > sentenceStart && Scalars.isHan(s[k - 1]) && j - k < 6 { k -= 1 }
            guard k < j else { continue }
            let stemRun = Array(s[k..<j])
            // Numerator: the longest suffix of the stem that is followed by a number earlier in the sentence.
            var numer: (index: Int, value: Double, unit: UInt32?)?
            for len in stride(from: stemRun.count, through: 1, by: -1) where numer == nil {
                let stem = Array(stemRun[(stemRun.count - len)...])
                for (mi, m) in nums.enumerated().reversed() where mi < ni && m.range.lowerBound >= sentenceStart && !m.percent {
                    var e = m.range.lowerBound
                    while e > sentenceStart && (s[e - 1] == 0x4E86 || s[e - 1] == 0x5171) { e -= 1 }  // 了 共
                    guard e - stem.count >= sentenceStart, Array(s[(e - stem.count)..<e]) == stem else { continue }
                    let unit = m.range.upperBound < s.count ? s[m.range.upperBound] : nil
                    numer = (mi, m.value, unit)
                    break
                }
            }
            guard let nu = numer else { continue }
            // Denominator: the nearest earlier count with the same unit, else the nearest earlier count.
            var denom: Double?
            var fallback: Double?
            for mi in stride(from: nu.index - 1, through: 0, by: -1) {
                let m = nums[mi]
                guard m.range.lowerBound >= sentenceStart, !m.percent else { continue }
                let unit = m.range.upperBound < s.count ? s[m.range.upperBound] : nil
                if fallback == nil { fallback = m.value }
                if unit == nu.unit { denom = m.value; break }
            }
            guard let d = denom ?? fallback, d > 0, nu.value <= d else { continue }
            out.append(RateFinding(range: TextRange(run.offset(k), run.offset(n.range.upperBound)),
                                   label: run.string(k, j + 1), stated: n.value, numerator: nu.value, denominator: d))
        }
        return out
    }

    static func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e12 { return String(Int(v)) }
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
