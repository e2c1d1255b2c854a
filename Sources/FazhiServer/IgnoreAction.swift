// "忽略此处": a code action whose command (`fazhi.ignore`) makes the server add one entry to the ignore
// list of the .fazhi.json that applies. The server edits the file itself — byte-preserving (ConfigEdit)
// and atomically, checked against what it read (SafeWriter) — rather than sending the editor a
// WorkspaceEdit, which would leave an unsaved buffer and, before, rewrote the whole file. A file that
// cannot be edited safely is left byte-identical and the editor is told why (showMessage and an error
// response).
import FazhiFiles
import FazhiJSON
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation
import LSPKit

extension FazhiLanguageServer {
    /// Where "忽略此处" records ignores for a document: the .fazhi.json that applies, else one in the
    /// workspace folder that contains it, else one beside it.
    func ignoreConfigPath(for uri: String) -> String? {
        if let p = config.configPath(forDocument: uri) { return p }
        guard let docPath = URIs.path(uri) else { return nil }
        let roots = caps.workspaceFolders.map(\.uri) + (caps.rootURI.map { [$0] } ?? [])
        for r in roots {
            guard let rp = URIs.path(r) else { continue }
            let base = rp.hasSuffix("/") ? rp : rp + "/"
            if docPath.hasPrefix(base) { return base + ConfigFile.fileName }
        }
        return URL(fileURLWithPath: docPath).deletingLastPathComponent().appendingPathComponent(ConfigFile.fileName).path
    }

    func ignoreAction(_ doc: Document, _ report: Report, _ d: Diagnostic, _ lspDiag: JSON) -> JSON? {
        guard let path = ignoreConfigPath(for: doc.uri) else { return nil }
        let flagged = report.text(d.range)
        let shown = flagged.count > 12 ? String(flagged.prefix(12)) + "…" : flagged
        var args: JSONObject = ["configPath": .string(path), "rule": .string(d.rule)]
        if !flagged.isEmpty { args["text"] = .string(flagged) }
        return ["title": .string(shown.isEmpty ? "忽略此处（\(d.rule)）" : "忽略此处：“\(shown)”（\(d.rule)）"), "kind": "quickfix",
                "diagnostics": [lspDiag],
                "command": ["title": "忽略此处", "command": .string(Commands.ignore), "arguments": [.object(args)]]]
    }

    /// `fazhi.ignore {configPath, rule, text}`: adds the entry to the file and re-lints.
    func ignoreCommand(_ a: JSON) throws -> JSON {
        guard let path = a["configPath"]?.stringValue else { throw ResponseError.invalidParams("fazhi.ignore 需要参数 configPath") }
        // Only ever a .fazhi.json, given as an absolute path: the command must not become a way to write
        // arbitrary files.
        guard path.hasPrefix("/"), (path as NSString).lastPathComponent == ConfigFile.fileName else {
            throw ResponseError.invalidParams("fazhi.ignore 只能修改 \(ConfigFile.fileName)：\(path)")
        }
        let entry = IgnoreEntry(rule: a["rule"]?.stringValue, text: a["text"]?.stringValue)
        do {
            try addIgnore(entry, configPath: path)
        } catch {
            let message = "“忽略此处”未生效：\(error)"
            log(message, type: .error)
            client?.showMessage(message, type: .error)
            throw ResponseError.requestFailed(message)
        }
        configChanged(path: path)
        return .null
    }

    func addIgnore(_ entry: IgnoreEntry, configPath path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            try SafeWriter.create(path: path, with: ConfigEdit.newFile(with: entry))
            return
        }
        let (bytes, snapshot) = try BoundedFile.read(path: path, limit: ConfigFile.maxSize)
        // An editor buffer of this file with unsaved changes would be overwritten on its next save (or
        // would overwrite us): ask for a save first.
        if let open = documents.values.first(where: { URIs.path($0.uri) == path }), open.text.bytes != bytes {
            throw ConfigError(message: "\(path) 在编辑器中有未保存的修改，请先保存再使用“忽略此处”")
        }
        let edit = try ConfigEdit.addingIgnore(entry, to: bytes, path: path)
        if edit.changed { try SafeWriter.replace(path: path, with: edit.bytes, expecting: snapshot) }
    }
}
