import Dispatch
import FazhiDocx
import FazhiFiles
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
    /// The .fazhi.json used (nil: defaults) and the file's format and encoding, for --verbose and the summary.
    var configSource: String?
    var encoding: String?
    /// Set for a Word document: findings are located by paragraph and character.
    var docx: DocxText?

    var missingParts: [Profile.Part] {
        diagnostics.filter { $0.rule == "missing-part" && $0.severity >= .warning }
            .compactMap { d in d.data.flatMap { report.profile.part($0) } }
    }

    func count(_ s: Severity) -> Int { diagnostics.filter { $0.severity == s }.count }
}

/// The configuration chosen for one file and where it came from.
struct ConfigChoice {
    var config: LintConfig
    /// The .fazhi.json in use, or nil for the defaults.
    var source: String?
    /// Set when the file must not be linted with it (an unknown profile name).
    var error: String?
}

/// Finds report files, loads configuration and lints in parallel.
struct LintRunner {
    var explicitConfig: ConfigFile?
    var explicitPath: String?
    var baseConfig = LintConfig()

    /// Loads `--config FILE` (no trust check: the user named it); errors name the file.
    mutating func loadExplicit(_ path: String) -> String? {
        do {
            let file = try ConfigFile.load(URL(fileURLWithPath: path))
            if let problem = file.apply(to: baseConfig).unknownProfileMessage { return "\(path)：\(problem)" }
            explicitConfig = file
            explicitPath = path
            return nil
        } catch {
            return "\(path)：\(error)"
        }
    }

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
                    switch DocumentKind.folderRole(name) {
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

    /// Effective configuration for a file: --config if given, else the nearest trusted .fazhi.json.
    func config(for path: String, cache: inout [String: ConfigChoice], warnings: inout [String]) -> ConfigChoice {
        if let explicit = explicitConfig { return ConfigChoice(config: explicit.apply(to: baseConfig), source: explicitPath) }
        let dir = URL(fileURLWithPath: path == "-" ? FileManager.default.currentDirectoryPath + "/x" : path).deletingLastPathComponent()
        if let cached = cache[dir.path] { return cached }
        var choice = ConfigChoice(config: baseConfig)
        let (url, skipped) = ConfigFile.locate(from: dir)
        for s in skipped where !warnings.contains(s) { warnings.append(s) }
        if let url {
            do {
                let file = try ConfigFile.load(url)
                let problems = file.problems(knownRules: Set(RuleCatalog.all.map(\.metadata.id))).map { "\(url.path)：\($0)" }
                for p in problems where !warnings.contains(p) { warnings.append(p) }
                choice = ConfigChoice(config: file.apply(to: baseConfig), source: url.path)
                if let problem = choice.config.unknownProfileMessage { choice.error = "\(url.path)：\(problem)" }
            } catch {
                let w = "\(url.path)：\(error)（使用默认设置）"
                if !warnings.contains(w) { warnings.append(w) }
            }
        }
        cache[dir.path] = choice
        return choice
    }

    /// Lints files in parallel on all cores. `stdin` supplies the bytes for "-".
    func run(_ files: [String], stdin: [UInt8]?, displayName: String?, warnings: inout [String]) -> [LintResult] {
        var cache: [String: ConfigChoice] = [:]
        let choices = files.map { config(for: $0, cache: &cache, warnings: &warnings) }
        let box = ResultBox(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let path = files[i]
            let name = path == "-" ? (displayName ?? "-") : path
            let choice = choices[i]
            func failed(_ message: String) -> LintResult {
                let empty = SourceText("")
                return LintResult(path: name, source: empty, report: ReportParser().parse(empty), diagnostics: [],
                                  error: message, configSource: choice.source)
            }
            let r: LintResult
            if let e = choice.error {
                r = failed("\(name)：未检查：\(e)")
            } else {
                do {
                    let loaded = path == "-" ? try FileLoader.load(bytes: stdin ?? [], name: name) : try FileLoader.load(path: path)
                    let text = loaded.source
                    let (report, diags) = Linter(config: choice.config).lint(text)
                    r = LintResult(path: name, source: text, report: report, diagnostics: diags,
                                   configSource: choice.source, encoding: loaded.formatSummary, docx: loaded.docx)
                } catch {
                    r = failed("\(error)")
                }
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
        let (opts, pos, err) = CLI.parseOptions(args, valued: ["--format", "--config", "--stdin-filename"], flags: ["--no-summary", "--quiet", "--verbose"])
        if let err { return CLI.fail(err) }
        let format = opts["--format"] ?? "text"
        guard ["text", "json", "sarif"].contains(format) else { return CLI.fail("未知格式 \(format)（可用 text、json、sarif）") }
        guard !pos.isEmpty else { return CLI.fail("lint 需要至少一个文件或文件夹（用 - 表示标准输入）") }
        var runner = LintRunner()
        if let c = opts["--config"], let e = runner.loadExplicit(c) { return CLI.fail(e) }
        var files: [String] = []
        var ioErrors: [String] = []
        var stdin: [UInt8]?
        let nonStdin = pos.filter { $0 != "-" }
        let expanded = LintRunner.expand(nonStdin)
        ioErrors += expanded.errors
        // Skipped documents are listed in the text summary; other formats have only standard error to say so.
        if format != "text" || opts["--no-summary"] != nil || opts["--quiet"] != nil {
            for f in expanded.skipped {
                if case .unsupported(let what) = DocumentKind.byName(f) { CLI.warn(FileError(path: f, .unsupportedDocument(what)).description) }
            }
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
        if opts["--verbose"] != nil { Verbose.report(results) }
        let ok = results.filter { $0.error == nil }
        let folder = nonStdin.contains { p in var d: ObjCBool = false; return FileManager.default.fileExists(atPath: p, isDirectory: &d) && d.boolValue }
        switch format {
        case "json": CLI.write(LintOutput.json(ok).serializedString(pretty: false) + "\n")
        case "sarif": CLI.write(LintOutput.sarif(ok).serializedString(pretty: true) + "\n")
        default:
            let summary = opts["--no-summary"] == nil && opts["--quiet"] == nil
            var out = LintOutput.text(ok, summary: summary, skipped: expanded.skipped)
            if summary && folder && !results.isEmpty { out += Verbose.configLine(results) }
            CLI.write(out)
        }
        if !ioErrors.isEmpty { return 2 }
        return ok.contains { $0.diagnostics.contains { $0.severity >= .warning } } ? 1 : 0
    }
}

/// What `--verbose` adds on standard error, and the configuration line under a folder's summary.
enum Verbose {
    /// Each configuration in use with its file count, then each file's encoding.
    static func report(_ results: [LintResult]) {
        for line in configLine(results).split(separator: "\n") { CLI.warn(String(line)) }
        for r in results where r.error == nil {
            CLI.warn("\(r.path)：\(r.encoding ?? "UTF-8")")
        }
    }

    /// "配置：/a/.fazhi.json（3 份）；默认设置（未找到 .fazhi.json，2 份）\n".
    static func configLine(_ results: [LintResult]) -> String {
        var order: [String?] = []
        var counts: [String: Int] = [:]
        for r in results {
            let key = r.configSource ?? ""
            if counts[key] == nil { order.append(r.configSource) }
            counts[key, default: 0] += 1
        }
        let parts = order.map { src -> String in
            let n = counts[src ?? ""] ?? 0
            return src.map { "\($0)（\(n) 份）" } ?? "默认设置（未找到 .fazhi.json，\(n) 份）"
        }
        return "配置：" + parts.joined(separator: "；") + "\n"
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
                    out += "\(r.path):\(DocxLocations.paragraphLabel(docx, offset: d.range.start)): \(d.severity.rawValue) [\(d.rule)] \(d.message)\n"
                    if let q = DocxLocations.excerpt(docx, offset: d.range.start) { out += "    「\(q)」\n" }
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
