import Dispatch
import FazhiDocx
import FazhiFiles
import FazhiJSON
import FazhiKnowledge
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation

// Running a lint over files and folders: configuration per file, folder expansion, reading, linting in
// parallel with results handed on in the order the files were given.

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
