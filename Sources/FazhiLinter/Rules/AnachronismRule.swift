import FazhiKnowledge
import FazhiParser
import FazhiText

/// `anachronism`: events, documents and slogans the report could not have cited when it was written
/// (after the writing window), and superseded ones cited as current.
///
/// Decisions:
/// * A report on year N is written in January–March of N+1, so the window ends on N+1-03-31. Anything
///   certainly dated after that is an error wherever it stands — the plans part (下一年度安排) included,
///   because plans are written in the same window. The one exception: inside the plans part, a mention
///   introduced by an anticipating word (迎接、筹备、即将、将于、谋划…) looks forward to an event
///   and is not a citation.
/// * Superseded items (`until`): 普法 plans, formulas of the guiding line (新理念新思想新战略, 十九大和十九届
///   历次全会) and former names (法制日报) are outdated when they ended before the reported year began (the
///   2020 report still speaks of 2020); goal phrases, outlines and laws when they were
///   superseded before the end of the reported year (the report is written after the successor took
///   over). Finished campaigns are past events, not anachronisms (巩固党纪学习教育成果 is fine).
///   A mention written as history (原…、…已废止) is not flagged; a catalogue document in 《》 is left
///   to `unknown-law`, which judges it against the report year.
/// * The year is the report's year (title, else opening); nothing is checked when it is unknown.
struct AnachronismRule: Rule {
    let metadata = RuleMetadata(
        id: "anachronism",
        category: .time,
        defaultSeverity: .error,
        title: "引用了报告年度不可能出现或已经过时的提法",
        rationale: "某年度的法治政府建设报告在次年一季度撰写，不可能引用此后才召开的会议、印发的文件或提出的提法（2024年度报告引用二十届四中全会精神，说明套用了更晚的材料）；已被接续的普法规划、纲要目标和已废止的法律也不应作为现行提法（2023年度报告仍写“七五”普法，2021年以后仍写“廉洁高效、守法诚信”）。前者为错误，后者为警告。",
        source: "Fazhi 时间锚点 anchors.json（党的全会、普法规划、纲要、法律施行日期等，依据中央文件和新华社公开报道）",
        examples: [
            RuleExample("关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n深入学习贯彻党的二十届四中全会精神。\n", triggers: true, note: "四中全会于2025年10月召开"),
            RuleExample("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n扎实推进七五普法。\n", triggers: true),
            RuleExample("关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n深入学习贯彻党的二十大和二十届二中、三中全会精神，扎实推进“八五”普法。\n", triggers: false),
            RuleExample("关于2020年度法治政府建设情况的报告\n一、主要举措和成效\n“七五”普法顺利通过总结验收。\n", triggers: false),
        ],
        fixable: true)

    static let anticipating = ["迎接", "筹备", "即将", "将于", "谋划", "届时", "召开前", "做好准备"]

    var triggers: [TriggerList] { [.anchors] }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        guard let year = ctx.report.confidentYear else { return }
        let knowledge = Knowledge.shared
        let index = knowledge.anchors
        let matches = ctx.anchorMatches
        guard !matches.isEmpty else { return }
        let windowEnd = KnowledgeDate(year: year + 1, month: 3, day: 31)
        let yearStart = KnowledgeDate(year: year, month: 1, day: 1)
        let yearEnd = KnowledgeDate(year: year, month: 12, day: 31)
        for m in matches {
            let a = m.anchor
            let kind = a.anchorKind
            // Dates parsed at load (the anchor's own strings only when the match carries no index).
            let startDate = m.anchorIndex.map { index.startDates[$0] } ?? a.startDate
            if let start = startDate, start.isCertainlyAfter(windowEnd) {
                if isAnticipated(m.range, ctx) { continue }
                let when = KnowledgeDate(year: start.year, month: start.month).chinese
                sink.report(m.range, "\(m.phrase)于\(when)\(Self.verb(kind))，\(year)年度报告不应引用",
                            related: [], data: a.id)
                continue
            }
            guard let until = m.anchorIndex.map({ index.untilDates[$0] }) ?? a.untilDate else { continue }
            let outdated: Bool
            switch kind {
            case .pufa, .formula, .renamed: outdated = until.isCertainlyBefore(yearStart)
            case .slogan, .outline, .law: outdated = !until.isCertainlyAfter(yearEnd)
            default: outdated = false
            }
            guard outdated else { continue }
            // A catalogue document in 《》 is judged against the report year by `unknown-law`.
            if let s = ctx.cache.bookTitles.span(containing: m.range), ctx.cache.isKnownTitle(ctx.text(s.inner)) { continue }
            if WordSupport.isWrittenAsHistory(m.range, in: ctx.source) { continue }
            var fixes: [Fix] = []
            if let next = a.supersededBy, !next.isEmpty {
                fixes.append(Fix(title: "改为“\(next)”", edits: [TextEdit(range: m.range, newText: next)], isSafe: false))
            }
            if kind == .renamed {
                // An old name may still be right when it refers to the past (an article of 2019): only a note.
                sink.report(m.range, "“\(m.phrase)”是旧称：\(a.note)", fixes: fixes, severity: .info, data: a.id)
                continue
            }
            sink.report(m.range, "\(year)年度报告不应再把“\(m.phrase)”作为现行提法：\(a.note)", fixes: fixes,
                        severity: .warning, data: a.id)
        }
    }

    /// Inside the plans part, a mention introduced by an anticipating word within its clause.
    private func isAnticipated(_ range: TextRange, _ ctx: LintContext) -> Bool {
        guard ctx.report.parts(at: range.start).contains("plans") else { return false }
        // The clause before the mention, up to 30 bytes (about 10 Han characters).
        let s = ctx.source.bytes.withUnsafeBufferPointer { Clauses.start(in: $0, before: range.start, floor: max(0, range.start - 30)) }
        guard s < range.start else { return false }
        let before = ctx.text(TextRange(s, range.start))
        return Self.anticipating.contains { before.contains($0) }
    }

    static func verb(_ kind: AnchorKind?) -> String {
        switch kind {
        case .congress, .plenum, .meeting: return "召开"
        case .pufa: return "部署"
        case .outline: return "印发"
        case .law: return "出台"
        case .campaign: return "启动"
        case .slogan, .formula, .none: return "提出"
        case .renamed: return "启用"
        }
    }
}
