import FazhiKnowledge
import FazhiParser
import FazhiText

/// `confusable`: a wrong word from confusables.json (rule `confusable`) → the right one.
struct ConfusableRule: Rule {
    let metadata = RuleMetadata(
        id: "confusable",
        category: .words,
        defaultSeverity: .warning,
        title: "易混淆词语",
        rationale: "公文中常见的错别字和误用词（截止/截至、做出/作出、布署、台帐等）会影响报告的严肃性。词表收录的每一组都写明了错误写法、正确写法和理由；错误写法取得足够长，只在确定有误的搭配中报告，属于正确用法的更长词语（例外）不报告。严重程度随词条：错别字为错误，误用词为警告，推荐写法为提示。",
        source: "Fazhi 词表 confusables.json（依据《通用规范汉字表》、《现代汉语词典》及公文常见差错整理）",
        examples: [
            RuleExample("截止目前，已化解矛盾纠纷86件。\n", triggers: true, note: "应为“截至目前”"),
            RuleExample("认真落实县委县政府工作布署。\n", triggers: true),
            RuleExample("截至目前，已化解矛盾纠纷86件。\n", triggers: false),
            RuleExample("在公告栏公布署名文章。\n", triggers: false, note: "“公布署名”是例外"),
        ],
        fixable: true)

    var triggers: [TriggerList] { [.confusables] }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let matches = ctx.confusableMatches.filter { $0.pair.ruleKind == .confusable }
        guard !matches.isEmpty else { return }
        let overridden = WordSupport.configOverrides(ctx, metadata.id)
        for m in matches {
            if WordSupport.isInsideKnownTitle(m.range, ctx) { continue }
            let p = m.pair
            let fix = Fix(title: "改为“\(p.right)”", edits: [TextEdit(range: m.range, newText: p.right)], isSafe: true)
            sink.report(m.range, "应为“\(p.right)”：\(p.reason)", fixes: [fix],
                        severity: overridden ? nil : WordSupport.severity(p.severity), data: p.right)
        }
    }
}
