import FazhiKnowledge
import FazhiParser
import FazhiText

/// What `unknown-law` says about one 《…》 title: decided from the examination (category, catalogue match)
/// and, for catalogue documents, their standing in the report year and the part of the report.
struct CitationVerdict {
    var severity: Severity?
    var message: String
    var fixes: [Fix]
    var data: String?

    /// nil when nothing is worth saying.
    static func judge(_ exam: CitationExamination, span s: BookTitleSpan, ctx: LintContext, knowledge: Knowledge) -> CitationVerdict? {
        let name = exam.name
        switch exam.match {
        case .known(let law, let short):
            return currency(law, writtenShort: short, span: s, ctx: ctx, knowledge: knowledge)
        case .misnomer(let m, _):
            let targets = unique(m.suggest)
            var message = "《\(name)》名称有误：\(m.reason)"
            if !targets.isEmpty { message += "应为" + targets.map { "《\($0)》" }.joined(separator: "或") + "。" }
            let fixes = targets.map { Fix(title: "改为《\($0)》", edits: [TextEdit(range: s.inner, newText: $0)], isSafe: targets.count == 1) }
            return CitationVerdict(severity: nil, message: message, fixes: fixes, data: targets.first)
        case .unknown(let close?):
            let n = citationName(of: close, writtenShort: !name.hasPrefix(LawNames.nationalPrefix))
            let fix = Fix(title: "改为《\(n)》", edits: [TextEdit(range: s.inner, newText: n)], isSafe: false)
            return CitationVerdict(severity: nil, message: "未找到名为《\(name)》的\(noun(exam.category))，是否指《\(n)》？", fixes: [fix], data: n)
        case .unknown(nil):
            switch exam.category {
            case .nationalLaw:
                // Every law in force is in the catalogue: an unknown 法 is a wrong name (or a law long repealed).
                let similar = knowledge.laws.suggestions(for: name).map { citationName(of: $0, writtenShort: !name.hasPrefix(LawNames.nationalPrefix)) }
                var message = "未找到名为《\(name)》的法律法规"
                message += similar.isEmpty ? "，请核对法律的正式名称" : "，请核对名称（相近的有" + similar.map { "《\($0)》" }.joined(separator: "、") + "）"
                let fixes = similar.map { Fix(title: "改为《\($0)》", edits: [TextEdit(range: s.inner, newText: $0)], isSafe: false) }
                return CitationVerdict(severity: nil, message: message, fixes: fixes, data: similar.first)
            case .administrativeRegulation:
                // The catalogue may lag behind the State Council: say so, no more.
                return CitationVerdict(severity: .info, message: "法规库未收录《\(name)》，请核对名称", fixes: [], data: nil)
            default:
                return nil
            }
        }
    }

    /// Whether `judge` says nothing about this title wherever it stands (decided once per name).
    static func isQuiet(_ exam: CitationExamination, year: Int?, knowledge: Knowledge) -> Bool {
        switch exam.match {
        case .known(let law, _):
            guard let y = year else { return law.isInForce }
            return knowledge.standing(of: law, inReportYear: y) == .inForce
        case .misnomer, .unknown(.some):
            return false
        case .unknown(nil):
            return !exam.category.claimsCatalogueEntry
        }
    }

    /// A catalogue document judged against the report year (the current status when the year is unknown).
    static func currency(_ law: Law, writtenShort: Bool, span s: BookTitleSpan, ctx: LintContext, knowledge: Knowledge) -> CitationVerdict? {
        guard let year = ctx.report.confidentYear else {
            guard !law.isInForce, !WordSupport.isWrittenAsHistory(s.outer, in: ctx.source) else { return nil }
            return replaced(law, name: ctx.text(s.inner), since: knowledge.endDate(of: law), successor: knowledge.successor(of: law),
                            writtenShort: writtenShort, tail: "，不应再作为现行依据", span: s)
        }
        let standing = knowledge.standing(of: law, inReportYear: year)
        // Most citations are of documents in force: nothing more is looked up for them.
        if standing == .inForce { return nil }
        let name = ctx.text(s.inner)
        let successor = knowledge.successor(of: law)
        let inPlans = ctx.report.parts(at: s.outer.start).contains("plans")
        switch standing {
        case .inForce:
            return nil
        case .notYetIssued(let d):
            // A dated event in the title (行政执法监督条例) is reported once, by `anachronism`.
            if coveredByAnchor(s, year: year, ctx: ctx) { return nil }
            return CitationVerdict(severity: .error, message: "《\(name)》于\(d.chinese)才印发或公布，\(year)年度报告不可能引用，请核对名称或报告年度",
                                   fixes: [], data: law.id)
        case .issuedAfterYear(let d):
            if inPlans { return nil }
            return CitationVerdict(severity: .info, message: "《\(name)》于\(d.chinese)印发或公布，晚于本报告所述\(year)年度；如属下一年度的工作，宜写在下一年度安排中",
                                   fixes: [], data: law.id)
        case .endedBefore(let d):
            if WordSupport.isWrittenAsHistory(s.outer, in: ctx.source) { return nil }
            return replaced(law, name: name, since: d, successor: successor, writtenShort: writtenShort, tail: "，不应再作为现行依据", span: s)
        case .endedDuring(let d):
            if WordSupport.isWrittenAsHistory(s.outer, in: ctx.source) { return nil }
            if inPlans {
                return replaced(law, name: name, since: d, successor: successor, writtenShort: writtenShort, tail: "，下一年度安排不应再以其为依据", span: s)
            }
            var v = replaced(law, name: name, since: d, successor: successor, writtenShort: writtenShort,
                             tail: "；\(year)年度内该文件前期仍然有效，所述工作在此之后的，应以新文件为依据", span: s)
            v.severity = .info
            return v
        case .successorKnownAtWriting(let d):
            guard inPlans, let succ = successor, !WordSupport.isWrittenAsHistory(s.outer, in: ctx.source) else { return nil }
            let n = citationName(of: succ, writtenShort: writtenShort)
            let issued = succ.adoptedDate.map { "（已于\($0.chinese)印发）" } ?? ""
            return CitationVerdict(severity: .info, message: "《\(name)》自\(d.chinese)起被《\(n)》\(issued)取代，下一年度安排宜以《\(n)》为依据",
                                   fixes: [Fix(title: "改为《\(n)》", edits: [TextEdit(range: s.inner, newText: n)], isSafe: false)], data: law.id)
        }
    }

    /// 《X》已于D被《Y》取代 / 已废止, with the successor as a fix.
    static func replaced(_ law: Law, name: String, since d: KnowledgeDate?, successor: Law?, writtenShort: Bool, tail: String,
                         span s: BookTitleSpan) -> CitationVerdict {
        var message = "《\(name)》" + (d.map { "已于\($0.chinese)" } ?? "已")
        if let r = law.replacedBy {
            message += "被《\(successor.map { citationName(of: $0, writtenShort: writtenShort) } ?? r)》取代"
        } else {
            message += law.lawStatus == .expired ? "失效" : "废止"
        }
        var fixes: [Fix] = []
        if let succ = successor {
            let n = citationName(of: succ, writtenShort: writtenShort)
            fixes.append(Fix(title: "改为《\(n)》", edits: [TextEdit(range: s.inner, newText: n)], isSafe: false))
        }
        return CitationVerdict(severity: nil, message: message + tail, fixes: fixes, data: law.id)
    }

    /// An anchor inside the title that `anachronism` reports as issued after the writing window.
    static func coveredByAnchor(_ s: BookTitleSpan, year: Int, ctx: LintContext) -> Bool {
        let windowEnd = KnowledgeDate(year: year + 1, month: 3, day: 31)
        return ctx.anchorMatches.contains { m in
            s.inner.contains(m.range) && (m.anchor.startDate?.isCertainlyAfter(windowEnd) ?? false)
        }
    }

    static func noun(_ c: CitationCategory) -> String {
        switch c {
        case .nationalLaw, .administrativeRegulation: return "法律法规"
        default: return "文件"
        }
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
