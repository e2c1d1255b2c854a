// Serializes JSON to UTF-8 bytes. Non-ASCII text is written as UTF-8, not escaped.

extension JSON {
    /// Compact UTF-8 serialization.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        JSONWriter.write(self, into: &out, indent: nil, level: 0)
        return out
    }

    /// Serialization as a String; `pretty` indents with two spaces.
    public func serializedString(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        JSONWriter.write(self, into: &out, indent: pretty ? 2 : nil, level: 0)
        return String(decoding: out, as: UTF8.self)
    }
}

public enum JSONWriter {
    @inline(__always)
    static func append(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    public static func write(_ v: JSON, into out: inout [UInt8], indent: Int?, level: Int) {
        switch v {
        case .null: append("null", to: &out)
        case .bool(let b): if b { append("true", to: &out) } else { append("false", to: &out) }
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d):
            if d.isFinite {
                if d.rounded() == d && abs(d) < 1e15 { out.append(contentsOf: String(Int(d)).utf8) } else { out.append(contentsOf: "\(d)".utf8) }
            } else {
                append("null", to: &out)
            }
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            out.append(0x5B)
            for (i, e) in a.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(&out, indent, level + 1)
                write(e, into: &out, indent: indent, level: level + 1)
            }
            if !a.isEmpty { newline(&out, indent, level) }
            out.append(0x5D)
        case .object(let o):
            out.append(0x7B)
            var first = true
            for (k, e) in o.pairs {
                if !first { out.append(0x2C) }
                first = false
                newline(&out, indent, level + 1)
                writeString(k, into: &out)
                out.append(0x3A)
                if indent != nil { out.append(0x20) }
                write(e, into: &out, indent: indent, level: level + 1)
            }
            if o.count > 0 { newline(&out, indent, level) }
            out.append(0x7D)
        }
    }

    @inline(__always)
    static func newline(_ out: inout [UInt8], _ indent: Int?, _ level: Int) {
        guard let n = indent else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: n * level))
    }

    public static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { writeString(utf8: $0, into: &out) }
    }

    /// Writes a JSON string literal for valid UTF-8 bytes, copying runs that need no escaping in bulk.
    public static func writeString(utf8 p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + p.count + 2)
        out.append(0x22)
        var runStart = 0
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C {
                i += 1
                continue
            }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            default:
                out.append(0x5C); out.append(0x75); out.append(0x30); out.append(0x30)
                out.append(hexDigit(b >> 4)); out.append(hexDigit(b & 0xF))
            }
            i += 1
            runStart = i
        }
        if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n])) }
        out.append(0x22)
    }

    @inline(__always)
    static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }
}
