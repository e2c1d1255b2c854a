import FazhiJSON
import FazhiServer
import Foundation
import LSPKit
import XCTest

/// What editors rely on: only reports are checked (and the user is told why not), URIs and versions are
/// echoed as the client sent them, symbol kinds read naturally, and every request in the table answers
/// malformed params with InvalidParams.
final class EditorFacingTests: XCTestCase {
    var statusCaps: JSON {
        guard case .object(var o) = richCapabilities else { return richCapabilities }
        o["experimental"] = ["fazhiStatus": true]
        return .object(o)
    }

    func diagnostics(_ c: LSPTestClient, _ uri: String, version: Int) -> [JSON]? {
        c.wait("diagnostics of \(uri) v\(version)") {
            $0["method"]?.str == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.str == uri && $0["params"]?["version"]?.int == version
        }?["params"]?["diagnostics"]?.arr
    }

    func testOnlyReportsAreChecked() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-detect-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let c = try LSPTestClient()
        _ = c.initialize(statusCaps)
        // A note full of what would be findings in a report: nothing is shown, and the status says why.
        let notes = URIs(dir, "notes.txt")
        let noteText = "周会记录\n1、讨论值班安排,截止目前未定。\n2、采购办公用品××件。\n"
        c.open(notes, noteText)
        XCTAssertEqual(diagnostics(c, notes, version: 1), [])
        let status = c.wait("fazhi/status") { $0["method"]?.str == "fazhi/status" && $0["params"]?["uri"]?.str == notes }
        XCTAssertEqual(status?["params"]?["checked"], .bool(false))
        XCTAssertTrue(status?["params"]?["reason"]?.str?.contains("不作检查") ?? false)
        let logged = c.wait("log message") { $0["method"]?.str == "window/logMessage" && ($0["params"]?["message"]?.str?.contains("notes.txt") ?? false) }
        XCTAssertTrue(logged?["params"]?["message"]?.str?.contains("fazhi.checkDocument") ?? false)

        // A report draft with a title and one heading is checked.
        let draft = URIs(dir, "draft.txt")
        c.open(draft, "云溪镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n截止目前,我镇完成××项工作。\n")
        XCTAssertFalse(diagnostics(c, draft, version: 1)?.isEmpty ?? true)

        // "Check anyway" on the note.
        let r = c.request("workspace/executeCommand", ["command": "fazhi.checkDocument", "arguments": [["uri": .string(notes)]]])
        XCTAssertEqual(r["checked"], .bool(true))
        XCTAssertFalse(diagnostics(c, notes, version: 1)?.isEmpty ?? true)
        XCTAssertEqual(c.finish(), 0)

        // A `files` pattern in .fazhi.json names reports whatever they contain.
        try Data(#"{"files": ["**/*纪要*.txt"]}"#.utf8).write(to: dir.appendingPathComponent(".fazhi.json"))
        let c2 = try LSPTestClient()
        _ = c2.initialize(statusCaps)
        let minutes = URIs(dir, "sub/会议纪要.txt")
        c2.open(minutes, noteText)
        XCTAssertFalse(diagnostics(c2, minutes, version: 1)?.isEmpty ?? true)
        let st = c2.wait("fazhi/status") { $0["method"]?.str == "fazhi/status" }
        XCTAssertEqual(st?["params"]?["checked"], .bool(true))
        XCTAssertTrue(st?["params"]?["reason"]?.str?.contains("**/*纪要*.txt") ?? false)
        let other = URIs(dir, "notes2.txt")
        c2.open(other, noteText)
        XCTAssertEqual(diagnostics(c2, other, version: 1), [])
        XCTAssertEqual(c2.finish(), 0)
    }

    /// Builds a file URI with percent-encoding the way VS Code does (upper-case hex).
    func URIs(_ dir: URL, _ name: String) -> String {
        "file://" + dir.appendingPathComponent(name).path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
    }

    func testURIsAndVersionsAreEchoed() throws {
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
        let text = "云溪镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n我镇开展普法活动12余次。\n"
        // Lower-case hex, an encoded colon and a drive letter as Windows clients send them.
        for uri in ["file:///tmp/fazhi-uri/%e9%bb%84%e6%b2%b3%20%E6%8A%A5%E5%91%8A.txt", "file:///c%3A/Users/x/%E9%BB%84.txt", "file:///tmp/fazhi-uri/黄河.txt"] {
            c.open(uri, text, version: 5)
            c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 6], "contentChanges": [["range": rng(2, 0, 2, 0), "text": "　　"]]])
            let diags = diagnostics(c, uri, version: 6) ?? []
            let d = try XCTUnwrap(diags.first { $0["code"]?.str == "approximate-number" } ?? diags.first, "\(diags)")
            var p = doc(uri).objectValue!
            p["range"] = d["range"]!
            p["context"] = ["diagnostics": [d]]
            let actions = c.request("textDocument/codeAction", .object(p)).arr
            let fix = try XCTUnwrap(actions.first { $0["edit"]?["documentChanges"] != nil && !($0["title"]?.str?.hasPrefix("忽略") ?? false) })
            let id = fix["edit"]?["documentChanges"]?[0]?["textDocument"]
            XCTAssertEqual(id?["uri"]?.str, uri)
            XCTAssertEqual(id?["version"]?.int, 6)
            for rel in d["relatedInformation"]?.arr ?? [] { XCTAssertEqual(rel["location"]?["uri"]?.str, uri) }
        }
        XCTAssertEqual(c.finish(), 0)
    }

    func testLawNamesRightAfterTheOpeningMarkAreShortNames() throws {
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
        let uri = "file:///tmp/fazhi-law/r.txt"
        c.open(uri, "云溪镇人民政府关于2024年度法治政府建设情况的报告\n学习《\n")
        var p = doc(uri).objectValue!
        p["position"] = pos(1, 3)
        let items = c.request("textDocument/completion", .object(p))["items"]?.arr ?? []
        let inserted = items.compactMap { $0["textEdit"]?["newText"]?.str }
        // Typing on (行政…) keeps matching in clients that filter the open list themselves.
        XCTAssertTrue(inserted.contains("行政处罚法》"), "\(inserted)")
        XCTAssertFalse(inserted.contains { $0.hasPrefix("中华人民共和国") }, "\(inserted)")
        XCTAssertTrue(inserted.contains("信访工作条例》"), "a name without a short form is offered in full: \(inserted)")
        XCTAssertEqual(c.finish(), 0)
    }

    func testSymbolKindsReadNaturally() throws {
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
        let uri = "file:///tmp/fazhi-kinds/r.txt"
        c.open(uri, "云溪镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n（一）加强领导\n1.建立制度\n正文。\n")
        let root: JSON = c.request("textDocument/documentSymbol", doc(uri)).arr.first ?? .null
        XCTAssertEqual(root["kind"]?.int, 1)  // File: the title
        let part: JSON = root["children"]?[0] ?? .null
        XCTAssertEqual(part["kind"]?.int, 2)  // Module: 一、
        let field: JSON = part["children"]?[0] ?? .null
        XCTAssertEqual(field["kind"]?.int, 8)  // Field: （一）
        XCTAssertEqual(field["children"]?[0]?["kind"]?.int, 20)  // Key: 1.
        XCTAssertEqual(c.finish(), 0)
    }

    func testCapabilitiesComeFromTheRequestTable() throws {
        let c = try LSPTestClient()
        let pull: JSON = ["textDocument": ["diagnostic": ["dynamicRegistration": false]]]
        let caps = c.initialize(pull)["capabilities"] ?? .null
        var summary = ClientCapabilitiesSummary()
        summary.pullDiagnostics = true
        for (key, value) in FazhiLanguageServer.requests.capabilities(for: summary).pairs {
            XCTAssertEqual(caps[key], value, key)
        }
        XCTAssertEqual(caps["diagnosticProvider"]?["interFileDependencies"], .bool(false))
        XCTAssertEqual(caps["executeCommandProvider"]?["commands"], ["fazhi.ignore", "fazhi.checkDocument"])
        XCTAssertEqual(c.finish(), 0)
    }

    func testEveryRequestAnswersMalformedParamsWithInvalidParams() throws {
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
        let uri = "file:///tmp/fazhi-invalid/r.txt"
        c.open(uri, sampleReport)
        let methods = FazhiLanguageServer.requests.methods
        XCTAssertTrue(methods.contains("textDocument/hover") && methods.count >= 14, "\(methods)")
        let malformed: [JSON] = [.null, [:], ["textDocument": 1, "position": "x", "range": 3, "query": 4, "command": 5, "label": 6],
                                 .array([1, 2])]
        for m in methods {
            for p in malformed {
                let r = c.requestMessage(m, p)
                XCTAssertEqual(r?["error"]?["code"]?.int, -32602, "\(m) \(p.serializedString()) → \(r?.serializedString() ?? "nil")")
                XCTAssertFalse(r?["error"]?["message"]?.str?.isEmpty ?? true, m)
            }
        }
        XCTAssertEqual(c.finish(), 0)
    }
}
