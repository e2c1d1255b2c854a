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

    public func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        var found: [(TextRange, String)] = []
        var runV: UInt32 = 0, runStart = -1, runEnd = -1, runCount = 0
        var before: UInt32 = 0
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
        // Byte scan: only the lead bytes of placeholder characters are decoded.
        let bytes = ctx.source.bytes
        var brackets: [Int] = [], parens: [Int] = [], phraseHits: [(TextRange, String)] = []
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            func at(_ k: Int, _ s: StaticString) -> Bool {
                let c = s.utf8Start
                guard k + s.utf8CodeUnitCount <= n else { return false }
                for j in 0..<s.utf8CodeUnitCount where p[k + j] != c[j] { return false }
                return true
            }
            while i < n {
                let b = p[i]
                // Anchors of the bracket and phrase checks below.
                if b == 0xE3 && at(i, "【") { brackets.append(i) }
                else if b == 0xEF && at(i, "（") { parens.append(i) }
                else if b == 0xE5 {
                    if at(i, "填写") { phraseHits.append((TextRange(i, i + 6), "填写")) }
                    else if at(i, "待填") { phraseHits.append((TextRange(i, i + 6), "待填")) }
                    else if at(i, "待补充") { phraseHits.append((TextRange(i, i + 9), "待补充")) }
                } else if b == 0x54 && at(i, "TODO") { phraseHits.append((TextRange(i, i + 4), "TODO")) }
                else if b == 0x46 && at(i, "FIXME") { phraseHits.append((TextRange(i, i + 5), "FIXME")) }
                let candidate = b == 0x58 || b == 0x78 || b == 0x5F || b == 0xC3 || b == 0xE2 || b == 0xEF
                guard candidate else {
                    if runStart >= 0 { flush(b < 0x80 ? UInt32(b) : Scalars.decode(p, i).0) }
                    i += b < 0x80 ? 1 : (b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4))
                    continue
                }
                let (v, len) = Scalars.decode(p, i)
                let isPlaceholder = v == 0x58 || v == 0x78 || v == 0xFF38 || v == 0xD7 || v == 0x25CB || v == 0x25EF || v == 0x25A1 || v == 0x5F || v == 0xFF3F
                if isPlaceholder && runStart >= 0 && v == runV {
                    runCount += 1; runEnd = i + len
                } else {
                    if runStart >= 0 { flush(v) }
                    if isPlaceholder { runV = v; runStart = i; runEnd = i + len; runCount = 1; before = i > 0 ? Scalars.decodeBefore(p, i).0 : 0 }
                }
                i += len
            }
        }
        flush(0)
        // 【待填】 【 】 【】 and （ ） with nothing inside.
        for start in brackets {
            let r = TextRange(start, start + 3)
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
        for start in parens {
            let r = TextRange(start, start + 3)
            // （） （ ） with only spaces inside.
            var e = r.end, spaces = 0
            while spaces < 4, FormatScan.isVisibleSpace(ctx.scalar(at: e)) { e += ctx.scalar(at: e) < 0x80 ? 1 : 3; spaces += 1 }
            guard ctx.scalar(at: e) == 0xFF09, FormatScan.inProse(ctx, r.start) != nil else { continue }
            let er = TextRange(r.start, e + 3)
            found.append((er, "空括号“\(ctx.text(er))”像是未填写的占位，请填写实际内容"))
        }
        // 填写 before 待填 so that 待填写 is reported once.
        phraseHits.sort { ($0.1 == "填写" ? 0 : 1, $0.0.start) < ($1.1 == "填写" ? 0 : 1, $1.0.start) }
        do {
            for (r, p) in phraseHits where !found.contains(where: { $0.0.overlaps(r) }) {
                if p.first!.isASCII {
                    let (b, _) = ctx.scalar(before: r.start)
                    if FormatScan.isASCIILetter(b) || FormatScan.isASCIILetter(ctx.scalar(at: r.end)) { continue }
                }
                var r = r
                if p == "填写" {
                    // 此处填写 / 请填写 / 待填写 only: 填写报表 is ordinary prose.
                    let (b1, l1) = ctx.scalar(before: r.start)
                    let (b2, l2) = ctx.scalar(before: r.start - l1)
                    if b1 == 0x8BF7 || b1 == 0x5F85 { r = TextRange(r.start - l1, r.end) } // 请 待
                    else if b1 == 0x5904 && b2 == 0x6B64 { r = TextRange(r.start - l1 - l2, r.end) } // 此处
                    else { continue }
                    if found.contains(where: { $0.0.overlaps(r) }) { continue }
                }
                found.append((r, "未完成的占位内容“\(ctx.text(r))”，请填写实际内容"))
            }
        }
        for (r, msg) in found.sorted(by: { $0.0.start < $1.0.start }) { sink.report(r, msg) }
    }
}
