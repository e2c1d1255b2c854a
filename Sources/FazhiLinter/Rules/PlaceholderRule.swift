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
        // Runs of placeholder marks (×, ○, ◯, □, _, ＿, Ｘ) come from the index of marks, runs of X and x from
        // the trigger scan (which finds every "XX" and "xx"); 【 and （ are marks, the phrases are triggers.
        let marks = ctx.cache.marks
        var brackets: [Int] = [], parens: [Int] = [], phraseHits: [(TextRange, String)] = []
        ctx.source.bytes.withUnsafeBufferPointer { p in
            let n = p.count
            func scalarAt(_ k: Int) -> UInt32 { k < n ? Scalars.decode(p, k).0 : 0 }
            func scalarBefore(_ k: Int) -> UInt32 { k > 0 ? Scalars.decodeBefore(p, k).0 : 0 }
            let offs = marks.offsets, vals = marks.values
            let count = offs.count
            var k = 0
            while k < count {
                let v = vals[k]
                switch v {
                case 0x3010: brackets.append(offs[k])
                case 0xFF08: parens.append(offs[k])
                case 0xFF38, 0xD7, 0x25CB, 0x25EF, 0x25A1, 0x5F, 0xFF3F:
                    // A run of the same mark: consecutive entries without a gap.
                    let len = MarkIndex.length(v)
                    var end = offs[k] + len, j = k + 1
                    while j < count && vals[j] == v && offs[j] == end { end += len; j += 1 }
                    runStart = offs[k]; runEnd = end; runV = v; runCount = j - k
                    before = scalarBefore(runStart)
                    flush(scalarAt(end))
                    k = j
                    continue
                default: break
                }
                k += 1
            }
            var xEnd = 0
            for m in ctx.cache.triggers {
                switch KnowledgeScan.Trigger(rawValue: m.payload) {
                case .upperXX, .lowerXX:
                    guard m.start >= xEnd else { continue }
                    let c = p[m.start]
                    var s = m.start, e = m.end
                    while s > 0 && p[s - 1] == c { s -= 1 }
                    while e < n && p[e] == c { e += 1 }
                    xEnd = e
                    runStart = s; runEnd = e; runV = UInt32(c); runCount = e - s
                    before = scalarBefore(s)
                    flush(scalarAt(e))
                case .tianxie: phraseHits.append((m.textRange, "填写"))
                case .daitian: phraseHits.append((m.textRange, "待填"))
                case .daibuchong: phraseHits.append((m.textRange, "待补充"))
                case .todo: phraseHits.append((m.textRange, "TODO"))
                case .fixme: phraseHits.append((m.textRange, "FIXME"))
                default: break
                }
            }
        }
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
