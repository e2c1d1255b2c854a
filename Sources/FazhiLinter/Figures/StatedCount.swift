import FazhiKnowledge
import FazhiText

/// A count written with a unit in report prose: 受理矛盾纠纷141件, 其中调解75件, 48起成功化解.
public struct StatedCount: Sendable, Equatable {
    public var value: Int
    /// Digits and unit: `141件`, `120人次`.
    public var range: TextRange
    /// The unit (件), and whether 次 follows it (人次): counts are compared only with the same unit.
    public var unit: UInt32
    public var perTime: Bool
    /// The Han characters that say what was counted: those before the number (受理矛盾纠纷), or, when the
    /// number opens its clause, those after the unit (48起成功化解 → 成功化解).
    public var label: TextRange
    /// Index of the clause in the analysed window (clauses end at ，；。：！？).
    public var clause: Int
    /// Introduced by 其中 in its clause: a part of a total stated before.
    public var isPart: Bool
    /// Marked as a total (共、累计).
    public var isTotal: Bool
    /// 约300人, 40人左右, 300余人: kept so that it is not skipped over when looking for a total, never compared.
    public var isApproximate: Bool

    /// The label and the count together, for messages: 受理矛盾纠纷141件.
    public var phrase: TextRange { TextRange(min(label.start, range.start), max(label.end, range.end)) }

    func sameUnit(_ o: StatedCount) -> Bool { unit == o.unit && perTime == o.perTime }
}

/// Byte-level reading of report prose for the figure analysis: scalars, sentence and clause ends, Han runs,
/// counts. Works on one line (a paragraph) of UTF-8 bytes.
struct FigureReader {
    let p: UnsafeBufferPointer<UInt8>
    let vocab: FigureVocabulary

    @inline(__always) func scalar(_ i: Int) -> (UInt32, Int) { i < p.count ? Scalars.decode(p, i) : (0, 0) }
    @inline(__always) func scalar(before i: Int) -> (UInt32, Int) { i > 0 ? Scalars.decodeBefore(p, i) : (0, 0) }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { Scalars.isASCIIDigit(c) }

    /// Start of the sentence that contains `end - 1` (`Sentences.start`).
    func sentenceStart(before end: Int, floor: Int) -> Int { Sentences.start(in: p, before: end, floor: floor) }

    /// Whether the bytes of `r` contain `needle` (equal Han text is equal bytes).
    func contains(_ r: TextRange, _ needle: [UInt8]) -> Bool {
        needle.isEmpty || firstOccurrence(of: needle, in: r) != nil
    }

    /// The first offset in `r` where `needle` starts.
    func firstOccurrence(of needle: [UInt8], in r: TextRange) -> Int? {
        let n = needle.count
        guard n > 0, r.length >= n else { return nil }
        let first = needle[0]
        var i = r.start
        while i <= r.end - n {
            if p[i] == first {
                var k = 1
                while k < n && p[i + k] == needle[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    func containsAny(_ r: TextRange, _ needles: [[UInt8]]) -> Bool { needles.contains { contains(r, $0) } }

    /// Up to `max` Han characters ending at `end`, not before `floor`.
    func hanRun(endingAt end: Int, max: Int, floor: Int) -> (range: TextRange, count: Int) {
        var j = end, n = 0
        while j > floor && n < max {
            let (v, len) = scalar(before: j)
            guard Scalars.isHan(v), j - len >= floor else { break }
            j -= len; n += 1
        }
        return (TextRange(j, end), n)
    }

    /// Up to `max` Han characters starting at `start`, not past `ceiling`.
    func hanRun(startingAt start: Int, max: Int, ceiling: Int) -> TextRange {
        var j = start, n = 0
        while j < ceiling && n < max {
            let (v, len) = scalar(j)
            guard Scalars.isHan(v), j + len <= ceiling else { break }
            j += len; n += 1
        }
        return TextRange(start, j)
    }

    /// The value of ASCII digits (nil on overflow).
    func integer(_ s: Int, _ e: Int) -> Int? {
        var v = 0
        for k in s..<e {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(p[k] &- UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            v = a
        }
        return v
    }

    /// Every count with a unit in `w`, in text order, with clause indices from 0 at `w.start`.
    func counts(in w: TextRange, into out: inout [StatedCount]) {
        out.removeAll(keepingCapacity: true)
        var clause = 0, clauseStart = w.start
        var scanned = w.start  // clause ends are counted up to here
        var next = w.start
        while let run = ByteSearch.nextDigitRun(in: p, from: next, to: w.end) {
            let i = run.lowerBound
            var e = run.upperBound
            next = e
            // Clause ends between the previous number and this one; scalars that cannot be one are stepped
            // over by their lead byte.
            var k = scanned
            while k < i {
                let c = p[k]
                if Punctuation.mayStartClauseEnd(c) {
                    let (v, len) = scalar(k)
                    if Punctuation.isClauseEnd(v) { clause += 1; clauseStart = k + len }
                    k += max(len, 1)
                } else {
                    k += Scalars.sequenceLength(lead: c)
                }
            }
            scanned = e
            // Part of a decimal or of a number already read (1,234).
            if i > w.start && (p[i - 1] == UInt8(ascii: ".") || p[i - 1] == UInt8(ascii: ",")) && i >= w.start + 2 && Self.isDigit(p[i - 2]) { continue }
            guard var value = integer(i, e) else { continue }
            // Thousands separators: 1,234 and 12,345,678.
            while e + 3 < w.end && p[e] == UInt8(ascii: ",") && Self.isDigit(p[e + 1]) && Self.isDigit(p[e + 2]) && Self.isDigit(p[e + 3])
                    && !(e + 4 < w.end && Self.isDigit(p[e + 4])) {
                guard let tail = integer(e + 1, e + 4) else { break }
                let (m, o) = value.multipliedReportingOverflow(by: 1000)
                if o { break }
                value = m + tail
                e += 4
            }
            next = e
            scanned = e
            var approximate = false
            if e < w.end && p[e] == UInt8(ascii: ".") && e + 1 < w.end && Self.isDigit(p[e + 1]) { approximate = true }  // 1.5万人
            var (u, ul) = scalar(e)
            var end = e
            if vocab.approximateAfter.contains(u) {
                // 300余人, 20多件: the unit follows the marker.
                approximate = true
                end += ul
                (u, ul) = scalar(end)
            }
            guard vocab.units.contains(u), end + ul <= w.end else { continue }
            end += ul
            var perTime = false
            let (u2, l2) = scalar(end)
            if u2 != u && vocab.repeatUnits.contains(u2) && end + l2 <= w.end { perTime = true; end += l2 }
            if vocab.approximateBefore.contains(scalar(before: i).0) || vocab.approximateAfter.contains(scalar(end).0) { approximate = true }
            next = end
            scanned = end
            var label = hanRun(endingAt: i, max: 10, floor: clauseStart).range
            if label.isEmpty { label = hanRun(startingAt: end, max: 6, ceiling: w.end) }
            let head = TextRange(clauseStart, i)
            out.append(StatedCount(value: value, range: TextRange(i, end), unit: u, perTime: perTime, label: label, clause: clause,
                                   isPart: containsAny(head, vocab.subsetMarkers), isTotal: containsAny(label, vocab.totalMarkers),
                                   isApproximate: approximate))
        }
    }
}

/// Byte comparison at an offset.
enum FigureBytes {
    @inline(__always) static func equal(_ p: UnsafeBufferPointer<UInt8>, _ at: Int, _ s: [UInt8]) -> Bool {
        guard at >= 0, at + s.count <= p.count else { return false }
        for k in 0..<s.count where p[at + k] != s[k] { return false }
        return true
    }
}
