import FazhiParser
import FazhiText

/// `enumeration-sequence`: inline enumerations 一是……二是……三是…… must count without gaps or repeats.
struct EnumerationSequenceRule: Rule {
    let metadata = RuleMetadata(
        id: "enumeration-sequence",
        category: .numbering,
        defaultSeverity: .warning,
        title: "“一是、二是”序数不连续",
        rationale: "报告中常用“一是……二是……三是……”列举工作措施，序数应从“一是”开始依次递增。跳号（一是、二是、四是）、重号或从“二是”开始，通常是修改时删去或挪动了某一项而未调整序数。",
        source: "GB/T 9704-2012《党政机关公文格式》7.3.3（层次序数依次编排）；公文写作惯例",
        examples: [
            RuleExample("一、主要举措\n一是健全制度；二是加强培训；四是强化监督。\n", triggers: true, note: "缺少“三是”"),
            RuleExample("一、主要举措\n二是加强培训；三是强化监督。\n", triggers: true, note: "从“二是”开始"),
            RuleExample("一、主要举措\n一是健全制度；二是加强培训；三是强化监督。\n", triggers: false),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let items = ctx.report.enumerations
        var k = 0
        while k < items.count {
            var end = k
            while end + 1 < items.count && items[end + 1].group == items[k].group { end += 1 }
            checkGroup(ctx, items[k...end], &sink)
            k = end + 1
        }
    }

    private func checkGroup(_ ctx: LintContext, _ group: ArraySlice<EnumerationItem>, _ sink: inout DiagnosticSink) {
        var prev = 0
        for idx in group.indices {
            let it = group[idx]
            let expected = prev + 1
            if it.ordinal == expected { prev = expected; continue }
            let next = idx + 1 < group.endIndex ? group[idx + 1].ordinal : nil
            let safe = next.map { $0 == expected + 1 } ?? (it.ordinal == prev)
            let want = FormatScan.chineseNumeral(expected) + "是"
            let message: String
            if prev == 0 {
                message = "列举应从“一是”开始，这里是“\(it.marker)”"
            } else if it.ordinal <= prev {
                message = "列举序数重复或倒序：前一项是“\(FormatScan.chineseNumeral(prev))是”，这里应为“\(want)”"
            } else {
                message = "列举序数不连续：“\(FormatScan.chineseNumeral(prev))是”之后应为“\(want)”，这里是“\(it.marker)”"
            }
            var fixes: [Fix] = []
            if let (r, _) = FormatScan.numeralRange(ctx, in: it.markerRange) {
                fixes.append(Fix(title: "改为“\(want)”", edits: [TextEdit(range: r, newText: FormatScan.chineseNumeral(expected))], isSafe: safe))
            }
            sink.report(it.markerRange, message, fixes: fixes)
            prev = safe ? expected : it.ordinal
        }
    }
}
