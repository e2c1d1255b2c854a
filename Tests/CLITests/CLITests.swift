import FazhiJSON
import Foundation
import XCTest

/// Runs the built `fazhi` binary as a user would.
enum Fazhi {
    static var binary: URL {
        // The test bundle sits next to the built products: .build/<triple>/debug/FazhiPackageTests.xctest
        let exe = URL(fileURLWithPath: CommandLine.arguments[0])
        for dir in [exe.deletingLastPathComponent(), Bundle.main.bundleURL, exe.deletingLastPathComponent().deletingLastPathComponent()] {
            let c = dir.appendingPathComponent("fazhi")
            if FileManager.default.isExecutableFile(atPath: c.path) { return c }
        }
        return packageRoot.appendingPathComponent(".build/debug/fazhi")
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @discardableResult
    static func run(_ args: [String], stdin: String? = nil, cwd: URL? = nil, prepare: () throws -> Void = {}) throws -> (code: Int32, out: String, err: String) {
        try prepare()
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = cwd ?? packageRoot
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let s = stdin { inp.fileHandleForWriting.write(Data(s.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

final class CLITests: XCTestCase {
    let example = "Examples/云溪镇2024年度法治政府建设情况报告.txt"
    let clean = "Examples/示例-规范报告.txt"

    /// A `fazhi` copied away from its knowledge folder refuses the commands that read reports, with a
    /// message saying where the folder should be, rather than print findings that would be wrong.
    func testWithoutItsKnowledgeFazhiRefusesAndSaysWhere() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-cli-no-knowledge-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let exe = dir.appendingPathComponent("fazhi")
        try FileManager.default.copyItem(at: Fazhi.binary, to: exe)
        for args in [["lint", example], ["outline", example], ["fix", "--dry-run", example], ["explain", "行政复议法"]] {
            let p = Process()
            p.executableURL = exe
            p.arguments = args
            p.currentDirectoryURL = Fazhi.packageRoot
            var env = ProcessInfo.processInfo.environment
            env["FAZHI_RESOURCES"] = dir.appendingPathComponent("missing").path
            p.environment = env
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 2, "\(args)")
            XCTAssertTrue(o.isEmpty, "\(args): nothing on standard output")
            XCTAssertTrue(e.contains("找不到知识库文件夹 Fazhi_FazhiKnowledge.resources"), "\(args): \(e)")
        }
        // With the folder named by FAZHI_RESOURCES the same copy works.
        let p = Process()
        p.executableURL = exe
        p.arguments = ["lint", clean]
        p.currentDirectoryURL = Fazhi.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["FAZHI_RESOURCES"] = Fazhi.packageRoot.appendingPathComponent("Sources/FazhiKnowledge/Resources").path
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
    }

    func testHelpAndVersion() throws {
        let h = try Fazhi.run(["--help"])
        XCTAssertEqual(h.code, 0)
        XCTAssertTrue(h.out.contains("用法"))
        XCTAssertTrue(h.out.contains("outline"))
        let v = try Fazhi.run(["--version"])
        XCTAssertTrue(v.out.hasPrefix("fazhi "))
        XCTAssertEqual(try Fazhi.run(["frobnicate"]).code, 2)
        XCTAssertEqual(try Fazhi.run([]).code, 2)
    }

    func testOutlineJSONHasExactlyTheDocumentedShape() throws {
        let r = try Fazhi.run(["outline", "--format", "json", example])
        XCTAssertEqual(r.code, 0, r.err)
        let j = try JSON.parse(r.out)
        XCTAssertEqual(j.objectValue?.keys, ["path", "title", "year", "unit", "recipient", "docNumber", "signer", "parts", "headings"])
        XCTAssertEqual(j["title"]?["text"]?.stringValue, "关于2024年度法治政府建设情况的报告")
        XCTAssertEqual(j["title"]?["line"]?.intValue, 2)
        XCTAssertEqual(j["year"]?.intValue, 2024)
        XCTAssertEqual(j["unit"]?["name"]?.stringValue, "青禾县云溪镇")
        XCTAssertEqual(j["unit"]?["kind"]?.stringValue, "镇")
        XCTAssertEqual(j["recipient"]?.stringValue, "县委、县政府")
        XCTAssertTrue(j["docNumber"]?.isNull ?? false)
        let first = try XCTUnwrap(j["headings"]?[0])
        XCTAssertEqual(first.objectValue?.keys, ["level", "marker", "text", "line", "parts", "merged", "inferred", "children"])
        XCTAssertEqual(first["merged"]?.arrayValue?.count, 0)
        XCTAssertEqual(first["inferred"]?.boolValue, false)
        // Each part of the profile with its standing; the example lacks the leadership part (its plans heading names the wrong year).
        let parts = j["parts"]?.arrayValue ?? []
        XCTAssertEqual(parts.map { $0["id"]?.stringValue ?? "" }, ["measures", "shortcomings", "leadership", "plans", "other"])
        XCTAssertEqual(parts.map { $0["status"]?.stringValue ?? "" }, ["separate", "separate", "missing", "separate", "missing"])
        XCTAssertEqual(first["marker"]?.stringValue, "一、")
        XCTAssertEqual(first["parts"]?[0]?.stringValue, "measures")
        XCTAssertEqual(first["children"]?.arrayValue?.count, 5)
        XCTAssertEqual(first["children"]?[0]?["text"]?.stringValue, "强化组织领导")
        XCTAssertEqual(try Fazhi.run(["outline", "nonexistent.txt"]).code, 2)
    }

    func testLintExitCodesAndTextFormat() throws {
        let bad = try Fazhi.run(["lint", example])
        XCTAssertEqual(bad.code, 1)
        XCTAssertTrue(bad.out.contains("\(example):3:1: error [missing-part]"), bad.out)
        XCTAssertTrue(bad.out.contains("缺少的必备部分"), "summary table")
        let good = try Fazhi.run(["lint", clean])
        XCTAssertEqual(good.code, 0, good.out)
        XCTAssertEqual(try Fazhi.run(["lint", "does-not-exist.txt"]).code, 2)
        XCTAssertEqual(try Fazhi.run(["lint", "--format", "xml", clean]).code, 2)
    }

    func testLintJSONFromStdinWithUTF16Columns() throws {
        let text = "关于2024年度法治政府建设情况的报告\n😀一、主要举措和成效\n"
        let r = try Fazhi.run(["lint", "--format", "json", "--stdin-filename", "草稿.txt", "-"], stdin: text)
        let j = try JSON.parse(r.out)
        XCTAssertEqual(j["version"]?.intValue, 1)
        XCTAssertEqual(j["files"]?[0]?["path"]?.stringValue, "草稿.txt")
        let diags = try XCTUnwrap(j["files"]?[0]?["diagnostics"]?.arrayValue)
        XCTAssertFalse(diags.isEmpty)
        for d in diags {
            XCTAssertEqual(d.objectValue?.keys, ["rule", "severity", "message", "range", "fixes"])
            XCTAssertNotNil(["error", "warning", "info", "hint"].firstIndex(of: d["severity"]?.stringValue ?? ""))
        }
        XCTAssertNotNil(j["summary"]?["error"]?.intValue)
    }

    func testSARIF() throws {
        let r = try Fazhi.run(["lint", "--format", "sarif", example])
        let j = try JSON.parse(r.out)
        XCTAssertEqual(j["version"]?.stringValue, "2.1.0")
        let run = try XCTUnwrap(j["runs"]?[0])
        XCTAssertEqual(run["tool"]?["driver"]?["name"]?.stringValue, "fazhi")
        XCTAssertFalse(run["results"]?.arrayValue?.isEmpty ?? true)
        XCTAssertEqual(run["results"]?[0]?["locations"]?[0]?["physicalLocation"]?["region"]?["startLine"]?.intValue, 3)
    }

    func testFolderLintAndConfigFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = try String(contentsOf: Fazhi.packageRoot.appendingPathComponent(example), encoding: .utf8)
        try src.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try src.write(to: dir.appendingPathComponent("sub/b.md"), atomically: true, encoding: .utf8)
        try "not a zip".write(to: dir.appendingPathComponent("c.docx"), atomically: true, encoding: .utf8)
        let r = try Fazhi.run(["lint", "--format", "json", dir.path])
        let j = try JSON.parse(r.out)
        // The damaged .docx is read, named on standard error, and left out of the results.
        XCTAssertEqual(j["files"]?.arrayValue?.count, 2)
        XCTAssertTrue(r.err.contains("c.docx：不是有效的 .docx 文件"), r.err)
        XCTAssertEqual(r.code, 2)
        XCTAssertEqual(j["summary"]?["missingParts"]?.arrayValue?.count, 2)
        // A .fazhi.json beside the files turns the rule off.
        try #"{"rules": {"missing-part": "off"}}"#.write(to: dir.appendingPathComponent(".fazhi.json"), atomically: true, encoding: .utf8)
        let r2 = try JSON.parse(try Fazhi.run(["lint", "--format", "json", dir.path]).out)
        let files2 = r2["files"]?.arrayValue ?? []
        XCTAssertEqual(files2.count, 2)
        for f in files2 {
            let rules = (f["diagnostics"]?.arrayValue ?? []).compactMap { $0["rule"]?.stringValue }
            XCTAssertFalse(rules.contains("missing-part"))
        }
        try "{broken".write(to: dir.appendingPathComponent(".fazhi.json"), atomically: true, encoding: .utf8)
        let r3 = try Fazhi.run(["lint", dir.path])
        XCTAssertTrue(r3.err.contains("配置文件"), r3.err)
    }

    func testRulesDocIsGeneratedFromMetadata() throws {
        let r = try Fazhi.run(["rules", "--format", "markdown"])
        let doc = try String(contentsOf: Fazhi.packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        XCTAssertEqual(doc, r.out, "docs/rules.md is stale: run `swift run fazhi rules --format markdown > docs/rules.md`")
        let j = try JSON.parse(try Fazhi.run(["rules", "--format", "json"]).out)
        XCTAssertEqual(j.arrayValue?.first?["id"]?.stringValue, "missing-part")
    }

    func testExplainRuleAndUnknownName() throws {
        let r = try Fazhi.run(["explain", "missing-part"])
        XCTAssertEqual(r.code, 0)
        XCTAssertTrue(r.out.contains("缺少必备部分"))
        XCTAssertEqual(try Fazhi.run(["explain", "完全不存在的名称甲乙丙"]).code, 1)
        XCTAssertEqual(try Fazhi.run(["explain"]).code, 2)
    }

    func testFixDryRunPrintsDiffAndWritesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("r.txt")
        let text = "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开会议4次,截止目前形成纪要4份。\n\n特此报告！\n"
        try text.write(to: f, atomically: true, encoding: .utf8)
        let r = try Fazhi.run(["fix", "--dry-run", f.path])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(try String(contentsOf: f, encoding: .utf8), text)
        // A unified diff: removals before additions.
        let minus = try XCTUnwrap(r.out.range(of: "-特此报告！\n"))
        let plus = try XCTUnwrap(r.out.range(of: "+特此报告。\n"))
        XCTAssertTrue(minus.lowerBound < plus.lowerBound, r.out)
        XCTAssertTrue(r.out.contains("+全年召开会议4次，截至目前形成纪要4份。"), r.out)
        // Without --dry-run the file is rewritten with the safe fixes only.
        XCTAssertEqual(try Fazhi.run(["fix", f.path]).code, 0)
        let fixed = try String(contentsOf: f, encoding: .utf8)
        XCTAssertEqual(fixed, "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开会议4次，截至目前形成纪要4份。\n\n特此报告。\n")
    }
}
