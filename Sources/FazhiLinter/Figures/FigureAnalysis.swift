import FazhiKnowledge
import FazhiParser
import FazhiText

/// A part stated as larger than its total: 受理141件，其中调解175件.
public struct PartExcess: Sendable {
    public var part: StatedCount
    public var whole: StatedCount
    public var basis: FigureBasis
}

/// The one figure analysis of Fazhi: rates recomputed from their own counts and parts checked against
/// totals. `rate-mismatch` and `part-exceeds-total` read it through the lint run's cache; the language
/// server's hover and inlay hints call `rates(in:range:)`, so an editor shows what the diagnostic says.
public enum FigureAnalysis {
    /// Rates with their counts in the lines that overlap `range` (the whole text by default).
    public static func rates(in text: SourceText, range: TextRange? = nil, knowledge: Knowledge = .shared) -> [RateFigure] {
        let r = range ?? TextRange(0, text.count)
        let vocab = knowledge.figures
        var out: [RateFigure] = []
        var scratch: [StatedCount] = []
        let lv = Array("率".utf8)
        text.bytes.withUnsafeBufferPointer { p in
            let reader = FigureReader(p: p, vocab: vocab)
            let first = text.line(of: max(0, r.start)), last = text.line(of: max(r.start, min(r.end, text.count) - 1))
            for line in first...max(first, last) where line < text.lineCount {
                let lr = text.lineRange(line)
                var i = lr.start
                while true {
                    i = ByteSearch.first(lv[0], in: p, from: i, to: lr.end - 2)
                    guard i < lr.end - 2 else { break }
                    if p[i + 1] == lv[1] && p[i + 2] == lv[2], let f = reader.rate(at: i, line: lr, scratch: &scratch) { out.append(f) }
                    i += 1
                }
            }
        }
        return out
    }

    /// What a figure trigger word is: the 率 of a rate, or a word that opens the parts of a total (其中).
    enum Word: Int { case rate, subset }
    /// The words the figure rules start from; `rate-mismatch` and `part-exceeds-total` both declare it, so
    /// it is scanned once and the analysis runs once.
    static let triggers = TriggerList("figures") {
        [("率", Word.rate.rawValue)] + Knowledge.shared.figures.file.subsetMarkers.map { ($0, Word.subset.rawValue) }
    }

    /// What the figure rules report, computed once per lint run from the rates and subset words of the text.
    struct Findings: Sendable {
        var rates: [RateFigure] = []
        var excesses: [PartExcess] = []
    }

    static func findings(_ ctx: LintContext) -> Findings {
        var out = Findings()
        let vocab = Knowledge.shared.figures
        var scratch: [StatedCount] = []
        ctx.source.bytes.withUnsafeBufferPointer { p in
            let reader = FigureReader(p: p, vocab: vocab)
            for m in ctx.matches(triggers) {
                switch Word(rawValue: m.payload)! {
                case .rate:
                    guard let li = FormatScan.inProse(ctx, m.start), let f = reader.rate(at: m.start, line: li.range, scratch: &scratch) else { continue }
                    out.rates.append(f)
                    if !f.countsAgree { out.excesses.append(PartExcess(part: f.numerator, whole: f.denominator, basis: f.basis)) }
                case .subset:
                    guard let li = FormatScan.inProse(ctx, m.start) else { continue }
                    reader.parts(after: m.start, line: li.range, scratch: &scratch, into: &out.excesses)
                }
            }
        }
        // A part found both through 其中 and as a rate's numerator is reported once.
        var seen = Set<Int>()
        out.excesses = out.excesses.filter { seen.insert($0.part.range.start).inserted }
        return out
    }
}

extension FigureReader {
    /// The counts of the clause that 其中 (at `q`) opens, each checked against the nearest total before it
    /// in the same or the previous sentence; parts larger than their total are appended to `out`.
    func parts(after q: Int, line whole: TextRange, scratch counts: inout [StatedCount], into out: inout [PartExcess]) {
        // Within `lookBack` bytes either side (see `rate(at:)`): a flattened table with thousands of 其中 and no
        // clause end stays linear.
        var line = whole
        if q - line.start > Self.lookBack {
            var floor = q - Self.lookBack
            while floor < q && UTF8Validation.isContinuation(p[floor]) { floor += 1 }
            line = TextRange(floor, line.end)
        }
        let clauseLimit = min(line.end, q + Self.lookBack)
        // The clause ends at the next ，；。：！？ (、 separates parts of one list).
        let end = Clauses.end(in: p, from: q, limit: clauseLimit)
        let s1 = sentenceStart(before: q, floor: line.start)
        let s0 = s1 > line.start ? sentenceStart(before: s1 - scalar(before: s1).1, floor: line.start) : s1
        self.counts(in: TextRange(s0, end), into: &counts)
        for (i, part) in counts.enumerated() where part.range.start > q && part.isPart && !part.isApproximate {
            // The nearest count of the same unit in an earlier clause; an approximate one stops the search.
            guard let w = counts[..<i].lastIndex(where: { $0.clause < part.clause && $0.sameUnit(part) }) else { continue }
            let whole = counts[w]
            guard !whole.isApproximate, part.value > whole.value else { continue }
            out.append(PartExcess(part: part, whole: whole, basis: .subset(immediate: whole.clause == part.clause - 1)))
        }
    }
}
