import FazhiJSON
import FazhiServer
import Foundation
import XCTest

let sampleReport = """
××镇人民政府关于2024年度法治政府建设情况的报告

××县人民政府：

　　2024年，我镇深入学习贯彻习近平法治思想，现将有关情况报告如下：

一、2024年度推进法治政府建设的主要举措和成效
（一）加强组织领导
　　全年召开专题会议4次，严格执行《行政处罚法》。
（二）规范行政执法
　　全年受理信访事项120件，办结114件，办结率95%。推行双随机一公开监管。
二、存在的不足和原因
　　学习不够深入。
三、党政主要负责人履行推进法治建设第一责任人职责情况
　　镇党委书记带头述法。
四、2025年工作安排
　　继续加强法治培训。
五、其他需要报告的情况
　　无。

　　特此报告。

××镇人民政府
2025年1月10日

"""

/// A client with most features and push diagnostics.
let richCapabilities: JSON = [
    "general": ["positionEncodings": ["utf-16"]],
    "textDocument": [
        "publishDiagnostics": ["versionSupport": true],
        "documentSymbol": ["hierarchicalDocumentSymbolSupport": true],
        "hover": ["contentFormat": ["markdown", "plaintext"]],
        "completion": ["completionItem": ["snippetSupport": true, "documentationFormat": ["markdown"]]],
        "codeAction": ["codeActionLiteralSupport": ["codeActionKind": ["valueSet": ["quickfix", "source"]]], "isPreferredSupport": true],
        "semanticTokens": ["requests": ["full": true]],
    ],
    "workspace": ["workspaceEdit": ["documentChanges": true, "resourceOperations": ["create"]]],
]

final class ServerLifecycleTests: XCTestCase {
    func testInitializeNegotiatesPositionEncoding() throws {
        for (offered, expected) in [(["utf-8", "utf-16"], "utf-8"), (["utf-32"], "utf-32"), (["utf-16"], "utf-16"), ([], "utf-16"), (["utf-7", "utf-32"], "utf-32")] {
            let c = try LSPTestClient()
            let caps: JSON = offered.isEmpty ? [:] : ["general": ["positionEncodings": .array(offered.map { .string($0) })]]
            let r = c.initialize(caps)
            XCTAssertEqual(r["capabilities"]?["positionEncoding"]?.str, expected, "offered \(offered)")
            let cap = r["capabilities"] ?? .null
            XCTAssertEqual(cap["textDocumentSync"]?["change"]?.int, 2)
            XCTAssertNotNil(cap["hoverProvider"])
            XCTAssertNotNil(cap["completionProvider"]?["triggerCharacters"])
            XCTAssertNotNil(cap["semanticTokensProvider"]?["legend"])
            XCTAssertNil(cap["diagnosticProvider"], "no pull provider for a push client")
            XCTAssertEqual(c.finish(), 0)
        }
    }

    func testLifecycleErrors() throws {
        let c = try LSPTestClient()
        // Before initialize.
        let early = c.requestMessage("textDocument/hover", doc("file:///x.txt"))
        XCTAssertEqual(early?["error"]?["code"]?.int, -32002)
        _ = c.initialize([:])
        // Unknown method.
        XCTAssertEqual(c.requestMessage("fazhi/noSuchThing", [:])?["error"]?["code"]?.int, -32601)
        // Malformed JSON, then still serving.
        let junk = Array("{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": ".utf8)
        c.sendRaw(Array("Content-Length: \(junk.count)\r\n\r\n".utf8) + junk)
        let parseError = c.wait("parse error") { $0["error"]?["code"]?.int == -32700 }
        XCTAssertNotNil(parseError)
        XCTAssertEqual(c.request("workspace/symbol", ["query": ""]), .array([]))
        // Shutdown, then requests are invalid, exit 0.
        XCTAssertEqual(c.request("shutdown"), .null)
        XCTAssertEqual(c.requestMessage("workspace/symbol", ["query": ""])?["error"]?["code"]?.int, -32600)
        XCTAssertEqual(c.finish(shutdown: false), 0)

        // Exit without shutdown: 1.
        let d = try LSPTestClient()
        _ = d.initialize([:])
        XCTAssertEqual(d.finish(shutdown: false), 1)
    }

    func testChangeToUnknownDocumentIsIgnored() throws {
        let c = try LSPTestClient()
        _ = c.initialize([:])
        c.notify("textDocument/didChange", ["textDocument": ["uri": "file:///nowhere.txt", "version": 2],
                                           "contentChanges": [["range": rng(0, 0, 0, 0), "text": "x"]]])
        c.notify("textDocument/didChange", ["textDocument": 5, "contentChanges": "nonsense"])
        c.notify("textDocument/didOpen", ["textDocument": ["uri": 3]])
        let log = c.wait("log message") { $0["method"]?.str == "window/logMessage" }
        XCTAssertNotNil(log)
        c.open("file:///tmp/a.txt", "一、主要举措\n")
        XCTAssertEqual(c.request("fazhi/documentText", doc("file:///tmp/a.txt"))["text"]?.str, "一、主要举措\n")
        XCTAssertEqual(c.finish(), 0)
    }
}

final class ServerDiagnosticsTests: XCTestCase {
    func testPushDiagnosticsCarryVersion() throws {
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
        let uri = "file:///tmp/fazhi-push/report.txt"
        // A finished report (it has a closing): the absent parts are certain errors.
        c.open(uri, "××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n特此报告。\n××镇人民政府\n2025年2月20日\n", version: 7)
        let p = c.wait("publishDiagnostics v7") { $0["method"]?.str == "textDocument/publishDiagnostics" && $0["params"]?["version"]?.int == 7 }
        let diags = p?["params"]?["diagnostics"]?.arr ?? []
        let missing = diags.filter { $0["code"]?.str == "missing-part" }
        XCTAssertGreaterThanOrEqual(missing.count, 3)
        if let d = missing.first {
            XCTAssertEqual(d["source"]?.str, "fazhi")
            XCTAssertEqual(d["severity"]?.int, 1)
            XCTAssertEqual(d["codeDescription"]?["href"]?.str, "https://github.com/fazhi-lsp/fazhi/blob/main/docs/rules.md#missing-part")
            XCTAssertEqual(d["range"], marked("⟦××镇人民政府关于2024年度法治政府建设情况的报告⟧").range)
            XCTAssertNotNil(d["data"]?.str)
        }
        // A burst of changes: the latest version is published.
        for v in 8...12 {
            c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(v)],
                                               "contentChanges": [["range": rng(2, 0, 2, 0), "text": "。"]]])
        }
        let last = c.wait("publishDiagnostics v12") { $0["method"]?.str == "textDocument/publishDiagnostics" && $0["params"]?["version"]?.int == 12 }
        XCTAssertNotNil(last)
        XCTAssertEqual(c.finish(), 0)
    }

    func testPullDiagnosticsAndNoPush() throws {
        let c = try LSPTestClient()
        var caps = richCapabilities
        if case .object(var o) = caps, case .object(var td) = o["textDocument"]! {
            td["diagnostic"] = ["dynamicRegistration": false]
            o["textDocument"] = .object(td)
            caps = .object(o)
        }
        let r = c.initialize(caps)
        XCTAssertEqual(r["capabilities"]?["diagnosticProvider"]?["interFileDependencies"], .bool(false))
        XCTAssertEqual(r["capabilities"]?["diagnosticProvider"]?["workspaceDiagnostics"], .bool(false))
        let uri = "file:///tmp/fazhi-pull/report.txt"
        c.open(uri, "××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n")
        let full = c.request("textDocument/diagnostic", doc(uri))
        XCTAssertEqual(full["kind"]?.str, "full")
        XCTAssertFalse(full["items"]?.arr.isEmpty ?? true)
        let rid = full["resultId"]?.str
        XCTAssertNotNil(rid)
        var p2 = doc(uri).objectValue!
        p2["previousResultId"] = .string(rid ?? "")
        let same = c.request("textDocument/diagnostic", .object(p2))
        XCTAssertEqual(same["kind"]?.str, "unchanged")
        XCTAssertEqual(same["resultId"]?.str, rid)
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2],
                                           "contentChanges": [["range": rng(2, 0, 2, 0), "text": "二、存在的不足和原因\n"]]])
        let changed = c.request("textDocument/diagnostic", .object(p2))
        XCTAssertEqual(changed["kind"]?.str, "full")
        XCTAssertNotEqual(changed["resultId"]?.str, rid)
        func missing(_ r: JSON) -> Int { (r["items"]?.arr ?? []).filter { $0["code"]?.str == "missing-part" }.count }
        XCTAssertEqual(missing(changed), missing(full) - 1)
        _ = c.request("workspace/symbol", ["query": ""])  // barrier
        XCTAssertTrue(c.notifications("textDocument/publishDiagnostics").isEmpty, "a pull client gets no push")
        XCTAssertEqual(c.finish(), 0)
    }

    func testIncrementalEditsWithCRLFAndAstralCharacters() throws {
        for enc in ["utf-16", "utf-32", "utf-8"] {
            let c = try LSPTestClient()
            _ = c.initialize(["general": ["positionEncodings": [.string(enc)]],
                              "textDocument": ["documentSymbol": ["hierarchicalDocumentSymbolSupport": true]]])
            let uri = "file:///tmp/fazhi-crlf/report.txt"
            let text = "😀前言\r\n一、主要举措和成效😀\r\n正文𠀀。\r\n"
            c.open(uri, text)
            func units(_ s: String) -> Int {
                enc == "utf-16" ? s.utf16.count : enc == "utf-32" ? s.unicodeScalars.count : s.utf8.count
            }
            // Insert 𠀀 after the emoji on line 0 and replace 正文 on line 2.
            c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2], "contentChanges": [
                ["range": rng(0, units("😀"), 0, units("😀")), "text": "𠀀"],
                ["range": rng(2, 0, 2, units("正文")), "text": "内容😀\r\n更多"],
            ]])
            let expected = "😀𠀀前言\r\n一、主要举措和成效😀\r\n内容😀\r\n更多𠀀。\r\n"
            XCTAssertEqual(c.request("fazhi/documentText", doc(uri))["text"]?.str, expected, enc)
            let symbols = c.request("textDocument/documentSymbol", doc(uri)).arr
            let heading = symbols.first { $0["name"]?.str == "一、主要举措和成效😀" }
            XCTAssertNotNil(heading, "\(symbols)")
            XCTAssertEqual(heading?["selectionRange"], rng(1, units("一、"), 1, units("一、主要举措和成效😀")), enc)
            XCTAssertEqual(heading?["range"]?["start"], pos(1, 0))
            // A character past the end of a line means the end of the line (LSP); the last line after the
            // final line break is the end of the text. (Invalid ranges: SyncErrorTests.)
            c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 3], "contentChanges": [
                ["range": rng(3, 999, 3, 999), "text": "！"],
                ["range": rng(4, 0, 4, 0), "text": "尾"],
            ]])
            XCTAssertEqual(c.request("fazhi/documentText", doc(uri))["text"]?.str, "😀𠀀前言\r\n一、主要举措和成效😀\r\n内容😀\r\n更多𠀀。！\r\n尾", enc)
            XCTAssertEqual(c.finish(), 0)
        }
    }
}

final class ServerConfigurationTests: XCTestCase {
    func testEditorSettingsAndConfigFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-config-\(getpid())-\(Int.random(in: 0..<1_000_000))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let uri = URL(fileURLWithPath: dir.appendingPathComponent("report.txt").path).absoluteString
        let c = try LSPTestClient()
        _ = c.initialize(["workspace": ["configuration": true, "didChangeWatchedFiles": ["dynamicRegistration": true]],
                          "textDocument": ["publishDiagnostics": ["versionSupport": true]]])
        // The server asks for the `fazhi` section and registers a watcher for .fazhi.json.
        let cfgReq = c.wait("workspace/configuration") { $0["method"]?.str == "workspace/configuration" }
        XCTAssertEqual(cfgReq?["params"]?["items"]?[0]?["section"]?.str, "fazhi")
        let reg = c.wait("registerCapability") { $0["method"]?.str == "client/registerCapability" }
        XCTAssertEqual(reg?["params"]?["registrations"]?[0]?["registerOptions"]?["watchers"]?[0]?["globPattern"]?.str, "**/.fazhi.json")
        c.send(["jsonrpc": "2.0", "id": reg!["id"]!, "result": .null])
        c.send(["jsonrpc": "2.0", "id": cfgReq!["id"]!, "result": [["rules": ["missing-part": "off"]]]])
        c.open(uri, "××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开会议4次。\n")
        let first = c.wait("diagnostics v1") { $0["method"]?.str == "textDocument/publishDiagnostics" }
        XCTAssertFalse((first?["params"]?["diagnostics"]?.arr ?? []).contains { $0["code"]?.str == "missing-part" })

        // Settings change: missing-part back on.
        c.notify("workspace/didChangeConfiguration", ["settings": .null])
        let again = c.wait("workspace/configuration again") { $0["method"]?.str == "workspace/configuration" }
        c.send(["jsonrpc": "2.0", "id": again!["id"]!, "result": [.null]])
        let second = c.wait("diagnostics with missing-part") {
            $0["method"]?.str == "textDocument/publishDiagnostics" && ($0["params"]?["diagnostics"]?.arr ?? []).contains { $0["code"]?.str == "missing-part" }
        }
        XCTAssertNotNil(second)

        // A .fazhi.json next to the report, announced as a watched-file change.
        try Data("{\"rules\": {\"missing-part\": \"hint\"}}".utf8).write(to: dir.appendingPathComponent(".fazhi.json"))
        c.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(URL(fileURLWithPath: dir.appendingPathComponent(".fazhi.json").path).absoluteString), "type": 1]]])
        let third = c.wait("diagnostics with hint severity") {
            $0["method"]?.str == "textDocument/publishDiagnostics" && ($0["params"]?["diagnostics"]?.arr ?? []).contains { $0["code"]?.str == "missing-part" && $0["severity"]?.int == 4 }
        }
        XCTAssertNotNil(third)

        // "忽略此处" through the command: findings with that text disappear at once.
        var p = doc(uri).objectValue!
        p["range"] = rng(0, 0, 0, 0)
        p["context"] = ["diagnostics": []]
        let actions = c.request("textDocument/codeAction", .object(p)).arr
        let ignore = actions.first { ($0["title"]?.str ?? "").hasPrefix("忽略此处") && ($0["title"]?.str ?? "").contains("missing-part") }
        XCTAssertEqual(ignore?["command"]?["arguments"]?[0]?["configPath"]?.str, dir.appendingPathComponent(".fazhi.json").path)
        XCTAssertNil(ignore?["edit"], "the server writes the file; no WorkspaceEdit")
        _ = c.request("workspace/executeCommand", ["command": "fazhi.ignore", "arguments": ignore?["command"]?["arguments"] ?? .array([])])
        // Only the ignore member was added; the rest of the file is byte for byte what it was.
        let written = String(decoding: try Data(contentsOf: dir.appendingPathComponent(".fazhi.json")), as: UTF8.self)
        XCTAssertTrue(written.hasPrefix("{\"rules\": {\"missing-part\": \"hint\"}, \"ignore\": [{ \"rule\": \"missing-part\", \"text\": "), written)
        XCTAssertTrue(written.hasSuffix("\" }]}"), written)
        let fourth = c.wait("diagnostics without missing-part") {
            $0["method"]?.str == "textDocument/publishDiagnostics" && !($0["params"]?["diagnostics"]?.arr ?? []).contains { $0["code"]?.str == "missing-part" }
        }
        XCTAssertNotNil(fourth)
        XCTAssertEqual(c.finish(), 0)
    }

    func testPullClientIsAskedToRefreshAfterConfigurationChange() throws {
        let c = try LSPTestClient()
        _ = c.initialize(["textDocument": ["diagnostic": [:]], "workspace": ["diagnostics": ["refreshSupport": true]]])
        c.open("file:///tmp/fazhi-refresh/r.txt", "一、主要举措和成效\n")
        c.notify("workspace/didChangeConfiguration", ["settings": ["fazhi": ["rules": ["missing-part": "off"]]]])
        let refresh = c.wait("refresh") { $0["method"]?.str == "workspace/diagnostic/refresh" }
        XCTAssertNotNil(refresh)
        c.send(["jsonrpc": "2.0", "id": refresh?["id"] ?? 0, "result": .null])
        let r = c.request("textDocument/diagnostic", doc("file:///tmp/fazhi-refresh/r.txt"))
        XCTAssertFalse((r["items"]?.arr ?? []).contains { $0["code"]?.str == "missing-part" })
        XCTAssertTrue(c.notifications("textDocument/publishDiagnostics").isEmpty)
        XCTAssertEqual(c.finish(), 0)
    }

    /// Each version of a 50 KB report gets its own diagnostics (speed is measured by `fazhi bench` and
    /// Scripts/bench.sh, never asserted here).
    func testDiagnosticsFollowEveryVersionOfALargeReport() throws {
        let c = try LSPTestClient()
        _ = c.initialize(["textDocument": ["publishDiagnostics": ["versionSupport": true]]])
        var text = sampleReport
        while text.utf8.count < 50_000 {
            text = text.replacingOccurrences(of: "二、存在的不足和原因", with: "（三）其它工作\n　　全年受理信访事项120件，办结114件，办结率95%，严格执行《行政处罚法》。一是健全机制；二是规范程序。\n二、存在的不足和原因")
        }
        let uri = "file:///tmp/fazhi-big/report.txt"
        c.open(uri, text)
        _ = c.wait("first diagnostics") { $0["method"]?.str == "textDocument/publishDiagnostics" }
        for v in 2...6 {
            c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(v)],
                                               "contentChanges": [["range": rng(8, 2, 8, 2), "text": "严格"]]])
            let d = c.wait("diagnostics v\(v)") { $0["method"]?.str == "textDocument/publishDiagnostics" && $0["params"]?["version"]?.int == v }
            XCTAssertFalse((d?["params"]?["diagnostics"]?.arr ?? []).isEmpty)
        }
        XCTAssertEqual(c.finish(), 0)
    }
}

final class ServerRobustnessTests: XCTestCase {
    func testOddParamsNeverCrash() throws {
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
        let uri = "file:///tmp/fazhi-odd/r.txt"
        c.open(uri, sampleReport)
        // Every request the server answers, from its request table.
        let methods = FazhiLanguageServer.requests.methods
        let odd: [JSON] = [
            [:], ["textDocument": 1], ["textDocument": ["uri": .string(uri)], "position": ["line": -1, "character": "x"]],
            ["textDocument": ["uri": .string(uri)], "position": pos(9999, 9999), "range": rng(50, 3, 2, 1), "positions": [pos(9999, 0), pos(0, 9999)],
             "context": ["only": 5], "query": 3, "command": "fazhi.ignore", "arguments": [1]],
            ["textDocument": ["uri": .string(uri)], "position": pos(1, 1), "range": rng(0, 0, 9999, 0), "positions": [pos(3, 1)], "context": ["diagnostics": []]],
        ]
        for m in methods {
            for p in odd {
                let r = c.requestMessage(m, p)
                XCTAssertNotNil(r, m)
                if let code = r?["error"]?["code"]?.int { XCTAssertNotEqual(code, -32603, "\(m) \(p.serializedString())") }
            }
        }
        // Every position of a line with CRLF and astral characters, in hover and completion.
        let text = "一、主要举措😀和成效\r\n𠀀《行政处罚法》办结率95%\r\n"
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2], "contentChanges": [["text": .string(text)]]])
        for line in 0...2 {
            for ch in 0...20 {
                var p = doc(uri).objectValue!
                p["position"] = pos(line, ch)
                _ = c.request("textDocument/hover", .object(p))
                _ = c.request("textDocument/completion", .object(p))
            }
        }
        XCTAssertEqual(c.request("fazhi/documentText", doc(uri))["text"]?.str, text)
        XCTAssertEqual(c.finish(), 0)
    }
}
