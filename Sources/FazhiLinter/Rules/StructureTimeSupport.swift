import FazhiParser
import FazhiText

// Helpers shared by the structure and time rules (part headings, year mentions, sentence starts).

/// A year written as four Arabic digits followed by 年 (e.g. `2024年`).
struct YearMention {
    var year: Int
    /// The digits and the 年 (`2024年`).
    var range: TextRange
    /// The four digits only.
    var digits: TextRange
}

extension LintContext {
    /// Headings that stand for a part, in document order: the top-level part headings and the
    /// sub-headings of parts merged into another ("（三）履行第一责任人职责情况" under the measures).
    /// The parser's recognition (`Report.partSections`), shared by every rule that reads structure.
    var partHeadings: [Int] { report.partSections }

    /// Only the top-level part headings (parts with a heading of their own).
    var topPartHeadings: [Int] { report.partSections.filter { report.headings[$0].parent == nil } }

    /// The short name of a part for messages.
    func partName(_ id: String) -> String { profile.part(id)?.short ?? id }

    /// The body of a heading's section: its run-on text and everything after its line.
    func sectionBody(_ h: Heading) -> TextRange {
        let start = h.runOnRange?.start ?? h.lineRange.end
        return TextRange(min(start, h.sectionRange.end), h.sectionRange.end)
    }

    /// Whether a range holds only space characters and line breaks (stops at the first other scalar).
    func isBlank(_ r: TextRange) -> Bool {
        source.bytes.withUnsafeBufferPointer { p -> Bool in
            var i = max(0, r.start)
            let e = min(r.end, p.count)
            while i < e {
                let (v, len) = Scalars.decode(p, i)
                if !Scalars.isBlank(v) { return false }
                i += len
            }
            return true
        }
    }

    /// `2024年` mentions in a range (four digits not part of a longer number, 1990…2100).
    /// A byte scan: a run of exactly four ASCII digits (the range's start counts as a run start)
    /// followed by 年 inside the range.
    func yearMentions(in r: TextRange) -> [YearMention] {
        var out: [YearMention] = []
        source.bytes.withUnsafeBufferPointer { p in
            let lo = max(0, r.start), hi = min(r.end, p.count)
            var i = lo
            while let run = ByteSearch.nextDigitRun(in: p, from: i, to: hi) {
                let s = run.lowerBound
                i = run.upperBound
                guard i - s == 4, i + 3 <= hi, Scalars.decode(p, i).0 == .scalar("年") else { continue }
                let y = p[s..<i].reduce(0) { $0 * 10 + Int($1 &- UInt8(ascii: "0")) }
                var before: UInt32 = 0
                if s > lo {
                    let (v, len) = Scalars.decodeBefore(p, s)
                    if s - len >= lo { before = v }
                }
                // 2023—2024年 / 2023-2024年 name a span, not one year.
                let inSpan = Punctuation.isRangeDash(before)
                if y >= 1990, y <= 2100, !inSpan {
                    out.append(YearMention(year: y, range: TextRange(s, i + 3), digits: TextRange(s, i)))
                }
                i += 3
            }
        }
        return out
    }

    /// Whether `offset` starts a sentence: at the start of a line (after indentation) or after 。！？；
    /// (an item of a run of measures starts like a sentence).
    func startsSentence(_ offset: Int) -> Bool {
        source.bytes.withUnsafeBufferPointer { Sentences.starts(in: $0, at: offset, after: .sentenceOrItem) }
    }

    /// The end of the sentence that starts at `offset` (after its 。！？, or the end of the line / range).
    func sentenceEnd(from offset: Int, limit: Int) -> Int {
        source.bytes.withUnsafeBufferPointer { Sentences.end(in: $0, from: offset, limit: limit) }
    }

    /// The first offset in a range that is not a space or line break (the range's end when blank).
    func firstNonBlank(in r: TextRange) -> Int {
        var first = r.end
        var done = false
        forEachScalar(in: r) { v, o, _ in
            guard !done else { return }
            if !Scalars.isBlank(v) { first = o; done = true }
        }
        return first
    }

    /// The range without trailing spaces and line breaks.
    func trimmingTrailingBlanks(_ r: TextRange) -> TextRange {
        var e = r.end
        while e > r.start {
            let (v, len) = scalar(before: e)
            guard Scalars.isBlank(v), len > 0 else { break }
            e -= len
        }
        return TextRange(r.start, e)
    }

    /// The parsed title when it reads like one: the parser may take an opening sentence that names
    /// 法治 and 报告 (…现将有关情况报告如下) for the title when the real title is missing or ends with 。.
    var plausibleTitle: Title? {
        guard let t = report.header.title else { return nil }
        if t.text.contains("，") || t.text.contains("如下") || t.text.contains(",") { return nil }
        return t
    }

    /// The report year as read from the title, with its range (nil when the title names no year).
    var titleYear: (year: Int, range: TextRange)? {
        guard let y = report.year, let yr = report.yearRange, let t = plausibleTitle, t.range.contains(yr) else { return nil }
        return (y, yr)
    }

    /// The trimmed range of a short line made of organ names (no sentence punctuation), else nil.
    func recipientLike(_ range: TextRange) -> TextRange? {
        let s = firstNonBlank(in: range)
        let line = trimmingTrailingBlanks(TextRange(s, range.end))
        let str = text(line)
        guard !str.isEmpty, str.count <= 30 else { return nil }
        if str.contains(where: { "。，；：:,;！？!?“”".contains($0) || ($0.isASCII && $0.isNumber) }) { return nil }
        return recipientEndings.contains(where: { str.hasSuffix($0) }) ? line : nil
    }
}

let recipientEndings = ["人民政府", "政府", "党委", "县委", "区委", "市委", "委员会", "常委会", "办公室", "办事处", "办", "局", "委"]
