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

    /// A count with its Han label, kept as a byte range (the label's text is built only for a finding).
    private struct Count {
        var value: Int
        var unit: UInt32
        var label: TextRange
    }

    /// 件起次人个户宗名场家项条份例批
    @inline(__always) private static func isUnit(_ v: UInt32) -> Bool {
        switch v {
        case 0x4EF6, 0x8D77, 0x6B21, 0x4EBA, 0x4E2A, 0x6237, 0x5B97, 0x540D, 0x573A, 0x5BB6, 0x9879, 0x6761, 0x4EFD, 0x4F8B, 0x6279: return true
        default: return false
        }
    }
    /// 达到为是了均已：:
    @inline(__always) private static func isFiller(_ v: UInt32) -> Bool {
        switch v {
        case 0x8FBE, 0x5230, 0x4E3A, 0x662F, 0x4E86, 0x5747, 0x5DF2, 0xFF1A, 0x3A: return true
        default: return false
        }
    }
    private static let denominators: [String: [String]] = [
        "办结": ["受理", "收到", "接到", "登记"], "结案": ["受理", "立案"], "答复": ["受理", "收到"], "办理": ["受理", "收到", "接到"],
        "成功": ["调处", "调解", "排查", "受理"], "化解": ["排查", "受理", "调处", "摸排"], "调处": ["排查", "受理"],
        "合格": ["参考", "参加", "参训"], "通过": ["参考", "参加"],
    ]
    /// The same table as UTF-8 byte arrays.
    private static let denominatorBytes: [(key: [UInt8], cands: [[UInt8]])] =
        denominators.map { (Array($0.key.utf8), $0.value.map { Array($0.utf8) }) }

    /// The denominators' words for a key (equal bytes are equal strings, except for compatibility
    /// ideographs and astral characters, which take the string lookup).
    private static func candidates(_ key: UnsafeBufferPointer<UInt8>) -> [[UInt8]]? {
        if key.contains(where: { $0 == 0xEF || $0 >= 0xF0 }) {
            return denominators[String(decoding: key, as: UTF8.self)]?.map { Array($0.utf8) }
        }
        for e in denominatorBytes where e.key.elementsEqual(key) { return e.cands }
        return nil
    }
    private static let shi = Array("实".utf8), ying = Array("应".utf8)

    /// Whether the label's bytes contain `needle`. Labels are runs of Han characters; a byte search equals
    /// `String.contains` except for CJK compatibility ideographs (canonically equivalent to unified
    /// ones), for which the string comparison is used.
    private static func label<C: RandomAccessCollection<UInt8>>(_ p: UnsafeBufferPointer<UInt8>, _ r: TextRange, contains needle: C) -> Bool
    where C.Index == Int {
        if needsStringCompare(p, r) || needle.contains(where: { $0 == 0xEF || $0 >= 0xF0 }) {
            let hay = String(decoding: UnsafeBufferPointer(rebasing: p[r.start..<r.end]), as: UTF8.self)
            return hay.contains(String(decoding: needle, as: UTF8.self))
        }
        let n = needle.count, n0 = needle.startIndex
        guard n > 0, r.length >= n else { return n == 0 }
        var i = r.start
        let last = r.end - n
        let first = needle[n0]
        while i <= last {
            if p[i] == first {
                var k = 1
                while k < n && p[i + k] == needle[n0 + k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    /// Scalars outside the basic CJK blocks (compatibility ideographs, astral planes) in a range.
    @inline(__always)
    private static func needsStringCompare(_ p: UnsafeBufferPointer<UInt8>, _ r: TextRange) -> Bool {
        var i = r.start
        while i < r.end {
            let c = p[i]
            if c == 0xEF || c >= 0xF0 { return true }
            i += 1
        }
        return false
    }

    public func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let bytes = ctx.source.bytes
        var counts: [Count] = []
        counts.reserveCapacity(16)
        // Each 率 from the lint run's trigger scan, in text order.
        let triggers = ctx.cache.triggers
        bytes.withUnsafeBufferPointer { p in
            for m in triggers where m.payload == KnowledgeScan.Trigger.lv.rawValue {
                check(ctx, p, rate: m.textRange, counts: &counts, into: &sink)
            }
        }
    }

    /// How far back (bytes, about 500 Chinese characters) a rate looks for its sentence's counts. A real
    /// sentence is far shorter; without a bound, a line of thousands of counts and rates with no full stop
    /// (a flattened table) made each rate rescan the line: quadratic, minutes for a megabyte.
    static let window = 1536

    private func check(_ ctx: LintContext, _ p: UnsafeBufferPointer<UInt8>, rate r: TextRange, counts: inout [Count],
                       into sink: inout DiagnosticSink) {
        guard var li = FormatScan.inProse(ctx, r.start) else { return }
        if r.start - li.range.start > Self.window {
            var floor = r.start - Self.window
            while floor < r.start && p[floor] & 0xC0 == 0x80 { floor += 1 }
            li.range = TextRange(floor, li.range.end)
        }
        // The stated percentage after the rate word.
        var j = r.end, skipped = 0
        while j < li.range.end && skipped < 4 {
            let v = Scalars.decode(p, j).0
            guard Self.isFiller(v) else { break }
            j += v < 0x80 ? 1 : 3; skipped += 1
        }
        var e = j
        while e < li.range.end && ((p[e] >= 0x30 && p[e] <= 0x39) || (p[e] == 0x2E && e > j)) { e += 1 }
        guard e > j, e < li.range.end, p[e] == 0x25 || Scalars.decode(p, e).0 == 0xFF05 else { return }
        // The rate's stem: Han characters before 率.
        let (stem, stemCount) = hanBefore(p, r.start, max: 4, floor: li.range.start)
        guard stemCount >= 2 else { return }
        var dot = -1
        for k in j..<e where p[k] == 0x2E { dot = k; break }
        let stated: Double
        if dot < 0 && e - j <= 15, let v = Self.parseInt(p, j, e) {
            stated = Double(v)
        } else {
            guard let v = Double(String(decoding: UnsafeBufferPointer(rebasing: p[j..<e]), as: UTF8.self)) else { return }
            stated = v
        }
        // With a valid number there is at most one dot; the digits after it are the decimals.
        let decimals = dot < 0 ? 0 : e - dot - 1
        // The key: the stem's last two characters.
        let l1 = Scalars.decodeBefore(p, stem.end).1
        let keyStart = stem.end - l1 - Scalars.decodeBefore(p, stem.end - l1).1
        let key = UnsafeBufferPointer(rebasing: p[keyStart..<stem.end])
        // Counts earlier in the same sentence.
        countsBefore(p, r.start, floor: li.range.start, marks: ctx.cache.marks, into: &counts)
        var num: Count?, den: Count?
        var withKeyCount = 0, firstWithKey = -1
        for (k, c) in counts.enumerated() where Self.label(p, c.label, contains: key) {
            withKeyCount += 1
            if firstWithKey < 0 { firstWithKey = k }
        }
        if withKeyCount == 2 {
            let withKey = counts.filter { Self.label(p, $0.label, contains: key) }
            if let a = withKey.first(where: { Self.label(p, $0.label, contains: Self.shi) }),
               let b = withKey.first(where: { Self.label(p, $0.label, contains: Self.ying) }) {
                num = a; den = b
            }
        } else if withKeyCount == 1, let cands = Self.candidates(key) {
            let nc = counts[firstWithKey]
            var dsCount = 0, dsFirst = -1
            for (k, c) in counts.enumerated()
            where c.unit == nc.unit && !Self.label(p, c.label, contains: key) && cands.contains(where: { Self.label(p, c.label, contains: $0) }) {
                dsCount += 1
                if dsFirst < 0 { dsFirst = k }
            }
            if dsCount == 1 { num = nc; den = counts[dsFirst] }
        }
        guard let nu = num, let de = den, de.value > 0, nu.value <= de.value else { return }
        let computed = Double(nu.value) * 100 / Double(de.value)
        var tol = 0.5
        for _ in 0..<decimals { tol /= 10 }
        guard abs(computed - stated) > tol + 1e-9 else { return }
        let shown = format(computed)
        let range = TextRange(j, e + (p[e] == 0x25 ? 1 : 3))
        let stemText = ctx.text(stem), deLabel = ctx.text(de.label), nuLabel = ctx.text(nu.label)
        sink.report(range, "按“\(deLabel)\(de.value)”“\(nuLabel)\(nu.value)”计算，\(stemText)率应为\(shown)%，这里写的是\(ctx.text(range))",
                    fixes: [Fix(title: "改为\(shown)%", edits: [TextEdit(range: TextRange(j, e), newText: shown)], isSafe: false)])
    }

    private func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        var s = String(r)
        if let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) > 3 { s = String(s[..<s.index(dot, offsetBy: 3)]) }
        return s
    }

    /// Up to `max` Han characters ending at `end`: their byte range and count.
    private func hanBefore(_ p: UnsafeBufferPointer<UInt8>, _ end: Int, max: Int, floor: Int) -> (TextRange, Int) {
        var j = end, count = 0
        while j > floor && count < max {
            let (v, len) = Scalars.decodeBefore(p, j)
            guard Scalars.isHan(v) else { break }
            count += 1
            j -= len
        }
        return (TextRange(j, end), count)
    }

    /// Integer counts with a unit in the sentence that ends at `end`, each with the Han label before it.
    private func countsBefore(_ p: UnsafeBufferPointer<UInt8>, _ end: Int, floor: Int, marks: MarkIndex, into out: inout [Count]) {
        // Sentence start: just after the last 。！？ before `end` (at or after `floor`), from the index of marks.
        var start = floor
        var k = marks.first(atOrAfter: end) - 1
        while k >= 0 && marks.offsets[k] >= floor {
            let v = marks.values[k]
            if v == 0x3002 || v == 0xFF01 || v == 0xFF1F {
                start = marks.offsets[k] + 3
                break
            }
            k -= 1
        }
        out.removeAll(keepingCapacity: true)
        // Digit runs: jump from ASCII byte to ASCII byte (multi-byte scalars never hold a digit byte).
        var next = start
        while let run = ByteSearch.nextDigitRun(in: p, from: next, to: end) {
            let i = run.lowerBound, e = run.upperBound
            next = e
            let unit = e < p.count ? Scalars.decode(p, e).0 : 0
            let prevByte = i > 0 ? p[i - 1] : 0
            if Self.isUnit(unit) && prevByte != 0x2E, let v = Self.parseInt(p, i, e) {
                out.append(Count(value: v, unit: unit, label: hanBefore(p, i, max: 10, floor: start).0))
            }
        }
    }

    /// The value of ASCII digits (nil on overflow, like `Int(String)`).
    private static func parseInt(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        var v = 0
        for k in s..<e {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(p[k] - 0x30))
            if o1 || o2 { return nil }
            v = a
        }
        return v
    }
}
