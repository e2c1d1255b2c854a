import FazhiParser
import FazhiText

/// `closing-phrase`: a report closes with 特此报告。; request closings belong to a 请示.
struct ClosingPhraseRule: Rule {
    let metadata = RuleMetadata(
        id: "closing-phrase",
        category: .structure,
        defaultSeverity: .warning,
        title: "结束语不规范",
        rationale: "报告的结束语通常为“特此报告。”，单独成行，以句号结尾；写成“特此报告！”“特此报告：”或不加标点都不规范。报告不得夹带请示事项，“妥否，请批示”“请批准”“请审批”是请示的结束语，出现在报告中属于文种混用。",
        source: "GB/T 9704-2012《党政机关公文格式》7.3.3；《党政机关公文处理工作条例》（报告中不得夹带请示事项）",
        examples: [
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n特此报告！\n××镇人民政府\n2025年3月6日\n", triggers: true),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n特此报告\n××镇人民政府\n2025年3月6日\n", triggers: true),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n妥否，请批示。\n××镇人民政府\n2025年3月6日\n", triggers: true, note: "请示的结束语"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n特此报告。\n××镇人民政府\n2025年3月6日\n", triggers: false),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n重大行政决策均按程序提请审批。\n××镇人民政府\n2025年3月6日\n", triggers: false, note: "正文中叙述审批程序不是请示用语"),
        ],
        fixable: true)

    static let requests = ["请批示", "请批准", "请审批", "请予批准", "请予审批", "请审核批准"]

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let r = ctx.report
        var phraseLine: TextRange?
        if let p = r.closing.closingPhrase {
            let line = ctx.trimmingTrailingBlanks(p)
            phraseLine = line
            let text = ctx.text(line)
            if text.hasPrefix("特此报告") {
                let rest = TextRange(line.start + "特此报告".utf8.count, line.end)
                let restText = ctx.text(rest).trimmingCharacters(in: .whitespaces)
                if restText.isEmpty {
                    sink.report(line, "“特此报告”后应加句号",
                                fixes: [Fix(title: "改为“特此报告。”", edits: [TextEdit(range: rest, newText: "。")])])
                } else if ["！", "：", ":", "!", "，", ",", "；", ";", "."].contains(restText) {
                    sink.report(line, "“特此报告”后应使用句号，不用“\(restText)”",
                                fixes: [Fix(title: "改为“特此报告。”", edits: [TextEdit(range: rest, newText: "。")])])
                }
            }
        }
        // Request closings: in the closing phrase line or the last line of the body.
        var candidates: [TextRange] = []
        if let p = phraseLine { candidates.append(p) }
        let bodyEnd = r.closing.start ?? ctx.source.count
        if let last = r.lines.last(where: { ($0.kind == .paragraph || $0.kind == .continuation) && $0.range.end <= bodyEnd }) {
            candidates.append(last.range)
        }
        var seen = Set<Int>()
        for line in candidates where seen.insert(line.start).inserted {
            var hit: TextRange?
            if let t = ctx.occurrences(of: "妥否", in: line).first { hit = t }
            for q in Self.requests where hit == nil {
                for occ in ctx.occurrences(of: q, in: line) where isClauseStart(ctx, occ.start, line) {
                    hit = occ
                    break
                }
            }
            guard let h = hit else { continue }
            // Extend to the end of the request sentence.
            let end = ctx.sentenceEnd(from: h.start, limit: line.end)
            let span = TextRange(h.start, end)
            let wholeLine = ctx.firstNonBlank(in: line) == h.start
            let fixes = wholeLine ? [Fix(title: "改为“特此报告。”", edits: [TextEdit(range: span, newText: "特此报告。")], isSafe: false)] : []
            sink.report(span, "“\(ctx.text(TextRange(h.start, h.end)))”是请示的结束语，报告中不得夹带请示事项",
                        fixes: fixes, severity: .error)
        }
    }

    /// Whether a request phrase opens a clause (line start, after punctuation, or after 以上报告/以上).
    private func isClauseStart(_ ctx: LintContext, _ offset: Int, _ line: TextRange) -> Bool {
        if ctx.firstNonBlank(in: line) == offset { return true }
        let (v, _) = ctx.scalar(before: offset)
        return Punctuation.isListItemEnd(v)
    }
}
