import XCTest
import Foundation
import FazhiJSON
@testable import LSPKit

struct TestError: Error, CustomStringConvertible {
    var description: String { "boom" }
}

/// A tiny delegate that records what it sees.
final class TestDelegate: LanguageServerDelegate, @unchecked Sendable {
    let lock = NSLock()
    private var _events: [String] = []
    let entered = DispatchSemaphore(value: 0)
    let gate = DispatchSemaphore(value: 0)
    var client: ClientConnection?
    var configAnswer: JSON = .null

    var events: [String] { lock.withLock { _events } }
    func record(_ e: String) { lock.withLock { _events.append(e) } }

    func initialize(params: JSON, client: ClientConnection) throws -> JSON {
        if params["fail"] != nil { throw ResponseError.invalidParams("bad init") }
        self.client = client
        record("initialize")
        return ["capabilities": ["textDocumentSync": 2], "serverInfo": ["name": "test"]]
    }

    func initialized() { record("initialized") }

    func handleRequest(method: String, params: JSON?, id: RequestID, token: CancellationToken) throws -> JSON? {
        record("req:\(method)")
        switch method {
        case "echo": return params ?? .null
        case "block":
            entered.signal()
            gate.wait()
            return "unblocked"
        case "spin":
            entered.signal()
            while !token.isCancelled { usleep(200) }
            try token.checkCancellation()
            return "not reached"
        case "throw": throw TestError()
        case "fail": throw ResponseError.requestFailed("nope")
        case "ask":
            client?.sendRequest("workspace/configuration", params: ["items": [["section": "fazhi"]]]) { [self] r in
                switch r {
                case .success(let v): configAnswer = v
                case .failure(let e): configAnswer = .string("error \(e.code)")
                }
            }
            return "asked"
        case "answer": return configAnswer
        case "background":
            // Work on another thread hands its result back to the processing thread with `perform`.
            let c = client
            record("current:\(c?.currentRequest?.id == id)")
            let processing = pthread_self()
            Thread.detachNewThread { [self] in
                c?.perform { [self] in
                    self.record("task on processing thread: \(pthread_equal(pthread_self(), processing) != 0)")
                    c?.reply(to: id, result: "from task")
                }
            }
            throw ResponseDeferred()
        case "later":
            let c = client
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(20)) { c?.reply(to: id, result: "later done") }
            throw ResponseDeferred()
        default: return nil
        }
    }

    func handleNotification(method: String, params: JSON?) throws {
        record("n:\(method)")
        if method == "bad" { throw TestError() }
        if method == "probe" { record("probe: current request \(client?.currentRequest == nil ? "none" : "set")") }
    }

    func idle() { record("idle") }
    func shutdown() { record("shutdown") }
}

/// Runs a LanguageServerRunner on a thread, talking to it through two pipes.
final class Harness: @unchecked Sendable {
    let delegate = TestDelegate()
    let runner: LanguageServerRunner
    let inWrite: Int32
    let inRead: Int32
    let outRead: Int32
    let outWrite: Int32
    var parser = FrameParser()
    let done = DispatchSemaphore(value: 0)
    var exitCode: Int32? = nil
    var inputClosed = false

    init() {
        LanguageServerRunner.ignoreSIGPIPE()
        var a: [Int32] = [0, 0], b: [Int32] = [0, 0]
        precondition(pipe(&a) == 0 && pipe(&b) == 0)
        inRead = a[0]; inWrite = a[1]; outRead = b[0]; outWrite = b[1]
        runner = LanguageServerRunner(delegate: delegate, input: inRead, output: outWrite)
        let t = Thread { [self] in
            let code = runner.run()
            exitCode = code
            close(outWrite)
            done.signal()
        }
        t.start()
    }

    deinit {
        if !inputClosed { close(inWrite) }
        _ = done.wait(timeout: .now() + 5)
        close(outRead)
        close(inRead)
    }

    func sendRaw(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { p in
            var off = 0
            while off < p.count {
                let r = write(inWrite, p.baseAddress! + off, p.count - off)
                precondition(r > 0)
                off += r
            }
        }
    }

    func send(_ json: JSON) {
        sendRaw(frame(json.serializedString()))
    }

    func request(_ id: Int, _ method: String, _ params: JSON? = nil) {
        send(RPCMessage.request(id: .int(id), method: method, params: params).json)
    }

    func notify(_ method: String, _ params: JSON? = nil) {
        send(RPCMessage.notification(method: method, params: params).json)
    }

    func closeInput() {
        inputClosed = true
        close(inWrite)
    }

    /// The next message from the server, or nil on EOF / after 5 s.
    func receive() -> JSON? {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let e = parser.next() {
                if case .frame(let b) = e { return try? JSON.parse(b) }
                continue
            }
            var pfd = pollfd(fd: outRead, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 5000) > 0 else { return nil }
            let n = chunk.withUnsafeMutableBytes { read(outRead, $0.baseAddress, $0.count) }
            if n <= 0 { return nil }
            parser.feed(Array(chunk[0..<n]))
        }
    }

    func waitExit() -> Int32? {
        guard done.wait(timeout: .now() + 5) == .success else { return nil }
        done.signal()
        return exitCode
    }

    func initialize(_ params: JSON = ["capabilities": [:]]) -> JSON? {
        request(1000, "initialize", params)
        let r = receive()
        notify("initialized")
        return r
    }
}

func errorCode(_ j: JSON?) -> Int? { j?["error"]?["code"]?.intValue }

final class RunnerTests: XCTestCase {
    func testLifecycle() {
        let h = Harness()
        h.request(1, "echo", ["x": 1])
        XCTAssertEqual(errorCode(h.receive()), -32002)
        h.notify("textDocument/didOpen", [:])  // dropped before initialize
        let initResult = h.initialize()
        XCTAssertEqual(initResult?["id"], 1000)
        XCTAssertEqual(initResult?["result"]?["serverInfo"]?["name"], "test")
        XCTAssertEqual(initResult?["result"]?["capabilities"]?["positionEncoding"], "utf-16")
        XCTAssertEqual(initResult?["result"]?["capabilities"]?["textDocumentSync"], 2)
        h.request(2, "echo", ["y": 2])
        let r2 = h.receive()
        XCTAssertEqual(r2?["id"], 2)
        XCTAssertEqual(r2?["result"], ["y": 2])
        h.request(3, "no/such/method")
        let r3 = h.receive()
        XCTAssertEqual(r3?["id"], 3)
        XCTAssertEqual(errorCode(r3), -32601)
        h.request(4, "initialize", ["capabilities": [:]])
        XCTAssertEqual(errorCode(h.receive()), -32600)
        h.notify("$/foo", ["a": 1])
        h.notify("$/setTrace", ["value": "off"])
        h.notify("unknown/notification")
        h.request(5, "echo", ["after"])
        let r5 = h.receive()
        XCTAssertEqual(r5?["result"], ["after"])
        XCTAssertEqual(r5?["id"], 5)  // nothing was answered for the notifications
        h.request(6, "shutdown")
        let r6 = h.receive()
        XCTAssertEqual(r6?["id"], 6)
        XCTAssertEqual(r6?["result"], .null)
        h.request(7, "echo")
        XCTAssertEqual(errorCode(h.receive()), -32600)
        h.request(8, "shutdown")
        XCTAssertEqual(errorCode(h.receive()), -32600)
        h.notify("exit")
        XCTAssertEqual(h.waitExit(), 0)
        let ev = h.delegate.events
        XCTAssertFalse(ev.contains("n:textDocument/didOpen"))
        XCTAssertFalse(ev.contains { $0.hasPrefix("n:$/") })
        XCTAssertTrue(ev.contains("n:unknown/notification"))
        XCTAssertEqual(ev.filter { $0 == "shutdown" }.count, 1)
        XCTAssertEqual(ev.first, "initialize")
        XCTAssertEqual(ev.filter { $0 != "idle" }.dropFirst().first, "initialized")
    }

    func testFailedInitializeStaysUninitialized() {
        let h = Harness()
        h.request(1, "initialize", ["fail": true])
        XCTAssertEqual(errorCode(h.receive()), -32602)
        h.request(2, "echo")
        XCTAssertEqual(errorCode(h.receive()), -32002)
        XCTAssertEqual(h.initialize()?["id"], 1000)
    }

    func testExitWithoutShutdownIsOne() {
        let h = Harness()
        _ = h.initialize()
        h.notify("exit")
        XCTAssertEqual(h.waitExit(), 1)
    }

    func testExitBeforeInitializeIsOne() {
        let h = Harness()
        h.notify("exit")
        XCTAssertEqual(h.waitExit(), 1)
    }

    func testEOFEndsLoop() {
        let h = Harness()
        _ = h.initialize()
        h.closeInput()
        XCTAssertEqual(h.waitExit(), 1)
        let h2 = Harness()
        _ = h2.initialize()
        h2.request(1, "shutdown")
        _ = h2.receive()
        h2.closeInput()
        XCTAssertEqual(h2.waitExit(), 0)
    }

    func testParseErrorsAndInvalidRequestsKeepServing() {
        let h = Harness()
        h.sendRaw(frame("{bad json"))
        let r = h.receive()
        XCTAssertEqual(errorCode(r), -32700)
        XCTAssertEqual(r?["id"], .null)
        XCTAssertEqual(h.initialize()?["id"], 1000)
        h.sendRaw(Array("garbage\r\n\r\n".utf8))
        XCTAssertEqual(errorCode(h.receive()), -32700)
        h.sendRaw(frame(#"{"jsonrpc":"2.0","id":7,"method":5}"#))
        let r7 = h.receive()
        XCTAssertEqual(r7?["id"], 7)
        XCTAssertEqual(errorCode(r7), -32600)
        h.sendRaw(frame("[1,2]"))
        let rArr = h.receive()
        XCTAssertEqual(rArr?["id"], .null)
        XCTAssertEqual(errorCode(rArr), -32600)
        h.sendRaw(frame(#"{"jsonrpc":"2.0","id":99,"result":1}"#))  // response to nothing: ignored
        h.request(8, "throw")
        let r8 = h.receive()
        XCTAssertEqual(r8?["id"], 8)
        XCTAssertEqual(errorCode(r8), -32603)
        XCTAssertEqual(r8?["error"]?["message"], "boom")
        h.request(9, "fail")
        XCTAssertEqual(errorCode(h.receive()), -32803)
        h.notify("bad")  // throwing notification handler: logged to the client
        let log = h.receive()
        XCTAssertEqual(log?["method"], "window/logMessage")
        XCTAssertEqual(log?["params"]?["type"], 1)
        h.request(10, "echo", ["still here"])
        let r10 = h.receive()
        XCTAssertEqual(r10?["id"], 10)
        XCTAssertEqual(r10?["result"], ["still here"])
    }

    func testCancelQueuedRequest() {
        let h = Harness()
        _ = h.initialize()
        h.request(10, "block")
        XCTAssertEqual(h.delegate.entered.wait(timeout: .now() + 5), .success)
        h.request(11, "echo", ["queued"])
        h.notify("$/cancelRequest", ["id": 11])
        h.notify("$/cancelRequest", ["id": 12345])  // unknown: ignored
        let r11 = h.receive()
        XCTAssertEqual(r11?["id"], 11)
        XCTAssertEqual(errorCode(r11), -32800)
        h.delegate.gate.signal()
        let r10 = h.receive()
        XCTAssertEqual(r10?["id"], 10)
        XCTAssertEqual(r10?["result"], "unblocked")
        h.request(12, "echo", ["next"])
        XCTAssertEqual(h.receive()?["id"], 12)
        XCTAssertEqual(h.delegate.events.filter { $0 == "req:echo" }.count, 1)  // 11 never dispatched
    }

    func testCancelRunningRequest() {
        let h = Harness()
        _ = h.initialize()
        h.request(20, "spin")
        XCTAssertEqual(h.delegate.entered.wait(timeout: .now() + 5), .success)
        h.notify("$/cancelRequest", ["id": 20])
        let r = h.receive()
        XCTAssertEqual(r?["id"], 20)
        XCTAssertEqual(errorCode(r), -32800)
    }

    func testIdleAfterBurst() {
        let h = Harness()
        _ = h.initialize()
        h.request(30, "block")
        XCTAssertEqual(h.delegate.entered.wait(timeout: .now() + 5), .success)
        var burst: [UInt8] = []
        for v in 1...10 {
            burst += frame(RPCMessage.notification(method: "textDocument/didChange", params: ["v": .int(v)]).json.serializedString())
        }
        h.sendRaw(burst)
        let deadline = Date().addingTimeInterval(5)
        while h.runner.queuedCount < 10 && Date() < deadline { usleep(1000) }
        XCTAssertEqual(h.runner.queuedCount, 10)
        h.delegate.gate.signal()
        XCTAssertEqual(h.receive()?["id"], 30)
        // Wait until the processing thread went idle after the burst.
        func idleAfterBlock() -> Bool {
            let ev = h.delegate.events
            guard let b = ev.firstIndex(of: "req:block") else { return false }
            return ev[b...].contains("idle")
        }
        let deadline2 = Date().addingTimeInterval(5)
        while !idleAfterBlock() && Date() < deadline2 { usleep(1000) }
        let ev = h.delegate.events
        guard let b = ev.firstIndex(of: "req:block"), let i = ev[b...].firstIndex(of: "idle") else {
            return XCTFail("\(ev)")
        }
        // All ten changes were handled before the single idle() call.
        XCTAssertEqual(Array(ev[(b + 1)...i]), Array(repeating: "n:textDocument/didChange", count: 10) + ["idle"])
    }

    func testServerToClientRequestAndDeferredReply() {
        let h = Harness()
        _ = h.initialize()
        h.request(40, "ask")
        var outgoing: JSON? = nil
        var askResult: JSON? = nil
        for _ in 0..<2 {
            let m = h.receive()
            if m?["method"] != nil { outgoing = m } else { askResult = m }
        }
        XCTAssertEqual(askResult?["result"], "asked")
        XCTAssertEqual(outgoing?["method"], "workspace/configuration")
        guard let id = outgoing?["id"] else { return XCTFail("no outgoing request") }
        h.send(["jsonrpc": "2.0", "id": id, "result": [["maxLine": 80]]])
        h.request(41, "answer")
        XCTAssertEqual(h.receive()?["result"], [["maxLine": 80]])
        h.request(42, "later")
        let r42 = h.receive()
        XCTAssertEqual(r42?["id"], 42)
        XCTAssertEqual(r42?["result"], "later done")
        XCTAssertEqual(h.runner.client.pendingRequestCount, 0)
    }

    func testPositionEncodingNegotiatedInResult() {
        let h = Harness()
        let r = h.initialize(["capabilities": ["general": ["positionEncodings": ["utf-8", "utf-16"]]]])
        XCTAssertEqual(r?["result"]?["capabilities"]?["positionEncoding"], "utf-8")
        XCTAssertEqual(h.runner.client.capabilities.positionEncoding, .utf8)
    }

    func testWorkFromAnotherThreadRunsOnTheProcessingThread() {
        let h = Harness()
        _ = h.initialize()
        h.request(1, "background")
        let r = h.receive()
        XCTAssertEqual(r?["id"], 1)
        XCTAssertEqual(r?["result"], "from task")
        h.request(2, "echo", ["after"])
        XCTAssertEqual(h.receive()?["result"], ["after"])
        let events = h.delegate.events
        XCTAssertTrue(events.contains("current:true"), "\(events)")
        XCTAssertTrue(events.contains("task on processing thread: true"), "\(events)")
        // Outside a request there is no current request.
        h.notify("probe")
        h.request(3, "echo", ["last"])
        XCTAssertEqual(h.receive()?["result"], ["last"])
        XCTAssertTrue(h.delegate.events.contains("probe: current request none"), "\(h.delegate.events)")
        h.closeInput()
        XCTAssertEqual(h.waitExit(), 1)
    }
}
