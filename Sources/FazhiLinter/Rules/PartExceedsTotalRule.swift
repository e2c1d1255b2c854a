import FazhiParser
import FazhiText

/// `part-exceeds-total`: a part stated as larger than its total (受理141件，其中调解175件), or a rate's
/// numerator larger than its denominator. The pairing of counts is `FigureAnalysis`'s.
struct PartExceedsTotalRule: Rule {
    let metadata = RuleMetadata(
        id: "part-exceeds-total",
        category: .spacing,
        defaultSeverity: .warning,
        title: "部分数大于总数",
        rationale: "“其中”后面的数量是前面总数的一部分，不可能比总数大；办结、调解成功等数量按比率与受理数对照时，也不应超过受理数。“其中”紧跟在总数之后、单位相同时，两者必定是同一批对象，为错误；其余情况（总数在更前面的分句，或办结数可能含上年结转）为警告。",
        source: "GB/T 15835-2011《出版物上数字用法》（统计数据前后一致）；数据核对惯例",
        examples: [
            RuleExample("受理矛盾纠纷141件，其中调解成功175件。\n", triggers: true),
            RuleExample("受理行政复议案件40件，办结45件，办结率100%。\n", triggers: true),
            RuleExample("受理矛盾纠纷141件，其中调解成功75件。培训干部120人次，其中领导干部135人。\n", triggers: false, note: "人次与人不是同一单位"),
        ],
        fixable: false)

    var triggers: [TriggerList] { [FigureAnalysis.triggers] }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        for e in ctx.cache.figures(ctx).excesses {
            let part = ctx.text(e.part.phrase), whole = ctx.text(e.whole.phrase)
            let why: String
            switch e.basis {
            case .subset: why = "“其中”部分不应多于总数"
            case .plannedActual: why = "实际数多于应有数，比率超过100%"
            case .verbPair, .total: why = "比率的分子多于分母"
            }
            sink.report(e.part.range, "“\(part)”多于前文的“\(whole)”：\(why)，请核对数据", severity: e.basis == .subset(immediate: true) ? .error : nil)
        }
    }
}
