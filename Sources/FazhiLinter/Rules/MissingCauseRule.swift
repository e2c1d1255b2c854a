import FazhiParser
import FazhiText

/// `missing-cause`: the shortcomings part must give reasons, not only list problems.
struct MissingCauseRule: Rule {
    let metadata = RuleMetadata(
        id: "missing-cause",
        category: .structure,
        defaultSeverity: .warning,
        title: "存在的不足未分析原因",
        rationale: "规定要求年度报告写明“存在的不足和原因”，不足和原因缺一不可。许多报告只罗列问题，不分析问题产生的原因，整改措施也就无从对应。本规则在“存在的不足”部分中查找“原因”“由于”“究其原因”“源于”“导致”“因为”“客观上”“主观上”等说明原因的用语，一处也没有时提示补写原因分析。",
        source: "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）关于年度报告内容的规定",
        examples: [
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、存在的不足和原因\n一是法治培训覆盖面不广；二是执法人员数量偏少。\n二、2025年工作安排\n继续加强法治培训。\n", triggers: true),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、存在的不足和原因\n一是法治培训覆盖面不广，主要是由于经费保障不足；二是执法人员数量偏少。\n二、2025年工作安排\n继续加强法治培训。\n", triggers: false),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、存在的问题\n（一）问题表现\n法治培训覆盖面不广。\n（二）原因分析\n经费保障不足。\n二、2025年工作安排\n继续加强法治培训。\n", triggers: false, note: "下级标题写明了原因分析"),
        ],
        fixable: false)

    static let causeWords = ["原因", "由于", "究其", "源于", "缘于", "导致", "因为", "客观上", "主观上", "根源", "归因", "致使", "造成"]

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let hs = ctx.report.headings
        for i in ctx.partHeadings where hs[i].parts.contains("shortcomings") {
            let h = hs[i]
            let body = ctx.sectionBody(h)
            // An empty section is `empty-part`'s business.
            guard !ctx.isBlank(body) else { continue }
            if Self.causeWords.contains(where: { !ctx.occurrences(of: $0, in: body).isEmpty }) { continue }
            if mentionsInfluence(ctx, body) { continue }
            sink.report(h.textRange, "“存在的不足和原因”部分未见原因分析（如“究其原因”“主要是由于”），只列出问题不够；请写明不足产生的原因")
        }
    }

    /// 受……影响 (e.g. 受编制所限、受疫情影响) also states a cause.
    private func mentionsInfluence(_ ctx: LintContext, _ body: TextRange) -> Bool {
        for s in ctx.occurrences(of: "受", in: body) {
            let window = TextRange(s.end, min(body.end, s.end + 3 * 14))
            if !ctx.occurrences(of: "影响", in: window).isEmpty || !ctx.occurrences(of: "所限", in: window).isEmpty { return true }
        }
        return false
    }
}
