import FazhiParser
import FazhiText

/// `duplicate-punctuation`: two point marks in a row (。。 ，， ，。 、、 ；； ：：).
public struct DuplicatePunctuationRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "duplicate-punctuation",
        category: .punctuation,
        defaultSeverity: .warning,
        title: "标点符号重复或连用",
        rationale: "句号、逗号、顿号、分号、冒号等点号表示一处停顿，同一位置只能用一个。“。。”“，，”“，。”“、、”等多是修改文字时遗留的。相同标点重复时删去多余的一个；不同标点连用时保留语气较重的一个（“，。”在句末保留句号）。",
        source: "GB/T 15834-2011《标点符号用法》4.1—4.6（点号）",
        examples: [
            RuleExample("全年召开专题会议4次。。\n", triggers: true),
            RuleExample("完善制度，，加强培训，落实责任，。\n", triggers: true),
            RuleExample("全年召开专题会议4次，审议议题12项。\n", triggers: false),
            RuleExample("会议要求……。\n", triggers: false, note: "省略号后的句号不在此列"),
        ],
        fixable: true)

    /// Strength of a point mark: the stronger one stays when two clash.
    @inline(__always) static func strength(_ v: UInt32) -> Int? {
        switch v {
        case 0x3002: return 5 // 。
        case 0xFF1F, 0xFF01: return 5 // ？！
        case 0xFF1B: return 4 // ；
        case 0xFF1A: return 3 // ：
        case 0xFF0C: return 2 // ，
        case 0x3001: return 1 // 、
        default: return nil
        }
    }

    public func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        for li in ctx.report.lines where FormatScan.proseKinds.contains(li.kind) {
            // Fast reject: no multi-byte punctuation lead bytes twice in a row is cheap to test by decoding only here.
            var run: [(v: UInt32, off: Int, len: Int)] = []
            func flush(_ sink: inout DiagnosticSink) {
                defer { run.removeAll(keepingCapacity: true) }
                guard run.count >= 2 else { return }
                let vs = run.map(\.v)
                // ？！ and ！？ or repeated ？/！ are emphasis, not errors; 。。。 is an ellipsis (see `ellipsis`).
                if vs.allSatisfy({ $0 == 0xFF1F || $0 == 0xFF01 }) { return }
                if vs.count >= 3 && vs.allSatisfy({ $0 == 0x3002 }) { return }
                let range = TextRange(run.first!.off, run.last!.off + run.last!.len)
                let text = ctx.text(range)
                let same = vs.allSatisfy { $0 == vs[0] }
                var keep = run[0]
                for r in run where Self.strength(r.v)! > Self.strength(keep.v)! { keep = r }
                let keepText = String(UnicodeScalar(keep.v)!)
                let atEnd = range.end >= li.range.end
                let safe = same || (keep.v == 0x3002 && atEnd)
                let message = same ? "标点“\(keepText)”重复：“\(text)”，保留一个即可" : "标点连用：“\(text)”，同一位置只能用一个点号，宜保留“\(keepText)”"
                sink.report(range, message, fixes: [Fix(title: "只保留“\(keepText)”", edits: [TextEdit(range: range, newText: keepText)], isSafe: safe)])
            }
            ctx.forEachScalar(in: li.range) { v, off, len in
                if Self.strength(v) != nil {
                    run.append((v, off, len))
                } else {
                    flush(&sink)
                }
            }
            flush(&sink)
        }
    }
}
