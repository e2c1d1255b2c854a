import FazhiKnowledge
import FazhiParser
import FazhiText

/// `unknown-law`: a 《…》 title is first classified (national law, administrative regulation, Party or
/// central document, local or internal document, book, newspaper, campaign…), then judged: a wrong or
/// unknown name of a national law or regulation, a slip in the name of a catalogue document, or a catalogue
/// document that was not in force in the report year. Local and internal documents, books and newspapers
/// are never more than a hint. The decisions are in `CitationVerdict`.
struct UnknownLawRule: Rule {
    let metadata = RuleMetadata(
        id: "unknown-law",
        category: .words,
        defaultSeverity: .warning,
        title: "法律法规名称有误或已失效",
        rationale: "报告引用的法律法规、党内法规和中央文件必须写对名称，并且在报告年度有效。先判断书名号里是什么：国家法律（……法、中华人民共和国……）和行政法规（没有地名、单位名的……条例）应当在法规库中找到，找不到的如《信访法》《乡村振兴法》要报告；党内法规、中央文件只在与已知名称仅差一字（或年份区间漏了连接号）时提醒；地方性法规、本地本单位的方案计划办法、书籍报刊和活动名称不核对。已知文件按报告年度判断：当年有效的不报告（2020年度报告引用2015—2020年纲要是对的），年初已失效的为警告并给出取代它的文件，年内失效或次年初已有新文件的只提示，报告写成时尚未出台的为错误。",
        source: "Fazhi 法规库 laws.json（名称、简称、施行与废止日期、取代关系）与文件分类词表 citations.json",
        examples: [
            RuleExample("依据《信访法》依法分类处理信访诉求。\n", triggers: true, note: "没有《信访法》，应为《信访工作条例》"),
            RuleExample("2023年，严格执行《乡村振兴法》。\n", triggers: true),
            RuleExample("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n严格落实《信访条例》。\n", triggers: true, note: "《信访条例》已于2022年5月1日被《信访工作条例》取代"),
            RuleExample("关于2020年度法治政府建设情况的报告\n一、主要举措和成效\n贯彻落实《法治政府建设实施纲要（2015—2020年）》。\n", triggers: false, note: "2020年仍然有效"),
            RuleExample("组织学习《民法典》和《中华人民共和国行政处罚法》。\n", triggers: false),
            RuleExample("修订《北屏乡行政规范性文件管理办法》，制定《法治下陆建设规划（2021—2025年）》，订阅《法治日报》。\n", triggers: false),
            RuleExample("学习《习近平法治思想学习纲要》，落实《全面深化法治领域改革纲要（2023—2027年）》。\n", triggers: false),
        ],
        fixable: true)

    /// Anchors: a title an anachronism already reports is left to it (`CitationVerdict.coveredByAnchor`).
    var triggers: [TriggerList] { [.anchors] }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let spans = ctx.cache.bookTitles.spans
        guard !spans.isEmpty else { return }
        let knowledge = Knowledge.shared
        // The same name is examined once per report; names that need nothing anywhere (documents in force in
        // the report year, local documents, books) are remembered as quiet.
        var examined: [String: CitationExamination] = [:]
        var quiet = Set<String>()
        for s in spans where s.inner.length > 0 && s.inner.length <= 300 {
            let name = ctx.text(s.inner)
            if quiet.contains(name) { continue }
            let exam: CitationExamination
            if let e = examined[name] { exam = e } else {
                exam = knowledge.examineCitation(name)
                examined[name] = exam
                if CitationVerdict.isQuiet(exam, year: ctx.report.confidentYear, knowledge: knowledge) { quiet.insert(name); continue }
            }
            guard let v = CitationVerdict.judge(exam, span: s, ctx: ctx, knowledge: knowledge) else { continue }
            sink.report(s.outer, v.message, fixes: v.fixes, severity: v.severity, data: v.data)
        }
    }
}
