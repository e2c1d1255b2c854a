import FazhiKnowledge
import FazhiParser
import FazhiText

/// `unknown-law`: a 《…》 title that names no known national document, a known wrong name, or a
/// repealed document cited as current.
public struct UnknownLawRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "unknown-law",
        category: .words,
        defaultSeverity: .warning,
        title: "法律法规名称有误或已废止",
        rationale: "报告引用的法律法规、党内法规和中央文件必须写对名称：书名号内应是文件的正式名称或通行简称（《民法典》），不能是并不存在的名称（《信访法》）、漏字的名称（《乡村振兴法》），也不能把已经废止的文件（《信访条例》《民法通则》）当作现行依据。只检查看起来是国家层面文件的名称；地方性法规、本级制度、书籍和报刊不在核对范围内。",
        source: "Fazhi 法规库 laws.json（名称、简称、效力状态和常见误称，依据国家法律法规数据库及各文件正式文本）",
        examples: [
            RuleExample("依据《信访法》依法分类处理信访诉求。\n", triggers: true, note: "没有《信访法》，应为《信访工作条例》"),
            RuleExample("2023年，严格执行《乡村振兴法》。\n", triggers: true),
            RuleExample("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n严格落实《信访条例》。\n", triggers: true, note: "《信访条例》已被《信访工作条例》取代"),
            RuleExample("组织学习《民法典》和《中华人民共和国行政处罚法》。\n", triggers: false),
            RuleExample("修订《北屏乡行政规范性文件管理办法》，订阅《法治日报》。\n", triggers: false),
        ],
        fixable: true)

    public func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let spans = ctx.cache.bookTitles.spans
        guard !spans.isEmpty else { return }
        // The same name is looked up once per report.
        var lookups: [String: TitleLookup] = [:]
        let knowledge = Knowledge.shared
        let year = ctx.report.year
        for s in spans {
            let len = s.inner.end - s.inner.start
            guard len > 0 && len <= 300 else { continue }
            let name = ctx.text(s.inner)
            let found: TitleLookup
            if let l = lookups[name] { found = l } else {
                found = WordSupport.lookupTitle(name, knowledge: knowledge)
                lookups[name] = found
            }
            switch found {
            case .other:
                continue
            case .law(let law, let short):
                guard !law.isInForce else { continue }
                reportRepealed(law, writtenShort: short, span: s, name: name, year: year, ctx: ctx, knowledge: knowledge, sink: &sink)
            case .misnomer(let m, _):
                let targets = Self.unique(m.suggest)
                var message = "《\(name)》名称有误：\(m.reason)"
                if !targets.isEmpty { message += "应为" + targets.map { "《\($0)》" }.joined(separator: "或") + "。" }
                let fixes = targets.map {
                    Fix(title: "改为《\($0)》", edits: [TextEdit(range: s.inner, newText: $0)], isSafe: targets.count == 1)
                }
                sink.report(s.outer, message, fixes: fixes, data: targets.first)
            case .unknownNational(let suggestions):
                var message = "未找到名为《\(name)》的法律法规"
                let names = suggestions.map { Self.citationName(of: $0, writtenShort: !name.hasPrefix(LawNames.nationalPrefix)) }
                if names.isEmpty {
                    message += "，请核对文件的正式名称"
                } else {
                    message += "，是否指" + names.map { "《\($0)》" }.joined(separator: "、") + "？"
                }
                let fixes = names.map { Fix(title: "改为《\($0)》", edits: [TextEdit(range: s.inner, newText: $0)], isSafe: false) }
                sink.report(s.outer, message, fixes: fixes, data: names.first)
            }
        }
    }

    /// A repealed or expired document cited as current. When the reported year ends before the
    /// repeal, citing it was right for that year: only a note.
    private func reportRepealed(_ law: Law, writtenShort: Bool, span s: BookTitleSpan, name: String, year: Int?,
                                ctx: LintContext, knowledge: Knowledge, sink: inout DiagnosticSink) {
        if WordSupport.isWrittenAsHistory(s.outer, in: ctx.source) { return }
        let successor = law.replacedBy.flatMap { knowledge.law(named: $0) }
        let date = successor.flatMap { $0.effectiveDate ?? $0.adoptedDate }
        let status = law.lawStatus == .expired ? "失效" : "废止"
        var message = "《\(name)》"
        if let d = date { message += "已于\(d.chinese)" } else { message += "已" }
        if let r = law.replacedBy {
            let shown = successor.map { Self.citationName(of: $0, writtenShort: writtenShort) } ?? r
            message += "被《\(shown)》取代"
        } else {
            message += status
        }
        var severity: Severity? = nil
        if let y = year, let d = date, d.isCertainlyAfter(KnowledgeDate(year: y, month: 12, day: 31)) {
            severity = .info
            message += "；本报告所述\(y)年度该文件仍然有效，但下一年度安排中不应再作为依据"
        } else {
            message += "，不应再作为现行依据"
        }
        var fixes: [Fix] = []
        if let succ = successor {
            let n = Self.citationName(of: succ, writtenShort: writtenShort)
            fixes.append(Fix(title: "改为《\(n)》", edits: [TextEdit(range: s.inner, newText: n)], isSafe: false))
        }
        sink.report(s.outer, message, fixes: fixes, severity: severity, data: law.id)
    }

    /// The name to write for a law: its first short form when the text uses short forms, else the full name.
    static func citationName(of law: Law, writtenShort: Bool) -> String {
        if writtenShort, let s = law.short.first(where: { !$0.isEmpty }) { return s }
        return law.name
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
