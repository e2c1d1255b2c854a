import FazhiParser
import FazhiText

/// `empty-part`: a part heading whose section has no text at all.
struct EmptyPartRule: Rule {
    let metadata = RuleMetadata(
        id: "empty-part",
        category: .structure,
        defaultSeverity: .warning,
        title: "部分标题下没有内容",
        rationale: "年度报告各部分都应有实际内容。只有标题、下面没有任何文字的部分，往往是起草时留下的提纲没有补写，或复制粘贴时丢失了正文。确实没有需要报告的内容时，应写明“无”。",
        source: "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）关于年度报告内容的规定",
        examples: [
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n二、存在的不足和原因\n三、2025年工作安排\n继续加强法治培训。\n", triggers: true),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n二、其他需要报告的情况\n无。\n", triggers: false),
        ],
        fixable: false)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let hs = ctx.report.headings
        for i in ctx.partHeadings {
            let h = hs[i]
            guard ctx.isBlank(ctx.sectionBody(h)) else { continue }
            let name = h.parts.map(ctx.partName).joined(separator: "、")
            let hint = h.parts == ["other"] ? "；如无其他需要报告的情况，请写明“无”" : "；请补写内容"
            sink.report(h.textRange, "“\(name)”部分只有标题，没有内容\(hint)", data: h.parts.first)
        }
    }
}
