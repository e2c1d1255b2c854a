// Word-at-a-time byte search (SWAR) for the scans that look for rare bytes in long texts.

public enum ByteSearch {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `x` is zero (exact: no false positives when used as a filter below).
    @inlinable @inline(__always)
    static func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }

    /// The first offset in `from..<to` whose byte is `b`, or `to`.
    @inlinable
    public static func first(_ b: UInt8, in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = p.baseAddress else { return to }
        var i = max(0, from)
        let end = min(to, p.count)
        let pattern = ones &* UInt64(b)
        while i + 8 <= end {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasZeroByte(w ^ pattern) { break }
            i += 8
        }
        while i < end {
            if base[i] == b { return i }
            i += 1
        }
        return end
    }

    /// The first offset in `from..<to` whose byte is `a` or `b`, or `to`.
    @inlinable
    public static func first(_ a: UInt8, _ b: UInt8, in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = p.baseAddress else { return to }
        var i = max(0, from)
        let end = min(to, p.count)
        let pa = ones &* UInt64(a), pb = ones &* UInt64(b)
        while i + 8 <= end {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasZeroByte(w ^ pa) || hasZeroByte(w ^ pb) { break }
            i += 8
        }
        while i < end {
            let c = base[i]
            if c == a || c == b { return i }
            i += 1
        }
        return end
    }

    /// The next maximal run of ASCII digits in `from..<to`, skipping non-ASCII text 8 bytes at a time
    /// (multi-byte scalars never contain a digit byte); nil when there is none.
    @inlinable
    public static func nextDigitRun(in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Range<Int>? {
        let end = min(to, p.count)
        var i = max(0, from)
        while i < end {
            i = firstASCII(in: p, from: i, to: end)
            guard i < end else { return nil }
            let b = p[i]
            if b >= 0x30 && b <= 0x39 {
                var e = i + 1
                while e < end && p[e] >= 0x30 && p[e] <= 0x39 { e += 1 }
                return i..<e
            }
            i += 1
        }
        return nil
    }

    /// The first offset in `from..<to` holding an ASCII byte (< 0x80), or `to`.
    @inlinable
    public static func firstASCII(in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = p.baseAddress else { return to }
        var i = max(0, from)
        let end = min(to, p.count)
        while i + 8 <= end {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if w & highs != highs { break }
            i += 8
        }
        while i < end {
            if base[i] < 0x80 { return i }
            i += 1
        }
        return end
    }
}
