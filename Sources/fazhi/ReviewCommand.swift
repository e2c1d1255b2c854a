import Dispatch
import FazhiFiles
import FazhiJSON
import FazhiLinter
import FazhiParser
import FazhiReview
import FazhiText
import Foundation

/// `fazhi review 路径... [-o 审核.html] [--format html|json|csv] [--previous 往年文件夹] [--deadline MM-DD]
/// [--config 文件]`: the reviewer's sheet for a folder of reports.
///
/// Files are found with `LintRunner.expand` and linted with `LintRunner.run` in chunks; each chunk's
/// reports are turned into sheet entries and copy documents in parallel and then dropped, so memory holds
/// the texts and the sheet, not every report's model. Copy detection and rendering are FazhiReview's.
enum ReviewCommand {
    /// Files linted at a time: enough for the cores to share, small enough that report models do not pile up.
    static let chunk = 64

    static func run(_ args0: [String]) -> Int32 {
        // -o is the one short option; --previous may be given more than once.
        var args: [String] = []
        var previousPaths: [String] = []
        var i = 0
        while i < args0.count {
            let a = args0[i]
            if a == "-o" { args.append("--output") } else if a == "--previous" || a.hasPrefix("--previous=") {
                if a == "--previous" {
                    guard i + 1 < args0.count else { return CLI.fail("选项 --previous 需要一个值") }
                    previousPaths.append(args0[i + 1])
                    i += 1
                } else {
                    previousPaths.append(String(a.dropFirst("--previous=".count)))
                }
            } else {
                args.append(a)
            }
            i += 1
        }
        let (opts, pos, err) = CLI.parseOptions(args, valued: ["--output", "--format", "--deadline", "--config"], flags: ["--quiet", "--timings"])
        if let err { return CLI.fail(err) }
        guard !pos.isEmpty else { return CLI.fail("review 需要至少一个文件夹或文件") }
        if pos.contains("-") { return CLI.fail("review 不读标准输入，请给出文件夹或文件") }
        let output = opts["--output"]
        var format = opts["--format"] ?? "html"
        if opts["--format"] == nil, let o = output {
            switch DocumentKind.ext(o) {
            case "json": format = "json"
            case "csv": format = "csv"
            default: break
            }
        }
        guard ["html", "json", "csv"].contains(format) else { return CLI.fail("未知格式 \(format)（可用 html、json、csv）") }
        var deadline = Deadline.publication
        if let d = opts["--deadline"] {
            guard let parsed = Deadline(d) else { return CLI.fail("--deadline 应为“月-日”，如 04-01 或 03-01，这里是“\(d)”") }
            deadline = parsed
        }
        var runner = LintRunner()
        if let c = opts["--config"], let e = runner.loadExplicit(c) { return CLI.fail(e) }

        let previous = LintRunner.expand(previousPaths)
        let current = LintRunner.expand(pos)
        // A folder of earlier years inside the reviewed folder is compared with, not reviewed.
        let earlier = Set(previous.files.map(canonical))
        let files = current.files.filter { !earlier.contains(canonical($0)) }
        var errors = current.errors + previous.errors
        if files.isEmpty && errors.isEmpty {
            let note = current.skipped.isEmpty ? "" : "；另有 \(current.skipped.count) 个文件不是纯文本或 .docx 文件，请另存为 .docx 或 .txt"
            errors.append("没有找到可检查的报告（.txt、.md、.docx）" + note)
        }
        for e in errors { CLI.warn(e) }
        guard !files.isEmpty else { return 2 }

        // --timings: where the time goes, on standard error (for docs/performance.md).
        var clock = DispatchTime.now().uptimeNanoseconds
        var timings: [(String, Double)] = []
        func lap(_ what: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            timings.append((what, Double(now - clock) / 1e9))
            clock = now
        }
        let boilerplate = Boilerplate.standard(k: CopyParameters.default.k)
        lap("知识库与标准表述")
        let due = deadline
        var warnings: [String] = []
        var unreadable: [String] = []
        var entries: [ReviewEntry] = []
        var documents: [CopyDocument] = []
        entries.reserveCapacity(files.count)
        documents.reserveCapacity(files.count)
        for start in stride(from: 0, to: files.count, by: chunk) {
            let results = runner.run(Array(files[start..<min(files.count, start + chunk)]), stdin: nil, displayName: nil, warnings: &warnings)
            let built = ConcurrentMap.map(results) { r -> (ReviewEntry, CopyDocument)? in
                guard r.error == nil else { return nil }
                let place: ((Int) -> String?)? = r.docx.map { d in { DocxLocations.paragraphLabel(d, offset: $0) } }
                let entry = ReviewEntry(path: r.path, report: r.report, diagnostics: r.diagnostics, deadline: due, place: place)
                return (entry, CopyDocument(report: r.report, boilerplate: boilerplate))
            }
            for (r, b) in zip(results, built) {
                if let e = r.error { unreadable.append(e) }
                if let (e, d) = b {
                    entries.append(e)
                    documents.append(d)
                }
            }
        }
        lap("读取、解析、检查并准备比对（\(files.count) 份）")
        let earlierDocs = loadPrevious(previous.files, runner: runner, boilerplate: boilerplate, warnings: &warnings, unreadable: &unreadable)
        for w in warnings { CLI.warn(w) }
        for u in unreadable { CLI.warn(u) }

        lap("读取并解析往年报告（\(earlierDocs.count) 份）")
        let sheet = ReviewSheet.build(entries: entries, documents: documents, previous: earlierDocs,
                                      skipped: current.skipped, unreadable: unreadable, deadline: deadline)
        lap("雷同检测与汇总")
        let generator = "fazhi \(CLI.version)"
        let text: String
        switch format {
        case "json": text = ReviewJSON.render(sheet, generator: generator).serializedString(pretty: true) + "\n"
        case "csv": text = ReviewCSV.render(sheet)
        default: text = ReviewHTML.render(sheet, generator: generator)
        }
        lap("生成 \(format.uppercased())（\(text.utf8.count / 1024) KB）")
        if opts["--timings"] != nil {
            for (what, s) in timings { CLI.warn("用时 " + String(format: "%8.3f", s) + " 秒  " + what) }
            let st = sheet.stats
            CLI.warn(String(format: "雷同检测：指纹 %d 个，种子 %d 个，段落 %d 个；检测 %.3f 秒，安排比对 %.3f 秒，取段落原文 %.3f 秒",
                            st.fingerprints, st.seeds, st.passages, st.detection, st.planRepeats, st.passageTexts))
        }
        // HTML goes to 审核.html unless told otherwise; JSON and CSV to standard output (for pipes).
        let target = output ?? (format == "html" ? "审核.html" : "-")
        if target == "-" {
            CLI.write(text)
        } else {
            if let e = write(text, to: target) { return CLI.fail(e) }
            if opts["--quiet"] == nil {
                let s = sheet.summary
                CLI.warn("已生成 \(target)：\(s.reports) 份报告，\(s.reports - s.partsComplete) 份缺少必备部分，\(s.late) 份逾期，\(s.withCopies) 份有雷同段落")
            }
        }
        return unreadable.isEmpty && errors.isEmpty ? 0 : 2
    }

    /// Earlier years' reports: parsed (not linted) for their text, unit, year and plans.
    static func loadPrevious(_ files: [String], runner: LintRunner, boilerplate: Boilerplate,
                             warnings: inout [String], unreadable: inout [String]) -> [(report: OtherReport, document: CopyDocument)] {
        guard !files.isEmpty else { return [] }
        var cache: [String: ConfigChoice] = [:]
        let profiles = files.map { runner.config(for: $0, cache: &cache, warnings: &warnings) }.map { Linter(config: $0.config).profile }
        let loaded = ConcurrentMap.map(Array(files.indices)) { i -> Result<(OtherReport, CopyDocument), Failure> in
            do {
                let text = try FileLoader.load(path: files[i]).source
                let report = ReportParser(profile: profiles[i]).parse(text)
                let other = OtherReport(path: files[i], unit: report.unit?.name, year: report.year, isPrevious: true)
                return .success((other, CopyDocument(report: report, isPrevious: true, boilerplate: boilerplate)))
            } catch {
                return .failure(Failure(message: "\(error)"))
            }
        }
        var out: [(report: OtherReport, document: CopyDocument)] = []
        for r in loaded {
            switch r {
            case .success(let pair): out.append(pair)
            case .failure(let e): unreadable.append("往年报告 \(e.message)")
            }
        }
        return out
    }

    struct Failure: Error {
        var message: String
    }

    /// Writes the sheet atomically. An existing file is replaced only when it is an earlier sheet: a report
    /// or any other file that happens to have the name is never overwritten.
    static func write(_ text: String, to path: String) -> String? {
        let bytes = [UInt8](text.utf8)
        if !FileManager.default.fileExists(atPath: path) {
            do { try SafeWriter.create(path: path, with: bytes) } catch { return error.description }
            return nil
        }
        let existing: LoadedReport
        do { existing = try FileLoader.load(path: path) } catch {
            return "\(path) 已存在且不是 fazhi 生成的审核表，未覆盖；请换一个文件名或先移走它"
        }
        guard ReviewOutput.isGeneratedSheet(existing.source.string), let snapshot = existing.snapshot else {
            return "\(path) 已存在且不是 fazhi 生成的审核表，未覆盖；请换一个文件名或先移走它"
        }
        do { try SafeWriter.replace(path: path, with: bytes, expecting: snapshot) } catch { return error.description }
        return nil
    }

    static func canonical(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
}

/// `map` on all cores, results in input order.
enum ConcurrentMap {
    static func map<T: Sendable, U: Sendable>(_ items: [T], _ body: @Sendable (T) -> U) -> [U] {
        let box = Slots<U>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in box.set(i, body(items[i])) }
        return box.items.map { $0! }
    }

    final class Slots<U>: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var items: [U?]
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ v: U) {
            lock.lock()
            items[i] = v
            lock.unlock()
        }
    }
}
