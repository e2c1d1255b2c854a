import FazhiParser
import FazhiText

/// `rate-mismatch`: a rate that does not follow from its own counts in the sentence or the one before
/// (受理矛盾纠纷141件，其中调解75件，调解率60.5%). The pairing of counts is `FigureAnalysis`'s.
struct RateMismatchRule: Rule {
    let metadata = RuleMetadata(
        id: "rate-mismatch",
        category: .spacing,
        defaultSeverity: .warning,
        title: "比率与前文数据不符",
        rationale: "报告常在一句话或前后两句中给出数量和比率（受理、办结与办结率，受理、其中调解与调解率，应参训、实际参训与参训率）。比率与数量对不上，说明有一处数据写错，审核时会被追问。只在能确定分子和分母时才检查：分子是与比率同一动词的数量（“调解成功率”的分子要有“成功”），分母是“其中”之前的总数、同一动词的“应……”数，或唯一的受理、排查等数量；按文中写到的小数位四舍五入或截断都算一致。",
        source: "GB/T 15835-2011《出版物上数字用法》（统计数据用阿拉伯数字，前后一致）；数据核对惯例",
        examples: [
            RuleExample("全年受理行政复议案件40件，办结38件，办结率100%。\n", triggers: true),
            RuleExample("受理矛盾纠纷141件，其中调解75件，调解率60.5%。\n", triggers: true, note: "75÷141≈53.2%"),
            RuleExample("应参训干部60人，实际参训58人，参训率100%。\n", triggers: true),
            RuleExample("全年受理行政复议案件40件，办结38件，办结率95%。调处纠纷3起，调解成功2起，成功率66.6%。\n", triggers: false, note: "66.6% 是截断"),
        ],
        fixable: true)

    var triggers: [TriggerList] { [FigureAnalysis.triggers] }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        for rate in ctx.cache.figures(ctx).rates where rate.countsAgree && !rate.isConsistent {
            report(rate, ctx, &sink)
        }
    }

    private func report(_ r: RateFigure, _ ctx: LintContext, _ sink: inout DiagnosticSink) {
        let shown = r.computedText
        let nu = ctx.text(r.numerator.phrase), de = ctx.text(r.denominator.phrase)
        let message = "按“\(de)”“\(nu)”计算，\(ctx.text(r.stem))率应为\(shown)%（\(r.numerator.value)÷\(r.denominator.value)），这里写的是\(ctx.text(r.valueRange))"
        sink.report(r.valueRange, message, fixes: [Fix(title: "改为\(shown)%", edits: [TextEdit(range: r.digits, newText: shown)], isSafe: false)])
    }
}
