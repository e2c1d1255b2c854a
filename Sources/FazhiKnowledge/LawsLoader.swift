import FazhiJSON
import Foundation

// laws.json holds the whole catalogue (about a thousand entries, most of them generated from the
// national database's mirrors). Foundation's JSONDecoder goes through JSONSerialization and boxed
// values on Linux and cost 30 ms for this file at every cold start. Here a scanner made for this one
// schema reads the bytes straight into `Law` values, and leaves each entry's `sources` (half of the
// bytes) undecoded until someone asks for them. Anything the scanner does not expect (a hand edit with
// an unusual but valid shape, or a broken file) goes through the general FazhiJSON tree instead, which
// gives the same values or an error naming the offending path. Leniency matches the Codable path: a
// missing field decodes as empty; a field of the wrong JSON type fails the load.

extension LawsFile {
    /// Decodes laws.json with FazhiJSON; throws `KnowledgeError` naming the file and the offending path.
    public static func load(data: Data) throws -> LawsFile {
        let file = LawsFileBytes([UInt8](data))
        if let fast = file.bytes.withUnsafeBufferPointer({ buf -> LawsFile? in
            var scanner = LawsScanner(buf, file: file)
            return try? scanner.decode()
        }) {
            return fast
        }
        return try loadTree(data: data)
    }

    /// The general path: FazhiJSON tree, then typed fields with paths in errors.
    static func loadTree(data: Data) throws -> LawsFile {
        let json: JSON
        do {
            json = try data.withUnsafeBytes { raw in
                try JSON.parse(UnsafeBufferPointer(start: raw.bindMemory(to: UInt8.self).baseAddress, count: raw.count))
            }
        } catch {
            throw KnowledgeError(file: fileName, message: "JSON 格式错误：\(error)")
        }
        do {
            return try LawsFile(json: json)
        } catch let e as LawsDecodingError {
            throw KnowledgeError(file: fileName, message: e.description)
        }
    }

    init(json: JSON) throws {
        guard case .object(let root) = json else { throw LawsDecodingError(path: "", expected: "对象") }
        var r = LawsFieldReader(object: root, path: "")
        version = try r.int("version") ?? 0
        laws = try r.array("laws").enumerated().map { i, v in
            guard case .object(let o) = v else { throw LawsDecodingError(path: "laws[\(i)]", expected: "对象") }
            return try Law(fields: LawsFieldReader(object: o, path: "laws[\(i)]"))
        }
        ambiguousShort = try r.strs("ambiguousShort")
        misnomers = try r.array("misnomers").enumerated().map { i, v in
            guard case .object(let o) = v else { throw LawsDecodingError(path: "misnomers[\(i)]", expected: "对象") }
            var m = LawsFieldReader(object: o, path: "misnomers[\(i)]")
            return Misnomer(name: try m.str("name"), suggest: try m.strs("suggest"), reason: try m.str("reason"))
        }
    }
}

extension Law {
    init(fields r: LawsFieldReader) throws {
        var r = r
        self.init(id: try r.str("id"), name: try r.str("name"), short: try r.strs("short"), kind: try r.str("kind"),
                  issuer: try r.str("issuer"), adopted: try r.str("adopted"), amended: try r.optStrs("amended"),
                  effective: try r.optStr("effective"), status: try r.str("status"), replacedBy: try r.optStr("replacedBy"),
                  docNumber: try r.optStr("docNumber"), note: try r.optStr("note"), repealed: try r.optStr("repealed"),
                  sources: try r.optStrs("sources"), citedRank: try r.int("citedRank"))
    }
}

/// A field of the wrong JSON type, with its path (`laws[12].amended[0]`).
struct LawsDecodingError: Error, CustomStringConvertible {
    var path: String
    var expected: String
    var description: String { "\(path.isEmpty ? "顶层" : path) 应为\(expected)" }
}

/// Typed access to one object's fields. Objects here are small (≤ 16 keys), so a linear scan of the
/// ordered keys beats hashing.
struct LawsFieldReader {
    let object: JSONObject
    let path: String

    private func value(_ key: String) -> JSON? {
        for (k, v) in object.pairs where k == key { return v }
        return nil
    }

    private func at(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func optStr(_ key: String) throws -> String? {
        switch value(key) {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw LawsDecodingError(path: at(key), expected: "字符串")
        }
    }

    mutating func str(_ key: String) throws -> String { try optStr(key) ?? "" }

    mutating func optStrs(_ key: String) throws -> [String]? {
        switch value(key) {
        case nil, .null?: return nil
        case .array(let a)?:
            return try a.enumerated().map { i, v in
                guard case .string(let s) = v else { throw LawsDecodingError(path: "\(at(key))[\(i)]", expected: "字符串") }
                return s
            }
        default: throw LawsDecodingError(path: at(key), expected: "字符串数组")
        }
    }

    mutating func strs(_ key: String) throws -> [String] { try optStrs(key) ?? [] }

    mutating func int(_ key: String) throws -> Int? {
        switch value(key) {
        case nil, .null?: return nil
        case .int(let i)?: return i
        default: throw LawsDecodingError(path: at(key), expected: "整数")
        }
    }

    mutating func array(_ key: String) throws -> [JSON] {
        switch value(key) {
        case nil, .null?: return []
        case .array(let a)?: return a
        default: throw LawsDecodingError(path: at(key), expected: "数组")
        }
    }
}

// MARK: - Lazily decoded sources

/// The bytes of one laws.json, shared by every entry whose sources are still undecoded.
final class LawsFileBytes: Sendable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// One entry's `sources` array as a byte range, decoded on first read.
final class LazySourceList: @unchecked Sendable {
    private let file: LawsFileBytes
    private let range: Range<Int>
    private let lock = NSLock()
    private var decoded: [String]?
    private var done = false

    init(file: LawsFileBytes, range: Range<Int>) { self.file = file; self.range = range }

    var value: [String]? {
        lock.lock()
        defer { lock.unlock() }
        if !done {
            // The scanner checked that the range is an array of strings, so this cannot fail.
            if case .array(let a)? = try? JSON.parse(file.bytes[range]) { decoded = a.compactMap(\.stringValue) }
            done = true
        }
        return decoded
    }
}

/// `Law.sources`: either a value or a lazily decoded range of laws.json. Compares by value.
struct LawSources: Sendable, Hashable {
    private enum Storage: Sendable { case value([String]?), lazy(LazySourceList) }
    private let storage: Storage

    init(_ value: [String]?) { storage = .value(value) }
    init(lazy: LazySourceList) { storage = .lazy(lazy) }

    var value: [String]? {
        switch storage {
        case .value(let v): return v
        case .lazy(let l): return l.value
        }
    }

    static func == (a: LawSources, b: LawSources) -> Bool { a.value == b.value }
    func hash(into h: inout Hasher) { h.combine(value) }
}

// MARK: - The scanner

/// Reads laws.json as the generator writes it (and any JSON of the same shape) without building a tree.
/// Throws `Unexpected` at the first thing it does not handle; the caller then uses the tree path.
struct LawsScanner {
    struct Unexpected: Error {}

    private let b: UnsafeBufferPointer<UInt8>
    private let file: LawsFileBytes
    private var i = 0
    private var scratch: [UInt8] = []

    init(_ b: UnsafeBufferPointer<UInt8>, file: LawsFileBytes) { self.b = b; self.file = file }

    mutating func decode() throws -> LawsFile {
        var out = LawsFile(version: 0, laws: [], misnomers: [])
        try object { s, key in
            switch key {
            case "version": out.version = try s.int() ?? 0
            case "laws": try s.array { s in out.laws.append(try s.law()) }
            case "misnomers": try s.array { s in out.misnomers.append(try s.misnomer()) }
            case "ambiguousShort": out.ambiguousShort = try s.strings() ?? []
            default: try s.skipValue()
            }
        }
        ws()
        guard i == b.count else { throw Unexpected() }
        return out
    }

    private mutating func law() throws -> Law {
        var law = Law(id: "", name: "", short: [], kind: "", issuer: "", adopted: "", status: "")
        try object { s, key in
            switch key {
            case "id": law.id = try s.string() ?? ""
            case "name": law.name = try s.string() ?? ""
            case "short": law.short = try s.strings() ?? []
            case "kind": law.kind = try s.string() ?? ""
            case "issuer": law.issuer = try s.string() ?? ""
            case "adopted": law.adopted = try s.string() ?? ""
            case "amended": law.amended = try s.strings()
            case "effective": law.effective = try s.string()
            case "status": law.status = try s.string() ?? ""
            case "replacedBy": law.replacedBy = try s.string()
            case "docNumber": law.docNumber = try s.string()
            case "note": law.note = try s.string()
            case "repealed": law.repealed = try s.string()
            case "citedRank": law.citedRank = try s.int()
            case "sources":
                if let r = try s.stringArrayRange() {
                    law.sourcesStorage = LawSources(lazy: LazySourceList(file: s.file, range: r))
                } else {
                    law.sourcesStorage = LawSources(nil)
                }
            default: try s.skipValue()
            }
        }
        return law
    }

    private mutating func misnomer() throws -> Misnomer {
        var m = Misnomer(name: "", suggest: [], reason: "")
        try object { s, key in
            switch key {
            case "name": m.name = try s.string() ?? ""
            case "suggest": m.suggest = try s.strings() ?? []
            case "reason": m.reason = try s.string() ?? ""
            default: try s.skipValue()
            }
        }
        return m
    }

    // MARK: Tokens

    @inline(__always) private mutating func ws() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    @inline(__always) private mutating func take(_ c: UInt8) -> Bool {
        ws()
        if i < b.count && b[i] == c { i += 1; return true }
        return false
    }

    private mutating func expect(_ c: UInt8) throws { if !take(c) { throw Unexpected() } }

    /// `null` (consumed, returns true) or something else (nothing consumed).
    private mutating func null() -> Bool {
        ws()
        if i + 4 <= b.count && b[i] == 0x6E && b[i + 1] == 0x75 && b[i + 2] == 0x6C && b[i + 3] == 0x6C { i += 4; return true }
        return false
    }

    private mutating func object(_ field: (inout LawsScanner, String) throws -> Void) throws {
        try expect(0x7B)
        if take(0x7D) { return }
        repeat {
            ws()
            guard let key = try string() else { throw Unexpected() }
            try expect(0x3A)
            try field(&self, key)
        } while take(0x2C)
        try expect(0x7D)
    }

    private mutating func array(_ element: (inout LawsScanner) throws -> Void) throws {
        if null() { return }
        try expect(0x5B)
        if take(0x5D) { return }
        repeat { try element(&self) } while take(0x2C)
        try expect(0x5D)
    }

    /// A string, or nil for `null`; anything else is unexpected.
    private mutating func string() throws -> String? {
        if null() { return nil }
        ws()
        guard i < b.count, b[i] == 0x22 else { throw Unexpected() }
        i += 1
        let start = i
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if c == 0x5C { return try escapedString(from: start) }
            if c < 0x20 { throw Unexpected() }
            i += 1
        }
        throw Unexpected()
    }

    private mutating func escapedString(from start: Int) throws -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < b.count {
            let c = b[i]
            if c == 0x22 { i += 1; return String(decoding: scratch, as: UTF8.self) }
            if c < 0x20 { throw Unexpected() }
            if c != 0x5C { scratch.append(c); i += 1; continue }
            guard i + 1 < b.count else { throw Unexpected() }
            let e = b[i + 1]
            i += 2
            switch e {
            case 0x22, 0x5C, 0x2F: scratch.append(e)
            case 0x62: scratch.append(0x08)
            case 0x66: scratch.append(0x0C)
            case 0x6E: scratch.append(0x0A)
            case 0x72: scratch.append(0x0D)
            case 0x74: scratch.append(0x09)
            case 0x75:
                var v = try hex4()
                if v >= 0xD800 && v < 0xDC00, i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
                    i += 2
                    let lo = try hex4()
                    guard lo >= 0xDC00 && lo < 0xE000 else { throw Unexpected() }
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                }
                guard let u = Unicode.Scalar(v) else { throw Unexpected() }
                scratch.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw Unexpected()
            }
        }
        throw Unexpected()
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= b.count else { throw Unexpected() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw Unexpected()
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private mutating func strings() throws -> [String]? {
        if null() { return nil }
        var out: [String] = []
        try array { s in
            guard let v = try s.string() else { throw Unexpected() }
            out.append(v)
        }
        return out
    }

    /// The byte range of an array of strings, checked but not decoded; nil for `null`.
    private mutating func stringArrayRange() throws -> Range<Int>? {
        if null() { return nil }
        ws()
        let start = i
        try array { s in
            s.ws()
            guard s.i < s.b.count, s.b[s.i] == 0x22 else { throw Unexpected() }
            try s.skipString()
        }
        return start..<i
    }

    private mutating func skipString() throws {
        i += 1
        while i < b.count {
            let c = b[i]
            if c == 0x22 { i += 1; return }
            if c == 0x5C { i += 2; continue }
            if c < 0x20 { throw Unexpected() }
            i += 1
        }
        throw Unexpected()
    }

    /// An integer without fraction or exponent, or nil for `null`.
    private mutating func int() throws -> Int? {
        if null() { return nil }
        ws()
        var neg = false
        if i < b.count && b[i] == 0x2D { neg = true; i += 1 }
        let start = i
        var v = 0
        while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(b[i] - 0x30))
            if o1 || o2 { throw Unexpected() }
            v = a
            i += 1
        }
        guard i > start else { throw Unexpected() }
        if i < b.count && (b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45) { throw Unexpected() }
        return neg ? -v : v
    }

    /// Skips any value of a field this schema does not know.
    private mutating func skipValue() throws {
        ws()
        guard i < b.count else { throw Unexpected() }
        switch b[i] {
        case 0x22: try skipString()
        case 0x7B: try object { s, _ in try s.skipValue() }
        case 0x5B: try array { s in try s.skipValue() }
        case 0x74: try literal([0x74, 0x72, 0x75, 0x65])
        case 0x66: try literal([0x66, 0x61, 0x6C, 0x73, 0x65])
        case 0x6E: try literal([0x6E, 0x75, 0x6C, 0x6C])
        default:
            let start = i
            while i < b.count, b[i] == 0x2D || b[i] == 0x2B || b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 || (b[i] >= 0x30 && b[i] <= 0x39) { i += 1 }
            if i == start { throw Unexpected() }
        }
    }

    private mutating func literal(_ bytes: [UInt8]) throws {
        guard i + bytes.count <= b.count else { throw Unexpected() }
        for (k, c) in bytes.enumerated() where b[i + k] != c { throw Unexpected() }
        i += bytes.count
    }
}
