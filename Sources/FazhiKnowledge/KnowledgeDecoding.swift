// Hand-written readers for the knowledge files a first lint needs (terms, confusables, anchors, profiles)
// and for phrases, from FazhiJSON values. A field added to one of these models must be added here too:
// DecodingTests compares every reader with JSONDecoder on the shipped files and fails otherwise. Going through Codable cost a cold start milliseconds in the Swift
// runtime alone (generic metadata and protocol conformance lookups on first use of each model type).
//
// The rules are the models' `init(from:)` ones (Models.swift): a missing or null field is "" / [] / nil,
// a field of the wrong type fails the load, naming the field. Tests compare these readers with
// JSONDecoder on the shipped files.
import FazhiJSON
import Foundation

/// The fields of one JSON object, read leniently as the models' Codable initialisers read them.
struct JSONFields {
    let object: JSONObject
    /// Where the object is, for error messages ("terms[3]").
    let path: String

    init(_ value: JSON, path: String) throws {
        guard case .object(let o) = value else { throw JSONFields.wrongType(path, "对象") }
        object = o
        self.path = path
    }

    static func wrongType(_ path: String, _ expected: String) -> KnowledgeError {
        KnowledgeError(file: "", message: "\(path) 应为\(expected)")
    }

    /// The value of a key; nil when missing or null.
    func value(_ key: String) -> JSON? {
        guard let v = object[key], v != .null else { return nil }
        return v
    }

    func optStr(_ key: String) throws -> String? {
        guard let v = value(key) else { return nil }
        guard case .string(let s) = v else { throw Self.wrongType("\(path).\(key)", "字符串") }
        return s
    }

    func str(_ key: String) throws -> String { try optStr(key) ?? "" }

    func optStrs(_ key: String) throws -> [String]? {
        guard let v = value(key) else { return nil }
        guard case .array(let a) = v else { throw Self.wrongType("\(path).\(key)", "字符串数组") }
        var out: [String] = []
        out.reserveCapacity(a.count)
        for (i, e) in a.enumerated() {
            guard case .string(let s) = e else { throw Self.wrongType("\(path).\(key)[\(i)]", "字符串") }
            out.append(s)
        }
        return out
    }

    func strs(_ key: String) throws -> [String] { try optStrs(key) ?? [] }

    func optInt(_ key: String) throws -> Int? {
        guard let v = value(key) else { return nil }
        switch v {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9.0e15: return Int(d)
        default: throw Self.wrongType("\(path).\(key)", "整数")
        }
    }

    /// A list of objects under `key` (missing or null: empty), each read by `read`.
    func objects<T>(_ key: String, _ read: (JSONFields) throws -> T) throws -> [T] {
        guard let v = value(key) else { return [] }
        guard case .array(let a) = v else { throw Self.wrongType("\(path).\(key)", "数组") }
        var out: [T] = []
        out.reserveCapacity(a.count)
        for (i, e) in a.enumerated() { out.append(try read(JSONFields(e, path: "\(key)[\(i)]"))) }
        return out
    }

    /// Parses a whole file and reads its top-level object; errors name the file.
    static func file<T>(_ data: Data, name: String, _ read: (JSONFields) throws -> T) throws -> T {
        do {
            return try read(JSONFields(try JSON.parse([UInt8](data)), path: name))
        } catch let e as KnowledgeError {
            throw KnowledgeError(file: name, message: e.message)
        } catch {
            throw KnowledgeError(file: name, message: "\(error)")
        }
    }
}

extension TermsFile {
    public static func load(data: Data) throws -> TermsFile {
        try JSONFields.file(data, name: fileName) { f in
            TermsFile(version: try f.optInt("version") ?? 0, terms: try f.objects("terms") { t in
                Term(term: try t.str("term"), aliases: try t.optStrs("aliases"), explanation: try t.str("explanation"),
                     source: try t.str("source"), wrongForms: try t.optStrs("wrongForms"), area: try t.optStr("area"),
                     parts: try t.optStrs("parts"), joiner: try t.optStr("joiner"), tail: try t.optStr("tail"),
                     minParts: try t.optInt("minParts"),
                     truncations: t.value("truncations") == nil ? nil : try t.objects("truncations") { x in
                         Truncation(form: try x.str("form"), before: try x.strs("before"), after: try x.strs("after"), notAfter: try x.strs("notAfter"))
                     })
            })
        }
    }
}

extension ConfusablesFile {
    public static func load(data: Data) throws -> ConfusablesFile {
        try JSONFields.file(data, name: fileName) { f in
            ConfusablesFile(version: try f.optInt("version") ?? 0, pairs: try f.objects("pairs") { p in
                ConfusablePair(wrong: try p.str("wrong"), right: try p.str("right"), reason: try p.str("reason"),
                               severity: try p.str("severity"), exceptions: try p.optStrs("exceptions"),
                               okExample: try p.str("okExample"), badExample: try p.str("badExample"), rule: try p.optStr("rule"))
            })
        }
    }
}

extension AnchorsFile {
    public static func load(data: Data) throws -> AnchorsFile {
        try JSONFields.file(data, name: fileName) { f in
            AnchorsFile(version: try f.optInt("version") ?? 0, anchors: try f.objects("anchors") { a in
                Anchor(id: try a.str("id"), phrases: try a.strs("phrases"), kind: try a.str("kind"), date: try a.str("date"),
                       until: try a.optStr("until"), supersededBy: try a.optStr("supersededBy"), note: try a.str("note"))
            })
        }
    }
}

extension PhrasesFile {
    public static func load(data: Data) throws -> PhrasesFile {
        try JSONFields.file(data, name: fileName) { f in
            PhrasesFile(version: try f.optInt("version") ?? 0, phrases: try f.objects("phrases") { p in
                Phrase(label: try p.str("label"), text: try p.str("text"), snippet: try p.optStr("snippet"), contexts: try p.strs("contexts"))
            })
        }
    }
}

/// Strict reading, as the synthesized Codable of the profile models reads: every field that is not
/// optional must be present and of its type (profiles.json is the parser's vocabulary of parts; a
/// broken one falls back to the built-in parts, see `Profiles`).
extension JSONFields {
    func required<T>(_ key: String, _ what: String, _ read: (JSON) -> T?) throws -> T {
        guard let v = value(key), let r = read(v) else { throw Self.wrongType("\(path).\(key)", what) }
        return r
    }

    func reqStr(_ key: String) throws -> String { try required(key, "字符串") { $0.stringValue } }

    func reqStrs(_ key: String) throws -> [String] {
        try required(key, "字符串数组") { v in
            guard case .array(let a) = v else { return nil }
            let s = a.compactMap(\.stringValue)
            return s.count == a.count ? s : nil
        }
    }
}

extension Profiles {
    /// profiles.json read without Codable (see the top of this file).
    static func read(_ data: Data) throws -> [Profile] {
        try JSONFields.file(data, name: "profiles.json") { f in
            _ = try f.required("version", "整数") { $0.intValue }
            return try f.required("profiles", "数组") { $0.arrayValue }.enumerated().map { i, v in
                let p = try JSONFields(v, path: "profiles[\(i)]")
                let parts = try p.required("parts", "数组") { $0.arrayValue }.enumerated().map { j, v in
                    let q = try JSONFields(v, path: "\(p.path).parts[\(j)]")
                    let match = try q.required("match", "字符串数组的数组") { v -> [[String]]? in
                        guard case .array(let alts) = v else { return nil }
                        var out: [[String]] = []
                        for alt in alts {
                            guard case .array(let pieces) = alt else { return nil }
                            let s = pieces.compactMap(\.stringValue)
                            guard s.count == pieces.count else { return nil }
                            out.append(s)
                        }
                        return out
                    }
                    return Profile.Part(id: try q.reqStr("id"), official: try q.reqStr("official"), guidance: try q.optStr("guidance"),
                                        short: try q.reqStr("short"), heading: try q.optStr("heading"),
                                        required: try q.required("required", "布尔值") { $0.boolValue },
                                        severity: try q.required("severity", "级别") { $0.stringValue.flatMap(SeverityName.init(rawValue:)) },
                                        match: match, exclude: try q.optStrs("exclude"))
                }
                let areas = try p.required("areas", "数组") { $0.arrayValue }.enumerated().map { j, v in
                    let a = try JSONFields(v, path: "\(p.path).areas[\(j)]")
                    return Profile.Area(id: try a.reqStr("id"), name: try a.reqStr("name"), keywords: try a.reqStrs("keywords"))
                }
                var detection: Profile.Detection?
                if let d = p.value("detection") {
                    let q = try JSONFields(d, path: "\(p.path).detection")
                    detection = Profile.Detection(topics: try q.reqStrs("topics"), genres: try q.reqStrs("genres"), signals: try q.reqStrs("signals"))
                }
                return Profile(id: try p.reqStr("id"), name: try p.reqStr("name"), source: try p.optStr("source"), parts: parts, areas: areas,
                               detection: detection)
            }
        }
    }
}
