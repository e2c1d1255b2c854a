import FazhiParser
import FazhiText

/// `approximate-number`: 余/多 after a number that is not round (12余次), and double approximation (约300余人).
struct ApproximateNumberRule: Rule {
    let metadata = RuleMetadata(
        id: "approximate-number",
        category: .spacing,
        defaultSeverity: .warning,
        title: "概数表达自相矛盾",
        rationale: "“余”“多”表示比所说的整数略多，模糊的是末位以下的部分，因此只能跟在末位为零的整数（10余次、300余户）或“万”“亿”等单位（1万余元）之后。“12余次”“35多人”既精确又模糊，自相矛盾，应写“12次”或“10余次”。“约300余人”“近100多人”“约20人左右”重复表示概数，应删去其一。“17.8万余人”带小数又加“余”，严格说不够严谨，但属常见用法，只作提示。",
        source: "GB/T 15835-2011《出版物上数字用法》（概数）",
        examples: [
            RuleExample("组织干部开展法律知识专题学习12余次。\n", triggers: true),
            RuleExample("参加培训的干部约300余人。\n", triggers: true, note: "双重概数"),
            RuleExample("开展学习10余次，走访300余户，拨付经费1万余元，参训20多人，约300人参加。\n", triggers: false),
        ],
        fixable: true)

    static var yu: UInt32 { .scalar("余") }
    static var duo: UInt32 { .scalar("多") }
    static var wan: UInt32 { .scalar("万") }
    static var yi: UInt32 { .scalar("亿") }
    static var yue: UInt32 { .scalar("约") }
    static var jin: UInt32 { .scalar("近") }

    /// The words of approximation the check starts from (GB/T 15835: 余 and 多 after a number, 左右 after its unit).
    enum Word: Int { case yu, duo, zuoYou }
    static let words = TriggerList("approximate-number") { [("余", Word.yu.rawValue), ("多", Word.duo.rawValue), ("左右", Word.zuoYou.rawValue)] }

    var triggers: [TriggerList] { [Self.words] }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        // In text order (the words cannot overlap).
        for m in ctx.matches(Self.words) {
            switch Word(rawValue: m.payload)! {
            case .yu: checkApprox(ctx, m.start, Self.yu, &sink)
            case .duo: checkApprox(ctx, m.start, Self.duo, &sink)
            case .zuoYou: checkZuoyou(ctx, m.start, &sink)
            }
        }
    }

    /// The number token (digits, decimal point, thousands commas) ending at `end`: (start, isDecimal, lastDigit).
    private func number(ending end: Int, _ ctx: LintContext) -> (start: Int, decimal: Bool, last: UInt8)? {
        let bytes = ctx.source.bytes
        var s = end
        var decimal = false
        while s > 0 {
            let c = bytes[s - 1]
            if Scalars.isASCIIDigit(c) { s -= 1; continue }
            let point = c == UInt8(ascii: ".")
            if (point || c == UInt8(ascii: ",")) && s - 2 >= 0 && Scalars.isASCIIDigit(bytes[s - 2]) && s < end { if point { decimal = true }; s -= 1; continue }
            break
        }
        guard s < end, Scalars.isASCIIDigit(bytes[end - 1]) else { return nil }
        return (s, decimal, bytes[end - 1])
    }

    private func checkApprox(_ ctx: LintContext, _ k: Int, _ v: UInt32, _ sink: inout DiagnosticSink) {
        let next = ctx.scalar(at: k + 3)
        guard Scalars.isHan(next) else { return }
        let (prev, plen) = ctx.scalar(before: k)
        var numEnd = k
        var unit = false
        if prev == Self.wan || prev == Self.yi { numEnd = k - plen; unit = true }
        guard let num = number(ending: numEnd, ctx), FormatScan.inProse(ctx, k) != nil else { return }
        let word = String(UnicodeScalar(v)!)
        let phraseEnd = k + 3 + Scalars.utf8Length(next)
        let (before, blen) = ctx.scalar(before: num.start)
        if before == Self.yue || before == Self.jin {
            let r = TextRange(num.start - blen, phraseEnd)
            let pre = String(UnicodeScalar(before)!)
            sink.report(r, "“\(ctx.text(r))”重复表示概数：“\(pre)”与“\(word)”只保留一个",
                        fixes: [Fix(title: "删除“\(pre)”", edits: [TextEdit(range: TextRange(num.start - blen, num.start), newText: "")], isSafe: false)])
            return
        }
        let r = TextRange(num.start, phraseEnd)
        if unit {
            if num.decimal {
                // 17.8万余人 is common usage: GB/T 15835 does not forbid it, so only a hint.
                sink.report(r, "“\(ctx.text(r))”中小数已精确到小数位，再用“\(word)”表示概数不够严谨，可写确切数或整数加“\(word)”",
                            severity: .hint)
            }
            return
        }
        if num.decimal || num.last != UInt8(ascii: "0") {
            let exact = ctx.text(TextRange(num.start, numEnd))
            sink.report(r, "“\(ctx.text(r))”自相矛盾：“\(word)”只能跟在末位为零的整数之后；请写确切数“\(exact)\(String(UnicodeScalar(next)!))”或整数概数（如“10\(word)\(String(UnicodeScalar(next)!))”）",
                        fixes: [Fix(title: "删除“\(word)”", edits: [TextEdit(range: TextRange(k, k + 3), newText: "")], isSafe: false)])
        }
    }

    /// 约20人左右 / 20余人左右: 左右 together with another approximation marker.
    private func checkZuoyou(_ ctx: LintContext, _ k: Int, _ sink: inout DiagnosticSink) {
        // Walk back over at most two unit characters to the number.
        var j = k
        var approx = false
        for _ in 0..<3 {
            let (p, len) = ctx.scalar(before: j)
            if FormatScan.digit(p) != nil { break }
            guard Scalars.isHan(p) else { return }
            if p == Self.yu || p == Self.duo { approx = true }
            j -= len
        }
        guard let num = number(ending: j, ctx), FormatScan.inProse(ctx, k) != nil else { return }
        let (before, blen) = ctx.scalar(before: num.start)
        let prefixed = before == Self.yue || before == Self.jin
        guard approx || prefixed else { return }
        let start = prefixed ? num.start - blen : num.start
        let r = TextRange(start, k + 6)
        sink.report(r, "“\(ctx.text(r))”重复表示概数：“左右”与\(prefixed ? "“\(String(UnicodeScalar(before)!))”" : "“余/多”")只保留一个",
                    fixes: [Fix(title: "删除“左右”", edits: [TextEdit(range: TextRange(k, k + 6), newText: "")], isSafe: false)])
    }
}
