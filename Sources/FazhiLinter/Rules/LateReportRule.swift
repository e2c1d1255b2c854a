import FazhiParser
import FazhiText

/// `late-report`: the report must be made public before 1 April of the year after the reported year.
struct LateReportRule: Rule {
    let metadata = RuleMetadata(
        id: "late-report",
        category: .time,
        defaultSeverity: .info,
        title: "成文日期晚于公开期限",
        rationale: "地方各级政府和县级以上政府部门的法治政府建设年度报告，应当于每年4月1日之前通过报刊、网站等新闻媒体向社会公开（涉及党和国家秘密的除外）；报送上级的时间一般还要更早。成文日期在报告年度次年4月1日或以后，说明报告已经错过公开期限，或者日期写错。",
        source: "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）第二十四条（年度报告向社会公开）；该规定关于年度报告报送时间的规定",
        examples: [
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n特此报告。\n××镇人民政府\n2025年4月15日\n", triggers: true),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n特此报告。\n××镇人民政府\n2025年3月31日\n", triggers: false),
        ],
        fixable: false)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let r = ctx.report
        guard let reported = r.year, let d = r.closing.date, let y = d.year, let m = d.month, let day = d.day else { return }
        guard m >= 1, m <= 12, day >= 1, day <= 31 else { return }
        // A year other than reported + 1 is `date-format`'s business.
        guard y == reported + 1, m >= 4 else { return }
        var related: [RelatedLocation] = []
        if let yr = r.yearRange { related.append(RelatedLocation(range: yr, message: "报告年度为\(reported)年")) }
        sink.report(d.range, "成文日期晚于\(y)年4月1日；年度报告应于每年4月1日前向社会公开，请核对日期或尽快公开",
                    related: related)
    }
}
