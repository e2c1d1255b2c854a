// A strict RFC 8259 JSON parser over UTF-8 bytes.
//
// - Scans an UnsafeBufferPointer<UInt8>; no Foundation, no per-byte allocation.
// - Nesting is limited (default 256 levels) so hostile input cannot overflow the stack.
// - Strings must be valid UTF-8; `\uXXXX` escapes are decoded, surrogate pairs combined,
//   lone surrogates replaced with U+FFFD.
// - Integers (no fraction, no exponent) that fit in `Int` become `.int`; every other number
//   becomes `.double` (out-of-range magnitudes become ±infinity or 0). `-0` becomes `.int(0)`.
// - Duplicate object keys: the last value wins, at the position of the first occurrence.
// - Anything but whitespace after the value is an error.

/// A JSON syntax error: `offset` is the byte offset in the input where the problem was found.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "JSON parse error at byte \(offset): \(message)" }
}

extension JSON {
    /// The default maximum nesting depth of arrays and objects accepted by `parse`.
    public static let defaultMaxDepth = 256

    /// Parses one JSON text from UTF-8 bytes. Throws `JSONParseError`.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = JSON.defaultMaxDepth) throws -> JSON {
        try bytes.withUnsafeBufferPointer { try parse($0, maxDepth: maxDepth) }
    }

    /// Parses one JSON text from UTF-8 bytes. Throws `JSONParseError`.
    public static func parse(_ bytes: ArraySlice<UInt8>, maxDepth: Int = JSON.defaultMaxDepth) throws -> JSON {
        try bytes.withUnsafeBufferPointer { try parse($0, maxDepth: maxDepth) }
    }

    /// Parses one JSON text from a string. Throws `JSONParseError` (offsets are UTF-8 byte offsets).
    public static func parse(_ string: String, maxDepth: Int = JSON.defaultMaxDepth) throws -> JSON {
        var s = string
        return try s.withUTF8 { try parse($0, maxDepth: maxDepth) }
    }

    /// Parses one JSON text from a buffer of UTF-8 bytes. Throws `JSONParseError`.
    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int = JSON.defaultMaxDepth) throws -> JSON {
        var p = JSONParser(buffer, maxDepth: maxDepth)
        return try p.parseDocument()
    }
}

@usableFromInline
struct JSONParser {
    let buf: UnsafeBufferPointer<UInt8>
    let end: Int
    let maxDepth: Int
    var pos = 0
    var depth = 0
    /// Reused scratch space for strings with escapes.
    var scratch: [UInt8] = []

    init(_ buf: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.buf = buf
        self.end = buf.count
        self.maxDepth = maxDepth
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(offset: offset ?? pos, message: message)
    }

    mutating func parseDocument() throws -> JSON {
        skipWhitespace()
        if pos >= end { throw error("empty input") }
        let v = try parseValue()
        skipWhitespace()
        if pos < end { throw error("unexpected data after the JSON value") }
        return v
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < end {
            let c = buf[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { return }
        }
    }

    mutating func parseValue() throws -> JSON {
        guard pos < end else { throw error("unexpected end of input") }
        switch buf[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character '\(printable(buf[pos]))'")
        }
    }

    func printable(_ c: UInt8) -> String {
        (0x20..<0x7F).contains(c) ? String(UnicodeScalar(c)) : "\\x" + String(c, radix: 16)
    }

    mutating func expectLiteral(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        let start = pos
        let w = word.utf8Start
        for i in 0..<n {
            if pos + i >= end { throw error("unexpected end of input in literal", at: pos + i) }
            if buf[pos + i] != w[i] { throw error("invalid literal", at: start) }
        }
        pos += n
    }

    mutating func enter() throws {
        depth += 1
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
    }

    mutating func parseArray() throws -> JSON {
        try enter()
        pos += 1  // [
        var items: [JSON] = []
        skipWhitespace()
        if pos < end && buf[pos] == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard pos < end else { throw error("unexpected end of input in array") }
            let c = buf[pos]
            pos += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "]") { break }
            throw error("expected ',' or ']' in array", at: pos - 1)
        }
        depth -= 1
        return .array(items)
    }

    mutating func parseObject() throws -> JSON {
        try enter()
        pos += 1  // {
        var keys: [String] = []
        var values: [JSON] = []
        skipWhitespace()
        if pos < end && buf[pos] == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return .object(JSONObject())
        }
        while true {
            skipWhitespace()
            guard pos < end else { throw error("unexpected end of input in object") }
            guard buf[pos] == UInt8(ascii: "\"") else { throw error("expected a string key in object") }
            keys.append(try parseString())
            skipWhitespace()
            guard pos < end else { throw error("unexpected end of input in object") }
            guard buf[pos] == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
            pos += 1
            skipWhitespace()
            values.append(try parseValue())
            skipWhitespace()
            guard pos < end else { throw error("unexpected end of input in object") }
            let c = buf[pos]
            pos += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "}") { break }
            throw error("expected ',' or '}' in object", at: pos - 1)
        }
        depth -= 1
        return .object(JSONObject(parsedKeys: keys, values: values))
    }

    // MARK: Strings

    /// Parses a string starting at the opening quote; leaves `pos` after the closing quote.
    mutating func parseString() throws -> String {
        let open = pos
        pos += 1
        let start = pos
        // Fast path: no escapes.
        while pos < end {
            let c = buf[pos]
            if c == UInt8(ascii: "\"") {
                let s = try makeString(UnsafeBufferPointer(rebasing: buf[start..<pos]), sourceStart: start)
                pos += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw error("unescaped control character in string") }
            pos += 1
        }
        if pos >= end { throw error("unterminated string", at: open) }
        // Slow path: copy runs and decoded escapes into scratch.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<pos]))
        while pos < end {
            let c = buf[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                guard let s = String(validating: scratch, as: UTF8.self) else {
                    throw invalidUTF8(in: start..<(pos - 1))
                }
                return s
            }
            if c == UInt8(ascii: "\\") {
                try parseEscape()
                continue
            }
            if c < 0x20 { throw error("unescaped control character in string") }
            // Copy a run up to the next quote, backslash or control character.
            let runStart = pos
            pos += 1
            while pos < end {
                let d = buf[pos]
                if d == UInt8(ascii: "\"") || d == UInt8(ascii: "\\") || d < 0x20 { break }
                pos += 1
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<pos]))
        }
        throw error("unterminated string", at: open)
    }

    func makeString(_ bytes: UnsafeBufferPointer<UInt8>, sourceStart: Int) throws -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        throw invalidUTF8(in: sourceStart..<(sourceStart + bytes.count))
    }

    /// Locates the first invalid UTF-8 sequence in a range of the source (escapes are ASCII, so the
    /// source is invalid exactly where the decoded string is).
    func invalidUTF8(in range: Range<Int>) -> JSONParseError {
        var i = range.lowerBound
        let e = range.upperBound
        while i < e {
            let n = utf8SequenceLength(at: i, end: e)
            if n == 0 { return error("invalid UTF-8 in string", at: i) }
            i += n
        }
        return error("invalid UTF-8 in string", at: range.lowerBound)
    }

    /// Length of the valid UTF-8 sequence at `i`, or 0 when it is invalid (strict: no overlongs,
    /// no surrogates, nothing above U+10FFFF).
    func utf8SequenceLength(at i: Int, end e: Int) -> Int {
        let b0 = buf[i]
        if b0 < 0x80 { return 1 }
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < e && buf[i + k] >= lo && buf[i + k] <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// Decodes one escape at `pos` (a backslash) into `scratch`.
    mutating func parseEscape() throws {
        let escStart = pos
        pos += 1
        guard pos < end else { throw error("unterminated escape", at: escStart) }
        let c = buf[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if scalar >= 0xD800 && scalar < 0xDC00 {
                // High surrogate: combine with a following \uDC00-\uDFFF, else U+FFFD.
                if pos + 1 < end && buf[pos] == UInt8(ascii: "\\") && buf[pos + 1] == UInt8(ascii: "u") {
                    let save = pos
                    pos += 2
                    let low = try parseHex4()
                    if low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        scalar = 0xFFFD
                        pos = save  // the second escape is decoded on its own
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if scalar >= 0xDC00 && scalar < 0xE000 {
                scalar = 0xFFFD
            }
            appendUTF8(scalar)
        default:
            throw error("invalid escape '\\\(printable(c))'", at: escStart)
        }
    }

    mutating func parseHex4() throws -> UInt32 {
        guard pos + 4 <= end else { throw error("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = buf[pos]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    mutating func appendUTF8(_ s: UInt32) {
        switch s {
        case 0..<0x80:
            scratch.append(UInt8(s))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | (s >> 6)))
            scratch.append(UInt8(0x80 | (s & 0x3F)))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | (s >> 12)))
            scratch.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (s & 0x3F)))
        default:
            scratch.append(UInt8(0xF0 | (s >> 18)))
            scratch.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (s & 0x3F)))
        }
    }

    // MARK: Numbers

    mutating func parseNumber() throws -> JSON {
        let start = pos
        var negative = false
        if buf[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        guard pos < end, isDigit(buf[pos]) else { throw error("expected a digit", at: pos) }
        var isInteger = true
        var overflow = false
        // Accumulate negatively so Int.min fits.
        var acc = 0
        if buf[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < end && isDigit(buf[pos]) { throw error("leading zeros are not allowed") }
        } else {
            while pos < end && isDigit(buf[pos]) {
                let d = Int(buf[pos] - UInt8(ascii: "0"))
                if !overflow {
                    let (m, o1) = acc.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.subtractingReportingOverflow(d)
                    if o1 || o2 { overflow = true } else { acc = s }
                }
                pos += 1
            }
        }
        if pos < end && buf[pos] == UInt8(ascii: ".") {
            isInteger = false
            pos += 1
            guard pos < end, isDigit(buf[pos]) else { throw error("expected a digit after '.'") }
            while pos < end && isDigit(buf[pos]) { pos += 1 }
        }
        if pos < end && (buf[pos] == UInt8(ascii: "e") || buf[pos] == UInt8(ascii: "E")) {
            isInteger = false
            pos += 1
            if pos < end && (buf[pos] == UInt8(ascii: "+") || buf[pos] == UInt8(ascii: "-")) { pos += 1 }
            guard pos < end, isDigit(buf[pos]) else { throw error("expected a digit in exponent") }
            while pos < end && isDigit(buf[pos]) { pos += 1 }
        }
        if isInteger && !overflow {
            if negative { return .int(acc) }
            if acc != Int.min { return .int(-acc) }
        }
        // Short numbers become small (inline) Strings: no heap allocation.
        let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self)
        guard let d = Double(text) else { throw error("invalid number", at: start) }
        return .double(d)
    }

    @inline(__always)
    func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
}

extension JSONObject {
    /// Builds an object from parsed keys and values; duplicate keys keep the last value.
    init(parsedKeys keys: [String], values: [JSON]) {
        var hasDuplicates = false
        if keys.count > 1 {
            if keys.count <= 12 {
                outer: for i in 1..<keys.count {
                    for j in 0..<i where keys[j] == keys[i] {
                        hasDuplicates = true
                        break outer
                    }
                }
            } else {
                hasDuplicates = Set(keys).count != keys.count
            }
        }
        if hasDuplicates {
            self.init()
            for (k, v) in zip(keys, values) { self[k] = v }
        } else {
            self.init(uncheckedKeys: keys, values: values)
        }
    }
}
