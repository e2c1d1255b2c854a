import FazhiKnowledge
import Foundation

/// The `.fazhi.json` configuration file, shared by the CLI and the language server.
///
/// ```json
/// {
///   "profile": "default",
///   "rules": { "stray-space": "off", "coverage": "hint", "part-order": "error" },
///   "ignore": [ { "rule": "confusable", "text": "其它" }, { "text": "××" } ],
///   "profiles": [ { "id": "our-county", "name": "…", "parts": [ … ], "areas": [ … ] } ]
/// }
/// ```
/// `rules` maps a rule id to `error`, `warning`, `info`, `hint` or `off`. `ignore` drops findings of a rule
/// (or any rule) whose flagged text equals `text`. `profiles` adds or overrides profiles (schema in
/// docs/knowledge.md); `profile` selects one.
public struct ConfigFile: Codable, Sendable, Equatable {
    public var profile: String?
    public var rules: [String: String]?
    public var ignore: [IgnoreEntry]?
    public var profiles: [Profile]?
    /// *optional*: file-name patterns (`**/*报告*.txt`, relative to the folder of this file, or of the
    /// workspace for editor settings) of documents the editor always checks as reports, whatever report
    /// detection says.
    public var files: [String]?

    public static let fileName = ".fazhi.json"

    public init(profile: String? = nil, rules: [String: String]? = nil, ignore: [IgnoreEntry]? = nil, profiles: [Profile]? = nil,
                files: [String]? = nil) {
        self.profile = profile
        self.rules = rules
        self.ignore = ignore
        self.profiles = profiles
        self.files = files
    }

    public static func == (a: ConfigFile, b: ConfigFile) -> Bool {
        a.profile == b.profile && a.rules == b.rules && a.ignore == b.ignore && (a.profiles?.map(\.id) ?? []) == (b.profiles?.map(\.id) ?? [])
            && a.files == b.files
    }

    /// Parses a configuration; errors are in Chinese for the user.
    public static func parse(_ data: Data) throws -> ConfigFile {
        do {
            return try JSONDecoder().decode(ConfigFile.self, from: data)
        } catch {
            throw ConfigError(message: "配置文件格式不正确：\(error)")
        }
    }

    public static func load(_ url: URL) throws -> ConfigFile {
        guard let d = FileManager.default.contents(atPath: url.path) else {
            throw ConfigError(message: "无法读取配置文件 \(url.path)")
        }
        return try parse(d)
    }

    /// Searches `.fazhi.json` in `directory` and its ancestors.
    public static func find(from directory: URL) -> URL? {
        var dir = directory.standardizedFileURL
        for _ in 0..<64 {
            let candidate = dir.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return nil
    }

    /// Problems with rule ids or severities, for the user (unknown ids are reported, not fatal).
    public func problems(knownRules: Set<String>) -> [String] {
        var out: [String] = []
        for (id, sev) in rules ?? [:] {
            if !knownRules.contains(id) { out.append("未知规则“\(id)”") }
            if sev != "off" && Severity(rawValue: sev) == nil { out.append("规则“\(id)”的级别“\(sev)”无效（可用 error、warning、info、hint、off）") }
        }
        return out
    }

    /// Applies this file on top of a configuration.
    public func apply(to base: LintConfig) -> LintConfig {
        var c = base
        if let p = profile { c.profileID = p }
        for (id, sev) in rules ?? [:] {
            if sev == "off" { c.severities[id] = .some(nil) } else if let s = Severity(rawValue: sev) { c.severities[id] = s }
        }
        c.ignores += ignore ?? []
        c.customProfiles += profiles ?? []
        return c
    }

    /// Returns the JSON of this file with an ignore entry appended (for the editor's "ignore" action).
    public func appendingIgnore(_ entry: IgnoreEntry) -> ConfigFile {
        var c = self
        var list = c.ignore ?? []
        if !list.contains(entry) { list.append(entry) }
        c.ignore = list
        return c
    }

    public func encoded() -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? enc.encode(self)) ?? Data("{}".utf8)
    }
}

public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
