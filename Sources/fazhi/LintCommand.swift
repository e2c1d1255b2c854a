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
