import FazhiParser
import FazhiText

/// `rate-mismatch`: a rate that contradicts the counts stated before it in the same sentence
/// (受理40件，办结38件，办结率100%).
public struct RateMismatchRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "rate-mismatch",
        category: .spacing,
        defaultSeverity: .warning,
        title: "比率与前文数据不符",
        rationale: "报告常在同一句中给出数量和比率（受理、办结与办结率，调处、调解成功与成功率，应参加、实参加与参加率）。比率与数量对不上，说明有一处数据写错，审核时会被追问。只在分子、分母都能唯一确定时才报告，并给出按前文数据算出的比率。",
        source: "GB/T 15835-2011《出版物上数字用法》（统计数据用阿拉伯数字，前后一致）；数据核对惯例",
        examples: [
            RuleExample("全年受理行政复议案件40件，办结38件，办结率100%。\n", triggers: true),
            RuleExample("调解纠纷60起，调解成功57起，调解成功率98%。\n", triggers: true),
            RuleExample("全年受理行政复议案件40件，办结38件，办结率95%。应参学60人，实参学60人，参学率100%。\n", triggers: false),
        ],
        fixable: true)

    private struct Count {
        var value: Int
        var unit: UInt32
        var label: String
    }

    private static let units: Set<UInt32> = Set("件起次人个户宗名场家项条份例批".unicodeScalars.map(\.value))
    private static let fillers: Set<UInt32> = Set("达到为是了均已：:".unicodeScalars.map(\.value))
    private static let denominators: [String: [String]] = [
        "办结": ["受理", "收到", "接到", "登记"], "结案": ["受理", "立案"], "答复": ["受理", "收到"], "办理": ["受理", "收到", "接到"],
        "成功": ["调处", "调解", "排查", "受理"], "化解": ["排查", "受理", "调处", "摸排"], "调处": ["排查", "受理"],
        "合格": ["参考", "参加", "参训"], "通过": ["参考", "参加"],
    ]

    public func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        for r in ctx.occurrences(of: "率") {
            guard let li = FormatScan.inProse(ctx, r.start) else { continue }
            // The stated percentage after the rate word.
            var j = r.end, skipped = 0
            while j < li.range.end && skipped < 4 && Self.fillers.contains(ctx.scalar(at: j)) {
                j += ctx.scalar(at: j) < 0x80 ? 1 : 3; skipped += 1
            }
            let bytes = ctx.source.bytes
            var e = j
            while e < li.range.end && ((bytes[e] >= 0x30 && bytes[e] <= 0x39) || (bytes[e] == 0x2E && e > j)) { e += 1 }
            guard e > j, e < li.range.end, bytes[e] == 0x25 || ctx.scalar(at: e) == 0xFF05,
                  let stated = Double(String(decoding: bytes[j..<e], as: UTF8.self)) else { continue }
            let decimals = ctx.text(TextRange(j, e)).split(separator: ".").dropFirst().first?.count ?? 0
            // The rate's stem: Han characters before 率.
            let stem = hanBefore(ctx, r.start, max: 4, floor: li.range.start)
            guard stem.count >= 2 else { continue }
            let key = String(stem.suffix(2))
            // Counts earlier in the same sentence.
            let counts = countsBefore(ctx, r.start, floor: li.range.start)
            var num: Count?, den: Count?
            let withKey = counts.filter { $0.label.contains(key) }
            if let a = withKey.first(where: { $0.label.contains("实") }), let b = withKey.first(where: { $0.label.contains("应") }), withKey.count == 2 {
                num = a; den = b
            } else if withKey.count == 1, let cands = Self.denominators[key] {
                let n = withKey[0]
                let ds = counts.filter { c in c.unit == n.unit && !c.label.contains(key) && cands.contains { c.label.contains($0) } }
                if ds.count == 1 { num = n; den = ds[0] }
            }
            guard let nu = num, let de = den, de.value > 0, nu.value <= de.value else { continue }
            let computed = Double(nu.value) * 100 / Double(de.value)
            var tol = 0.5
            for _ in 0..<decimals { tol /= 10 }
            guard abs(computed - stated) > tol + 1e-9 else { continue }
            let shown = format(computed)
            let range = TextRange(j, e + (bytes[e] == 0x25 ? 1 : 3))
            sink.report(range, "按“\(de.label)\(de.value)”“\(nu.label)\(nu.value)”计算，\(stem)率应为\(shown)%，这里写的是\(ctx.text(range))",
                        fixes: [Fix(title: "改为\(shown)%", edits: [TextEdit(range: TextRange(j, e), newText: shown)], isSafe: false)])
        }
    }

    private func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        var s = String(r)
        if let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) > 3 { s = String(s[..<s.index(dot, offsetBy: 3)]) }
        return s
    }

    /// Up to `max` Han characters ending at `end`.
    private func hanBefore(_ ctx: LintContext, _ end: Int, max: Int, floor: Int) -> String {
        var j = end
        var out: [Unicode.Scalar] = []
        while j > floor && out.count < max {
            let (v, len) = ctx.scalar(before: j)
            guard Scalars.isHan(v) else { break }
            out.append(UnicodeScalar(v)!)
            j -= len
        }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: out.reversed())
        return String(s)
    }

    /// Integer counts with a unit in the sentence that ends at `end`, each with the Han label before it.
    private func countsBefore(_ ctx: LintContext, _ end: Int, floor: Int) -> [Count] {
        // Sentence start: the last 。！？ before `end`.
        var start = end
        while start > floor {
            let (v, len) = ctx.scalar(before: start)
            if v == 0x3002 || v == 0xFF01 || v == 0xFF1F { break }
            start -= len
        }
        let bytes = ctx.source.bytes
        var out: [Count] = []
        var i = start
        while i < end {
            guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else { i += 1; continue }
            var e = i
            while e < end && bytes[e] >= 0x30 && bytes[e] <= 0x39 { e += 1 }
            let unit = ctx.scalar(at: e)
            let prevByte = i > 0 ? bytes[i - 1] : 0
            if Self.units.contains(unit) && prevByte != 0x2E, let v = Int(String(decoding: bytes[i..<e], as: UTF8.self)) {
                out.append(Count(value: v, unit: unit, label: hanBefore(ctx, i, max: 10, floor: start)))
            }
            i = e
        }
        return out
    }
}
