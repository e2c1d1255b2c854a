import FazhiParser
import FazhiText

/// `ellipsis`: the Chinese ellipsis is "……" (two U+2026); "..." "。。。" and a single "…" are wrong.
public struct EllipsisRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
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

    public func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        // Only lines holding . 。 … ⋯ at all are decoded.
        let bytes = ctx.source.bytes
        for li in ctx.report.lines where FormatScan.proseKinds.contains(li.kind) {
            let has = bytes.withUnsafeBufferPointer { p -> Bool in
                var k = li.range.start
                while k < li.range.end {
                    let b = p[k]
                    if b == 0x2E { return true }
                    if b == 0xE3 && k + 2 < p.count && p[k + 1] == 0x80 && p[k + 2] == 0x82 { return true }
                    if b == 0xE2 && k + 2 < p.count && ((p[k + 1] == 0x80 && p[k + 2] == 0xA6) || (p[k + 1] == 0x8B && p[k + 2] == 0xAF)) { return true }
                    k += 1
                }
                return false
            }
            guard has else { continue }
            var runV: UInt32 = 0, runStart = -1, runEnd = -1, runCount = 0
            var before: UInt32 = 0
            func flush(_ next: UInt32, _ sink: inout DiagnosticSink) {
                defer { runCount = 0; runStart = -1 }
                guard runStart >= 0 else { return }
                let r = TextRange(runStart, runEnd)
                switch runV {
                case 0x2E: // ...
                    guard runCount >= 3, FormatScan.isChinese(before) || FormatScan.isChinese(next) else { return }
                case 0x3002: // 。。。
                    guard runCount >= 3 else { return }
                case 0x2026: // … (an odd number of them)
                    guard runCount % 2 == 1 else { return }
                case 0x22EF: // ⋯ midline ellipsis
                    break
                default:
                    return
                }
                if li.kind == .heading, let h = li.heading, ctx.report.headings[h].markerRange.overlaps(r) { return }
                sink.report(r, "省略号应写作“……”，不用“\(ctx.text(r))”",
                            fixes: [Fix(title: "改为“……”", edits: [TextEdit(range: r, newText: "……")])])
            }
            var last: UInt32 = 0
            ctx.forEachScalar(in: li.range) { v, off, len in
                if v == 0x2E || v == 0x3002 || v == 0x2026 || v == 0x22EF {
                    if runStart >= 0 && v == runV { runCount += 1; runEnd = off + len; last = v; return }
                    flush(v, &sink)
                    runV = v; runStart = off; runEnd = off + len; runCount = 1; before = last
                } else if runStart >= 0 {
                    flush(v, &sink)
                }
                last = v
            }
            flush(0, &sink)
        }
    }
}
