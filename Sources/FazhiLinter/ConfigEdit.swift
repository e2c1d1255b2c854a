// Adding an ignore entry to a `.fazhi.json` without rewriting it: the entry is inserted into the
// existing `ignore` array (or an `"ignore": [...]` member is added before the closing brace), and every
// other byte — unknown keys such as "$schema" or "备注", the order of members, indentation, line
// endings — stays as it was. A file that does not parse strictly is never touched.
import Foundation

public enum ConfigEdit {
    public struct Result: Sendable {
        public var bytes: [UInt8]
        /// False when the entry was already there (nothing to write).
        public var changed: Bool
    }

    /// The content of a new configuration file holding only `entry`.
    public static func newFile(with entry: IgnoreEntry) -> [UInt8] {
        Array("{\n  \"ignore\": [\n    \(json(entry))\n  ]\n}\n".utf8)
    }

    /// `original` with `entry` added to its ignore list; throws a `ConfigError` saying why when the file
    /// cannot be edited safely (does not parse, duplicate keys, unexpected shape).
    public static func addingIgnore(_ entry: IgnoreEntry, to original: [UInt8], path: String) throws -> Result {
        func refuse(_ why: String) -> ConfigError {
            ConfigError(message: "未修改 \(path)：\(why)。请手动改正后再用“忽略此处”，或把 {\"rule\": …, \"text\": …} 手动加到 ignore 中。")
        }
        guard String(validating: original, as: UTF8.self) != nil else { throw refuse("文件不是有效的 UTF-8 文本") }
        let before: ConfigFile
        do {
            before = try ConfigFile.parse(Data(original))
        } catch {
            throw refuse("它不是有效的 JSON（例如含有 // 注释），无法在不改动其他内容的情况下添加")
        }
        if before.ignore?.contains(entry) == true { return Result(bytes: original, changed: false) }
        var scanner = Scanner(bytes: original)
        guard let top = scanner.topLevelObject() else { throw refuse("无法定位文件的结构") }
        let ignores = top.members.filter { $0.key == "ignore" }
        if ignores.count > 1 { throw refuse("文件中有多个 \"ignore\" 项") }
        let nl = original.contains(0x0D) && original.firstRange(of: [0x0D, 0x0A]) != nil ? "\r\n" : "\n"
        var out = original
        if let member = ignores.first {
            let v = member.value
            if original[v.start] == UInt8(ascii: "n") {  // "ignore": null
                out.replaceSubrange(v.start..<v.end, with: Array("[\(json(entry))]".utf8))
            } else if let last = v.elements.last {
                // Repeat the separator that precedes the last element ("\n    " or " ").
                let sep = Array(original[last.separatorStart..<last.start])
                let gap = sep.isEmpty ? [UInt8(ascii: " ")] : sep
                out.insert(contentsOf: [UInt8(ascii: ",")] + gap + Array(json(entry).utf8), at: last.end)
            } else {
                let indent = member.indent
                let text = indent == nil ? json(entry) : nl + indent! + unit(indent!) + json(entry) + nl + indent!
                out.insert(contentsOf: Array(text.utf8), at: v.start + 1)
            }
        } else if let last = top.members.last {
            let sep = String(decoding: original[last.separatorStart..<last.keyStart], as: UTF8.self)
            let text: String
            if let indent = last.indent {
                text = "," + sep + "\"ignore\": [" + nl + indent + unit(indent) + json(entry) + nl + indent + "]"
            } else {
                text = ", \"ignore\": [" + json(entry) + "]"
            }
            out.insert(contentsOf: Array(text.utf8), at: last.value.end)
        } else {
            out.insert(contentsOf: Array((nl + "  \"ignore\": [" + nl + "    " + json(entry) + nl + "  ]" + nl).utf8), at: top.start + 1)
        }
        // Belt and braces: the result must parse to the same configuration plus exactly this entry.
        guard let after = try? ConfigFile.parse(Data(out)), after.ignore == (before.ignore ?? []) + [entry],
              after.profile == before.profile, after.rules == before.rules,
              (after.profiles ?? []).map(\.id) == (before.profiles ?? []).map(\.id)
        else { throw refuse("无法安全地插入忽略项") }
        return Result(bytes: out, changed: true)
    }

    /// One ignore entry on one line: `{ "rule": "confusable", "text": "其它" }`.
    static func json(_ e: IgnoreEntry) -> String {
        var parts: [String] = []
        if let r = e.rule { parts.append("\"rule\": " + quoted(r)) }
        if let t = e.text { parts.append("\"text\": " + quoted(t)) }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// One level of indentation, guessed from the indentation of a top-level member.
    static func unit(_ indent: String) -> String { indent.isEmpty ? "  " : indent }
}

/// Just enough of a JSON reader to find byte offsets in a document already known to be valid JSON.
struct Scanner {
    struct Span {
        var start: Int
        var end: Int
        /// Elements of an array value, with where the whitespace before each begins.
        var elements: [Element] = []
    }

    struct Element {
        var start: Int
        var end: Int
        var separatorStart: Int
    }

    struct Member {
        var key: String
        var keyStart: Int
        /// Where the whitespace before the key begins (just after `{` or `,`).
        var separatorStart: Int
        var value: Span
        /// The indentation of the key when it starts a line, else nil (a one-line object).
        var indent: String?
    }

    struct Object {
        var start: Int
        var members: [Member]
    }

    let b: [UInt8]
    var i = 0

    init(bytes: [UInt8]) {
        b = bytes
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    mutating func topLevelObject() -> Object? {
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return nil }
        let start = i
        i += 1
        var members: [Member] = []
        while true {
            let sepStart = i
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: "}") { return Object(start: start, members: members) }
            guard b[i] == UInt8(ascii: "\"") else { return nil }
            let keyStart = i
            guard let key = string() else { return nil }
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipSpace()
            guard let value = value(collectElements: key == "ignore") else { return nil }
            members.append(Member(key: key, keyStart: keyStart, separatorStart: sepStart, value: value, indent: indent(before: keyStart, from: sepStart)))
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { return Object(start: start, members: members) }
            return nil
        }
    }

    /// The spaces and tabs between the last line break before `pos` and `pos`, if that break lies
    /// after `from`.
    func indent(before pos: Int, from: Int) -> String? {
        var k = pos
        while k > from && (b[k - 1] == 0x20 || b[k - 1] == 0x09) { k -= 1 }
        guard k > from, b[k - 1] == 0x0A || b[k - 1] == 0x0D else { return nil }
        return String(decoding: b[k..<pos], as: UTF8.self)
    }

    mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    mutating func value(collectElements: Bool) -> Span? {
        guard i < b.count else { return nil }
        let start = i
        switch b[i] {
        case UInt8(ascii: "\""):
            guard string() != nil else { return nil }
        case UInt8(ascii: "["):
            i += 1
            var elements: [Element] = []
            while true {
                let sepStart = i
                skipSpace()
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: "]") { i += 1; break }
                let s = i
                guard value(collectElements: false) != nil else { return nil }
                if collectElements { elements.append(Element(start: s, end: i, separatorStart: sepStart)) }
                skipSpace()
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; break }
                return nil
            }
            return Span(start: start, end: i, elements: elements)
        case UInt8(ascii: "{"):
            i += 1
            while true {
                skipSpace()
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: "}") { i += 1; break }
                guard string() != nil else { return nil }
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                skipSpace()
                guard value(collectElements: false) != nil else { return nil }
                skipSpace()
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; break }
                return nil
            }
        default:
            // Number, true, false or null: up to the next delimiter.
            while i < b.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(b[i]) { i += 1 }
            if i == start { return nil }
        }
        return Span(start: start, end: i)
    }

    /// Reads a string starting at `"`, decoding escapes (keys may be written as "\u0069gnore").
    mutating func string() -> String? {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() {
            if !raw.isEmpty { scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars); raw.removeAll() }
        }
        var pendingHigh: UInt32?
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                flush()
                return String(scalars)
            }
            if c == UInt8(ascii: "\\") {
                flush()
                guard i + 1 < b.count else { return nil }
                let e = b[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "u"):
                    guard i + 4 <= b.count, let v = UInt32(String(decoding: b[i..<(i + 4)], as: UTF8.self), radix: 16) else { return nil }
                    i += 4
                    if (0xD800...0xDBFF).contains(v) {
                        pendingHigh = v
                        continue
                    }
                    if (0xDC00...0xDFFF).contains(v), let h = pendingHigh {
                        if let s = Unicode.Scalar(0x10000 + ((h - 0xD800) << 10) + (v - 0xDC00)) { scalars.append(s) }
                    } else if let s = Unicode.Scalar(v) {
                        scalars.append(s)
                    }
                default: scalars.append(Unicode.Scalar(e))
                }
                pendingHigh = nil
                continue
            }
            raw.append(c)
            i += 1
        }
        return nil
    }
}
