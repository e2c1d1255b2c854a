import FazhiParser
import FazhiText

/// `percent-range`: a rate above 100%, and a percentage range written 15～30% instead of 15%～30%.
struct PercentRangeRule: Rule {
    let metadata = RuleMetadata(
        id: "percent-range",
        category: .spacing,
        defaultSeverity: .warning,
        title: "百分数或百分数范围不规范",
        rationale: "办结率、覆盖率、满意度等比率不可能超过100%，超过说明数据有误（增长率、增幅除外）。表示百分数范围时，前一个数的百分号不能省略，应写“15%～30%”，不写“15～30%”。",
        source: "GB/T 15835-2011《出版物上数字用法》5.1.3（数值范围）",
        examples: [
            RuleExample("群众满意度达到102%。\n", triggers: true),
            RuleExample("案件办理时限缩短15～30%。\n", triggers: true),
            RuleExample("群众满意度达到98%，财政收入增长率120%，办理时限缩短15%～30%。\n", triggers: false),
        ],
        fixable: true)

    private static let fillers: Set<UInt32> = Set("达到为是了均已高：:".unicodeScalars.map(\.value))
    private static let growth = ["增长", "增速", "增幅", "同比", "环比", "提高", "提升", "增加", "上升", "涨"]

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let bytes = ctx.source.bytes
        // % and ％ come from the per-lint index of non-Han, non-alphanumeric scalars.
        let marks = ctx.cache.marks
        for k in 0..<marks.count {
            let pv = marks.values[k]
            guard pv == .asciiPercent || pv == .fullwidthPercent else { continue }
            let i = marks.offsets[k], plen = Scalars.utf8Length(pv)
            // The number before %.
            var s = i
            while s > 0 && Self.isNumberByte(bytes[s - 1]) { s -= 1 }
            guard s < i, let value = Double(String(decoding: bytes[s..<i], as: UTF8.self)), let li = FormatScan.inProse(ctx, i) else { continue }
            if checkRange(ctx, s, i, li, &sink) { continue }
            guard value > 100 else { continue }
            // A rate word before it: …率 / …度 (满意度), allowing 达到/为 in between.
            var j = s, skipped = 0
            while j > li.range.start && skipped < 4 {
                let (v, len) = ctx.scalar(before: j)
                guard Self.fillers.contains(v) else { break }
                j -= len; skipped += 1
            }
            let (w, wlen) = ctx.scalar(before: j)
            guard w == .scalar("率") || w == .scalar("度") else { continue }
            let stem = ctx.text(TextRange(max(li.range.start, j - wlen - 12), j))
            if w == .scalar("度") && !(stem.hasSuffix("满意度") || stem.hasSuffix("知晓度") || stem.hasSuffix("认可度") || stem.hasSuffix("覆盖度")) { continue }
            if Self.growth.contains(where: { stem.contains($0) }) { continue }
            let r = TextRange(s, i + plen)
            sink.report(r, "“\(stem.suffix(4))”不可能超过100%，这里是\(ctx.text(r))，请核对数据")
        }
    }

    /// A digit or the decimal point of a number written in ASCII.
    @inline(__always) private static func isNumberByte(_ b: UInt8) -> Bool { Scalars.isASCIIDigit(b) || b == UInt8(ascii: ".") }

    /// 15～30% → 15%～30%. Returns whether a range was reported.
    private func checkRange(_ ctx: LintContext, _ s: Int, _ pct: Int, _ li: LineInfo, _ sink: inout DiagnosticSink) -> Bool {
        guard s > li.range.start else { return false }
        let (sep, slen) = ctx.scalar(before: s)
        guard Punctuation.isRangeDash(sep) else { return false }
        let bytes = ctx.source.bytes
        let sepStart = s - slen
        var a = sepStart
        while a > li.range.start && Self.isNumberByte(bytes[a - 1]) { a -= 1 }
        guard a < sepStart, bytes[a] != UInt8(ascii: ".") else { return false }
        if a > 0 && (FormatScan.isASCIILetter(UInt32(bytes[a - 1])) || bytes[a - 1] == UInt8(ascii: "-")) { return false }
        let newSep = (sep == .scalar("至") || sep == .scalar("到")) ? String(UnicodeScalar(sep)!) : "～"
        let first = ctx.text(TextRange(a, sepStart)), second = ctx.text(TextRange(s, pct))
        let r = TextRange(a, pct + (bytes[pct] == UInt8(ascii: "%") ? 1 : 3))
        sink.report(r, "百分数范围中前一个数的百分号不能省略，应写“\(first)%\(newSep)\(second)%”",
                    fixes: [Fix(title: "改为“\(first)%\(newSep)\(second)%”", edits: [TextEdit(range: TextRange(sepStart, s), newText: "%" + newSep)])])
        return true
    }
}
