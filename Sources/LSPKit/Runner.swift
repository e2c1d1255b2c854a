// The generic server loop: reader thread, processing thread, and the LSP 3.17 lifecycle.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import FazhiJSON

/// What a language server implements. All methods are called on the runner's single processing
/// thread, one at a time, in the order the messages arrived, so implementations need no locking.
///
/// The runner owns the lifecycle (`initialize`/`initialized`/`shutdown`/`exit`, -32002 before
/// initialization, -32600 after shutdown, `$/cancelRequest`, -32601 for unknown requests); the
/// delegate only ever sees requests and notifications of a running server.
///
/// ```swift
/// final class MyServer: LanguageServerDelegate {
///     var client: ClientConnection!
///     var dirty: Set<String> = []
///     func initialize(params: JSON, client: ClientConnection) throws -> JSON {
///         self.client = client   // client.capabilities.positionEncoding etc. are ready
///         return ["capabilities": ["textDocumentSync": 2, "hoverProvider": true],
///                 "serverInfo": ["name": "my-server"]]
///     }
///     func handleRequest(method: String, params: JSON?, id: RequestID, token: CancellationToken) throws -> JSON? {
///         switch method {
///         case "textDocument/hover":
///             guard let pos = LSP.Position(json: params?["position"]) else { throw ResponseError.invalidParams("position") }
///             try token.checkCancellation()
///             return ["contents": LSP.MarkupContent(kind: .markdown, value: "at \(pos)").json]
///         default: return nil                      // -32601
///         }
///     }
///     func handleNotification(method: String, params: JSON?) throws {
///         if method == "textDocument/didChange", let uri = params?["textDocument"]?["uri"]?.stringValue { dirty.insert(uri) }
///     }
///     func idle() {                                // once per burst
///         for uri in dirty { client.publishDiagnostics(uri: uri, version: nil, diagnostics: []) }
///         dirty.removeAll()
///     }
/// }
/// ```
public protocol LanguageServerDelegate: AnyObject {
    /// `initialize`: return the InitializeResult (`{"capabilities": {...}, "serverInfo": {...}}`).
    /// `client.capabilities` is already filled in. If the result's `capabilities` lack
    /// `positionEncoding`, the runner adds the negotiated one (`client.capabilities.positionEncoding`).
    /// Throwing a `ResponseError` answers with it and the server stays uninitialized.
    func initialize(params: JSON, client: ClientConnection) throws -> JSON

    /// The `initialized` notification (a good time for dynamic registrations or `workspace/configuration`).
    func initialized()

    /// Any request other than `initialize`/`shutdown`. Return the result (`.null` is a valid
    /// result), or `nil` if the method is unknown (answered with -32601 MethodNotFound).
    /// Throw a `ResponseError` to answer with it, `ResponseDeferred` to answer later through
    /// `ClientConnection.reply`; any other error is answered with -32603 InternalError (or -32800
    /// if the token was cancelled meanwhile). Long handlers should poll `token`.
    func handleRequest(method: String, params: JSON?, id: RequestID, token: CancellationToken) throws -> JSON?

    /// Any notification other than `initialized`, `exit` and `$/…`. Unknown ones should be ignored.
    /// A thrown error is logged to the client with `window/logMessage`.
    func handleNotification(method: String, params: JSON?) throws

    /// Called each time the incoming queue becomes empty (after initialization, before shutdown):
    /// the place to do coalesced work, e.g. publish diagnostics once after a burst of `didChange`.
    func idle()

    /// The `shutdown` request: release resources; the runner answers `null` and rejects later requests.
    func shutdown()
}

extension LanguageServerDelegate {
    public func initialized() {}
    public func handleNotification(method: String, params: JSON?) throws {}
    public func idle() {}
    public func shutdown() {}
}

/// Runs a `LanguageServerDelegate` over JSON-RPC with Content-Length framing.
///
/// ```swift
/// // main.swift of `fazhi lsp`
/// let server = FazhiLanguageServer()          // your LanguageServerDelegate
/// LanguageServerRunner.runStdio(delegate: server)   // never returns; exits 0 after shutdown+exit
/// ```
///
/// Threads: a reader thread reads and classifies frames and handles `$/cancelRequest` at once
/// (a still queued request is answered -32800 and never dispatched); the thread calling `run()`
/// processes messages in order and calls the delegate.
public final class LanguageServerRunner: @unchecked Sendable {
    /// Where the server is in the LSP lifecycle.
    public enum LifecycleState: Sendable, Equatable {
        case uninitialized
        case running
        case shutDown
    }

    enum Incoming {
        case message(RPCMessage)
        case invalid(RPCMessage.Invalid)
        case framingError(FramingError)
        case eof
        /// Work handed back by another thread (`ClientConnection.perform`), run in turn with the messages.
        case task(@Sendable () -> Void)
        /// A slot already processed (its payload released; see `pop`).
        case consumed
    }

    public let client: ClientConnection
    let delegate: LanguageServerDelegate
    let reader: MessageReader
    let writer: MessageWriter

    // Shared between the reader and processing threads, guarded by `cond`.
    let cond = NSCondition()
    var queue: [Incoming] = []
    var queueHead = 0
    var tokens: [RequestID: CancellationToken] = [:]

    // Processing thread only.
    public private(set) var state: LifecycleState = .uninitialized
    var shutdownReceived = false

    /// - Parameters:
    ///   - input: file descriptor to read framed messages from (stdin).
    ///   - output: file descriptor to write framed messages to (stdout).
    public init(delegate: LanguageServerDelegate, input: Int32 = 0, output: Int32 = 1, limits: FrameParser.Limits = .init()) {
        self.delegate = delegate
        self.reader = MessageReader(fd: input, limits: limits)
        self.writer = MessageWriter(fd: output)
        self.client = ClientConnection(writer: writer)
        client.onReply = { [weak self] id in self?.dropToken(id) }
        client.performer = { [weak self] work in self?.enqueue(.task(work)) }
    }

    /// Makes a write to a closed pipe fail with EPIPE instead of killing the process.
    public static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Serves on stdin/stdout and exits the process with the LSP exit code (0 after shutdown+exit,
    /// else 1). Ignores SIGPIPE, and moves the process's fd 1 to stderr so that a stray `print`
    /// can never corrupt the protocol stream (the protocol keeps a private duplicate of stdout).
    public static func runStdio(delegate: LanguageServerDelegate) -> Never {
        ignoreSIGPIPE()
        let protocolOut = dup(1)
        let out: Int32
        if protocolOut >= 0 {
            dup2(2, 1)
            out = protocolOut
        } else {
            out = 1
        }
        let runner = LanguageServerRunner(delegate: delegate, input: 0, output: out)
        let code = runner.run()
        exit(code)
    }

    /// Serves until `exit` or end of input and returns the exit code: 0 if `shutdown` was received
    /// before `exit` (or before end of input), else 1. Call it once.
    public func run() -> Int32 {
        let thread = Thread { [self] in self.readLoop() }
        thread.name = "lsp-reader"
        thread.stackSize = 4 << 20
        thread.start()
        return processLoop()
    }

    // MARK: Reader thread

    func readLoop() {
        while true {
            switch reader.next() {
            case .eof:
                enqueue(.eof)
                return
            case .error(let e):
                enqueue(.framingError(e))
            case .message(let json):
                let msg: RPCMessage
                do {
                    msg = try RPCMessage.classify(json)
                } catch {
                    enqueue(.invalid(error))
                    continue
                }
                switch msg {
                case .notification("$/cancelRequest", let params):
                    if let raw = params?["id"], let id = RequestID(json: raw) { cancel(id) }
                case .notification("exit", _):
                    enqueue(.message(msg))
                    return  // nothing after exit matters; stop reading
                case .request(let id, _, _):
                    cond.lock()
                    tokens[id] = CancellationToken()
                    queue.append(.message(msg))
                    cond.signal()
                    cond.unlock()
                default:
                    enqueue(.message(msg))
                }
            }
        }
    }

    func enqueue(_ item: Incoming) {
        cond.lock()
        queue.append(item)
        cond.signal()
        cond.unlock()
    }

    /// `$/cancelRequest`: a queued request is removed and answered -32800; a running one has its
    /// token cancelled; an unknown id is ignored.
    func cancel(_ id: RequestID) {
        cond.lock()
        guard let token = tokens[id] else {
            cond.unlock()
            return
        }
        token.cancel()
        var removed = false
        var i = queueHead
        while i < queue.count {
            if case .message(.request(let qid, _, _)) = queue[i], qid == id {
                queue.remove(at: i)
                removed = true
                break
            }
            i += 1
        }
        if removed { tokens[id] = nil }
        cond.unlock()
        if removed { respond(id: id, error: .requestCancelled) }
    }

    func dropToken(_ id: RequestID) {
        cond.lock()
        tokens[id] = nil
        cond.unlock()
    }

    /// Messages read but not yet processed (for tests and diagnostics).
    var queuedCount: Int {
        cond.lock()
        defer { cond.unlock() }
        return queue.count - queueHead
    }

    // MARK: Processing thread

    func pop() -> (Incoming, Bool) {
        cond.lock()
        while queueHead >= queue.count { cond.wait() }
        let item = queue[queueHead]
        // Release the payload now: processed slots stay in the array until it is compacted, and a task
        // may carry a large document's analysis.
        queue[queueHead] = .consumed
        queueHead += 1
        if queueHead >= 1024 && queueHead * 2 >= queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        let empty = queueHead >= queue.count
        cond.unlock()
        return (item, empty)
    }

    var queueIsEmpty: Bool {
        cond.lock()
        defer { cond.unlock() }
        return queueHead >= queue.count
    }

    func processLoop() -> Int32 {
        while true {
            let (item, _) = pop()
            if let code = process(item) { return code }
            if state == .running && queueIsEmpty { delegate.idle() }
        }
    }

    /// Handles one item; returns an exit code when the loop must end.
    func process(_ item: Incoming) -> Int32? {
        switch item {
        case .eof:
            return shutdownReceived ? 0 : 1
        case .task(let work):
            work()
        case .consumed:
            break
        case .framingError(let e):
            respond(id: nil, error: .parseError(e.description))
        case .invalid(let inv):
            if inv.shouldAnswer { respond(id: inv.id, error: inv.error) }
        case .message(.response(let id, let result, let error)):
            _ = client.handleResponse(id: id, result: result, error: error)  // unknown ids are ignored
        case .message(.notification(let method, let params)):
            if method == "exit" { return shutdownReceived ? 0 : 1 }
            handleNotification(method, params)
        case .message(.request(let id, let method, let params)):
            handleRequest(id, method, params)
        }
        return nil
    }

    func handleNotification(_ method: String, _ params: JSON?) {
        guard state == .running else { return }  // dropped before initialize and after shutdown
        if method.hasPrefix("$/") { return }
        if method == "initialized" {
            delegate.initialized()
            return
        }
        do {
            try delegate.handleNotification(method: method, params: params)
        } catch {
            client.logMessage("error handling \(method): \(error)", type: .error)
        }
    }

    func handleRequest(_ id: RequestID, _ method: String, _ params: JSON?) {
        let token: CancellationToken = {
            cond.lock()
            defer { cond.unlock() }
            return tokens[id] ?? CancellationToken()
        }()
        switch state {
        case .uninitialized:
            guard method == "initialize" else {
                respond(id: id, error: .serverNotInitialized)
                return
            }
            let summary = ClientCapabilitiesSummary(initializeParams: params ?? .null)
            client.capabilities = summary
            do {
                var result = try delegate.initialize(params: params ?? .object([:]), client: client)
                result = LanguageServerRunner.addPositionEncoding(summary.positionEncoding, to: result)
                state = .running
                respond(id: id, result: result)
            } catch {
                respond(id: id, error: error, token: token)
            }
        case .shutDown:
            respond(id: id, error: .invalidRequest("server is shut down; \(method) rejected"))
        case .running:
            if method == "initialize" {
                respond(id: id, error: .invalidRequest("initialize was already received"))
                return
            }
            if method == "shutdown" {
                delegate.shutdown()
                state = .shutDown
                shutdownReceived = true
                respond(id: id, result: .null)
                return
            }
            client.currentRequest = (id, token)
            defer { client.currentRequest = nil }
            do {
                if let result = try delegate.handleRequest(method: method, params: params, id: id, token: token) {
                    respond(id: id, result: result)
                } else {
                    respond(id: id, error: .methodNotFound(method))
                }
            } catch is ResponseDeferred {
                // The delegate answers later with client.reply(to:); keep the token for cancellation.
            } catch {
                respond(id: id, error: error, token: token)
            }
        }
    }

    static func addPositionEncoding(_ enc: LSP.PositionEncoding, to result: JSON) -> JSON {
        guard case .object(var r) = result else { return result }
        var caps = r["capabilities"]?.objectValue ?? JSONObject()
        if caps["positionEncoding"] == nil {
            caps["positionEncoding"] = .string(enc.rawValue)
            r["capabilities"] = .object(caps)
        }
        return .object(r)
    }

    func respond(id: RequestID, error: Error, token: CancellationToken) {
        if let e = error as? ResponseError {
            respond(id: id, error: e)
        } else if token.isCancelled {
            respond(id: id, error: .requestCancelled)
        } else {
            respond(id: id, error: .internalError("\(error)"))
        }
    }

    func respond(id: RequestID?, result: JSON? = nil, error: ResponseError? = nil) {
        if let id { dropToken(id) }
        writer.write(RPCMessage.responseJSON(id: id, result: result, error: error))
    }
}
