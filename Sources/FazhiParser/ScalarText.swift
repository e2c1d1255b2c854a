import FazhiText

/// The document decoded once into Unicode scalars, with the byte offset of each scalar, and the lines
/// in scalar indices. The parser works on scalar indices and converts to byte ranges at the end.
///
/// "Lines" here are logical lines (segments): normally the physical lines of the file, but a report
/// flattened into a few very long lines is split where its paragraphs and headings begin
/// (`Layout.swift`). `physLine` maps each logical line back to the physical line it lies on; the model
/// the parser returns speaks of physical lines only.
struct ScalarText {
    /// The UTF-8 bytes (shared with the `SourceText`).
    let bytes: [UInt8]
    let sc: [UInt32]
    /// `bo[i]` is the byte offset of scalar `i`; `bo[sc.count]` is the byte count.
    let bo: [UInt32]
    /// Scalar index of each logical line's content start and content end (without terminator).
    var lineStart: [Int]
    var lineEnd: [Int]
    /// Physical line of each logical line (nil while they are the same).
    var physLine: [Int]?
    /// Scalar bounds of the physical lines.
    let physStart: [Int]
    let physEnd: [Int]

    init(_ text: SourceText) {
        bytes = text.bytes
        let n = text.count
        precondition(n < Int(UInt32.max), "text too large")
        var ls: [Int] = []
        var le: [Int] = []
        ls.reserveCapacity(text.lineCount)
        le.reserveCapacity(text.lineCount)
        let cap = text.bytes.withUnsafeBufferPointer { ScalarText.scalarCount($0) }
        var offsets: [UInt32] = []
        sc = text.bytes.withUnsafeBufferPointer { p -> [UInt32] in
            [UInt32](unsafeUninitializedCapacity: cap) { scp, scCount in
                offsets = [UInt32](unsafeUninitializedCapacity: cap + 1) { bop, boCount in
                    let k = ScalarText.decode(p, scp.baseAddress!, bop.baseAddress!, cap, &ls, &le)
                    boCount = k + 1
                    scCount = k
                }
            }
        }
        bo = offsets
        self.lineStart = ls
        self.lineEnd = le
        physStart = ls
        physEnd = le
    }

    /// The physical line a logical line lies on.
    @inline(__always) func physical(_ l: Int) -> Int { physLine?[l] ?? l }

    var physicalLineCount: Int { physStart.count }

    /// Decodes `p` into at most `cap` scalars and their byte offsets (plus the end offset after them),
    /// appending each line's content bounds; returns the scalar count.
    static func decode(_ p: UnsafeBufferPointer<UInt8>, _ scp: UnsafeMutablePointer<UInt32>, _ bop: UnsafeMutablePointer<UInt32>,
                       _ cap: Int, _ ls: inout [Int], _ le: inout [Int]) -> Int {
        let n = p.count
        var i = 0
        var k = 0
        var lineBegin = 0
        while i < n && k < cap {
            let c0 = p[i]
            if c0 & 0xF0 == 0xE0 && i &+ 2 < n {
                // Three-byte sequences (all CJK) inline.
                scp[k] = (UInt32(c0 & 0x0F) << 12) | (UInt32(p[i &+ 1] & 0x3F) << 6) | UInt32(p[i &+ 2] & 0x3F)
                bop[k] = UInt32(truncatingIfNeeded: i)
                k &+= 1
                i &+= 3
                continue
            }
            if c0 >= 0x80 {
                let (v, len) = Scalars.decode(p, i)
                scp[k] = v
                bop[k] = UInt32(truncatingIfNeeded: i)
                k += 1
                i += len
                continue
            }
            scp[k] = UInt32(c0)
            bop[k] = UInt32(truncatingIfNeeded: i)
            k += 1
            if c0 == 0x0A || c0 == 0x0D {
                ls.append(lineBegin)
                le.append(k - 1)
                if c0 == 0x0D && i + 1 < n && p[i + 1] == 0x0A && k < cap {
                    scp[k] = 0x0A
                    bop[k] = UInt32(truncatingIfNeeded: i + 1)
                    k += 1
                    i += 1
                }
                lineBegin = k
            }
            i += 1
        }
        ls.append(lineBegin)
        le.append(k)
        bop[k] = UInt32(truncatingIfNeeded: n)
        return k
    }

    /// Number of scalars in valid UTF-8: the bytes that are not continuation bytes.
    static func scalarCount(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = p.baseAddress else { return 0 }
        let n = p.count
        var cont = 0
        var i = 0
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // One bit per continuation byte, moved to the low bit of its byte, summed by a multiply.
            let c = (w & ~(w << 1) & highs) >> 7
            cont &+= Int(truncatingIfNeeded: (c &* 0x0101_0101_0101_0101) >> 56)
            i += 8
        }
        while i < n {
            if p[i] & 0xC0 == 0x80 { cont += 1 }
            i += 1
        }
        return n - cont
    }

    var lineCount: Int { lineStart.count }

    @inline(__always) func off(_ i: Int) -> Int { Int(bo[i]) }

    @inline(__always) func byteRange(_ s: Int, _ e: Int) -> TextRange { TextRange(Int(bo[s]), Int(bo[e])) }

    /// The text of scalars `s..<e` (decoded from the bytes; identical to appending the scalars).
    func string(_ s: Int, _ e: Int) -> String {
        guard s < e else { return "" }
        return String(decoding: bytes[Int(bo[s])..<Int(bo[e])], as: UTF8.self)
    }

    /// Whether the scalars at `i` spell `pattern`.
    @inline(__always) func matches(_ pattern: [UInt32], at i: Int, end: Int) -> Bool {
        if i < 0 || i + pattern.count > end { return false }
        var k = 0
        while k < pattern.count {
            if sc[i + k] != pattern[k] { return false }
            k += 1
        }
        return true
    }

    func find(_ pattern: [UInt32], from s: Int, to e: Int) -> Int? {
        guard !pattern.isEmpty, e - s >= pattern.count else { return nil }
        let first = pattern[0]
        var i = s
        let last = e - pattern.count
        while i <= last {
            if sc[i] == first && matches(pattern, at: i, end: e) { return i }
            i += 1
        }
        return nil
    }

    func contains(_ pattern: [UInt32], _ s: Int, _ e: Int) -> Bool { find(pattern, from: s, to: e) != nil }

    /// Content bounds of a line with leading and trailing spaces removed.
    func trimmed(_ line: Int) -> (Int, Int) {
        var s = lineStart[line], e = lineEnd[line]
        while s < e && Chars.isBlank(sc[s]) { s += 1 }
        while e > s && Chars.isBlank(sc[e - 1]) { e -= 1 }
        return (s, e)
    }
}

/// Scalar arrays for literal matching.
@inline(__always) func u(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

enum Chars {
    /// A space, or a zero-width character (which takes no room either).
    @inline(__always) static func isBlank(_ v: UInt32) -> Bool {
        Scalars.isSpace(v) || v == .zeroWidthSpace || v == .zeroWidthNonJoiner || v == .zeroWidthJoiner || v == .wordJoiner
    }

    /// Chinese numeral digits used in ordinals.
    @inline(__always) static func chineseDigit(_ v: UInt32) -> Int? {
        switch v {
        case .ideographicZero, .scalar("零"): return 0
        case .scalar("一"): return 1
        case .scalar("二"), .scalar("两"): return 2
        case .scalar("三"): return 3
        case .scalar("四"): return 4
        case .scalar("五"): return 5
        case .scalar("六"): return 6
        case .scalar("七"): return 7
        case .scalar("八"): return 8
        case .scalar("九"): return 9
        default: return nil
        }
    }

    @inline(__always) static func isChineseNumeral(_ v: UInt32) -> Bool {
        chineseDigit(v) != nil || v == .scalar("十") || v == .scalar("百")
    }

    /// Parses a Chinese numeral like 三, 十, 十一, 二十, 二十三, 一百零五 (≤ 999). Nil if malformed.
    static func chineseNumberValue<C: Collection>(_ s: C) -> Int? where C.Element == UInt32 {
        if s.isEmpty || s.count > 6 { return nil }
        if s.count == 1, let v = s.first {
            // One numeral, as most markers are (一、 （三） 二是): same answer as the loop below.
            if v == .scalar("十") { return 10 }
            if let d = chineseDigit(v), d > 0 { return d }
            return nil
        }
        var total = 0, current = -1
        var sawUnit = false
        for v in s {
            if v == .scalar("十") {
                total += (current < 0 ? 1 : current) * 10
                current = -1
                sawUnit = true
            } else if v == .scalar("百") {
                guard current > 0 else { return nil }
                total += current * 100
                current = -1
                sawUnit = true
            } else if let d = chineseDigit(v) {
                if current >= 0 && !(current == 0) { return nil } // two digits in a row (not 零)
                current = d
            } else {
                return nil
            }
        }
        if current > 0 { total += current }
        if !sawUnit && s.count > 1 { return nil }
        return total > 0 ? total : nil
    }

    /// ASCII or full-width digit value.
    @inline(__always) static func asciiDigit(_ v: UInt32) -> Int? { Scalars.decimalDigit(v) }

    /// A paragraph line ending in one of these is complete (`Punctuation.completesLine`).
    @inline(__always) static func isTerminal(_ v: UInt32) -> Bool { Punctuation.completesLine(v) }

    @inline(__always) static func isClosingMark(_ v: UInt32) -> Bool { Punctuation.isClosingMark(v) }
}
