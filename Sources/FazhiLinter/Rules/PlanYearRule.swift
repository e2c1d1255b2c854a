import FazhiParser
import FazhiText

/// `plan-year`: the plans part is about the year after the reported year.
struct PlanYearRule: Rule {
    let metadata = RuleMetadata(
        id: "plan-year",
        category: .time,
        defaultSeverity: .error,
        title: "下一年度安排的年份错误",
        rationale: "年度报告的第四部分是“下一年度推进法治政府建设的主要安排”，标题或首句写明年份时，应为报告年度的下一年（2024年度报告写“2025年工作安排”）。沿用上一年报告的模板时，常把年份写成报告年度本身或更早的年份。只写“下一步”“下一年度”而不写年份的，不作判断。",
        source: "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）关于年度报告内容的规定",
        examples: [
            RuleExample("××镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n二、2023年工作安排\n继续加强法治培训。\n", triggers: true),
            RuleExample("××镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n二、下一步工作打算\n2023年，我镇将继续加强法治培训。\n", triggers: true, note: "首句以错误年份开头"),
            RuleExample("××镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n二、2024年工作安排\n继续加强法治培训。\n", triggers: false),
            RuleExample("××镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n二、下一步工作打算\n我镇将在巩固2023年成果的基础上继续加强法治培训。\n", triggers: false, note: "首句中提及报告年度的成果，不是安排的年份"),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let r = ctx.report
        guard let year = r.confidentYear, let yearRange = r.yearRange else { return }
        let expected = year + 1
        let related = [RelatedLocation(range: yearRange, message: "报告年度为\(year)年")]
        let hs = r.headings
        for i in ctx.partHeadings where hs[i].parts.contains("plans") {
            let h = hs[i]
            let inHeading = ctx.yearMentions(in: h.textRange)
            if !inHeading.isEmpty {
                // A heading that names the expected year is fine even if it names others (2025—2026年 spans are skipped).
                guard !inHeading.contains(where: { $0.year == expected }) else { continue }
                // A combined heading (存在的问题和2024年打算) may name the reported year for the problems.
                let candidates = h.parts.count > 1 ? inHeading.filter { $0.year != year } : inHeading
                if let m = candidates.first { report(m, expected, related, &sink) }
                continue
            }
            // No year in the heading: the first sentence of the section, when it opens with a year.
            let body = ctx.sectionBody(h)
            let start = ctx.firstNonBlank(in: body)
            guard start < body.end else { continue }
            let end = ctx.sentenceEnd(from: start, limit: body.end)
            if let m = ctx.yearMentions(in: TextRange(start, end)).first, m.range.start == start, m.year != expected {
                report(m, expected, related, &sink)
            }
        }
    }

    private func report(_ m: YearMention, _ expected: Int, _ related: [RelatedLocation], _ sink: inout DiagnosticSink) {
        sink.report(m.range, "下一年度主要安排应为\(expected)年，这里写的是\(m.year)年",
                    fixes: [Fix(title: "改为\(expected)年", edits: [TextEdit(range: m.digits, newText: String(expected))], isSafe: false)],
                    related: related, data: String(expected))
    }
}
