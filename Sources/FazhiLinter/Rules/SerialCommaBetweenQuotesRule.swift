import FazhiParser
import FazhiText

/// `serial-comma-between-quotes`: no 顿号 between items each marked with 《》 or “” (GB/T 15834-2011 4.5.3.5).
struct SerialCommaBetweenQuotesRule: Rule {
    let metadata = RuleMetadata(
        id: "serial-comma-between-quotes",
        category: .punctuation,
        defaultSeverity: .warning,
        title: "书名号、引号之间不用顿号",
        rationale: "并列的各项都带有书名号或引号时，书名号之间、引号之间通常不用顿号，例如“学习《宪法》《民法典》”。若并列项之间有括注等其他成分隔开，如“《甲》（2020年）、《乙》”，则用顿号。",
        source: "GB/T 15834-2011《标点符号用法》4.5.3.5",
        examples: [
            RuleExample("深入学习《宪法》、《民法典》、《行政处罚法》等法律法规。\n", triggers: true),
            RuleExample("推行“最多跑一次”、“一网通办”改革。\n", triggers: true),
            RuleExample("深入学习《宪法》《民法典》等法律法规，修订《规则》（2020年）、《办法》（2022年）。\n", triggers: false),
            RuleExample("组织“八五”普法、“民法典”宣传月活动。\n", triggers: false, note: "引号只标出并列项的一部分"),
            RuleExample("严格执行“罚缴分离”、“收支两条线”制度。\n", triggers: true),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let marks = ctx.cache.marks
        for k in 0..<marks.count where marks.values[k] == .enumerationComma {
            let r = TextRange(marks.offsets[k], marks.offsets[k] + 3)
            let (p, _) = ctx.scalar(before: r.start)
            let q = ctx.scalar(at: r.end)
            let titles = p == .rightBookTitleMark && q == .leftBookTitleMark
            let quotes = p == .rightDoubleQuote && q == .leftDoubleQuote
            guard titles || quotes, FormatScan.inProse(ctx, r.start) != nil else { continue }
            if quotes && !closes(ctx, from: r.end) { continue }
            let what = titles ? "书名号" : "引号"
            sink.report(r, "并列的\(what)之间通常不用顿号",
                        fixes: [Fix(title: "删除顿号", edits: [TextEdit(range: r, newText: "")])])
        }
    }

    /// Whether the quotation opening at `from` closes on the same line.
    private func closes(_ ctx: LintContext, from: Int) -> Bool {
        guard let li = FormatScan.line(ctx, at: from) else { return false }
        var depth = 0, closed = false
        ctx.forEachScalar(in: TextRange(from, li.range.end)) { v, _, _ in
            guard !closed else { return }
            if v == .leftDoubleQuote { depth += 1 } else if v == .rightDoubleQuote { depth -= 1; if depth == 0 { closed = true } }
        }
        return closed
    }
}
