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

    /// What the summary table, the JSON summary and --verbose keep of a file once its findings are written.
    var summary: FileSummary {
        var counts = [0, 0, 0, 0]
        var missing: [Profile.Part] = []
        for d in diagnostics {
            counts[d.severity.rank] += 1
            if d.rule == "missing-part", d.severity >= .warning, let id = d.data, let part = report.profile.part(id) { missing.append(part) }
        }
        return FileSummary(path: path, error: error, year: report.year, missingParts: missing, counts: counts,
                           configSource: configSource, encoding: encoding)
    }
}

/// A file's line in the summary: kept for every file while its text, model and findings are dropped as
/// soon as they are written, so that a folder run holds one file's findings at a time, not all.
struct FileSummary: Sendable {
    var path: String
    var error: String?
    var year: Int?
    var missingParts: [Profile.Part]
    /// Findings by `Severity.rank` (hint 0 … error 3).
    var counts: [Int]
    var configSource: String?
    var encoding: String?

    func count(_ s: Severity) -> Int { counts[s.rank] }
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

    /// The configuration of each file (warnings about configurations found are appended to `warnings`).
    func choices(for files: [String], warnings: inout [String]) -> [ConfigChoice] {
        var cache: [String: ConfigChoice] = [:]
        return files.map { config(for: $0, cache: &cache, warnings: &warnings) }
    }

    /// Lints files and returns every result in order (for callers that need them together, such as the
    /// review, which lints in chunks).
    func run(_ files: [String], stdin: [UInt8]?, displayName: String?, warnings: inout [String]) -> [LintResult] {
        let collected = ResultList()
        _ = run(files, choices: choices(for: files, warnings: &warnings), stdin: stdin, displayName: displayName) { collected.append($0) }
        return collected.items
    }

    /// Lints files in parallel on all cores and hands each result to `emit` in the order of `files`
    /// (one at a time, on whichever worker finished the next file), then drops it. Returns the summaries.
    /// `stdin` supplies the bytes for "-".
    func run(_ files: [String], choices: [ConfigChoice], stdin: [UInt8]?, displayName: String?,
             emit: @escaping (LintResult) -> Void) -> [FileSummary] {
        let queue = OrderedEmitter(emit: emit)
        // Several files: the law catalogue loads on another thread while the first worker builds the
        // combined automaton (the other worker would only wait for both).
        if files.count > 1 && ProcessInfo.processInfo.activeProcessorCount > 1 {
            DispatchQueue.global(qos: .userInitiated).async { _ = Knowledge.shared.laws }
        }
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
                    let loaded = path == "-" ? try FileLoader.load(bytes: stdin ?? [], name: name) : try FileLoader.load(path: path, snapshot: false)
                    let text = loaded.source
                    // A single file: its rules share the cores (a folder's files already do).
                    let linter = Linter(config: choice.config)
                    let report = ReportParser(profile: linter.profile).parse(text)
                    let diags = linter.lint(report, isCancelled: nil, parallel: files.count == 1 && text.count > LintRunner.parallelRulesAbove) ?? []
                    r = LintResult(path: name, source: text, report: report, diagnostics: diags,
                                   configSource: choice.source, encoding: loaded.formatSummary, docx: loaded.docx)
                } catch {
                    r = failed("\(error)")
                }
            }
            queue.put(i, r)
        }
        return queue.summaries
    }
}

/// Results gathered in emission order (emission is serialized by `OrderedEmitter`; the lock is for the
/// reader afterwards).
final class ResultList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [LintResult] = []
    func append(_ r: LintResult) { lock.lock(); list.append(r); lock.unlock() }
    var items: [LintResult] { lock.lock(); defer { lock.unlock() }; return list }
}

extension LintRunner {
    /// A single file larger than this (256 KB) has its rules run on two threads.
    static let parallelRulesAbove = 256 << 10
}

/// Hands results produced concurrently to `emit` strictly in index order, one at a time: the worker that
/// delivers the next expected result emits it and any that were waiting behind it.
final class OrderedEmitter: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Int: LintResult] = [:]
    private var next = 0
    private var emitting = false
    private(set) var summaries: [FileSummary] = []
    private let emit: (LintResult) -> Void

    init(emit: @escaping (LintResult) -> Void) { self.emit = emit }

    func put(_ i: Int, _ r: LintResult) {
        lock.lock()
        pending[i] = r
        if emitting {
            lock.unlock()
            return
        }
        emitting = true
        while let item = pending.removeValue(forKey: next) {
            next += 1
            lock.unlock()
            let summary = item.summary
            emit(item)
            lock.lock()
            summaries.append(summary)
        }
        emitting = false
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
            do {
                stdin = try FileLoader.readStandardInput(name: opts["--stdin-filename"] ?? "-")
            } catch {
                ioErrors.append(error.description)
            }
            if stdin != nil { files.append("-") }
        }
        files += expanded.files
        var warnings: [String] = []
        let folder = nonStdin.contains { p in var d: ObjCBool = false; return FileManager.default.fileExists(atPath: p, isDirectory: &d) && d.boolValue }
        let out = OutputStream.standard
        let writer: LintWriter
        switch format {
        case "json": writer = JSONLintWriter(out)
        case "sarif": writer = SARIFLintWriter(out)
        default: writer = TextLintWriter(out, summary: opts["--no-summary"] == nil && opts["--quiet"] == nil, folder: folder, skipped: expanded.skipped)
        }
        // Findings are written file by file as they are ready (in the order given), so memory holds one
        // file's findings and output starts before the last file is read.
        let choices = runner.choices(for: files, warnings: &warnings)
        for w in warnings { CLI.warn(w) }
        for e in ioErrors { CLI.warn(e) }
        let summaries = runner.run(files, choices: choices, stdin: stdin, displayName: opts["--stdin-filename"]) { r in
            if r.error == nil { writer.file(r) }
        }
        let ok = summaries.filter { $0.error == nil }
        writer.finish(ok, all: summaries)
        out.flush()
        let fileErrors = summaries.compactMap(\.error)
        for e in fileErrors { CLI.warn(e) }
        ioErrors += fileErrors
        if opts["--verbose"] != nil { Verbose.report(summaries) }
        if !ioErrors.isEmpty { return 2 }
        return ok.contains { $0.count(.error) + $0.count(.warning) > 0 } ? 1 : 0
    }
}

/// What `--verbose` adds on standard error, and the configuration line under a folder's summary.
enum Verbose {
    /// Each configuration in use with its file count, then each file's encoding.
    static func report(_ results: [FileSummary]) {
        for line in configLine(results).split(separator: "\n") { CLI.warn(String(line)) }
        for r in results where r.error == nil {
            CLI.warn("\(r.path)：\(r.encoding ?? "UTF-8")")
        }
    }

    /// "配置：/a/.fazhi.json（3 份）；默认设置（未找到 .fazhi.json，2 份）\n".
    static func configLine(_ results: [FileSummary]) -> String {
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
