/// The namespaces the WordprocessingML reader tells apart.
public enum XMLNamespace: UInt8, Sendable {
    case none, w, mc, xml, other

    static func of(uri: ArraySlice<UInt8>) -> XMLNamespace {
        switch String(decoding: uri, as: UTF8.self) {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main": return .w
        case "http://schemas.openxmlformats.org/markup-compatibility/2006": return .mc
        case "http://www.w3.org/XML/1998/namespace": return .xml
        default: return .other
        }
    }
}

/// A small, linear, pull XML tokenizer for the parts of a .docx.
///
/// Why not Foundation's XMLParser: it is not on every platform the same, is callback-driven and slow for
/// this job, and would expand entities declared in a DOCTYPE (billion laughs). This scanner reads each byte
/// once, never expands declared entities (only the five predefined ones and numeric references), skips
/// comments, processing instructions and the DOCTYPE, resolves namespace prefixes to the few namespaces
/// the reader cares about, and checks the little well-formedness that matters: tags close in order,
/// markup is terminated, nesting stays under `maxDepth`. Anything else throws `DocxError.malformedXML`.
struct XMLScanner {
    enum Event: Equatable {
        case start(selfClosing: Bool)
        case end
        /// Character data between tags (entity references still encoded; see `appendText`).
        case text(Range<Int>)
        /// A CDATA section's content (taken literally).
        case cdata(Range<Int>)
        case eof
    }

    static let maxDepth = 1_000

    let b: [UInt8]
    let part: String
    var i = 0
    /// Namespace and local name of the element just started or ended.
    private(set) var ns: XMLNamespace = .none
    private(set) var local = ""
    /// Attributes of the element just started: qualified name and raw value ranges.
    private var attrs: [(name: Range<Int>, value: Range<Int>)] = []
    private var stack: [(name: Range<Int>, ns: XMLNamespace, local: String)] = []
    /// Prefix bindings in scope: prefix bytes, namespace, and the depth that declared them.
    private var bindings: [(prefix: [UInt8], ns: XMLNamespace, depth: Int)] = [(Array("xml".utf8), .xml, 0)]
    private var pendingEnd = false

    init(_ bytes: [UInt8], part: String) {
        b = bytes
        self.part = part
        // A UTF-8 byte order mark is allowed before the declaration.
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
    }

    var depth: Int { stack.count }

    func fail(_ why: String) -> DocxError { DocxError.malformedXML(part: part, offset: i, reason: why) }

    mutating func next() throws -> Event {
        if pendingEnd {
            // The end half of a self-closing tag.
            pendingEnd = false
            try closeTop()
            return .end
        }
        let n = b.count
        // A loop, not recursion: a file of a million comments must not exhaust the stack.
        while true {
            guard i < n else {
                if let top = stack.last { throw fail("文件在元素 \(top.local) 结束前截断") }
                return .eof
            }
            if b[i] != 0x3C { // '<'
                let s = i
                while i < n && b[i] != 0x3C { i += 1 }
                return .text(s..<i)
            }
            guard i + 1 < n else { throw fail("标记未结束") }
            switch b[i + 1] {
            case 0x2F: // '</'
                i += 2
                let s = i
                while i < n && !isNameEnd(b[i]) { i += 1 }
                let name = s..<i
                skipSpace()
                guard i < n, b[i] == 0x3E else { throw fail("结束标记未闭合") }
                i += 1
                guard let top = stack.last, b[top.name] == b[name] else { throw fail("结束标记与开始标记不匹配") }
                try closeTop()
                return .end
            case 0x3F: // '<?'
                try skip(past: [0x3F, 0x3E])
            case 0x21: // '<!'
                if starts(with: "<!--") {
                    i += 4
                    try skip(past: Array("-->".utf8))
                } else if starts(with: "<![CDATA[") {
                    i += 9
                    let s = i
                    try skip(past: Array("]]>".utf8))
                    return .cdata(s..<(i - 3))
                } else {
                    try skipDeclaration()
                }
            default:
                return try startTag()
            }
        }
    }

    /// Skips the content of the element just started, up to and including its end tag, without building
    /// names, attributes or namespace scopes (the fast path for property blocks nobody reads). Inside the
    /// skipped content only the nesting is checked, not that end tags match their start tags.
    mutating func skipCurrentElement() throws {
        if pendingEnd {
            pendingEnd = false
            try closeTop()
            return
        }
        let n = b.count
        var depth = 1
        while i < n {
            if b[i] != 0x3C { i += 1; continue }
            guard i + 1 < n else { break }
            switch b[i + 1] {
            case 0x2F:
                while i < n && b[i] != 0x3E { i += 1 }
                guard i < n else { throw fail("结束标记未闭合") }
                i += 1
                depth -= 1
                if depth == 0 {
                    try closeTop()
                    return
                }
            case 0x3F:
                try skip(past: [0x3F, 0x3E])
            case 0x21:
                if starts(with: "<!--") {
                    i += 4
                    try skip(past: Array("-->".utf8))
                } else if starts(with: "<![CDATA[") {
                    i += 9
                    try skip(past: Array("]]>".utf8))
                } else {
                    try skipDeclaration()
                }
            default:
                // A start tag: quoted attribute values may contain '>' and '/'.
                i += 1
                var quote: UInt8 = 0
                while i < n {
                    let c = b[i]
                    if quote != 0 {
                        if c == quote { quote = 0 }
                    } else if c == 0x22 || c == 0x27 {
                        quote = c
                    } else if c == 0x3E {
                        break
                    }
                    i += 1
                }
                guard i < n else { throw fail("开始标记未闭合") }
                if b[i - 1] != 0x2F {
                    depth += 1
                    guard stack.count + depth < XMLScanner.maxDepth else { throw fail("嵌套层数超过 \(XMLScanner.maxDepth)") }
                }
                i += 1
            }
        }
        throw fail("文件在元素 \(stack.last?.local ?? "") 结束前截断")
    }

    private mutating func startTag() throws -> Event {
        let n = b.count
        i += 1
        let s = i
        while i < n && !isNameEnd(b[i]) { i += 1 }
        guard i > s else { throw fail("缺少元素名") }
        let name = s..<i
        attrs.removeAll(keepingCapacity: true)
        var selfClosing = false
        while true {
            skipSpace()
            guard i < n else { throw fail("开始标记未闭合") }
            if b[i] == 0x3E { i += 1; break }
            if b[i] == 0x2F {
                guard i + 1 < n, b[i + 1] == 0x3E else { throw fail("开始标记未闭合") }
                i += 2
                selfClosing = true
                break
            }
            let a = i
            while i < n && !isNameEnd(b[i]) { i += 1 }
            guard i > a else { throw fail("属性名无效") }
            let an = a..<i
            skipSpace()
            guard i < n, b[i] == 0x3D else { throw fail("属性缺少等号") }
            i += 1
            skipSpace()
            guard i < n, b[i] == 0x22 || b[i] == 0x27 else { throw fail("属性值缺少引号") }
            let q = b[i]
            i += 1
            let v = i
            while i < n && b[i] != q { i += 1 }
            guard i < n else { throw fail("属性值未闭合") }
            attrs.append((an, v..<i))
            i += 1
        }
        guard stack.count < XMLScanner.maxDepth else { throw fail("嵌套层数超过 \(XMLScanner.maxDepth)") }
        let depth = stack.count + 1
        // Namespace declarations on this element apply to it and its content.
        for (an, v) in attrs where b[an].starts(with: XMLScanner.xmlnsBytes) {
            let qn = b[an]
            if qn.count == 5 {
                bindings.append(([], XMLNamespace.of(uri: b[v]), depth))
            } else if qn[qn.startIndex + 5] == 0x3A {
                bindings.append((Array(qn.dropFirst(6)), XMLNamespace.of(uri: b[v]), depth))
            }
        }
        let (prefix, localName) = split(name)
        ns = resolve(prefix, isAttribute: false)
        local = String(decoding: b[localName], as: UTF8.self)
        stack.append((name, ns, local))
        if selfClosing { pendingEnd = true }
        return .start(selfClosing: selfClosing)
    }

    private mutating func closeTop() throws {
        let top = stack.removeLast()
        ns = top.ns
        local = top.local
        let d = stack.count + 1
        while let last = bindings.last, last.depth == d { bindings.removeLast() }
    }

    /// The value of an attribute of the element just started, entity references decoded.
    func attribute(_ wantNS: XMLNamespace, _ wantLocal: String) -> String? {
        for (an, v) in attrs {
            let (prefix, localName) = split(an)
            guard b[localName].elementsEqual(wantLocal.utf8) else { continue }
            // Unprefixed attributes are in no namespace.
            let ans: XMLNamespace = prefix.isEmpty ? .none : resolve(prefix, isAttribute: true)
            if ans == wantNS {
                var out: [UInt8] = []
                appendText(v, to: &out)
                return String(decoding: out, as: UTF8.self)
            }
        }
        return nil
    }

    /// Appends character data, decoding the predefined entities and numeric character references.
    /// Unknown or malformed references are kept literally (Word never writes them; losing text is worse).
    func appendText(_ r: Range<Int>, to out: inout [UInt8]) {
        var k = r.lowerBound
        let e = r.upperBound
        while k < e {
            // Plain runs are copied in bulk; only '&' needs a look.
            var j = k
            while j < e && b[j] != 0x26 { j += 1 }
            if j > k { out.append(contentsOf: b[k..<j]) }
            k = j
            guard k < e else { break }
            let c = b[k]
            var semi = k + 1
            while semi < e && semi - k <= 10 && b[semi] != 0x3B { semi += 1 }
            guard semi < e, b[semi] == 0x3B else { out.append(c); k += 1; continue }
            let body = b[(k + 1)..<semi]
            if let scalar = XMLScanner.entity(body) {
                out.append(contentsOf: String(Character(scalar)).utf8)
                k = semi + 1
            } else {
                out.append(c)
                k += 1
            }
        }
    }

    static func entity(_ body: ArraySlice<UInt8>) -> Unicode.Scalar? {
        switch String(decoding: body, as: UTF8.self) {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard body.first == 0x23 else { return nil }
        var digits = body.dropFirst()
        var radix: UInt32 = 10
        if digits.first == 0x78 || digits.first == 0x58 { radix = 16; digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var v: UInt32 = 0
        for d in digits {
            let x: UInt32
            switch d {
            case 0x30...0x39: x = UInt32(d - 0x30)
            case 0x61...0x66 where radix == 16: x = UInt32(d - 0x61 + 10)
            case 0x41...0x46 where radix == 16: x = UInt32(d - 0x41 + 10)
            default: return nil
            }
            v = v * radix + x
            if v > 0x10FFFF { return "\u{FFFD}" }
        }
        // A reference to NUL or a surrogate names no character: show that something was there.
        return v == 0 ? "\u{FFFD}" : Unicode.Scalar(v) ?? "\u{FFFD}"
    }

    // MARK: helpers

    private static let xmlnsBytes = Array("xmlns".utf8)

    private func split(_ name: Range<Int>) -> (prefix: Range<Int>, local: Range<Int>) {
        var k = name.lowerBound
        while k < name.upperBound {
            if b[k] == 0x3A { return (name.lowerBound..<k, (k + 1)..<name.upperBound) }
            k += 1
        }
        return (name.lowerBound..<name.lowerBound, name)
    }

    private func resolve(_ prefix: Range<Int>, isAttribute: Bool) -> XMLNamespace {
        var k = bindings.count - 1
        while k >= 0 {
            if bindings[k].prefix.elementsEqual(b[prefix]) { return bindings[k].ns }
            k -= 1
        }
        return prefix.isEmpty ? .none : .other
    }

    @inline(__always) private func isNameEnd(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x3E || c == 0x2F || c == 0x3D
    }

    private mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    private func starts(with s: String) -> Bool {
        var k = i
        for c in s.utf8 {
            guard k < b.count, b[k] == c else { return false }
            k += 1
        }
        return true
    }

    /// Moves past the first occurrence of `end` (linear: `end` has no repeated prefix that matters here).
    private mutating func skip(past end: [UInt8]) throws {
        let n = b.count
        while i < n {
            if b[i] == end[0], i + end.count <= n, b[i..<(i + end.count)].elementsEqual(end) {
                i += end.count
                return
            }
            i += 1
        }
        throw fail("注释、处理指令或 CDATA 未结束")
    }

    /// Skips `<!DOCTYPE ...>` including an internal subset in brackets; declared entities are not used.
    private mutating func skipDeclaration() throws {
        let n = b.count
        var bracket = false
        while i < n {
            let c = b[i]
            i += 1
            if c == 0x5B { bracket = true } else if c == 0x5D { bracket = false } else if c == 0x3E && !bracket { return }
        }
        throw fail("声明未结束")
    }
}
