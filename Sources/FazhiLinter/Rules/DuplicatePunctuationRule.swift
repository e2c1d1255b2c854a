import FazhiParser
import FazhiText

/// `duplicate-punctuation`: two point marks in a row (。。 ，， ，。 、、 ；； ：：).
struct DuplicatePunctuationRule: Rule {
    let metadata = RuleMetadata(
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
        case .fullStop, .questionMark, .exclamationMark: return 5
        case .semicolon: return 4
        case .colon: return 3
        case .comma: return 2
        case .enumerationComma: return 1
        default: return nil
        }
    }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let bytes = ctx.source.bytes
        // Point marks are all three-byte scalars: find two in a row through the per-lint index of marks.
        var hits: [Int] = []
        let marks = ctx.cache.marks
        let offs = marks.offsets, vals = marks.values
        var k = 0
        while k + 1 < offs.count {
            if Self.isPointMark(vals[k]) && offs[k + 1] == offs[k] + 3 && Self.isPointMark(vals[k + 1]) {
                hits.append(offs[k])
                k += 2
                while k < offs.count && offs[k] == offs[k - 1] + 3 && Self.isPointMark(vals[k]) { k += 1 }
                continue
            }
            k += 1
        }
        for start in hits {
            guard let li = FormatScan.inProse(ctx, start) else { continue }
            var run: [(v: UInt32, off: Int, len: Int)] = []
            var k = start
            while k < li.range.end, let v = bytes.withUnsafeBufferPointer({ Self.pointMark($0, k) }) {
                run.append((v, k, 3)); k += 3
            }
            report(ctx, run, li, &sink)
        }
    }

    /// 、。，；：？！
    @inline(__always) static func isPointMark(_ v: UInt32) -> Bool { Punctuation.isPauseMark(v) }

    /// The point mark at `i` (all are three bytes long), if one is there.
    @inline(__always) static func pointMark(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32? {
        guard i + 2 < p.count else { return nil }
        let v = Scalars.decode(p, i).0
        return isPointMark(v) ? v : nil
    }

    private func report(_ ctx: LintContext, _ run: [(v: UInt32, off: Int, len: Int)], _ li: LineInfo, _ sink: inout DiagnosticSink) {
        guard run.count >= 2 else { return }
        let vs = run.map(\.v)
        // ？！ and ！？ or repeated ？/！ are emphasis, not errors; 。。。 is an ellipsis (see `ellipsis`).
        if vs.allSatisfy({ $0 == .questionMark || $0 == .exclamationMark }) { return }
        if vs.count >= 3 && vs.allSatisfy({ $0 == .fullStop }) { return }
        let range = TextRange(run.first!.off, run.last!.off + run.last!.len)
        let text = ctx.text(range)
        let same = vs.allSatisfy { $0 == vs[0] }
        var keep = run[0]
        for r in run where Self.strength(r.v)! > Self.strength(keep.v)! { keep = r }
        let keepText = String(UnicodeScalar(keep.v)!)
        let atEnd = range.end >= li.range.end
        let safe = same || (keep.v == .fullStop && atEnd)
        let message = same ? "标点“\(keepText)”重复：“\(text)”，保留一个即可" : "标点连用：“\(text)”，同一位置只能用一个点号，宜保留“\(keepText)”"
        sink.report(range, message, fixes: [Fix(title: "只保留“\(keepText)”", edits: [TextEdit(range: range, newText: keepText)], isSafe: safe)])
    }
}
