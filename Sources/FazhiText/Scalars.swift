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

    @inlinable @inline(__always)
    public static func isASCIIDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    @inlinable @inline(__always)
    public static func isASCIILetter(_ v: UInt32) -> Bool { (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }

    /// ASCII or full-width digit value (０…９ count as 0…9).
    @inlinable @inline(__always)
    public static func decimalDigit(_ v: UInt32) -> Int? {
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return Int(v - 0xFF10) }
        return nil
    }

    /// A C0 control character other than tab, line feed and carriage return, or DEL: never part of a
    /// report's text (a form feed is Word's page break).
    @inlinable @inline(__always)
    public static func isStrayControl(_ v: UInt32) -> Bool {
        (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0x7F
    }

    /// UTF-8 length of the sequence a lead byte starts (1 for a stray continuation byte).
    @inlinable @inline(__always)
    public static func sequenceLength(lead b: UInt8) -> Int { b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : (b >= 0xC0 ? 2 : 1)) }

    /// The first UTF-8 byte of a scalar value.
    @inlinable @inline(__always)
    public static func utf8Lead(_ v: UInt32) -> UInt8 {
        v < 0x80 ? UInt8(v) : (v < 0x800 ? UInt8(0xC0 | v >> 6) : (v < 0x10000 ? UInt8(0xE0 | v >> 12) : UInt8(0xF0 | v >> 18)))
    }

    /// A lead byte whose three-byte scalars (E5…E9: U+5000…U+9FFF) are all CJK ideographs, so a scan that
    /// skips Han can skip the sequence without decoding it.
    @inlinable @inline(__always)
    public static func leadsOnlyHan(_ b: UInt8) -> Bool { b >= 0xE5 && b <= 0xE9 }

    /// UTF-8 length of a scalar value.
    @inlinable @inline(__always)
    public static func utf8Length(_ v: UInt32) -> Int { v < 0x80 ? 1 : (v < 0x800 ? 2 : (v < 0x10000 ? 3 : 4)) }

    @inlinable @inline(__always)
    public static func isASCII(_ v: UInt32) -> Bool { v < 0x80 }

    /// A byte 0…9.
    @inlinable @inline(__always)
    public static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// An ASCII byte with A…Z turned into a…z (other bytes unchanged).
    @inlinable @inline(__always)
    public static func lowercasedASCII(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// A…Z, a…z, 0…9.
    @inlinable @inline(__always)
    public static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        let l = b | 0x20
        return (b >= 0x30 && b <= 0x39) || (l >= 0x61 && l <= 0x7A)
    }

    /// Space characters with a visible width (zero-width ones are conversion residue, not spaces).
    @inlinable @inline(__always)
    public static func isVisibleSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0xA0 || (v >= 0x2000 && v <= 0x200A) || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// A space character or a line break.
    @inlinable @inline(__always)
    public static func isBlank(_ v: UInt32) -> Bool { isSpace(v) || v == 0x0A || v == 0x0D }

    /// Any space character: ASCII space and tab, NBSP, en/em and other Unicode spaces, ideographic space.
    @inlinable @inline(__always)
    public static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0xA0 || (v >= 0x2000 && v <= 0x200B) || v == 0x202F || v == 0x205F || v == 0x3000 || v == 0xFEFF
    }
}
