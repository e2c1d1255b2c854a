// Effective lint configuration per document: defaults ← editor settings (`fazhi` section) ← .fazhi.json
// found upward from the document ← ignores added from the editor and not yet read back from disk.
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
    /// Ignores recorded through the "忽略此处" action, by config path, until the file is read again.
    private var pendingIgnores: [String: [IgnoreEntry]] = [:]
    /// Problems to report to the user (drained by the server).
    var messages: [String] = []
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
            pendingIgnores[path] = nil
        } else {
            files.removeAll()
            pendingIgnores.removeAll()
        }
        bump()
    }

    /// The `.fazhi.json` that applies to a document (searched upward from its folder).
    func configPath(forDocument uri: String) -> String? {
        guard let dir = URIs.directory(ofURI: uri) else { return nil }
        if let hit = located[dir.path] { return hit }
        let found = ConfigFile.find(from: dir)?.path
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

    func addPendingIgnore(_ entry: IgnoreEntry, configPath: String) {
        var list = pendingIgnores[configPath] ?? []
        if !list.contains(entry) { list.append(entry) }
        pendingIgnores[configPath] = list
        bump()
    }

    func lintConfig(forDocument uri: String) -> LintConfig {
        var c = LintConfig()
        let t = todayComponents()
        c.today = (t.year, t.month, t.day)
        if let s = settings { c = s.apply(to: c) }
        let found = configPath(forDocument: uri)
        if let path = found, let f = file(at: path) { c = f.apply(to: c) }
        // Pending ignores of the file that applies, or of a file about to be created above the document.
        if !pendingIgnores.isEmpty, let dir = URIs.directory(ofURI: uri)?.path {
            for (path, entries) in pendingIgnores {
                let base = (path as NSString).deletingLastPathComponent
                if path == found || (found == nil && (dir == base || dir.hasPrefix(base.hasSuffix("/") ? base : base + "/"))) {
                    c.ignores += entries
                }
            }
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

    /// Ignores pending for a path that has no file yet.
    func pending(for path: String) -> [IgnoreEntry] { pendingIgnores[path] ?? [] }
}
