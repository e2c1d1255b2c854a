// Fast scalar decoding over valid UTF-8 and character classes used by the cores.

public enum Scalars {
    /// Decodes the scalar starting at `i` in valid UTF-8; returns (value, byte length).
    @inlinable @inline(__always)
    public static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c0 = UInt32(p[i])
        if c0 < 0x80 { return (c0, 1) }
        let n = p.count
        if c0 < 0xE0 {
            guard i + 1 < n else { return (0xFFFD, 1) }
            return (((c0 & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2)
        }
        if c0 < 0xF0 {
            guard i + 2 < n else { return (0xFFFD, 1) }
            return (((c0 & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3)
        }
        guard i + 3 < n else { return (0xFFFD, 1) }
        return (((c0 & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12) | ((UInt32(p[i + 2]) & 0x3F) << 6) | (UInt32(p[i + 3]) & 0x3F), 4)
    }

    /// Decodes the scalar that ends just before `i`; returns (value, byte length).
    @inlinable @inline(__always)
    public static func decodeBefore(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        var s = i - 1
        while s > 0 && (p[s] & 0xC0) == 0x80 && i - s < 4 { s -= 1 }
        let (v, len) = decode(p, s)
        return (v, len == i - s ? len : 1)
    }

    /// CJK ideographs (basic, extension A, compatibility, and the astral extensions).
    @inlinable @inline(__always)
    public static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF)
            || (v >= 0x20000 && v <= 0x3134F) || v == 0x3007
    }

    /// Full-width CJK punctuation (CJK Symbols and Punctuation, full-width forms, curly quotes, …).
    @inlinable @inline(__always)
    public static func isCJKPunctuation(_ v: UInt32) -> Bool {
        (v >= 0x3000 && v <= 0x303F && v != 0x3007) || (v >= 0xFF01 && v <= 0xFF0F) || (v >= 0xFF1A && v <= 0xFF20)
            || (v >= 0xFF3B && v <= 0xFF40) || (v >= 0xFF5B && v <= 0xFF65)
            || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 || v == 0x2026 || v == 0x2014 || v == 0x00B7
    }

    /// Han or CJK punctuation: "Chinese text" for the punctuation and spacing rules.
    @inlinable @inline(__always)
    public static func isChinese(_ v: UInt32) -> Bool { isHan(v) || isCJKPunctuation(v) }

    /// Any space character: ASCII space and tab, NBSP, en/em and other Unicode spaces, ideographic space.
    @inlinable @inline(__always)
    public static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0xA0 || (v >= 0x2000 && v <= 0x200B) || v == 0x202F || v == 0x205F || v == 0x3000 || v == 0xFEFF
    }
}
