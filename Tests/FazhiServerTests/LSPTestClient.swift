// A small LSP client for the tests: spawns the built `fazhi lsp`, speaks Content-Length framed
// JSON-RPC over its stdin/stdout, and waits for answers with timeouts so that a hang fails.
import FazhiJSON
import Foundation
import XCTest

/// The built `fazhi` executable (next to the test bundle).
func fazhiExecutable() -> URL {
    let candidates = [
        Bundle(for: LSPTestClient.self).bundleURL.deletingLastPathComponent(),
        URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent(),
    ]
    for dir in candidates {
        let u = dir.appendingPathComponent("fazhi")
        if FileManager.default.isExecutableFile(atPath: u.path) { return u }
    }
    return candidates[0].appendingPathComponent("fazhi")
}

/// A resource folder with the shipped profiles and a small, fixed knowledge base for the tests.
let testResources: URL = {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-server-tests-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let bundle = fazhiExecutable().deletingLastPathComponent().appendingPathComponent("Fazhi_FazhiKnowledge.resources")
    // The shipped profiles and the vocabularies of citations and figures (how reports are written, not a
    // knowledge base under test).
    for name in ["profiles.json", "citations.json", "figures.json"] {
        for sub in ["Resources/\(name)", name] {
            let src = bundle.appendingPathComponent(sub)
            if let d = FileManager.default.contents(atPath: src.path) {
                try? d.write(to: dir.appendingPathComponent(name))
                break
            }
        }
    }
    let laws = """
    {"version": 1, "laws": [
      {"id": "xingzheng-chufa-fa", "name": "中华人民共和国行政处罚法", "short": ["行政处罚法"], "kind": "法律",
       "issuer": "全国人民代表大会常务委员会", "adopted": "1996-03-17", "amended": ["2009-08-27", "2017-09-01", "2021-01-22"],
       "effective": "2021-07-15", "status": "现行有效", "note": "规定行政处罚的设定和实施。"},
      {"id": "xingzheng-fuyi-fa", "name": "中华人民共和国行政复议法", "short": ["行政复议法"], "kind": "法律",
       "issuer": "全国人民代表大会常务委员会", "adopted": "1999-04-29", "status": "现行有效", "citedRank": 1},
      {"id": "xingzheng-old", "name": "行政测试旧办法", "kind": "部门规章", "issuer": "测试部", "adopted": "2001-01-01",
       "status": "已废止", "repealed": "2020-01-01"},
      {"id": "xingzheng-future", "name": "行政测试新条例", "kind": "行政法规", "issuer": "国务院", "adopted": "2030-01-01",
       "status": "现行有效"},
      {"id": "xinfang-tiaoli", "name": "信访工作条例", "short": [], "kind": "党内法规", "issuer": "中共中央、国务院",
       "adopted": "2022-01-24", "effective": "2022-05-01", "status": "现行有效"},
      {"id": "gangyao-2021", "name": "法治政府建设实施纲要（2021—2025年）", "short": [], "kind": "规范性文件", "issuer": "中共中央、国务院",
       "adopted": "2021-08", "status": "现行有效"},
      {"id": "gangyao-2015", "name": "法治政府建设实施纲要（2015—2020年）", "short": [], "kind": "规范性文件", "issuer": "中共中央、国务院",
       "adopted": "2015-12", "status": "已失效", "replacedBy": "法治政府建设实施纲要（2021—2025年）"}
    ], "misnomers": []}
    """
    let terms = """
    {"version": 1, "terms": [
      {"term": "双随机、一公开", "aliases": ["双随机一公开"], "explanation": "随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开。", "source": "国办发〔2015〕58号"}
    ]}
    """
    let phrases = """
    {"version": 1, "phrases": [
      {"label": "深入学习贯彻习近平法治思想", "text": "深入学习贯彻习近平法治思想", "contexts": ["any"]},
      {"label": "健全依法决策机制", "text": "健全依法决策机制，严格落实重大行政决策程序", "contexts": ["measures"]}
    ]}
    """
    try? Data(laws.utf8).write(to: dir.appendingPathComponent("laws.json"))
    try? Data(terms.utf8).write(to: dir.appendingPathComponent("terms.json"))
    try? Data(phrases.utf8).write(to: dir.appendingPathComponent("phrases.json"))
    return dir
}()

final class LSPTestClient: @unchecked Sendable {
    let process = Process()
    let stdin = Pipe()
    let stdout = Pipe()
    let cond = NSCondition()
    var buffer: [UInt8] = []
    var messages: [JSON] = []
    /// Every message received, in arrival order, as a short key ("response 12", "textDocument/publishDiagnostics
    /// file:///a.txt 3"): for tests about the order in which answers arrive.
    var arrivals: [String] = []
    var eof = false
    var nextID = 1000
    let timeout: TimeInterval

    /// `executable` and `resources` (the FAZHI_RESOURCES folder) default to the built `fazhi` and the
    /// package's knowledge.
    init(timeout: TimeInterval = 10, executable: URL? = nil, resources: String? = nil) throws {
        self.timeout = timeout
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = executable ?? fazhiExecutable()
        process.arguments = ["lsp", "--stdio"]
        var env = ProcessInfo.processInfo.environment
        env["FAZHI_RESOURCES"] = resources ?? testResources.path
        process.environment = env
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = ProcessInfo.processInfo.environment["FAZHI_TEST_STDERR"] == nil ? FileHandle.nullDevice : FileHandle.standardError
        stdout.fileHandleForReading.readabilityHandler = { [weak self] h in
            let d = h.availableData
            guard let self else { return }
            self.cond.lock()
            if d.isEmpty { self.eof = true; h.readabilityHandler = nil } else { self.buffer += d; self.parseFrames() }
            self.cond.broadcast()
            self.cond.unlock()
        }
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Splits complete frames off the buffer (lock held).
    private func parseFrames() {
        while true {
            guard let sep = findHeaderEnd() else { return }
            let header = String(decoding: buffer[0..<sep], as: UTF8.self)
            var length = -1
            for line in header.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
                length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? -1
            }
            guard length >= 0, buffer.count >= sep + 4 + length else { return }
            let body = Array(buffer[(sep + 4)..<(sep + 4 + length)])
            buffer.removeFirst(sep + 4 + length)
            if let j = try? JSON.parse(body) {
                messages.append(j)
                arrivals.append(LSPTestClient.arrivalKey(j))
            }
        }
    }

    static func arrivalKey(_ m: JSON) -> String {
        if let method = m["method"]?.stringValue {
            let uri = m["params"]?["uri"]?.stringValue ?? ""
            let version = m["params"]?["version"]?.intValue.map { String($0) } ?? ""
            return "\(method) \(uri) \(version)"
        }
        return "response \(m["id"]?.intValue ?? -1)"
    }

    /// A copy of `arrivals`.
    var arrivalLog: [String] {
        cond.lock()
        defer { cond.unlock() }
        return arrivals
    }

    private func findHeaderEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for i in 0...(buffer.count - 4) where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 { return i }
        return nil
    }

    func sendRaw(_ bytes: [UInt8]) {
        try? stdin.fileHandleForWriting.write(contentsOf: Data(bytes))
    }

    func send(_ message: JSON) {
        let body = message.serialized()
        sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func notify(_ method: String, _ params: JSON) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    @discardableResult
    func sendRequest(_ method: String, _ params: JSON?) -> Int {
        nextID += 1
        var o: JSONObject = ["jsonrpc": "2.0", "id": .int(nextID), "method": .string(method)]
        if let params { o["params"] = params }
        send(.object(o))
        return nextID
    }

    /// Waits for the first message matching `pred` and removes it from the inbox.
    func wait(_ what: String, file: StaticString = #filePath, line: UInt = #line, _ pred: (JSON) -> Bool) -> JSON? {
        let deadline = Date().addingTimeInterval(timeout)
        cond.lock()
        defer { cond.unlock() }
        while true {
            if let i = messages.firstIndex(where: pred) { return messages.remove(at: i) }
            if eof || !cond.wait(until: deadline) {
                if let i = messages.firstIndex(where: pred) { return messages.remove(at: i) }
                XCTFail("timed out waiting for \(what)", file: file, line: line)
                return nil
            }
        }
    }

    /// Sends a request and returns the whole response message.
    func requestMessage(_ method: String, _ params: JSON?, file: StaticString = #filePath, line: UInt = #line) -> JSON? {
        let id = sendRequest(method, params)
        return wait("response to \(method)", file: file, line: line) { $0["id"] == .int(id) && $0["method"] == nil }
    }

    /// Sends a request and returns its result (fails on an error response).
    func request(_ method: String, _ params: JSON? = nil, file: StaticString = #filePath, line: UInt = #line) -> JSON {
        guard let m = requestMessage(method, params, file: file, line: line) else { return .null }
        if let e = m["error"] { XCTFail("\(method) failed: \(e.serializedString())", file: file, line: line) }
        return m["result"] ?? .null
    }

    /// Messages received so far that are notifications of `method` (not removed).
    func notifications(_ method: String) -> [JSON] {
        cond.lock()
        defer { cond.unlock() }
        return messages.filter { $0["method"]?.stringValue == method && $0["id"] == nil }
    }

    /// Answers server→client requests (workspace/configuration, registerCapability…) with `result`.
    func answerServerRequests(_ result: (JSON) -> JSON = { _ in .null }) {
        cond.lock()
        let reqs = messages.filter { $0["method"] != nil && $0["id"] != nil }
        messages.removeAll { $0["method"] != nil && $0["id"] != nil }
        cond.unlock()
        for r in reqs { send(["jsonrpc": "2.0", "id": r["id"]!, "result": result(r)]) }
    }

    func initialize(_ capabilities: JSON = [:], extra: JSONObject = [:]) -> JSON {
        var p: JSONObject = ["processId": .null, "rootUri": .null, "capabilities": capabilities]
        for (k, v) in extra.pairs { p[k] = v }
        let r = request("initialize", .object(p))
        notify("initialized", [:])
        return r
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "plaintext", "version": .int(version), "text": .string(text)]])
    }

    /// Shuts down and exits; returns the exit code.
    @discardableResult
    func finish(shutdown: Bool = true) -> Int32 {
        if shutdown { _ = request("shutdown") }
        notify("exit", .null)
        return waitForExit()
    }

    func waitForExit() -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            XCTFail("server did not exit")
            process.terminate()
            return -1
        }
        return process.terminationStatus
    }
}

extension JSON {
    var arr: [JSON] { arrayValue ?? [] }
    var str: String? { stringValue }
    var int: Int? { intValue }
}

func pos(_ line: Int, _ ch: Int) -> JSON { ["line": .int(line), "character": .int(ch)] }
func rng(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> JSON { ["start": pos(l1, c1), "end": pos(l2, c2)] }
func doc(_ uri: String) -> JSON { ["textDocument": ["uri": .string(uri)]] }

/// Text with one span between ⟦ and ⟧ (an empty span ⟦⟧ is a caret): the text without the marks, and the
/// span as an LSP range in UTF-16 units — so a test names the place it means instead of counting characters.
func marked(_ s: String) -> (text: String, range: JSON, start: JSON) {
    var text = ""
    var line = 0, col = 0
    var start = (0, 0), end = (0, 0)
    for ch in s {
        switch ch {
        case "⟦": start = (line, col)
        case "⟧": end = (line, col)
        default:
            text.append(ch)
            if ch == "\n" { line += 1; col = 0 } else { col += String(ch).utf16.count }
        }
    }
    return (text, rng(start.0, start.1, end.0, end.1), pos(start.0, start.1))
}
