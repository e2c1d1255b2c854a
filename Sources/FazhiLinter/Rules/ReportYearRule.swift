import FazhiParser
import FazhiText

/// `report-year`: places that present a year as the reported year must agree with the title's year.
struct ReportYearRule: Rule {
    let metadata = RuleMetadata(
        id: "report-year",
        category: .time,
        defaultSeverity: .warning,
        title: "报告年度前后不一致",
        rationale: "年度报告总结的是上一年度的工作，标题、开头段和“主要举措和成效”部分所说的年度应当一致。沿用往年报告修改时，开头的“××××年，”“××××年以来”或成效部分的标题常漏改年份。本规则只检查以报告年度身份出现的年份：开头段的第一个年份、成效部分标题中的年份、成效部分中以“××××年，”开头且晚于报告年度的句子；正文中用于比较的其他年份不作判断。",
        source: "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）关于年度报告内容的规定",
        examples: [
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n××县人民政府：\n2023年，我镇扎实推进法治政府建设。现将有关情况报告如下：\n一、主要举措和成效\n全年召开专题会议4次。\n", triggers: true),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、2023年法治政府建设主要举措和成效\n全年召开专题会议4次。\n", triggers: true, note: "成效部分标题的年份与标题不一致"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n××县人民政府：\n2024年，我镇扎实推进法治政府建设。现将有关情况报告如下：\n一、主要举措和成效\n与2023年相比，行政复议案件数量下降。\n", triggers: false),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let r = ctx.report
        guard let (year, yearRange) = ctx.titleYear else { return }
        let related = [RelatedLocation(range: yearRange, message: "标题中的报告年度为\(year)年")]
        func flag(_ m: YearMention, _ what: String) {
            sink.report(m.range, "\(what)写的是\(m.year)年，与标题中的报告年度\(year)年不一致",
                        fixes: [Fix(title: "改为\(year)年", edits: [TextEdit(range: m.digits, newText: String(year))], isSafe: false)],
                        related: related, data: String(year))
        }
        // The opening: its first year, when it opens the paragraph (2023年，/ 2023年以来 / 2023年度 / 2023年是).
        if let op = r.header.opening, op < r.paragraphs.count {
            let para = r.paragraphs[op]
            var p = para.range
            // A recipient line without its colon is joined into the opening by the parser: skip it.
            if para.lastLine > para.firstLine, let rec = ctx.recipientLike(r.lines[para.firstLine].range) { p = TextRange(rec.end, p.end) }
            let start = ctx.firstNonBlank(in: p)
            let first = ctx.sentenceEnd(from: start, limit: p.end)
            if let m = ctx.yearMentions(in: TextRange(start, first)).first, m.year != year, presentsAsPeriod(ctx, m, sentenceStart: start) {
                flag(m, "开头段")
            }
        }
        let hs = r.headings
        for i in ctx.partHeadings where hs[i].parts.contains("measures") && !hs[i].parts.contains("plans") {
            let h = hs[i]
            if let m = ctx.yearMentions(in: h.textRange).first(where: { $0.year != year }) {
                flag(m, "“主要举措和成效”部分的标题")
                continue
            }
            // Sentences in the measures part that open with a later year: "2025年，我镇……".
            for m in ctx.yearMentions(in: ctx.sectionBody(h)) where m.year > year && ctx.startsSentence(m.range.start) {
                if ctx.scalar(at: m.range.end) == .comma { flag(m, "“主要举措和成效”部分") }
            }
        }
    }

    /// A year at the start of the opening sentence followed by ，/以来/度/是, or a year written as ××××年度 anywhere in it.
    private func presentsAsPeriod(_ ctx: LintContext, _ m: YearMention, sentenceStart: Int) -> Bool {
        let next = ctx.scalar(at: m.range.end)
        if next == .scalar("度") { return true } // 年度
        guard m.range.start == sentenceStart else { return false }
        return next == .comma || next == .scalar("以") || next == .scalar("是") || next == .asciiComma // 以(来)
    }
}
