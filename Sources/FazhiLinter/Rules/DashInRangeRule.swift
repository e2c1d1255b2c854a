import FazhiParser
import FazhiText

/// `dash-in-range`: ranges take the 一字线 "—" (years, dates, ordinals) or the 浪纹线 "～" (values),
/// not a hyphen, a tilde, an en dash or a 破折号.
struct DashInRangeRule: Rule {
    let metadata = RuleMetadata(
        id: "dash-in-range",
        category: .punctuation,
        defaultSeverity: .warning,
        title: "起止范围的连接号不规范",
        rationale: "标示时间、序次的起止用一字线“—”（2021—2025年，第21—30条）；标示数值范围用浪纹线“～”（3～5人）。半角连字符“-”、半角波浪线“~”、短横“–”“－”以及两字线“——”（破折号）都不能用来表示起止。",
        source: "GB/T 15834-2011《标点符号用法》4.13（连接号）；GB/T 15835-2011 5.1.3",
        examples: [
            RuleExample("贯彻《法治政府建设实施纲要（2021-2025年）》。\n", triggers: true),
            RuleExample("每期培训30~50人。\n", triggers: true),
            RuleExample("贯彻《法治政府建设实施纲要（2021—2025年）》，每期培训30～50人，执行GB/T 9704-2012，电话0355-1234567，日期2024-03-05。\n", triggers: false),
        ],
        fixable: true)

    /// Characters after a range that make it a time or ordinal range (一字线).
    private static let timeUnits: Set<UInt32> = Set("年月日条款章节页期届".unicodeScalars.map(\.value))

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let bytes = ctx.source.bytes
        let n = bytes.count
        // Separators come from the per-lint index of non-Han, non-alphanumeric scalars.
        let marks = ctx.cache.marks
        let offs = marks.offsets, vals = marks.values
        var k = 0
        while k < offs.count {
            let v = vals[k], i = offs[k]
            var sepLen = 0
            if v == .asciiHyphen || v == .asciiTilde { sepLen = 1 }
            else if v == .enDash || v == .fullwidthHyphen { sepLen = 3 }
            else if v == .emDash && k + 1 < offs.count && offs[k + 1] == i + 3 && vals[k + 1] == .emDash { sepLen = 6 } // ——
            guard sepLen > 0 else { k += 1; continue }
            k += sepLen == 6 ? 2 : 1
            // Digits on both sides.
            var s = i
            while s > 0 && Scalars.isASCIIDigit(bytes[s - 1]) { s -= 1 }
            var e = i + sepLen
            while e < n && Scalars.isASCIIDigit(bytes[e]) { e += 1 }
            let len1 = i - s, len2 = e - (i + sepLen)
            guard len1 > 0, len2 > 0, len1 <= 4, len2 <= 4 else { continue }
            // Not part of a code, phone number, standard number or date: GB/T 9704-2012, 0355-123, 2024-03-05.
            if s > 0 {
                let before = UInt32(bytes[s - 1])
                if before == .asciiHyphen || before == .asciiPeriod || before == .asciiSlash || before == .space || FormatScan.isASCIILetter(before) { continue }
            }
            if bytes[s] == UInt8(ascii: "0") { continue }
            let after = ctx.scalar(at: e)
            if after == .asciiHyphen || after == .asciiPeriod || after == .asciiPercent || after == .fullwidthPercent || FormatScan.isASCIILetter(after) { continue }
            guard FormatScan.inProse(ctx, i) != nil else { continue }
            let v1 = Int(String(decoding: bytes[s..<i], as: UTF8.self))!, v2 = Int(String(decoding: bytes[(i + sepLen)..<e], as: UTF8.self))!
            guard v2 > v1 else { continue }
            let (before, _) = ctx.scalar(before: s)
            let isYears = len1 == 4 && len2 == 4 && v1 >= 1900 && v2 <= 2100
            let isTime = isYears || Self.timeUnits.contains(after) || before == .scalar("第")
            if len1 == 4 && len2 <= 2 && !isYears { continue } // 2024-3: a year-month, not a range
            guard isTime || Scalars.isHan(after) else { continue }
            if !isTime && sepLen == 6 { continue } // —— between values: leave it
            let want = isTime ? "—" : "～"
            let sep = TextRange(i, i + sepLen)
            let found = ctx.text(sep)
            let what = isTime ? "时间或序次的起止应使用一字线“—”" : "数值范围应使用浪纹线“～”"
            sink.report(sep, "\(what)，不用“\(found)”：\(ctx.text(TextRange(s, i)))\(want)\(ctx.text(TextRange(i + sepLen, e)))",
                        fixes: [Fix(title: "改为“\(want)”", edits: [TextEdit(range: sep, newText: want)])])
        }
    }
}
