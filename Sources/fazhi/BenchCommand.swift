import Dispatch
import FazhiDocx
import FazhiJSON
import FazhiKnowledge
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation

/// `fazhi bench [--format text|json] [--quick] [--write-samples DIR]`: performance benchmark.
///
/// Measures, on synthetic reports generated deterministically: knowledge load time, parse and
/// parse+lint time for 10 KB / 50 KB / 1 MB reports, re-lint after a one-character edit (50 KB, 1 MB),
/// single-core and all-core lint throughput, the cold start (first lint minus second lint in fresh
/// processes), whole-process `fazhi lint` of a folder of 200 ten-kilobyte reports (text and JSON), and the
/// language server's time from process start to the initialize answer. `--cold-breakdown` times what a
/// first lint loads, step by step. `--docx FILE` instead measures reading one Word document to text.
/// Meaningful only for a release build (`swift build -c release --static-swift-stdlib` on Linux).
enum BenchCommand {
    struct Figure {
        var key: String
        var label: String
        var value: Double
        var unit: String
        /// Target and whether larger is better.
        var target: Double?
        var higherIsBetter = false
        var met: Bool? { target.map { higherIsBetter ? value >= $0 : value <= $0 } }
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e6 }

    /// Median wall time in ms of `body` over `runs` runs (after one warm-up run).
    /// The median of `runs` samples of `body`'s time. A sample is the mean of a batch of calls lasting at
    /// least 2 ms: a single sub-millisecond call is at the mercy of the clock and of whatever ran before.
    static func median(_ runs: Int, _ body: () -> Void) -> Double {
        let t0 = now()
        body()
        let first = max(now() - t0, 0.001)
        let batch = max(1, Int((2.0 / first).rounded(.up)))
        var times: [Double] = []
        for _ in 0..<runs {
            let t = now()
            for _ in 0..<batch { body() }
            times.append((now() - t) / Double(batch))
        }
        times.sort()
        return times[times.count / 2]
    }

    /// `--loop parse|lint [--runs N]`: parse (or parse and lint) the 50 KB sample for about five seconds (or N
    /// times, for an instruction count under valgrind) and print the
    /// mean, so that a profiler attached from outside (`perf record`) sees one stage and nothing else.
    static func loop(_ what: String, runs fixed: Int? = nil) -> Int32 {
        guard what == "parse" || what == "lint" else { return CLI.fail("--loop 只接受 parse 或 lint") }
        let text = SourceText(SampleReports.report(bytes: 50_000))
        let linter = Linter()
        _ = linter.lint(text)
        var runs = 0
        let start = now()
        while fixed.map({ runs < $0 }) ?? (now() - start < 5000) {
            if what == "parse" { _ = ReportParser().parse(text) } else { _ = linter.lint(text) }
            runs += 1
        }
        print(String(format: "%@ 50KB：%d 次，平均 %.3f ms", what, runs, (now() - start) / Double(runs)))
        return 0
    }

    /// The median time to lint a sample report again after a one-character edit in its middle (the text
    /// alternates between with and without the character, so every run lints a changed text).
    static func relintAfterEdit(_ linter: Linter, bytes: Int, runs: Int) -> Double {
        let base = SampleReports.report(bytes: bytes)
        let mid = base.index(base.startIndex, offsetBy: base.count / 2)
        var flip = false
        return median(runs) {
            flip.toggle()
            var s = base
            if flip { s.insert("法", at: mid) }
            _ = linter.lint(SourceText(s))
        }
    }

    static func run(_ args: [String]) -> Int32 {
        let (opts, pos, err) = CLI.parseOptions(args, valued: ["--format", "--write-samples", "--docx", "--loop", "--runs"], flags: ["--quick", "--rules", "--cold-probe", "--cold-breakdown"])
        if let err { return CLI.fail(err) }
        guard pos.isEmpty else { return CLI.fail("bench 不接受参数 \(pos.joined(separator: " "))") }
        if let path = opts["--docx"] { return docx(path) }
        if let dir = opts["--write-samples"] { return writeSamples(dir) }
        if opts["--rules"] != nil { return perRule() }
        if opts["--cold-probe"] != nil { return coldProbe() }
        if opts["--cold-breakdown"] != nil { return coldBreakdown() }
        if let what = opts["--loop"] { return loop(what, runs: opts["--runs"].flatMap { Int($0) }) }
        let quick = opts["--quick"] != nil
        let format = opts["--format"] ?? "text"
        guard format == "text" || format == "json" else { return CLI.fail("未知格式 \(format)（可用 text、json）") }
        #if DEBUG
            CLI.warn("这是调试构建，数字没有参考意义；请用 swift build -c release 后运行 .build/release/fazhi bench")
        #endif

        var figures: [Figure] = []
        // Knowledge: a fresh instance loads every file from disk.
        let profileLoad = median(quick ? 3 : 9) { _ = try? Profiles.load() }
        var loads: [Double] = []
        var breakdown: [KnowledgeLoadTimings] = []
        for _ in 0..<(quick ? 3 : 9) {
            let t = Knowledge().warmUp()
            loads.append(t.total)
            breakdown.append(t)
        }
        loads.sort()
        let typical = breakdown.sorted { $0.total < $1.total }[breakdown.count / 2]
        figures.append(Figure(key: "knowledgeLoadMs", label: "知识库加载（全部文件）", value: loads[loads.count / 2] + profileLoad, unit: "ms", target: 20))
        Knowledge.shared.warmUp()
        _ = Profiles.default
        let catalogue = catalogueFigures(runs: quick ? 3 : 9)
        figures.append(catalogue.figure)

        let linter = Linter()
        for (name, size) in [("10KB", 10_000), ("50KB", 50_000), ("1MB", 1_000_000)] {
            let text = SourceText(SampleReports.report(bytes: size))
            let runs = quick ? 3 : (size > 100_000 ? 9 : 31)
            let parse = median(runs) { _ = ReportParser().parse(text) }
            let full = median(runs) { _ = linter.lint(text) }
            figures.append(Figure(key: "parse\(name)Ms", label: "解析 \(name) 报告", value: parse, unit: "ms", target: name == "1MB" ? 50 : nil))
            figures.append(Figure(key: "lint\(name)Ms", label: "解析并检查 \(name) 报告", value: full, unit: "ms",
                                  target: name == "50KB" ? 3 : (name == "1MB" ? 50 : nil)))
        }
        // Re-lint after a one-character edit in the middle of a 50 KB report (what the server does per keystroke).
        let relint = relintAfterEdit(linter, bytes: 50_000, runs: quick ? 5 : 51)
        figures.append(Figure(key: "relintAfterEdit50KBMs", label: "50KB 报告改一个字后重新检查", value: relint, unit: "ms", target: 3))

        // Throughput over a generated corpus of many reports.
        let corpus = (0..<(quick ? 10 : 60)).map { SourceText(SampleReports.report(bytes: 40_000 + ($0 % 7) * 20_000, seed: UInt64($0 + 2))) }
        let totalMB = Double(corpus.reduce(0) { $0 + $1.count }) / 1_000_000
        let single = median(quick ? 1 : 3) { for t in corpus { _ = linter.lint(t) } }
        figures.append(Figure(key: "lintThroughputMBps", label: "单核检查吞吐量", value: totalMB / (single / 1000), unit: "MB/s", target: 50, higherIsBetter: true))
        let parallel = median(quick ? 1 : 3) {
            DispatchQueue.concurrentPerform(iterations: corpus.count) { i in _ = linter.lint(corpus[i]) }
        }
        figures.append(Figure(key: "lintThroughputAllCoresMBps", label: "多核检查吞吐量（\(ProcessInfo.processInfo.activeProcessorCount)核）",
                              value: totalMB / (parallel / 1000), unit: "MB/s", target: nil, higherIsBetter: true))
        if let cold = coldKnowledgeCost(runs: quick ? 3 : 11) {
            figures.append(Figure(key: "coldStartKnowledgeMs", label: "冷启动：首次检查比再次检查多用的时间（知识库与自动机）", value: cold, unit: "ms", target: 10))
        }
        // A keystroke on a 1 MB report: the text edited, parsed and linted again (the server adds the
        // diagnostics' serialization; lsp_latency.py measures the whole round trip from outside).
        let relint1 = relintAfterEdit(linter, bytes: 1_000_000, runs: quick ? 3 : 15)
        figures.append(Figure(key: "relintAfterEdit1MBMs", label: "1MB 报告改一个字后重新检查", value: relint1, unit: "ms", target: nil))
        // A folder of 200 ten-kilobyte reports linted by a fresh `fazhi lint` process, end to end.
        if let folder = folderThroughput(runs: quick ? 3 : 9) {
            figures.append(Figure(key: "folderTextMBps", label: "文件夹 200 份 10KB 报告，整个进程（文本输出）", value: folder.text, unit: "MB/s",
                                  target: 30, higherIsBetter: true))
            figures.append(Figure(key: "folderJSONMBps", label: "文件夹 200 份 10KB 报告，整个进程（JSON 输出）", value: folder.json, unit: "MB/s",
                                  target: 30, higherIsBetter: true))
        }
        if let start = serverStartup(runs: quick ? 3 : 11) {
            figures.append(Figure(key: "serverInitializeMs", label: "语言服务器启动到答复 initialize", value: start, unit: "ms", target: 30))
        }

        if format == "json" {
            var o = JSONObject()
            for f in figures {
                o[f.key] = ["value": .double((f.value * 1000).rounded() / 1000), "unit": .string(f.unit),
                            "target": f.target.map { .double($0) } ?? .null, "met": f.met.map { .bool($0) } ?? .null]
            }
            o["corpusMB"] = .double((totalMB * 100).rounded() / 100)
            o["catalogue"] = catalogue.json
            o["cores"] = .int(ProcessInfo.processInfo.activeProcessorCount)
            CLI.write(JSON.object(o).serializedString(pretty: true) + "\n")
        } else {
            let rows = figures.map { f -> [String] in
                let target = f.target.map { (f.higherIsBetter ? "≥ " : "≤ ") + format2($0) + " " + f.unit } ?? ""
                let mark = f.met.map { $0 ? "达标" : "未达标" } ?? ""
                return [f.label, format2(f.value) + " " + f.unit, target, mark]
            }
            CLI.write(Table.render(header: ["项目", "结果", "目标", ""], rows: rows, footer: nil, rightAligned: [1]))
            CLI.write("知识库各文件（ms）：\(typical)；另加报告模板 \(format2(profileLoad)) ms\n")
            CLI.write(catalogue.line + "\n")
            CLI.write("语料：\(String(format: "%.1f", totalMB)) MB 合成报告；每项取多次运行的中位数。\n")
        }
        return 0
    }

    /// The law catalogue's size by kind and what loading it costs: parsing laws.json and building the
    /// lookup index, medians over `runs` loads of the resource file.
    static func catalogueFigures(runs: Int) -> (figure: Figure, line: String, json: JSON) {
        let laws = Knowledge.shared.laws.laws
        func count(_ kinds: Set<String>) -> Int { laws.filter { kinds.contains($0.kind) }.count }
        let nLaw = count([LawKind.law.rawValue]), nReg = count([LawKind.administrativeRegulation.rawValue])
        let nParty = count([LawKind.partyRegulation.rawValue])
        let nOther = laws.count - nLaw - nReg - nParty
        let inForce = laws.filter(\.isInForce).count
        let data = KnowledgeResources.data(LawsFile.fileName) ?? Data()
        var file = LawsFile(laws: [])
        let parse = median(runs) { file = (try? LawsFile.load(data: data)) ?? LawsFile(laws: []) }
        let index = median(runs) { _ = LawIndex(file: file) }
        let line = String(format: "法规目录：法律 %d 件、行政法规 %d 件、党内法规 %d 件、其他 %d 件（现行有效 %d 件，共 %d 件，%d KB）；读取 %.2f ms，建索引 %.2f ms",
                          nLaw, nReg, nParty, nOther, inForce, laws.count, data.count / 1024, parse, index)
        var o = JSONObject()
        o["laws"] = .int(nLaw); o["regulations"] = .int(nReg); o["party"] = .int(nParty); o["other"] = .int(nOther)
        o["inForce"] = .int(inForce); o["bytes"] = .int(data.count)
        o["parseMs"] = .double((parse * 1000).rounded() / 1000); o["indexMs"] = .double((index * 1000).rounded() / 1000)
        let figure = Figure(key: "catalogueLoadMs", label: "法规目录加载（\(laws.count) 件）", value: parse + index, unit: "ms", target: nil)
        return (figure, line, .object(o))
    }

    /// Time of the parser and of each rule over the synthetic corpus, slowest first.
    static func perRule() -> Int32 {
        Knowledge.shared.warmUp()
        let corpus = (0..<30).map { SourceText(SampleReports.report(bytes: 40_000 + ($0 % 7) * 20_000, seed: UInt64($0 + 2))) }
        let mb = Double(corpus.reduce(0) { $0 + $1.count }) / 1_000_000
        let reports = corpus.map { ReportParser().parse($0) }
        var rows: [(String, Double)] = []
        let runs = Int(ProcessInfo.processInfo.environment["FAZHI_BENCH_RUNS"] ?? "") ?? 3
        rows.append(("（解析）", median(runs) { for t in corpus { _ = ReportParser().parse(t) } }))
        let only = ProcessInfo.processInfo.environment["FAZHI_BENCH_ONLY"]
        for rule in RuleCatalog.all where only == nil || only == rule.metadata.id {
            let l = Linter(rules: [rule])
            rows.append((rule.metadata.id, median(runs) { for r in reports { _ = l.lint(r) } }))
        }
        rows.sort { $0.1 > $1.1 }
        let total = rows.reduce(0) { $0 + $1.1 }
        CLI.write(Table.render(header: ["规则", "耗时", "吞吐量", "占比"], rows: rows.map {
            [$0.0, format2($0.1) + " ms", format2(mb / ($0.1 / 1000)) + " MB/s", String(format: "%.1f%%", $0.1 / total * 100)]
        }, footer: ["合计", format2(total) + " ms", format2(mb / (total / 1000)) + " MB/s", ""], rightAligned: [1, 2, 3]))
        return 0
    }

    static func format2(_ v: Double) -> String { v >= 100 ? String(format: "%.0f", v) : String(format: "%.2f", v) }

    /// What loading the knowledge costs a fresh process: `fazhi lint` of a one-line report with the
    /// `FAZHI_TIMING` hook reporting the time spent before the first rule result (knowledge files + the
    /// combined automaton), median over `runs` processes.
    static func coldKnowledgeCost(runs: Int) -> Double? {
        guard let exe = Bundle.main.executableURL else { return nil }
        var times: [Double] = []
        for _ in 0..<runs {
            let p = Process()
            p.executableURL = exe
            p.arguments = ["bench", "--cold-probe"]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            guard (try? p.run()) != nil else { return nil }
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            guard let v = Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
            times.append(v)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// Runs in a fresh process: times the first lint of a small report (which loads every knowledge file
    /// and builds the automata) minus a second lint of the same text, and prints milliseconds.
    static func coldProbe() -> Int32 {
        let text = SourceText("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n截止目前依照《行政处罚法》开展执法，办结率100%。\n")
        let t0 = now()
        _ = Linter().lint(text)
        let first = now() - t0
        let t1 = now()
        _ = Linter().lint(text)
        let second = now() - t1
        CLI.write(String(format: "%.3f\n", first - second))
        return 0
    }

    /// What a first lint loads, step by step, in a fresh process and on one thread (`--cold-breakdown`):
    /// each step timed as it is first paid, so that the cold start can be read part by part.
    static func coldBreakdown() -> Int32 {
        var rows: [(String, Double)] = []
        func step(_ name: String, _ body: () -> Void) {
            let t = now()
            body()
            rows.append((name, now() - t))
        }
        step("找到资源目录") { _ = KnowledgeResources.directory }
        step("报告模板（profiles.json）") { _ = Profiles.default }
        step("繁简对照表（t2s.txt）") { _ = MatchNormalizer.shared.count }
        step("解析用词（reading.json）") { _ = ReadingVocabulary.shared }
        let text = SourceText("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n截止目前依照《行政处罚法》开展执法，办结率100%。\n")
        step("首次解析") { _ = ReportParser().parse(text) }
        // The catalogue's parts, timed on their own first (not counted in the total: the shared load below
        // pays them again, warm).
        var lawsData = Data()
        var lawsFile = LawsFile(laws: [])
        var parts: [(String, Double)] = []
        func part(_ name: String, _ body: () -> Void) {
            let t = now()
            body()
            parts.append((name, now() - t))
        }
        part("（其中）读取 laws.json") { lawsData = KnowledgeResources.data(LawsFile.fileName) ?? Data() }
        part("（其中）解析 laws.json") { lawsFile = (try? LawsFile.load(data: lawsData)) ?? LawsFile(laws: []) }
        part("（其中）建法规索引") { _ = LawIndex(file: lawsFile) }
        step("法规目录（laws.json 与索引）") { _ = Knowledge.shared.laws }
        step("术语（terms.json）") { _ = Knowledge.shared.terms }
        step("易混词（confusables.json）") { _ = Knowledge.shared.confusables }
        step("时间锚点（anchors.json）") { _ = Knowledge.shared.anchors }
        step("组合自动机") { Linter.prepareKnowledge() }
        step("首次检查（其余）") { _ = Linter().lint(ReportParser().parse(text)) }
        step("再次解析并检查") { _ = Linter().lint(text) }
        let total = rows.dropLast().reduce(0) { $0 + $1.1 }
        CLI.write(Table.render(header: ["步骤", "耗时"], rows: (rows + parts).map { [$0.0, String(format: "%.2f ms", $0.1)] },
                               footer: ["首次检查合计", String(format: "%.2f ms", total)], rightAligned: [1]))
        return 0
    }

    /// Median time from spawning `fazhi lsp` to receiving the initialize response.
    static func serverStartup(runs: Int) -> Double? {
        guard let exe = Bundle.main.executableURL else { return nil }
        let body = Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#.utf8)
        let frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        var times: [Double] = []
        for _ in 0..<runs {
            let p = Process()
            p.executableURL = exe
            p.arguments = ["lsp"]
            let inp = Pipe(), out = Pipe()
            p.standardInput = inp
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            let t = now()
            guard (try? p.run()) != nil else { return nil }
            inp.fileHandleForWriting.write(Data(frame))
            var got = Data()
            while !got.contains(0x7D) || !String(decoding: got, as: UTF8.self).contains("\"id\":1") {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                got.append(chunk)
            }
            let elapsed = now() - t
            try? inp.fileHandleForWriting.close()
            p.terminate()
            p.waitUntilExit()
            guard String(decoding: got, as: UTF8.self).contains("capabilities") else { return nil }
            times.append(elapsed)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// The 200 ten-kilobyte reports of the folder figures (different seeds: different findings).
    static func writeFolder(_ dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for i in 0..<200 {
            try SampleReports.report(bytes: 10_000, seed: UInt64(1000 + i)).write(toFile: dir + String(format: "/report-%03d.txt", i), atomically: true, encoding: .utf8)
        }
    }

    /// MB/s of `fazhi lint DIR` (text, then JSON) over a generated folder, whole process (start, knowledge,
    /// reading, linting on all cores, output to a pipe); median wall time of `runs` processes each.
    static func folderThroughput(runs: Int) -> (text: Double, json: Double)? {
        guard let exe = Bundle.main.executableURL else { return nil }
        let dir = NSTemporaryDirectory() + "fazhi-bench-folder-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard (try? writeFolder(dir)) != nil else { return nil }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let mb = Double(files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: dir + "/" + $1)[.size] as? Int) ?? 0) }) / 1_000_000
        func time(_ args: [String]) -> Double? {
            var times: [Double] = []
            for _ in 0..<(runs + 1) {
                // posix_spawn and waitpid: Foundation's Process adds tens of milliseconds of its own
                // (waitUntilExit polls a run loop), more than the work measured here.
                let t = now()
                guard spawnAndWait(exe.path, args) else { return nil }
                times.append(now() - t)
            }
            times.removeFirst()  // warm-up (file cache)
            times.sort()
            return times[times.count / 2]
        }
        guard let text = time(["lint", dir]), let json = time(["lint", "--format", "json", dir]) else { return nil }
        return (mb / (text / 1000), mb / (json / 1000))
    }

    /// Runs a program with its output to /dev/null and waits for it; false when it cannot be started.
    static func spawnAndWait(_ path: String, _ args: [String]) -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return true
    }

    /// Writes the synthetic reports used by the latency measurements (docs/performance.md).
    static func writeSamples(_ dir: String) -> Int32 {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for (name, size) in [("report-10KB.txt", 10_000), ("report-50KB.txt", 50_000), ("report-1MB.txt", 1_000_000)] {
                try SampleReports.report(bytes: size).write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            }
            for i in 0..<10 {
                try SampleReports.report(bytes: 50_000, seed: UInt64(100 + i)).write(toFile: dir + "/open-\(i).txt", atomically: true, encoding: .utf8)
            }
            try writeFolder(dir + "/folder")
        } catch {
            return CLI.fail("无法写入样例：\(error)")
        }
        return 0
    }

    /// Median time to read a .docx to text (the file is read from disk once, outside the timing).
    static func docx(_ path: String) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path) else { return CLI.fail("无法读取 \(path)") }
        let bytes = [UInt8](data)
        var chars = 0
        do { chars = try DocxReader.read(bytes: bytes).text.unicodeScalars.count } catch { return CLI.fail("\(path)：\(error)") }
        let ms = median(21) { _ = try? DocxReader.read(bytes: bytes) }
        CLI.write(String(format: "读取 .docx：%@（%d 字节，文字 %d 字）%.2f ms\n", path, bytes.count, chars, ms))
        return 0
    }
}
