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
