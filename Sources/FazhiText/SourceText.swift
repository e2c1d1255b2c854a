// SourceText: an immutable UTF-8 buffer with a line index.
//
// Every range inside Fazhi is a half-open range of UTF-8 byte offsets into a SourceText.
// Conversion to (line, character) in the client's encoding happens only at the edges
// (LSP server, CLI output), through `position(of:encoding:)` and `offset(line:character:encoding:)`.

/// A half-open range of UTF-8 byte offsets.
public struct TextRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    @inlinable public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    @inlinable public var length: Int { end - start }
    @inlinable public var isEmpty: Bool { end == start }
    @inlinable public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    @inlinable public func contains(_ other: TextRange) -> Bool { other.start >= start && other.end <= end }
    @inlinable public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    public static func < (a: TextRange, b: TextRange) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }
    public var description: String { "\(start)..<\(end)" }
}

/// The unit in which a client counts characters within a line (LSP `PositionEncodingKind`).
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

/// A line/character pair; `character` is counted in some `PositionEncoding`.
public struct LineColumn: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
    public var description: String { "\(line):\(character)" }
}

public struct SourceText: Sendable {
    /// The text as valid UTF-8 (invalid input is repaired with U+FFFD on construction).
    public let bytes: [UInt8]
    /// Byte offset at which each line starts. Always non-empty; line terminators are \n, \r\n and \r.
    public let lineStarts: [Int]
    /// Checkpoints inside very long lines (empty for ordinary text), so conversions never scan a whole line.
    public let longLines: LongLineIndex

    public init(_ string: String) {
        var s = string
        var b: [UInt8] = []
        b.reserveCapacity(s.utf8.count)
        s.withUTF8 { b.append(contentsOf: $0) }
        self.init(validUTF8: b)
    }

    /// Builds from raw bytes; invalid UTF-8 is replaced by U+FFFD, a leading BOM is kept (it is a character).
    public init(bytes raw: [UInt8]) {
        if UTF8Validation.isValid(raw) {
            self.init(validUTF8: raw)
        } else {
            self.init(String(decoding: raw, as: UTF8.self))
        }
    }

    public init(validUTF8 b: [UInt8]) {
        bytes = b
        let starts = SourceText.computeLineStarts(b)
        lineStarts = starts
        longLines = SourceText.hasLongLine(starts, count: b.count) ? LongLineIndex(bytes: b, lineStarts: starts) : .empty
    }

    /// Whether any line is longer than `LongLineIndex.threshold` bytes.
    static func hasLongLine(_ starts: [Int], count: Int) -> Bool {
        var previous = 0
        for s in starts.dropFirst() {
            if s - previous > LongLineIndex.threshold { return true }
            previous = s
        }
        return count - previous > LongLineIndex.threshold
    }

    public static func computeLineStarts(_ b: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(b.count / 40 + 1)
        b.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                let c = p[i]
                if c == 0x0A {
                    starts.append(i + 1)
                } else if c == 0x0D {
                    if i + 1 < n && p[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        return starts
    }

    @inlinable public var count: Int { bytes.count }
    @inlinable public var lineCount: Int { lineStarts.count }
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text of a range (clamped to the buffer).
    public func string(_ r: TextRange) -> String {
        let s = min(max(0, r.start), bytes.count), e = min(max(s, r.end), bytes.count)
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// Zero-based line containing `offset` (offsets past the end map to the last line).
    public func line(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        if offset <= 0 { return 0 }
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Range of a line's content, without its terminator.
    public func lineRange(_ line: Int) -> TextRange {
        guard line >= 0 && line < lineStarts.count else { return TextRange(bytes.count, bytes.count) }
        let s = lineStarts[line]
        var e = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        if e > s && bytes[e - 1] == 0x0A { e -= 1 }
        if e > s && bytes[e - 1] == 0x0D { e -= 1 }
        return TextRange(s, e)
    }

    /// Range of a line including its terminator.
    public func fullLineRange(_ line: Int) -> TextRange {
        guard line >= 0 && line < lineStarts.count else { return TextRange(bytes.count, bytes.count) }
        let e = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        return TextRange(lineStarts[line], e)
    }

    /// Converts a byte offset into a line and a character count in `encoding`.
    /// An offset inside a multi-byte scalar is moved back to the scalar's start.
    public func position(of offset: Int, encoding: PositionEncoding = .utf16) -> LineColumn {
        let o = min(max(0, offset), bytes.count)
        let line = self.line(of: o)
        let start = lineStarts[line]
        let end = lineRange(line).end
        let stop = min(o, end)
        switch encoding {
        case .utf8:
            var s = stop
            while s > start && s < bytes.count && (bytes[s] & 0xC0) == 0x80 { s -= 1 }
            return LineColumn(line: line, character: s - start)
        case .utf16, .utf32:
            var (i, units) = longLines.start(lineStart: start, limit: stop, encoding: encoding)
            bytes.withUnsafeBufferPointer { p in
                while i < stop {
                    let lead = p[i]
                    let len = UTF8Validation.sequenceLength(lead)
                    if i + len > stop { break }
                    units += (encoding == .utf16 && len == 4) ? 2 : 1
                    i += len
                }
            }
            return LineColumn(line: line, character: units)
        }
    }

    /// Converts a line and character (in `encoding`) into a byte offset. Out-of-range values are
    /// clamped: a line past the end maps to the end of the text, a character past the end of its
    /// line maps to the end of the line (before the terminator), as LSP asks.
    /// A UTF-16 position in the middle of a surrogate pair maps to the start of that scalar.
    public func offset(line: Int, character: Int, encoding: PositionEncoding = .utf16) -> Int {
        if line < 0 { return 0 }
        if line >= lineStarts.count { return bytes.count }
        let r = lineRange(line)
        if character <= 0 { return r.start }
        switch encoding {
        case .utf8:
            var o = min(r.start + character, r.end)
            while o > r.start && o < bytes.count && (bytes[o] & 0xC0) == 0x80 { o -= 1 }
            return o
        case .utf16, .utf32:
            var (i, units) = longLines.start(lineStart: r.start, lineEnd: r.end, character: character, encoding: encoding)
            return bytes.withUnsafeBufferPointer { p -> Int in
                while i < r.end {
                    let len = UTF8Validation.sequenceLength(p[i])
                    let w = (encoding == .utf16 && len == 4) ? 2 : 1
                    if units + w > character { return i }
                    units += w
                    i += len
                }
                return r.end
            }
        }
    }

    /// Converts a range into a pair of positions.
    public func positions(of r: TextRange, encoding: PositionEncoding = .utf16) -> (start: LineColumn, end: LineColumn) {
        (position(of: r.start, encoding: encoding), position(of: r.end, encoding: encoding))
    }

    /// Length of `string` measured in `encoding` units.
    public static func length(of string: String, encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: return string.utf8.count
        case .utf16: return string.utf16.count
        case .utf32: return string.unicodeScalars.count
        }
    }
}

public enum UTF8Validation {
    /// Whether a byte continues a multi-byte sequence (10xxxxxx): not where a scalar starts.
    @inlinable @inline(__always)
    public static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// Length of the UTF-8 sequence that starts with `lead` (1 for continuation/invalid bytes).
    @inlinable @inline(__always)
    public static func sequenceLength(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Strict validation (no overlongs, no surrogates, max U+10FFFF).
    public static func isValid(_ b: [UInt8]) -> Bool { firstInvalidOffset(b) == nil }

    /// Offset of the first byte that does not start a valid sequence (same rules as `isValid`), or nil.
    public static func firstInvalidOffset(_ b: [UInt8]) -> Int? {
        b.withUnsafeBufferPointer { p -> Int? in
            var i = 0
            let n = p.count
            while i < n {
                let c = p[i]
                if c < 0x80 { i += 1; continue }
                if c < 0xC2 { return i }
                if c < 0xE0 {
                    guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return i }
                    i += 2; continue
                }
                if c < 0xF0 {
                    guard i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 else { return i }
                    if c == 0xE0 && p[i + 1] < 0xA0 { return i }
                    if c == 0xED && p[i + 1] >= 0xA0 { return i }
                    i += 3; continue
                }
                if c < 0xF5 {
                    guard i + 3 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else { return i }
                    if c == 0xF0 && p[i + 1] < 0x90 { return i }
                    if c == 0xF4 && p[i + 1] >= 0x90 { return i }
                    i += 4; continue
                }
                return i
            }
            return nil
        }
    }
}

/// Converts many offsets to positions when they mostly come in increasing order (diagnostics sorted by
/// position): counting continues from the previous offset on the same line instead of from the line start,
/// so a run of conversions costs O(text) rather than O(findings × line length). Same results as
/// `SourceText.position(of:encoding:)`.
public struct PositionCursor {
    public let text: SourceText
    public let encoding: PositionEncoding
    private var line = -1
    private var stop = 0
    private var units = 0

    public init(text: SourceText, encoding: PositionEncoding) {
        self.text = text
        self.encoding = encoding
    }

    public mutating func position(of offset: Int) -> LineColumn {
        if encoding == .utf8 { return text.position(of: offset, encoding: .utf8) }
        let o = min(max(0, offset), text.count)
        let starts = text.lineStarts
        var l = line
        if l < 0 || o < starts[l] || (l + 1 < starts.count && o >= starts[l + 1]) {
            l = text.line(of: o)
        }
        let lineStart = starts[l]
        let end = text.lineRange(l).end
        let target = min(o, end)
        var (i, count) = text.longLines.start(lineStart: lineStart, limit: target, encoding: encoding)
        if l == line && target >= stop && stop > i {
            i = stop
            count = units
        }
        let utf16 = encoding == .utf16
        text.bytes.withUnsafeBufferPointer { p in
            while i < target {
                let len = UTF8Validation.sequenceLength(p[i])
                if i + len > target { break }
                count += (utf16 && len == 4) ? 2 : 1
                i += len
            }
        }
        line = l
        stop = i
        units = count
        return LineColumn(line: l, character: count)
    }
}
