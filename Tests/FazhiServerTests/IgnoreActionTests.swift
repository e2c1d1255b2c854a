import FazhiJSON
import Foundation
import XCTest

/// "忽略此处" edits .fazhi.json itself: one entry inserted, every other byte kept; a file it cannot edit
/// safely stays byte-identical and the editor is told why.
final class IgnoreActionTests: XCTestCase {
    func setUp(config: String?) throws -> (URL, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-ignore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        if let config { try Data(config.utf8).write(to: dir.appendingPathComponent(".fazhi.json")) }
        return (dir, URL(fileURLWithPath: dir.appendingPathComponent("report.txt").path).absoluteString)
    }

    /// Opens the report and returns the arguments of the ignore action for the half-width comma.
    func ignoreArguments(_ c: LSPTestClient, _ uri: String) -> JSON {
        let m = marked("一、主要举措和成效\n全年召开会议4次⟦,⟧形成纪要。\n二、存在的不足和原因\n")
        c.open(uri, m.text)
        var p = doc(uri).objectValue!
        p["range"] = m.range
        p["context"] = ["diagnostics": []]
        let actions = c.request("textDocument/codeAction", .object(p)).arr
        let ignore = actions.first { $0["command"]?["arguments"]?[0]?["rule"]?.str == "halfwidth-punctuation" }
        XCTAssertNotNil(ignore, "\(actions.map { $0["title"]?.str ?? "" })")
        XCTAssertNil(ignore?["edit"])
        return ignore?["command"]?["arguments"] ?? .array([])
    }

    func testEntryIsInsertedAndUnknownKeysKept() throws {
        let original = "{\n  \"$schema\": \"https://example.org/fazhi.json\",\n  \"备注\": \"镇党政办维护\",\n  \"rules\": { \"coverage\": \"off\" }\n}\n"
        let (dir, uri) = try setUp(config: original)
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
        let args = ignoreArguments(c, uri)
        XCTAssertEqual(args[0]?["text"]?.str, ",")
        let r = c.requestMessage("workspace/executeCommand", ["command": "fazhi.ignore", "arguments": args])
        XCTAssertNil(r?["error"])
        let written = String(decoding: try Data(contentsOf: dir.appendingPathComponent(".fazhi.json")), as: UTF8.self)
        XCTAssertEqual(written, "{\n  \"$schema\": \"https://example.org/fazhi.json\",\n  \"备注\": \"镇党政办维护\",\n  \"rules\": { \"coverage\": \"off\" },\n"
            + "  \"ignore\": [\n    { \"rule\": \"halfwidth-punctuation\", \"text\": \",\" }\n  ]\n}\n")
        let after = c.wait("diagnostics without the ignored finding") {
            $0["method"]?.str == "textDocument/publishDiagnostics" && !($0["params"]?["diagnostics"]?.arr ?? []).contains { $0["code"]?.str == "halfwidth-punctuation" }
        }
        XCTAssertNotNil(after)
        // The same action again changes nothing.
        _ = c.request("workspace/executeCommand", ["command": "fazhi.ignore", "arguments": args])
        XCTAssertEqual(String(decoding: try Data(contentsOf: dir.appendingPathComponent(".fazhi.json")), as: UTF8.self), written)
        XCTAssertEqual(c.finish(), 0)
    }

    func testAConfigWithACommentIsLeftByteIdenticalAndTheEditorToldWhy() throws {
        let original = "{\n  // 县里统一下发，勿改\n  \"rules\": { \"coverage\": \"off\" },\n  \"ignore\": []\n}\n"
        let (dir, uri) = try setUp(config: original)
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
        let args = ignoreArguments(c, uri)
        let r = c.requestMessage("workspace/executeCommand", ["command": "fazhi.ignore", "arguments": args])
        XCTAssertEqual(r?["error"]?["code"]?.int, -32803)
        XCTAssertTrue(r?["error"]?["message"]?.str?.contains("// 注释") ?? false, r?.serializedString() ?? "")
        let shown = c.wait("showMessage") { $0["method"]?.str == "window/showMessage" && ($0["params"]?["message"]?.str ?? "").contains("忽略此处") }
        XCTAssertEqual(shown?["params"]?["type"]?.int, 1)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent(".fazhi.json")), Data(original.utf8))
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(files, [".fazhi.json"], "no temporary file left")
        XCTAssertEqual(c.finish(), 0)
    }

    func testANewConfigIsCreatedAndOnlyFazhiJsonCanBeWritten() throws {
        let (dir, uri) = try setUp(config: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
        let args = ignoreArguments(c, uri)
        XCTAssertEqual(args[0]?["configPath"]?.str, dir.appendingPathComponent(".fazhi.json").path)
        _ = c.request("workspace/executeCommand", ["command": "fazhi.ignore", "arguments": args])
        XCTAssertEqual(String(decoding: try Data(contentsOf: dir.appendingPathComponent(".fazhi.json")), as: UTF8.self),
                       "{\n  \"ignore\": [\n    { \"rule\": \"halfwidth-punctuation\", \"text\": \",\" }\n  ]\n}\n")
        let other = dir.appendingPathComponent("notes.txt").path
        let r = c.requestMessage("workspace/executeCommand", ["command": "fazhi.ignore", "arguments": [["configPath": .string(other), "rule": "x"]]])
        XCTAssertEqual(r?["error"]?["code"]?.int, -32602)
        XCTAssertFalse(FileManager.default.fileExists(atPath: other))
        XCTAssertEqual(c.finish(), 0)
    }

    func testUnsavedEditsOfTheConfigInTheEditorAreNotOverwritten() throws {
        let original = "{ \"ignore\": [] }\n"
        let (dir, uri) = try setUp(config: original)
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
        let configURI = URL(fileURLWithPath: dir.appendingPathComponent(".fazhi.json").path).absoluteString
        c.open(configURI, "{ \"ignore\": [], \"profile\": \"default\" }\n")
        let args = ignoreArguments(c, uri)
        let r = c.requestMessage("workspace/executeCommand", ["command": "fazhi.ignore", "arguments": args])
        XCTAssertTrue(r?["error"]?["message"]?.str?.contains("未保存") ?? false, r?.serializedString() ?? "")
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent(".fazhi.json")), Data(original.utf8))
        XCTAssertEqual(c.finish(), 0)
    }
}

final class ServerConfigProblemTests: XCTestCase {
    func testUnknownProfileIsShownNamingIt() throws {
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities, extra: ["initializationOptions": ["fazhi": ["profile": "县里的模板"]]])
        c.open("file:///tmp/fazhi-profile/r.txt", "一、主要举措和成效\n二、存在的不足和原因\n")
        let shown = c.wait("showMessage") { $0["method"]?.str == "window/showMessage" }
        let m = shown?["params"]?["message"]?.str ?? ""
        XCTAssertTrue(m.contains("报告模板“县里的模板”不存在（可用：default）"), m)
        XCTAssertEqual(c.finish(), 0)
    }

    func testAConfigOthersCouldHavePlantedIsNotUsed() throws {
        try XCTSkipUnless(geteuid() == 0, "a file owned by someone else needs root to create")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-planted-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent(".fazhi.json")
        try Data("{\"rules\": {\"missing-part\": \"off\"}}".utf8).write(to: config)
        XCTAssertEqual(chown(config.path, 65534, 65534), 0)
        XCTAssertEqual(chmod(dir.path, 0o777), 0)
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
        let uri = URL(fileURLWithPath: dir.appendingPathComponent("sub/r.txt").path).absoluteString
        c.open(uri, "一、主要举措和成效\n二、存在的不足和原因\n")
        let shown = c.wait("showMessage") { $0["method"]?.str == "window/showMessage" }
        XCTAssertTrue(shown?["params"]?["message"]?.str?.contains("未使用配置文件 \(config.path)") ?? false, shown?.serializedString() ?? "")
        let diags = c.wait("diagnostics") { $0["method"]?.str == "textDocument/publishDiagnostics" }
        XCTAssertTrue(diags?["params"]?["diagnostics"]?.arr.contains { $0["code"]?.str == "missing-part" } ?? false, "the planted file did not turn the rule off")
        XCTAssertEqual(c.finish(), 0)
    }
}
