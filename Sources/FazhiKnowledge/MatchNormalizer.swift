import FazhiText

/// Folds text for *matching only* (never for display or edits): traditional characters to simplified,
/// full-width Latin letters and digits to ASCII, and pronunciation glosses that conversion tools insert
/// after a character ("應(yīng)急" → "应急") removed.
///
/// Reports are republished on mirror sites in traditional characters, sometimes with such glosses. The
/// parser compares headings, titles and unit names with simplified keywords; folding both sides with the
/// same table keeps that comparison honest (a few traditional characters fold onto a simplified character
/// that is also a word of its own, e.g. 著 → 着; since patterns are folded too, that never loses a match).
/// The table is data (`Resources/t2s.txt`, generated from ICU's Traditional-Simplified transform).
public final class MatchNormalizer: Sendable {
    /// Traditional → simplified, for scalars in 0x3400...0x9FFF, as a dense table (0 = unchanged).
    private let table: [UInt32]

    public static let shared = MatchNormalizer(data: KnowledgeResources.data("t2s.txt").map { [UInt8]($0) } ?? [])

    static let base: UInt32 = 0x3400
    static let limit: UInt32 = 0xA000

    /// Parses "TS" pairs, one per line; `#` starts a comment line. Read byte by byte (a cold start pays
    /// for this table on its first parse: splitting a String into lines and scalars cost ten times more).
    public init(data: [UInt8]) {
        var t = [UInt32](repeating: 0, count: Int(Self.limit - Self.base))
        // Invalid UTF-8 is read as String(decoding:) would read it (replacement characters).
        let bytes = UTF8Validation.isValid(data) ? data : Array(String(decoding: data, as: UTF8.self).utf8)
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                var e = i
                while e < n && p[e] != 0x0A { e += 1 }
                // A line of exactly two scalars, the first in the table's range; not a comment.
                if e > i && p[i] != 0x23 {
                    let (a, la) = Scalars.decode(p, i)
                    if i + la < e {
                        let (b, lb) = Scalars.decode(p, i + la)
                        if i + la + lb == e && a >= Self.base && a < Self.limit { t[Int(a - Self.base)] = b }
                    }
                }
                i = e + 1
            }
        }
        table = t
    }

    /// Number of traditional characters the table folds.
    public var count: Int { table.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// The folded form of one scalar (no gloss handling).
    @inline(__always) public func fold(_ v: UInt32) -> UInt32 {
        if v >= Self.base && v < Self.limit {
            let m = table[Int(v - Self.base)]
            return m == 0 ? v : m
        }
        if v >= 0xFF10 && v <= 0xFF19 { return v - 0xFF10 + 0x30 }
        if v >= 0xFF21 && v <= 0xFF3A { return v - 0xFF21 + 0x41 }
        if v >= 0xFF41 && v <= 0xFF5A { return v - 0xFF41 + 0x61 }
        return v
    }

    /// Whether a scalar is a traditional-only character this table folds.
    @inline(__always) public func isTraditional(_ v: UInt32) -> Bool {
        v >= Self.base && v < Self.limit && table[Int(v - Self.base)] != 0
    }

    /// Folds scalars; drops a pronunciation gloss "(yīng)" / "（lǐng）" that directly follows a Han character.
    public func normalize(_ s: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let v = s[i]
            if (v == 0x28 || v == 0xFF08), i > 0, Scalars.isHan(s[i - 1]), let end = MatchNormalizer.glossEnd(s, i) {
                i = end
                continue
            }
            out.append(fold(v))
            i += 1
        }
        return out
    }

    public func normalize(_ string: String) -> String {
        var v = String.UnicodeScalarView()
        for x in normalize(string.unicodeScalars.map(\.value)) { v.append(Unicode.Scalar(x)!) }
        return String(v)
    }

    /// End (exclusive) of a pinyin gloss "(yīng)" starting at `i`, or nil. A gloss is 1–7 lowercase Latin
    /// letters with at least one tone-marked vowel, in round brackets.
    public static func glossEnd<C: RandomAccessCollection>(_ s: C, _ i: Int, end: Int? = nil) -> Int? where C.Element == UInt32, C.Index == Int {
        var j = i + 1
        var toned = false
        let limit = end ?? s.endIndex
        while j < limit && j - i <= 8 {
            let c = s[j]
            if c == 0x29 || c == 0xFF09 { return toned && j > i + 1 ? j + 1 : nil }
            if c >= 0x61 && c <= 0x7A { j += 1; continue }
            if isTonedVowel(c) { toned = true; j += 1; continue }
            return nil
        }
        return nil
    }

    @inline(__always) static func isTonedVowel(_ c: UInt32) -> Bool {
        switch c {
        case 0x101, 0xE1, 0x1CE, 0xE0, 0x113, 0xE9, 0x11B, 0xE8, 0x12B, 0xED, 0x1D0, 0xEC,
             0x14D, 0xF3, 0x1D2, 0xF2, 0x16B, 0xFA, 0x1D4, 0xF9, 0x1D6, 0x1D8, 0x1DA, 0x1DC, 0xFC:
            return true
        default:
            return false
        }
    }
}
