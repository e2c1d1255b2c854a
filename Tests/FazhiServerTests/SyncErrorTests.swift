import FazhiJSON
import Foundation
import XCTest

/// Invalid incremental edits are rejected visibly: the client is told (showMessage and log), the
/// document shows one "out of sync" diagnostic instead of findings, and only a full-text change brings
/// it back. Never is a clamped edit applied silently.
final class SyncErrorTests: XCTestCase {
    let uri = "file:///tmp/fazhi-sync/report.txt"
    // Two part headings: the document is a report, so it is checked (see ReportDetection).
    let text = "一、主要举措和成效\n全年召开会议4次,形成纪要。\n😀结尾\n二、存在的不足和原因\n"

    func change(_ c: LSPTestClient, version: Int, _ changes: [JSON]) {
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": .array(changes)])
    }

    func publishedCodes(_ c: LSPTestClient, version: Int) -> [String]? {
        let p = c.wait("diagnostics of version \(version)") {
            $0["method"]?.str == "textDocument/publishDiagnostics" && $0["params"]?["version"]?.int == version
        }
        return p?["params"]?["diagnostics"]?.arr.compactMap { $0["code"]?.str }
    }

    func testEachKindOfInvalidRangeMakesTheDocumentStaleUntilAFullChange() throws {
        let invalid: [(String, JSON)] = [
            ("negative line", ["range": ["start": ["line": -1, "character": 0], "end": pos(0, 0)], "text": "x"]),
            ("negative character", ["range": ["start": ["line": 0, "character": -3], "end": pos(0, 0)], "text": "x"]),
            ("start after end", ["range": rng(1, 5, 1, 2), "text": "x"]),
            ("line past the end", ["range": rng(9, 0, 9, 0), "text": "x"]),
            ("inside a surrogate pair", ["range": rng(2, 1, 2, 1), "text": "x"]),
            ("not a number", ["range": ["start": ["line": "1", "character": 0], "end": pos(1, 0)], "text": "x"]),
        ]
        for (name, bad) in invalid {
            let c = try LSPTestClient()
            _ = c.initialize(richCapabilities)
            c.open(uri, text)
            XCTAssertTrue(publishedCodes(c, version: 1)?.contains("halfwidth-punctuation") ?? false, name)
            // A valid edit, then the invalid one, then another edit that must not be applied either.
            change(c, version: 2, [["range": rng(0, 0, 0, 0), "text": "甲"], bad, ["range": rng(0, 0, 0, 0), "text": "乙"]])
            let shown = c.wait("showMessage for \(name)") { $0["method"]?.str == "window/showMessage" }
            XCTAssertEqual(shown?["params"]?["type"]?.int, 1, name)
            XCTAssertTrue(shown?["params"]?["message"]?.str?.contains("请关闭并重新打开") ?? false, "\(name): \(shown?.serializedString() ?? "")")
            XCTAssertEqual(publishedCodes(c, version: 2), ["out-of-sync"], name)
            let state = c.request("fazhi/documentText", doc(uri))
            XCTAssertEqual(state["text"]?.str, "甲" + text, "\(name): the edit before the bad one applies, nothing after it")
            XCTAssertNotNil(state["stale"]?.str, name)
            // Features do not answer from text that may be wrong.
            var p = doc(uri).objectValue!
            p["position"] = pos(1, 2)
            XCTAssertEqual(c.request("textDocument/hover", .object(p)), .null, name)
            // More incremental edits are ignored (and not reported again).
            change(c, version: 3, [["range": rng(0, 0, 0, 0), "text": "丙"]])
            XCTAssertEqual(publishedCodes(c, version: 3), ["out-of-sync"], name)
            XCTAssertEqual(c.request("fazhi/documentText", doc(uri))["text"]?.str, "甲" + text, name)
            // A full-text change brings the document back.
            change(c, version: 4, [["text": .string(text)]])
            let back = publishedCodes(c, version: 4) ?? []
            XCTAssertFalse(back.contains("out-of-sync"), name)
            XCTAssertTrue(back.contains("halfwidth-punctuation"), name)
            XCTAssertNil(c.request("fazhi/documentText", doc(uri))["stale"], name)
            XCTAssertEqual(c.notifications("window/showMessage").count, 0, "\(name): told once")
            XCTAssertEqual(c.finish(), 0)
        }
    }

    func testPullClientsGetTheOutOfSyncDiagnosticAndReopenRestores() throws {
        let c = try LSPTestClient()
        _ = c.initialize(["textDocument": ["diagnostic": [:]]])
        c.open(uri, text)
        change(c, version: 2, [["range": rng(7, 0, 7, 1), "text": "x"]])
        let items = c.request("textDocument/diagnostic", doc(uri))["items"]?.arr ?? []
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items.first?["code"]?.str, "out-of-sync")
        XCTAssertEqual(items.first?["severity"]?.int, 1)
        c.notify("textDocument/didClose", doc(uri))
        c.open(uri, text, version: 3)
        let again = c.request("textDocument/diagnostic", doc(uri))["items"]?.arr ?? []
        XCTAssertTrue(again.contains { $0["code"]?.str == "halfwidth-punctuation" }, "\(again)")
        XCTAssertFalse(again.contains { $0["code"]?.str == "out-of-sync" })
        XCTAssertEqual(c.finish(), 0)
    }

    func testCharacterPastTheEndOfALineIsTheEndOfTheLineAsLSPSays() throws {
        let c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
        c.open(uri, text)
        change(c, version: 2, [["range": rng(0, 500, 0, 900), "text": "。"]])
        let state = c.request("fazhi/documentText", doc(uri))
        XCTAssertEqual(state["text"]?.str, "一、主要举措和成效。\n全年召开会议4次,形成纪要。\n😀结尾\n二、存在的不足和原因\n")
        XCTAssertNil(state["stale"])
        XCTAssertEqual(c.finish(), 0)
    }
}
