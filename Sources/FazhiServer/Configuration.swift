// Effective lint configuration per document: defaults ← editor settings (`fazhi` section) ← .fazhi.json
// found upward from the document (skipping files someone else could have planted; see FileTrust).
// "忽略此处" writes the file itself (ConfigEdit + SafeWriter) and then forgets the cached copy.
import FazhiJSON
import FazhiLinter
import Foundation

final class ConfigStore {
    /// Bumped whenever anything that affects linting changes; documents re-lint when it moves.
    private(set) var generation = 0
    /// The `fazhi` section of the editor settings.
    private(set) var settings: ConfigFile?
    /// `.fazhi.json` path for a directory (nil: none found), cached until files change.
    private var located: [String: String?] = [:]
    /// Parsed config files by path (nil value: unreadable or invalid).
    private var files: [String: ConfigFile?] = [:]
    /// Configuration files already reported as untrusted or naming an unknown profile (reported once).
    private var reported: Set<String> = []
    /// Problems to report to the user (drained by the server): `messages` go to the log, `alerts` are
    /// shown (a configuration passed over, an unknown profile: the findings would otherwise surprise).
    var messages: [String] = []
    var alerts: [String] = []
    /// Workspace folder paths: editor-setting `files` patterns are relative to the one holding a document.
    var roots: [String] = []

    func bump() { generation += 1 }

    func setSettings(_ json: JSON?) {
        var parsed: ConfigFile?
        if let json, case .object(let o) = json, o.count > 0 {
            do {
                parsed = try ConfigFile.parse(Data(json.serialized()))
            } catch {
                messages.append("编辑器设置 fazhi 无效：\(error)")
            }
        }
        if parsed != settings || (parsed?.profiles?.isEmpty == false) {
            settings = parsed
            bump()
        }
    }

    /// Forgets cached files (after a watched-file change or a save).
    func fileChanged(path: String?) {
        located.removeAll()
        if let path {
            files[path] = nil
        } else {
            files.removeAll()
        }
        reported.removeAll()
        bump()
    }

    /// The `.fazhi.json` that applies to a document (searched upward from its folder).
    func configPath(forDocument uri: String) -> String? {
        guard let dir = URIs.directory(ofURI: uri) else { return nil }
        if let hit = located[dir.path] { return hit }
        let (url, skipped) = ConfigFile.locate(from: dir)
        for m in skipped where reported.insert(m).inserted { alerts.append(m) }
        let found = url?.path
        located[dir.path] = .some(found)
        return found
    }

    func file(at path: String) -> ConfigFile? {
        if let hit = files[path] { return hit }
        var parsed: ConfigFile?
        if FileManager.default.fileExists(atPath: path) {
            do {
                parsed = try ConfigFile.load(URL(fileURLWithPath: path))
                let problems = parsed!.problems(knownRules: Set(RuleCatalog.all.map(\.metadata.id)))
                if !problems.isEmpty { messages.append("\(path)：" + problems.joined(separator: "；")) }
            } catch {
                messages.append("\(path)：\(error)")
            }
        }
        files[path] = .some(parsed)
        return parsed
    }

    func lintConfig(forDocument uri: String) -> LintConfig {
        var c = LintConfig()
        let t = todayComponents()
        c.today = (t.year, t.month, t.day)
        if let s = settings { c = s.apply(to: c) }
        let found = configPath(forDocument: uri)
        if let path = found, let f = file(at: path) { c = f.apply(to: c) }
        if let problem = c.unknownProfileMessage {
            let m = (found.map { "\($0)：" } ?? "编辑器设置 fazhi：") + problem + "，暂按默认模板检查"
            if reported.insert(m).inserted { alerts.append(m) }
        }
        return c
    }

    /// The `files` pattern (from the `.fazhi.json` that applies, else the editor settings) that names this
    /// document as a report, if any.
    func filePattern(forDocument uri: String) -> String? {
        guard let path = URIs.path(uri) else { return nil }
        func relative(to base: String) -> String? {
            let b = base.hasSuffix("/") ? base : base + "/"
            return path.hasPrefix(b) ? String(path.dropFirst(b.count)) : nil
        }
        if let cp = configPath(forDocument: uri), let f = file(at: cp), let patterns = f.files,
           let rel = relative(to: (cp as NSString).deletingLastPathComponent) {
            if let hit = patterns.first(where: { FileGlob($0).matches(rel) }) { return hit }
        }
        if let patterns = settings?.files {
            let rel = roots.lazy.compactMap(relative(to:)).first ?? String(path.drop { $0 == "/" })
            if let hit = patterns.first(where: { FileGlob($0).matches(rel) }) { return hit }
        }
        return nil
    }
}
