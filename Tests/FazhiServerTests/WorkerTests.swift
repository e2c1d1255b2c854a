import FazhiJSON
import Foundation
import XCTest

/// Large documents are linted off the request path. These tests assert order and behaviour — which
/// message arrives before which, what is never published — never how long anything takes.
final class WorkerTests: XCTestCase {
    /// The sample report repeated to at least `bytes` bytes (a long report with findings everywhere).
    func bigReport(_ bytes: Int) -> String {
        let copies = bytes / sampleReport.utf8.count + 1
        return String(repeating: sampleReport + "\n", count: copies)
    }

    func isDiagnostics(_ m: JSON, _ uri: String, version: Int? = nil) -> Bool {
        m["method"]?.str == "textDocument/publishDiagnostics" && m["params"]?["uri"]?.str == uri
            && (version == nil || m["params"]?["version"]?.int == version)
    }

    func change(_ c: LSPTestClient, _ uri: String, _ version: Int, at line: Int = 9) {
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(version)],
                                           "contentChanges": [["range": rng(line, 2, line, 2), "text": "严格"]]])
    }

    /// With a 16 MB document open and being linted, 2,000 hovers on a small document are all answered
    /// before the large document's diagnostics; closing the input then ends the server without waiting
    /// for the lint of the large document's next version (which is never published).
    func testSmallDocumentIsAnsweredWhileALargeOneIsLintedAndEndOfInputStopsTheServer() throws {
        let c = try LSPTestClient(timeout: 120)
        _ = c.initialize(richCapabilities)
        let big = "file:///tmp/fazhi-worker/big.txt", small = "file:///tmp/fazhi-worker/small.txt"
        c.open(big, bigReport(16 << 20))
        c.open(small, sampleReport)
        var ids: [Int] = []
        for i in 0..<2000 {
            ids.append(c.sendRequest("textDocument/hover", ["textDocument": ["uri": .string(small)], "position": pos(8, 2 + i % 20)]))
        }
        for id in ids {
            let r = c.wait("hover \(id)") { $0["id"] == .int(id) && $0["method"] == nil }
            XCTAssertNotNil(r)
            XCTAssertNil(r?["error"], "hover \(id)")
        }
        let log = c.arrivalLog
        let lastHover = try XCTUnwrap(log.lastIndex(of: "response \(ids.last!)"))
        let bigDiagnostics = log.firstIndex { $0.hasPrefix("textDocument/publishDiagnostics \(big) ") }
        XCTAssertTrue(bigDiagnostics == nil || bigDiagnostics! > lastHover, "the large document's diagnostics came before a hover answer")
        // The small document's diagnostics come before the large one's, too.
        _ = c.wait("diagnostics of the small document") { self.isDiagnostics($0, small, version: 1) }
        let log2 = c.arrivalLog
        let smallDiagnostics = try XCTUnwrap(log2.firstIndex(of: "textDocument/publishDiagnostics \(small) 1"))
        let bigDiagnostics2 = log2.firstIndex { $0.hasPrefix("textDocument/publishDiagnostics \(big) ") }
        XCTAssertTrue(bigDiagnostics2 == nil || bigDiagnostics2! > smallDiagnostics)

        // A new version of the large document starts a new lint; end of input stops the server at once.
        change(c, big, 2)
        try c.stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while c.process.isRunning && Date() < deadline { usleep(10_000) }
        XCTAssertFalse(c.process.isRunning, "the server kept running after end of input")
        if c.process.isRunning { c.process.terminate() }
        XCTAssertEqual(c.process.terminationStatus, 1)  // no shutdown before the end of input
        XCTAssertFalse(c.arrivalLog.contains("textDocument/publishDiagnostics \(big) 2"))
    }

    /// A lint of an older version of a large document is cancelled and never published; a burst of edits
    /// ends in one publication, of the latest version.
    func testStaleLintIsCancelledAndNeverPublished() throws {
        let c = try LSPTestClient(timeout: 120)
        _ = c.initialize(richCapabilities)
        let uri = "file:///tmp/fazhi-worker/stale.txt"
        c.open(uri, bigReport(4 << 20))
        // Once the lint of version 1 has started on a worker, edit: versions 2…20 in one burst.
        _ = c.wait("lint of version 1 started") { $0["method"]?.str == "window/logMessage" && $0["params"]?["message"]?.str?.contains("开始在后台检查 \(uri)（版本 1") == true }
        for v in 2...20 { change(c, uri, v) }
        let last = c.wait("diagnostics of version 20") { self.isDiagnostics($0, uri, version: 20) }
        XCTAssertFalse(last?["params"]?["diagnostics"]?.arr.isEmpty ?? true)
        let published = c.arrivalLog.filter { $0.hasPrefix("textDocument/publishDiagnostics \(uri) ") }
        XCTAssertEqual(published, ["textDocument/publishDiagnostics \(uri) 20"])
        // The lint of version 1 was stopped (the server says so in its log).
        let logs = c.notifications("window/logMessage").compactMap { $0["params"]?["message"]?.str }
        XCTAssertTrue(logs.contains { $0.contains("已取消过时的检查：\(uri)（版本 1）") }, "\(logs)")
        XCTAssertEqual(c.finish(), 0)
    }

    /// A request on a large document whose lint is running is answered when the lint is done — after the
    /// diagnostics, with the analysis of the current text — and other requests are answered meanwhile.
    func testRequestOnALargeDocumentWaitsForItsLint() throws {
        let c = try LSPTestClient(timeout: 120)
        _ = c.initialize(richCapabilities)
        let big = "file:///tmp/fazhi-worker/symbols.txt", small = "file:///tmp/fazhi-worker/other.txt"
        c.open(big, bigReport(2 << 20))
        c.open(small, sampleReport)
        let symbols = c.sendRequest("textDocument/documentSymbol", doc(big))
        let other = c.sendRequest("textDocument/documentSymbol", doc(small))
        let o = c.wait("symbols of the small document") { $0["id"] == .int(other) && $0["method"] == nil }
        XCTAssertFalse(o?["result"]?.arr.isEmpty ?? true)
        let s = c.wait("symbols of the large document") { $0["id"] == .int(symbols) && $0["method"] == nil }
        XCTAssertFalse(s?["result"]?.arr.isEmpty ?? true)
        let log = c.arrivalLog
        let answer = try XCTUnwrap(log.firstIndex(of: "response \(symbols)"))
        let diagnostics = try XCTUnwrap(log.firstIndex(of: "textDocument/publishDiagnostics \(big) 1"))
        XCTAssertLessThan(diagnostics, answer)
        XCTAssertLessThan(try XCTUnwrap(log.firstIndex(of: "response \(other)")), answer)
        XCTAssertEqual(c.finish(), 0)
    }

    /// A `fazhi` copied away from its knowledge folder checks nothing: the editor is told once, and each
    /// document shows one error saying why instead of findings that would be wrong.
    func testWithoutItsKnowledgeTheServerChecksNothingAndSaysWhy() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-no-knowledge-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let exe = dir.appendingPathComponent("fazhi")
        try FileManager.default.copyItem(at: fazhiExecutable(), to: exe)
        let c = try LSPTestClient(executable: exe, resources: dir.appendingPathComponent("missing").path)
        _ = c.initialize(richCapabilities)
        let shown = c.wait("the editor told") { $0["method"]?.str == "window/showMessage" }
        XCTAssertEqual(shown?["params"]?["type"], .int(1))
        XCTAssertTrue(shown?["params"]?["message"]?.str?.contains("找不到知识库") ?? false, "\(String(describing: shown))")
        let uri = "file:///tmp/fazhi-worker/no-knowledge.txt"
        c.open(uri, "关于2024年度法治政府建设情况的报告\n\n一、主要举措\n")
        let d = c.wait("diagnostics of version 1") { self.isDiagnostics($0, uri, version: 1) }
        let items = d?["params"]?["diagnostics"]?.arr ?? []
        XCTAssertEqual(items.count, 1, "\(items)")
        XCTAssertEqual(items.first?["code"]?.str, "no-knowledge")
        XCTAssertEqual(items.first?["severity"], .int(1))
        XCTAssertEqual(c.finish(), 0)
    }

    /// A document edited past the size limit (64 MiB, as for files on the command line) is kept in sync
    /// but not checked: one diagnostic says so; cut back below the limit, it is checked again.
    func testADocumentOverTheLimitIsNotChecked() throws {
        let c = try LSPTestClient(timeout: 120)
        _ = c.initialize(richCapabilities)
        let uri = "file:///tmp/fazhi-worker/huge.txt"
        c.open(uri, "一、\n")
        _ = c.wait("diagnostics of version 1") { self.isDiagnostics($0, uri, version: 1) }
        // Two edits of 33 MB (one frame may carry at most 64 MiB).
        let chunk = String(repeating: "法治政府建设。\n", count: 33 << 20 / 22)
        for v in 2...3 {
            c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(v)],
                                               "contentChanges": [["range": rng(1, 0, 1, 0), "text": .string(chunk)]]])
        }
        let big = c.wait("diagnostics of version 3") { self.isDiagnostics($0, uri, version: 3) }
        let items = big?["params"]?["diagnostics"]?.arr ?? []
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items.first?["code"]?.str, "too-large")
        XCTAssertTrue(items.first?["message"]?.str?.contains("只检查不超过 64 MB") ?? false, "\(items)")
        // The whole text replaced by a short one: checked again (the heading without a body is reported).
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 4], "contentChanges": [["text": "一、\n二、\n"]]])
        let small = c.wait("diagnostics of version 4") { self.isDiagnostics($0, uri, version: 4) }
        XCTAssertFalse((small?["params"]?["diagnostics"]?.arr ?? []).contains { $0["code"]?.str == "too-large" })
        XCTAssertEqual(c.finish(), 0)
    }
}
