import FazhiText

/// The text copy detection compares: a report's body reduced to the characters that carry content.
///
/// Copying between reports survives retyping of punctuation, spacing, line breaks, changed numbers and
/// "我镇" becoming "我乡", so those are folded away: Han characters are kept as they are, letters are
/// lower-cased, a run of digits (with decimal points) becomes one `#`, the unit's word after 我/本/全
/// (我镇、本局、全县) becomes one placeholder, and everything else (punctuation, spaces, symbols such as
/// ×× placeholders) is dropped. One pass over the bytes, no allocation per character.
public enum CopyText {
    /// Stands for any run of digits.
    public static let digitToken: UInt16 = 0x23
    /// Stands for the unit's word in 我镇/本局/全县.
    public static let selfToken: UInt16 = 0xE000
    /// Stands for a character outside the Basic Multilingual Plane (rare Han extensions).
    public static let astralToken: UInt16 = 0xFFFD

    /// Normalised characters of `range` in `source`; when `offsets` is requested, the byte range of each.
    public static func normalize(_ source: SourceText, _ range: TextRange, offsets: Bool = false)
        -> (chars: [UInt16], starts: [UInt32], ends: [UInt32])
    {
        var chars: [UInt16] = []
        chars.reserveCapacity(range.length / 3 + 8)
        var starts: [UInt32] = []
        var ends: [UInt32] = []
        if offsets {
            starts.reserveCapacity(range.length / 3 + 8)
            ends.reserveCapacity(range.length / 3 + 8)
        }
        source.bytes.withUnsafeBufferPointer { p in
            var i = max(0, range.start)
            let end = min(range.end, p.count)
            var inNumber = false
            while i < end {
                let (v, len) = Scalars.decode(p, i)
                var c: UInt16 = 0
                if Scalars.isASCIIDigit(v) || (v >= 0xFF10 && v <= 0xFF19) {
                    if inNumber {
                        if offsets { ends[ends.count - 1] = UInt32(i + len) }
                        i += len
                        continue
                    }
                    c = digitToken
                    inNumber = true
                } else if inNumber && (v == 0x2E || v == 0xFF0E) && i + len < end && isDigitByte(p, i + len) {
                    // A decimal point inside a number belongs to it.
                    i += len
                    continue
                } else {
                    inNumber = false
                    if Scalars.isHan(v) {
                        c = v <= 0xFFFF ? UInt16(v) : astralToken
                        if c != astralToken, isUnitWord(v), let last = chars.last, isSelfPrefix(last) {
                            c = selfToken
                            // 我街道: the two characters are one word.
                            if v == 0x8857, i + len + 3 <= end, p[i + len] == 0xE9, p[i + len + 1] == 0x81, p[i + len + 2] == 0x93 {
                                chars.append(c)
                                if offsets {
                                    starts.append(UInt32(i))
                                    ends.append(UInt32(i + len + 3))
                                }
                                i += len + 3
                                continue
                            }
                        }
                    } else if (v >= 0x61 && v <= 0x7A) {
                        c = UInt16(v)
                    } else if v >= 0x41 && v <= 0x5A {
                        c = UInt16(v + 0x20)
                    } else if v >= 0xFF21 && v <= 0xFF3A {
                        c = UInt16(v - 0xFF21 + 0x61)
                    } else if v >= 0xFF41 && v <= 0xFF5A {
                        c = UInt16(v - 0xFF41 + 0x61)
                    }
                }
                if c != 0 {
                    chars.append(c)
                    if offsets {
                        starts.append(UInt32(i))
                        ends.append(UInt32(i + len))
                    }
                }
                i += len
            }
        }
        return (chars, starts, ends)
    }

    /// Normalises a plain string (knowledge phrases), the same way as a report.
    public static func normalize(_ s: String) -> [UInt16] {
        let t = SourceText(s)
        return normalize(t, TextRange(0, t.count)).chars
    }

    @inline(__always)
    static func isDigitByte(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let (v, _) = Scalars.decode(p, i)
        return Scalars.isASCIIDigit(v) || (v >= 0xFF10 && v <= 0xFF19)
    }

    /// 我, 本, 全: a unit speaking of itself (我镇, 本局, 全县).
    @inline(__always)
    static func isSelfPrefix(_ c: UInt16) -> Bool { c == 0x6211 || c == 0x672C || c == 0x5168 }

    /// The word a unit calls itself by: 镇 乡 县 区 市 局 委 办 街 所 院 厅.
    @inline(__always)
    static func isUnitWord(_ v: UInt32) -> Bool {
        switch v {
        case 0x9547, 0x4E61, 0x53BF, 0x533A, 0x5E02, 0x5C40, 0x59D4, 0x529E, 0x8857, 0x6240, 0x9662, 0x5385: return true
        default: return false
        }
    }
}
