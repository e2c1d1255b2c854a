import Foundation
import FazhiKnowledge
import FazhiText

/// Why two counts are taken as numerator and denominator of a rate, or as part and total.
public enum FigureBasis: Sendable, Equatable {
    /// 应参训120人，实际参训115人: the planned and the actual count of the same verb.
    case plannedActual
    /// 受理141件，其中调解75件: the part follows 其中; `immediate` when the total is in the clause just before.
    case subset(immediate: Bool)
    /// 受理40件，办结38件: the rate's verb and the one verb it is measured against (figures.json `rates`).
    case verbPair
    /// 共排查纠纷60起，……化解58起: the one count marked as a total.
    case total
}

/// A stated rate (办结率95%) with the counts it is computed from, found in its sentence or the one before.
public struct RateFigure: Sendable {
    /// From the rate's stem to the percent sign: 办结率95%.
    public var range: TextRange
    /// The Han characters before 率: 办结, 调解成功.
    public var stem: TextRange
    /// The stated value with its percent sign (95%), and its digits (95).
    public var valueRange: TextRange
    public var digits: TextRange
    public var stated: Double
    /// Decimal places written (60.5% → 1).
    public var decimals: Int
    public var numerator: StatedCount
    public var denominator: StatedCount
    public var basis: FigureBasis

    /// The exact ratio of the counts, in percent.
    public var computed: Double { Double(numerator.value) * 100 / Double(denominator.value) }

    /// Whether the counts are consistent with each other (the part is not larger than the whole).
    public var countsAgree: Bool { numerator.value <= denominator.value }

    /// Whether the stated value is the exact ratio rounded or truncated to the decimals written.
    public var isConsistent: Bool { Self.isRounding(stated, decimals: decimals, of: computed) }

    /// The computed value as the fix writes it: to the decimals written, at least one, without trailing zeros.
    public var computedText: String { Self.format(computed, decimals: max(decimals, 1)) }

    static func isRounding(_ stated: Double, decimals: Int, of x: Double) -> Bool {
        var scale = 1.0
        for _ in 0..<min(decimals, 12) { scale *= 10 }
        let s = stated * scale, v = x * scale
        return abs(s - v.rounded()) < 1e-6 || abs(s - (v + 1e-9).rounded(.down)) < 1e-6
    }

    /// `x` rounded to `decimals` places, trailing zeros and a bare point removed: 95, 53.2, 96.67.
    public static func format(_ x: Double, decimals: Int) -> String {
        var s = String(format: "%.\(max(0, min(decimals, 6)))f", x)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }
}

extension FigureReader {
    /// The rate whose 率 starts at `r`, with its counts, within `line`; nil when it has no value or no
    /// numerator and denominator can be told apart.
    /// How far back (bytes, about 500 Chinese characters) a rate looks for its counts. Real sentences are far
    /// shorter; without a bound, a line of thousands of counts and rates with no full stop (a flattened table)
    /// made every rate rescan the line from its start: quadratic, minutes for a megabyte.
    static let lookBack = 1536

    func rate(at r: Int, line whole: TextRange, scratch counts: inout [StatedCount]) -> RateFigure? {
        var line = whole
        if r - line.start > Self.lookBack {
            var floor = r - Self.lookBack
            while floor < r && UTF8Validation.isContinuation(p[floor]) { floor += 1 }
            line = TextRange(floor, line.end)
        }
        // The stated value: fillers (达到、为、：), digits, an optional decimal part, % or ％.
        var j = r + 3, skipped = 0
        while j < line.end && skipped < 4 {
            let (v, len) = scalar(j)
            guard vocab.rateFillers.contains(v) else { break }
            j += len; skipped += 1
        }
        var e = j, dot = -1
        while e < line.end {
            let c = p[e]
            if Self.isDigit(c) { e += 1 } else if c == UInt8(ascii: ".") && dot < 0 && e > j && e + 1 < line.end && Self.isDigit(p[e + 1]) { dot = e; e += 1 } else { break }
        }
        guard e > j, e < line.end else { return nil }
        let (pc, pl) = scalar(e)
        guard pc == .asciiPercent || pc == .fullwidthPercent else { return nil }
        let stated: Double
        if dot < 0, let v = integer(j, e) { stated = Double(v) } else {
            guard let v = Double(String(decoding: UnsafeBufferPointer(rebasing: p[j..<e]), as: UTF8.self)) else { return nil }
            stated = v
        }
        let (stem, stemCount) = hanRun(endingAt: r, max: 6, floor: line.start)
        guard stemCount >= 2 else { return nil }
        // The key: the stem's last two characters (办结, 成功).
        let l1 = scalar(before: stem.end).1
        let key = TextRange(stem.end - l1 - scalar(before: stem.end - l1).1, stem.end)
        let keyBytes = Array(p[key.start..<key.end])
        // Counts in the sentence, else in it and the sentence before.
        let s1 = sentenceStart(before: stem.start, floor: line.start)
        self.counts(in: TextRange(s1, stem.start), into: &counts)
        var pair = self.pair(counts, stem: stem, key: keyBytes)
        if pair == nil && s1 > line.start {
            let s0 = sentenceStart(before: s1 - scalar(before: s1).1, floor: line.start)
            self.counts(in: TextRange(s0, stem.start), into: &counts)
            pair = self.pair(counts, stem: stem, key: keyBytes)
        }
        guard let (n, d, basis) = pair, counts[d].value > 0 else { return nil }
        return RateFigure(range: TextRange(stem.start, e + pl), stem: stem, valueRange: TextRange(j, e + pl), digits: TextRange(j, e),
                          stated: stated, decimals: dot < 0 ? 0 : e - dot - 1, numerator: counts[n], denominator: counts[d], basis: basis)
    }

    /// Indices of the numerator and denominator among `counts`, and why they pair.
    func pair(_ counts: [StatedCount], stem: TextRange, key: [UInt8]) -> (Int, Int, FigureBasis)? {
        // Numerator: its label names the rate's verb and agrees with the stem on 成功、按期、未…
        var cands: [Int] = []
        for (i, c) in counts.enumerated() where !c.isApproximate && contains(c.label, key) {
            var agrees = true
            for q in vocab.qualifiers where contains(c.label, q) != contains(stem, q) { agrees = false; break }
            if agrees { cands.append(i) }
        }
        if cands.count >= 2 {
            // 应参训120人，实际参训115人: the marker right before the verb.
            func marked(_ i: Int, _ markers: [[UInt8]]) -> Bool {
                markers.contains { m in
                    var at = counts[i].label.start
                    while let r = firstOccurrence(of: key, in: TextRange(at, counts[i].label.end)) {
                        if r >= counts[i].label.start + m.count && FigureBytes.equal(p, r - m.count, m) { return true }
                        at = r + 1
                    }
                    return false
                }
            }
            let actual = cands.filter { marked($0, vocab.actualMarkers) }
            let planned = cands.filter { marked($0, vocab.plannedMarkers) && !actual.contains($0) }
            if actual.count == 1 && planned.count == 1 && counts[actual[0]].sameUnit(counts[planned[0]]) {
                return (actual[0], planned[0], .plannedActual)
            }
            return nil
        }
        guard let n = cands.first else { return nil }
        let num = counts[n]
        if num.isPart {
            // 其中: the nearest count of the same unit before it, in an earlier clause.
            guard let d = (0..<n).last(where: { counts[$0].clause != num.clause && counts[$0].sameUnit(num) }), !counts[d].isApproximate else { return nil }
            return (n, d, .subset(immediate: counts[d].clause == num.clause - 1))
        }
        // A denominator named by its verb may also come after the numerator (办结38件，受理40件).
        let exact = counts.indices.filter {
            $0 != n && counts[$0].clause != num.clause && counts[$0].sameUnit(num) && !counts[$0].isApproximate && !contains(counts[$0].label, key)
        }
        if let bases = vocab.bases(of: key) {
            let b = exact.filter { containsAny(counts[$0].label, bases) }
            if b.count == 1 { return (n, b[0], .verbPair) }
            if b.count > 1 { return nil }
        }
        let totals = exact.filter { counts[$0].isTotal }
        return totals.count == 1 ? (n, totals[0], .total) : nil
    }
}

extension FigureVocabulary {
    /// The denominator verbs of a rate verb given as bytes.
    func bases(of key: [UInt8]) -> [[UInt8]]? {
        key.withUnsafeBufferPointer { bases(of: $0) }
    }
}
