import FazhiKnowledge
import FazhiParser
import FazhiText

/// `missing-part`: each required part of the profile must have a heading that covers it.
struct MissingPartRule: Rule {
    let metadata = RuleMetadata(
        id: "missing-part",
        category: .structure,
        defaultSeverity: .error,
        title: "缺少必备部分",
        rationale: "年度报告应当包括上一年度推进法治政府建设的主要举措和成效、存在的不足和原因、党政主要负责人履行推进法治建设第一责任人职责情况、下一年度主要安排以及其他需要报告的情况。缺少其中任何一部分，报告就不完整，审核时会被退回。只有在写完的报告（有“特此报告”、署名或成文日期）中完全找不到某部分的痕迹时才报错误；某部分写在其他部分之中（如第一责任人履职情况写成主要举措下的一个小标题或一段）只提示建议单列；只在正文中提到、没有对应标题时报警告；尚未写完的报告只作提示。各部分的标题不必照抄规定原文，按主题分列的一级标题视为主要举措和成效。“其他需要报告的情况”没有内容时常被省略，因此只作提示。",
        source: "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）关于年度报告内容的规定",
        examples: [
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n二、存在的不足和原因\n法治培训覆盖面不广，原因是经费不足。\n三、2025年工作安排\n继续加强法治培训。\n特此报告。\n××镇人民政府\n2025年2月20日\n", triggers: true, note: "写完的报告中找不到党政主要负责人履行第一责任人职责情况：错误"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n（一）履行推进法治建设第一责任人职责\n镇党委书记带头述法。\n二、存在的不足和原因\n法治培训覆盖面不广，原因是经费不足。\n三、2025年工作安排\n继续加强法治培训。\n", triggers: true, note: "第一责任人履职情况写在主要举措中：只提示建议单列"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头述法。\n三、存在的不足和原因\n法治培训覆盖面不广，原因是经费不足。\n四、2025年工作安排\n继续加强法治培训。\n五、其他需要报告的情况\n无。\n", triggers: false),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let r = ctx.report
        // An empty or heading-less text is not a report yet: nothing to say about its parts.
        guard !r.headings.isEmpty else { return }
        let anchor = r.header.title?.range ?? r.headings[r.roots.first ?? 0].lineRange
        for part in r.profile.parts {
            guard let st = r.status(of: part.id), st.presence != .separate else { continue }
            let fix = [Self.insertion(for: part, in: r)]
            switch st.presence {
            case .separate:
                continue
            case .merged:
                // Present, inside another part: a suggestion, never a defect.
                guard part.required else { continue }
                let whereText = st.container.map { "“\(r.headings[$0].marker)\(r.headings[$0].text)”" } ?? "其他部分"
                sink.report(st.evidence ?? anchor, "“\(part.short)”写在\(whereText)中，未单列；建议按规定单列为一部分",
                            severity: .info, data: part.id)
            case .mentioned:
                guard part.required else { continue }
                // Words about it, no section: likely missing, but the words may be the section in disguise.
                sink.report(anchor, "未找到“\(part.official)”部分，只在第\(ctx.source.line(of: st.evidence?.start ?? 0) + 1)行提到；请单列一部分",
                            fixes: fix, severity: r.isComplete ? .warning : .info, data: part.id)
            case .missing:
                if !part.required {
                    sink.report(anchor, "没有“\(part.official)”部分；如无其他需要报告的情况，可写“无”", fixes: fix, severity: .info, data: part.id)
                } else if r.isComplete {
                    // No trace anywhere in a finished report: certain.
                    sink.report(anchor, "缺少必备部分“\(part.official)”", fixes: fix, data: part.id)
                } else {
                    // A draft or a truncated copy: the part may simply not be written yet.
                    sink.report(anchor, "尚未看到必备部分“\(part.official)”（报告没有结尾，可能尚未写完）", fixes: fix, severity: .info, data: part.id)
                }
            }
        }
    }

    /// Inserts the part's heading where the regulation's order puts it: before the first top-level heading
    /// of a later part, else at the end of the body. The numeral takes the place it is inserted at;
    /// `numbering-sequence` then renumbers the headings after it.
    static func insertion(for part: Profile.Part, in r: Report) -> Fix {
        let order = r.profile.parts.map(\.id)
        let rank = order.firstIndex(of: part.id) ?? order.count
        let tops = r.roots.map { r.headings[$0] }.filter { !$0.isPseudo && $0.level == 1 }
        var offset = r.closing.start ?? r.source.count
        var number = (tops.last?.number ?? tops.count) + 1
        for h in tops {
            let ranks = h.parts.compactMap { order.firstIndex(of: $0) }
            if let first = ranks.min(), first > rank {
                offset = h.lineRange.start
                number = h.number ?? number
                break
            }
        }
        let heading = ChineseNumerals.marker(level: 1, number: number) + part.headingText(year: r.year)
        let body = part.required ? "（待补充）" : "无。"
        var text = heading + "\n" + body + "\n"
        // At the end of a text without a final newline, start a new line first.
        if offset > 0, offset == r.source.count, r.source.bytes.last != UInt8(ascii: "\n") { text = "\n" + text }
        if offset == r.closing.start, offset > 0 {
            // Keep a blank line between the body and the closing.
            text += "\n"
        }
        return Fix(title: "插入“\(heading)”部分", edits: [TextEdit(range: TextRange(offset, offset), newText: text)], isSafe: false)
    }
}
