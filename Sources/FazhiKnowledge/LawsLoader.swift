import FazhiJSON
import Foundation

// laws.json holds the whole catalogue (about a thousand entries, most of them generated from the
// national database's mirrors). Foundation's JSONDecoder goes through JSONSerialization and boxed
// values on Linux, which costs several milliseconds for a file this size at every cold start; the
// project's own byte-level parser (FazhiJSON) builds the tree directly from the bytes, and this file
// maps it onto the same `Law` / `Misnomer` values the Codable path produces, with the same leniency:
// a missing field decodes as empty, a field of the wrong JSON type fails the load and names its path.

extension LawsFile {
    /// Decodes laws.json with FazhiJSON; throws `KnowledgeError` naming the file and the offending path.
    public static func load(data: Data) throws -> LawsFile {
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
