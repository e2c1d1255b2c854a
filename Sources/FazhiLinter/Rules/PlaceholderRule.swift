import FazhiKnowledge
import FazhiParser
import FazhiText

/// `placeholder`: template placeholders left in the text (XX, ××, ○○, 【待填】, [此处插入…], （略）, TODO).
/// Finding and deciding are in `PlaceholderScan`.
struct PlaceholderRule: Rule {
    let metadata = RuleMetadata(
        id: "placeholder",
        category: .residue,
        defaultSeverity: .warning,
        title: "未替换的占位符",
        rationale: "套用模板或往年报告时，常留下“XX镇”“××件”“○○同志”“【待填】”“【待补充】”“[此处插入……]”“TODO”“此处填写”等占位内容，或者把没写完的段落标成“（略）”。报告公开前必须替换为实际名称和数据。两个数字之间的“×”是乘号，英文单词和型号中的“XX”（XXL、XX-200）不是占位符，“附件（略）”“图片（略）”是公开时的正常省略说明。",
        source: "《法治政府建设与责任落实督察工作规定》（年度报告应如实报告情况）；公文校核惯例",
        examples: [
            RuleExample("XX镇人民政府全年办理行政复议案件××件。\n", triggers: true),
            RuleExample("全年开展普法活动【待补充】次，[此处插入本年度数据]，TODO补充数据。\n", triggers: true),
            RuleExample("三、存在的不足和原因\n（略）\n", triggers: true),
            RuleExample("展板规格为2×3米，二〇〇八年启用，XXL码服装，型号XX-200。附件（略）\n", triggers: false),
        ],
        fixable: false)

    /// What a trigger word of the rule is: an X run, a phrase with a check of its own, （略）, or a template
    /// phrase of residue.json reported where it stands.
    enum Word: Int { case xRun, fill, insertHere, omitted, phrase }
    static let words = TriggerList("placeholder") {
        [("XX", Word.xRun.rawValue), ("xx", Word.xRun.rawValue), ("填写", Word.fill.rawValue), ("此处插入", Word.insertHere.rawValue),
         ("（略）", Word.omitted.rawValue), ("(略)", Word.omitted.rawValue)]
            + ResidueVocabulary.shared.placeholderPhrases.map { ($0, Word.phrase.rawValue) }
    }

    var triggers: [TriggerList] { [Self.words] }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        for f in PlaceholderScan.decide(PlaceholderScan.candidates(ctx), ctx) { sink.report(f.range, f.message) }
    }
}
