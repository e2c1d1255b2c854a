import FazhiParser
import FazhiText

/// `missing-part`: each required part of the profile must have a heading that covers it.
public struct MissingPartRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "missing-part",
        category: .structure,
        defaultSeverity: .error,
        title: "缺少必备部分",
        rationale: "年度报告应当包括上一年度推进法治政府建设的主要举措和成效、存在的不足和原因、党政主要负责人履行推进法治建设第一责任人职责情况、下一年度主要安排以及其他需要报告的情况。缺少其中任何一部分，报告就不完整，审核时会被退回。“其他需要报告的情况”没有内容时常被省略，因此只作提示。",
        source: "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）关于年度报告内容的规定",
        examples: [
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n二、存在的不足和原因\n法治培训覆盖面不广，原因是经费不足。\n三、2025年工作安排\n继续加强法治培训。\n", triggers: true, note: "缺少党政主要负责人履行第一责任人职责情况"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头述法。\n三、存在的不足和原因\n法治培训覆盖面不广，原因是经费不足。\n四、2025年工作安排\n继续加强法治培训。\n五、其他需要报告的情况\n无。\n", triggers: false),
        ],
        fixable: true)

    public func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let r = ctx.report
        // An empty or heading-less text is not a report yet: nothing to say about its parts.
        guard !r.headings.isEmpty else { return }
        let anchor = r.header.title?.range ?? r.headings[r.roots.first ?? 0].lineRange
        for part in r.profile.parts where !r.hasPart(part.id) {
            let message = part.required
                ? "缺少必备部分“\(part.official)”"
                : "没有“\(part.official)”部分；如无其他需要报告的情况，可写“无”"
            sink.report(anchor, message, severity: part.required ? nil : .info, data: part.id)
        }
    }
}
