import FazhiParser
import FazhiText

/// `ellipsis`: the Chinese ellipsis is "……" (two U+2026); "..." "。。。" and a single "…" are wrong.
struct EllipsisRule: Rule {
    let metadata = RuleMetadata(
        id: "ellipsis",
        category: .punctuation,
        defaultSeverity: .warning,
        title: "省略号写法不规范",
        rationale: "中文省略号是居中的六个点“……”，占两个字的位置。用三个半角句点“...”、三个句号“。。。”或单个“…”都不符合规范。",
        source: "GB/T 15834-2011《标点符号用法》4.11（省略号）",
        examples: [
            RuleExample("开展法律进机关、进乡村、进学校...等活动。\n", triggers: true),
            RuleExample("开展法律进机关、进乡村、进学校。。。\n", triggers: true),
            RuleExample("开展法律进机关、进乡村、进学校…\n", triggers: true),
            RuleExample("开展法律进机关、进乡村、进学校……\n", triggers: false),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        // Runs of . 。 … ⋯ are found through the per-lint index of marks; only their neighbours are decoded.
        let marks = ctx.cache.marks
        let offs = marks.offsets, vals = marks.values
        var k = 0
        for li in ctx.report.lines where FormatScan.proseKinds.contains(li.kind) {
            if k < offs.count && offs[k] < li.range.start { k = marks.first(atOrAfter: li.range.start) }
            while k < offs.count && offs[k] < li.range.end {
                let v = vals[k]
                guard v == .asciiPeriod || v == .fullStop || v == .ellipsis || v == .midlineEllipsis else { k += 1; continue }
                let runStart = offs[k]
                let len = Scalars.utf8Length(v)
                var runEnd = runStart + len, runCount = 1
                k += 1
                while k < offs.count && offs[k] == runEnd && vals[k] == v && runEnd < li.range.end {
                    runEnd += len; runCount += 1; k += 1
                }
                let before: UInt32 = runStart > li.range.start ? ctx.scalar(before: runStart).0 : 0
                let next: UInt32 = runEnd < li.range.end ? ctx.scalar(at: runEnd) : 0
                let r = TextRange(runStart, runEnd)
                switch v {
                case .asciiPeriod: // ...
                    guard runCount >= 3, FormatScan.isChinese(before) || FormatScan.isChinese(next) else { continue }
                case .fullStop: // 。。。
                    guard runCount >= 3 else { continue }
                case .ellipsis: // … (an odd number of them)
                    guard runCount % 2 == 1 else { continue }
                default: // ⋯ midline ellipsis
                    break
                }
                if li.kind == .heading, let h = li.heading, ctx.report.headings[h].markerRange.overlaps(r) { continue }
                sink.report(r, "省略号应写作“……”，不用“\(ctx.text(r))”",
                            fixes: [Fix(title: "改为“……”", edits: [TextEdit(range: r, newText: "……")])])
            }
        }
    }
}
