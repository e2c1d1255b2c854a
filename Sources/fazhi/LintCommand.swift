import Dispatch
import FazhiDocx
import FazhiJSON
import FazhiKnowledge
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation

/// One linted file.
struct LintResult: Sendable {
    var path: String
    var source: SourceText
    var report: Report
    var diagnostics: [Diagnostic]
    var error: String?
    /// Set for a Word document: findings are located by paragraph and character.
    var docx: DocxText?

    var missingParts: [Profile.Part] {
        diagnostics.filter { $0.rule == "missing-part" && $0.severity >= .warning }
            .compactMap { d in d.data.flatMap { report.profile.part($0) } }
    }

    func count(_ s: Severity) -> Int { diagnostics.filter { $0.severity == s }.count }
}

/// Finds report files, loads configuration and lints in parallel.
struct LintRunner {
    var explicitConfig: ConfigFile?
    var baseConfig = LintConfig()

    /// Expands folders recursively into .txt, .md and .docx files (hidden folders and .build skipped), sorted;
    /// documents in formats Fazhi does not read (.doc, .wps, .pdf, ...) found in folders are `skipped`.
    static func expand(_ paths: [String]) -> (files: [String], errors: [String], skipped: [String]) {
        var files: [String] = []
        var errors: [String] = []
        var skipped: [String] = []
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else {
                errors.append("找不到 \(p)")
                continue
            }
            if !isDir.boolValue {
                files.append(p)
                continue
            }
            var found: [String] = []
            var foundSkipped: [String] = []
            if let en = fm.enumerator(atPath: p) {
                while let rel = en.nextObject() as? String {
                    let name = (rel as NSString).lastPathComponent
                    if name.hasPrefix(".") || name == "node_modules" {
                        if let attrs = en.fileAttributes, attrs[.type] as? FileAttributeType == .typeDirectory { en.skipDescendants() }
                        continue
                    }
                    let full = p.hasSuffix("/") ? p + rel : p + "/" + rel
                    switch ReportFile.folderRole(name) {
                    case .read: found.append(full)
                    case .skip: foundSkipped.append(full)
                    case .ignore: break
                    }
                }
            }
            files.append(contentsOf: found.sorted())
            skipped.append(contentsOf: foundSkipped.sorted())
        }
        return (files, errors, skipped)
    }

    /// Effective configuration for a file: --config if given, else the nearest .fazhi.json.
    func config(for path: String, cache: inout [String: LintConfig?], warnings: inout [String]) -> LintConfig {
        if let explicit = explicitConfig { return explicit.apply(to: baseConfig) }
        let dir = URL(fileURLWithPath: path == "-" ? FileManager.default.currentDirectoryPath + "/x" : path).deletingLastPathComponent()
        if let cached = cache[dir.path] { return cached ?? baseConfig }
        var result: LintConfig?
        if let url = ConfigFile.find(from: dir) {
            do {
                let file = try ConfigFile.load(url)
                warnings += file.problems(knownRules: Set(RuleCatalog.all.map(\.metadata.id))).map { "\(url.path)：\($0)" }
                result = file.apply(to: baseConfig)
            } catch {
                warnings.append("\(url.path)：\(error)")
            }
        }
        cache[dir.path] = result
        return result ?? baseConfig
    }

    /// Lints files in parallel on all cores. `stdin` supplies the text for "-".
    func run(_ files: [String], stdin: [UInt8]?, displayName: String?, warnings: inout [String]) -> [LintResult] {
        var cache: [String: LintConfig?] = [:]
        let configs = files.map { config(for: $0, cache: &cache, warnings: &warnings) }
        let box = ResultBox(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let path = files[i]
            let name = path == "-" ? (displayName ?? "-") : path
            let loaded = path == "-" ? ReportFile.load(bytes: stdin ?? [], name: name) : ReportFile.load(path: path)
            let r: LintResult
            switch loaded {
            case .success(let file):
                let (report, diags) = Linter(config: configs[i]).lint(file.source)
                r = LintResult(path: name, source: file.source, report: report, diagnostics: diags, docx: file.docx)
            case .failure(let e):
                let empty = SourceText("")
                r = LintResult(path: name, source: empty, report: ReportParser().parse(empty), diagnostics: [], error: e.message)
            }
            box.set(i, r)
        }
        return box.items.compactMap { $0 }
    }
}

/// Collects results from concurrent workers.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var items: [LintResult?]
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: LintResult) {
        lock.lock()
        items[i] = r
        lock.unlock()
    }
}

enum LintCommand {
    static func run(_ args: [String]) -> Int32 {
        let (opts, pos, err) = CLI.parseOptions(args, valued: ["--format", "--config", "--stdin-filename"], flags: ["--no-summary", "--quiet"])
        if let err { return CLI.fail(err) }
        let format = opts["--format"] ?? "text"
        guard ["text", "json", "sarif"].contains(format) else { return CLI.fail("未知格式 \(format)（可用 text、json、sarif）") }
        guard !pos.isEmpty else { return CLI.fail("lint 需要至少一个文件或文件夹（用 - 表示标准输入）") }
        var runner = LintRunner()
        if let c = opts["--config"] {
            do { runner.explicitConfig = try ConfigFile.load(URL(fileURLWithPath: c)) } catch { return CLI.fail("\(error)") }
        }
        var files: [String] = []
        var ioErrors: [String] = []
        var stdin: [UInt8]?
        let nonStdin = pos.filter { $0 != "-" }
        let expanded = LintRunner.expand(nonStdin)
        ioErrors += expanded.errors
        // Skipped documents are listed in the text summary; other formats have only standard error to say so.
        if format != "text" || opts["--no-summary"] != nil || opts["--quiet"] != nil {
            for f in expanded.skipped { CLI.warn(ReportFile.refusal(f, ReportFile.refusedExtensions[ReportFile.ext(f)] ?? "")) }
        }
        if pos.contains("-") {
            stdin = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            files.append("-")
        }
        files += expanded.files
        var warnings: [String] = []
        let results = runner.run(files, stdin: stdin, displayName: opts["--stdin-filename"], warnings: &warnings)
        ioErrors += results.compactMap(\.error)
        for w in warnings { CLI.warn(w) }
        for e in ioErrors { CLI.warn(e) }
        let ok = results.filter { $0.error == nil }
        switch format {
        case "json": CLI.write(LintOutput.json(ok).serializedString(pretty: false) + "\n")
        case "sarif": CLI.write(LintOutput.sarif(ok).serializedString(pretty: true) + "\n")
        default: CLI.write(LintOutput.text(ok, summary: opts["--no-summary"] == nil && opts["--quiet"] == nil, skipped: expanded.skipped))
        }
        if !ioErrors.isEmpty { return 2 }
        return ok.contains { $0.diagnostics.contains { $0.severity >= .warning } } ? 1 : 0
    }
}

enum LintOutput {
    static func lsp(_ src: SourceText, _ r: TextRange) -> JSON {
        let (s, e) = src.positions(of: r, encoding: .utf16)
        return ["start": ["line": .int(s.line), "character": .int(s.character)], "end": ["line": .int(e.line), "character": .int(e.character)]]
    }

    static func json(_ results: [LintResult]) -> JSON {
        var files: [JSON] = []
        var counts: [Severity: Int] = [:]
        var missing: [JSON] = []
        for r in results {
            let diags: [JSON] = r.diagnostics.map { d in
                counts[d.severity, default: 0] += 1
                var o: JSONObject = [
                    "rule": .string(d.rule), "severity": .string(d.severity.rawValue), "message": .string(d.message),
                    "range": lsp(r.source, d.range),
                    "fixes": .array(d.fixes.map { f in
                        ["title": .string(f.title), "edits": .array(f.edits.map { ["range": lsp(r.source, $0.range), "newText": .string($0.newText)] })]
                    }),
                ]
                // Word documents only: ranges are in the text `fazhi text` prints; these say where it is in Word.
                if let docx = r.docx, let (p, c) = docx.location(ofUTF8Offset: d.range.start) {
                    o["paragraph"] = .int(docx.paragraphs[p].number)
                    o["character"] = .int(c)
                }
                return .object(o)
            }
            files.append(["path": .string(r.path), "diagnostics": .array(diags)])
            let mp = r.missingParts
            if !mp.isEmpty { missing.append(["path": .string(r.path), "parts": .array(mp.map { .string($0.id) })]) }
        }
        let summary: JSON = [
            "files": .int(results.count),
            "error": .int(counts[.error] ?? 0), "warning": .int(counts[.warning] ?? 0),
            "info": .int(counts[.info] ?? 0), "hint": .int(counts[.hint] ?? 0),
            "missingParts": .array(missing),
        ]
        return ["version": 1, "files": .array(files), "summary": summary]
    }

    static func text(_ results: [LintResult], summary: Bool, skipped: [String] = []) -> String {
        var out = ""
        for r in results {
            for d in r.diagnostics {
                if let docx = r.docx {
                    // Word has no line numbers: paragraph and character, and the paragraph quoted.
                    out += "\(r.path):\(ReportFile.paragraphLabel(docx, offset: d.range.start)): \(d.severity.rawValue) [\(d.rule)] \(d.message)\n"
                    if let q = ReportFile.excerpt(docx, offset: d.range.start) { out += "    「\(q)」\n" }
                    continue
                }
                let p = r.source.position(of: d.range.start, encoding: .utf32)
                out += "\(r.path):\(p.line + 1):\(p.character + 1): \(d.severity.rawValue) [\(d.rule)] \(d.message)\n"
            }
        }
        guard summary, !results.isEmpty || !skipped.isEmpty else { return out }
        if results.isEmpty { return out + skippedNote(skipped) }
        if !out.isEmpty { out += "\n" }
        let header = ["文件", "年度", "缺少的必备部分", "错误", "警告", "提示"]
        var rows: [[String]] = []
        for r in results {
            let missing = r.missingParts.map(\.short).joined(separator: "、")
            rows.append([r.path, r.report.year.map(String.init) ?? "—", missing.isEmpty ? "无" : missing,
                         String(r.count(.error)), String(r.count(.warning)), String(r.count(.info) + r.count(.hint))])
        }
        let total = ["合计（\(results.count)份）", "", "\(results.filter { !$0.missingParts.isEmpty }.count)份缺少",
                     String(results.map { $0.count(.error) }.reduce(0, +)), String(results.map { $0.count(.warning) }.reduce(0, +)),
                     String(results.map { $0.count(.info) + $0.count(.hint) }.reduce(0, +))]
        out += Table.render(header: header, rows: rows, footer: results.count > 1 ? total : nil, rightAligned: [3, 4, 5])
        return out + skippedNote(skipped)
    }

    static func skippedNote(_ skipped: [String]) -> String {
        guard !skipped.isEmpty else { return "" }
        return "已跳过 \(skipped.count) 个文件（不是纯文本或 .docx 文件，请另存为 .docx 或 .txt 后再检查）：\n"
            + skipped.map { "  \($0)\n" }.joined()
    }

    static func sarifLevel(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info, .hint: return "note"
        }
    }

    static func sarif(_ results: [LintResult]) -> JSON {
        let rules: [JSON] = RuleCatalog.all.map { r in
            let m = r.metadata
            return [
                "id": .string(m.id), "name": .string(m.id),
                "shortDescription": ["text": .string(m.title)],
                "fullDescription": ["text": .string(m.rationale)],
                "helpUri": .string("https://github.com/fazhi-lsp/fazhi/blob/main/docs/rules.md#\(m.id)"),
                "defaultConfiguration": ["level": .string(sarifLevel(m.defaultSeverity))],
                "properties": ["category": .string(m.category.rawValue), "source": .string(m.source)],
            ]
        }
        var out: [JSON] = []
        for r in results {
            for d in r.diagnostics {
                let (s, e) = r.source.positions(of: d.range, encoding: .utf16)
                var res: JSONObject = [
                    "ruleId": .string(d.rule), "level": .string(sarifLevel(d.severity)),
                    "message": ["text": .string(d.message)],
                    "locations": [["physicalLocation": [
                        "artifactLocation": ["uri": .string(r.path)],
                        "region": ["startLine": .int(s.line + 1), "startColumn": .int(s.character + 1),
                                   "endLine": .int(e.line + 1), "endColumn": .int(e.character + 1)],
                    ]]],
                ]
                if let docx = r.docx, let (p, c) = docx.location(ofUTF8Offset: d.range.start) {
                    res["properties"] = ["paragraph": .int(docx.paragraphs[p].number), "character": .int(c)]
                }
                if let f = d.fixes.first {
                    res["fixes"] = [["description": ["text": .string(f.title)], "artifactChanges": [[
                        "artifactLocation": ["uri": .string(r.path)],
                        "replacements": .array(f.edits.map { ed in
                            let (a, b) = r.source.positions(of: ed.range, encoding: .utf16)
                            return ["deletedRegion": ["startLine": .int(a.line + 1), "startColumn": .int(a.character + 1),
                                                      "endLine": .int(b.line + 1), "endColumn": .int(b.character + 1)],
                                    "insertedContent": ["text": .string(ed.newText)]]
                        }),
                    ]]]]
                }
                out.append(.object(res))
            }
        }
        return [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "fazhi", "version": .string(CLI.version),
                                    "informationUri": "https://github.com/fazhi-lsp/fazhi", "rules": .array(rules)]],
                "columnKind": "utf16CodeUnits",
                "results": .array(out),
            ]],
        ]
    }
}

/// A plain-text table that lines up Chinese (double-width) and ASCII text.
enum Table {
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            let wide = (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
                || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
                || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1FAFF) || (v >= 0x20000 && v <= 0x3FFFD)
            return w + (wide ? 2 : 1)
        }
    }

    static func pad(_ s: String, _ w: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, w - width(s)))
        return right ? fill + s : s + fill
    }

    static func render(header: [String], rows: [[String]], footer: [String]?, rightAligned: Set<Int>) -> String {
        let all = [header] + rows + (footer.map { [$0] } ?? [])
        var widths = Array(repeating: 0, count: header.count)
        for r in all { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], width(c)) } }
        func line(_ r: [String]) -> String {
            var s = r.enumerated().map { pad($1, widths[$0], right: rightAligned.contains($0)) }.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        var out = line(header) + rule
        for r in rows { out += line(r) }
        if let f = footer { out += rule + line(f) }
        return out
    }
}
