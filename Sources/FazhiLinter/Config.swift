import FazhiFiles
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

    /// Configurations larger than this are refused before being read whole (a real one is a few KB;
    /// 1 MB leaves room for many custom profiles).
    public static let maxSize = 1 << 20

    public static func load(_ url: URL) throws -> ConfigFile {
        let bytes: [UInt8]
        do {
            bytes = try BoundedFile.read(path: url.path, limit: maxSize).bytes
        } catch {
            throw ConfigError(message: "无法使用配置文件：\(error.detail)")
        }
        return try parse(Data(bytes))
    }

    /// Searches `.fazhi.json` in `directory` and its ancestors.
    public static func find(from directory: URL) -> URL? { locate(from: directory).url }

    /// Searches `.fazhi.json` in `directory` and its ancestors, skipping files someone else could have
    /// planted (see `FileTrust`); `skipped` says which were passed over and why, for a warning.
    public static func locate(from directory: URL) -> (url: URL?, skipped: [String]) {
        var dir = directory.standardizedFileURL
        var skipped: [String] = []
        for _ in 0..<64 {
            let candidate = dir.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) {
                if let why = FileTrust.distrust(path: candidate.path) {
                    skipped.append("未使用配置文件 \(candidate.path)：\(why)；如确需使用，请用 --config 指定")
                } else {
                    return (candidate, skipped)
                }
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return (nil, skipped)
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

}

public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}
