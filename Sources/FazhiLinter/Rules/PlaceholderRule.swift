import FazhiParser
import FazhiText

/// `placeholder`: template placeholders left in the text (XX, ××, ○○, 【待填】, TODO, 此处填写).
public struct PlaceholderRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "placeholder",
        category: .residue,
        defaultSeverity: .warning,
        title: "未替换的占位符",
        rationale: "套用模板或往年报告时，常留下“XX镇”“××件”“○○同志”“【待填】”“TODO”“此处填写”等占位内容。报告公开前必须替换为实际名称和数据。两个数字之间的“×”是乘号，不在此列。",
        source: "《法治政府建设与责任落实督察工作规定》（年度报告应如实报告情况）；公文校核惯例",
        examples: [
            RuleExample("XX镇人民政府全年办理行政复议案件××件。\n", triggers: true),
            RuleExample("全年开展普法活动【待填】次，TODO补充数据。\n", triggers: true),
            RuleExample("展板规格为2×3米，二〇〇八年启用，XXL码服装。\n", triggers: false),
        ],
        fixable: false)

    private static let phrases = ["此处填写", "请填写", "待填写", "待补充", "待填", "TODO", "FIXME"]

    public func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        var found: [(TextRange, String)] = []
        var runV: UInt32 = 0, runStart = -1, runEnd = -1, runCount = 0
        var before: UInt32 = 0, last: UInt32 = 0
        func flush(_ next: UInt32) {
            defer { runStart = -1; runCount = 0 }
            guard runStart >= 0, runCount >= 2 else { return }
            switch runV {
            case 0x58, 0x78, 0xFF38: // X x Ｘ
                if FormatScan.isASCIILetter(before) || FormatScan.isASCIILetter(next) { return }
                if runV == 0x78 && !(Scalars.isHan(before) || Scalars.isHan(next)) { return }
            case 0xD7: // × between digits is multiplication
                if FormatScan.digit(before) != nil && FormatScan.digit(next) != nil { return }
            case 0x5F, 0xFF3F: // ___ blanks to fill
                guard runCount >= 3 else { return }
            default:
                break
            }
            found.append((TextRange(runStart, runEnd), "未替换的占位符“\(ctx.text(TextRange(runStart, runEnd)))”，请填写实际内容"))
        }
        let body = TextRange(0, ctx.source.count)
        ctx.forEachScalar(in: body) { v, off, len in
            let isPlaceholder = v == 0x58 || v == 0x78 || v == 0xFF38 || v == 0xD7 || v == 0x25CB || v == 0x25EF || v == 0x25A1 || v == 0x5F || v == 0xFF3F
            if isPlaceholder && runStart >= 0 && v == runV {
                runCount += 1; runEnd = off + len
            } else {
                flush(v)
                if isPlaceholder { runV = v; runStart = off; runEnd = off + len; runCount = 1; before = last }
            }
            last = v
        }
        flush(0)
        // 【待填】 【 】 【】 and （ ） with nothing inside.
        for r in ctx.occurrences(of: "【") {
            guard let li = FormatScan.line(ctx, at: r.start) else { continue }
            var e = r.end, content = ""
            var closed = false
            ctx.forEachScalar(in: TextRange(r.end, min(li.range.end, r.end + 60))) { v, off, len in
                guard !closed else { return }
                if v == 0x3011 { closed = true; e = off + len; return }
                content.unicodeScalars.append(UnicodeScalar(v)!)
            }
            guard closed else { continue }
            let trimmed = content.unicodeScalars.filter { !Scalars.isSpace($0.value) }
            let text = String(String.UnicodeScalarView(trimmed))
            if text.isEmpty || text.contains("待") || text.contains("填") || text.contains("补充") {
                found.append((TextRange(r.start, e), "未替换的占位符“\(ctx.text(TextRange(r.start, e)))”，请填写实际内容"))
            }
        }
        for lit in ["（）", "（ ）", "（  ）", "（　）"] {
            for r in ctx.occurrences(of: lit) where FormatScan.inProse(ctx, r.start) != nil {
                found.append((r, "空括号“\(lit)”像是未填写的占位，请填写实际内容"))
            }
        }
        for p in Self.phrases {
            for r in ctx.occurrences(of: p) where !found.contains(where: { $0.0.overlaps(r) }) {
                if p.first!.isASCII {
                    let (b, _) = ctx.scalar(before: r.start)
                    if FormatScan.isASCIILetter(b) || FormatScan.isASCIILetter(ctx.scalar(at: r.end)) { continue }
                }
                found.append((r, "未完成的占位内容“\(p)”，请填写实际内容"))
            }
        }
        for (r, msg) in found.sorted(by: { $0.0.start < $1.0.start }) { sink.report(r, msg) }
    }
}
