// Server → client traffic and request cancellation.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import FazhiJSON

/// Set when the client cancels a request (`$/cancelRequest`) or the server shuts down.
/// Handlers poll it in long loops: `try token.checkCancellation()`.
public final class CancellationToken: @unchecked Sendable {
    private let lock = Lock()
    private var cancelled = false

    public init() {}

    public var isCancelled: Bool { lock.withLock { cancelled } }

    public func cancel() { lock.withLock { cancelled = true } }

    /// Throws `ResponseError.requestCancelled` (-32800) once the request is cancelled.
    public func checkCancellation() throws {
        if isCancelled { throw ResponseError.requestCancelled }
    }

    /// A token that is never cancelled (for calling handlers outside the runner, e.g. in tests).
    public static var none: CancellationToken { CancellationToken() }
}

/// Thrown by `LanguageServerDelegate.handleRequest` to say "I will answer this request later with
/// `ClientConnection.reply(to:…)`" (for instance after a `workspace/configuration` round trip).
public struct ResponseDeferred: Error, Sendable {
    public init() {}
}

/// The delegate's handle on the client: notifications, requests with completion callbacks, replies.
///
/// Every method is thread-safe. Completion callbacks of `sendRequest` run on the runner's
/// processing thread, in order with the other messages, so delegate state needs no extra locking.
/// Never write to stdout yourself: use `logMessage` (shown in the client's output panel).
public final class ClientConnection: @unchecked Sendable {
    public typealias ResponseHandler = (Result<JSON, ResponseError>) -> Void

    let writer: MessageWriter
    let lock = Lock()
    var nextID = 1
    var pending: [RequestID: ResponseHandler] = [:]
    var _capabilities = ClientCapabilitiesSummary()
    /// Called when a deferred request is answered (to drop its cancellation token).
    var onReply: (@Sendable (RequestID) -> Void)?
    /// Set by the runner: queues work for the processing thread.
    var performer: (@Sendable (@escaping @Sendable () -> Void) -> Void)?
    var _currentRequest: (id: RequestID, token: CancellationToken)?

    public init(writer: MessageWriter) {
        self.writer = writer
    }

    /// What the client said it supports, read from the `initialize` params (set before the
    /// delegate's `initialize` is called).
    public internal(set) var capabilities: ClientCapabilitiesSummary {
        get { lock.withLock { _capabilities } }
        set { lock.withLock { _capabilities = newValue } }
    }

    /// Runs `work` on the runner's processing thread, in turn with the incoming messages (it may be called
    /// from any thread): how work done elsewhere — a lint on a worker thread — hands its result back to the
    /// delegate, which then needs no locking. Without a runner (a bare connection) the work is dropped.
    public func perform(_ work: @escaping @Sendable () -> Void) {
        performer?(work)
    }

    /// The request whose `handleRequest` is running (nil outside one): lets code deep inside a handler
    /// defer its answer (`ResponseDeferred`) and reply later with `reply(to:)`, checking the token first.
    public internal(set) var currentRequest: (id: RequestID, token: CancellationToken)? {
        get { lock.withLock { _currentRequest } }
        set { lock.withLock { _currentRequest = newValue } }
    }

    /// Sends a notification (`textDocument/publishDiagnostics`, `window/logMessage`, `$/progress`…).
    public func sendNotification(_ method: String, params: JSON? = nil) {
        writer.write(RPCMessage.notification(method: method, params: params).json)
    }

    /// Sends a request; `completion` runs on the processing thread when the client answers.
    /// Returns the id used (integers counting from 1).
    @discardableResult
    public func sendRequest(_ method: String, params: JSON? = nil, completion: @escaping ResponseHandler = { _ in }) -> RequestID {
        let id: RequestID = lock.withLock {
            let id = RequestID.int(nextID)
            nextID += 1
            pending[id] = completion
            return id
        }
        writer.write(RPCMessage.request(id: id, method: method, params: params).json)
        return id
    }

    /// Number of requests sent to the client and not answered yet.
    public var pendingRequestCount: Int { lock.withLock { pending.count } }

    /// Routes a client response to its completion handler. Returns false for unknown ids.
    func handleResponse(id: RequestID, result: JSON?, error: ResponseError?) -> Bool {
        guard let handler = lock.withLock({ pending.removeValue(forKey: id) }) else { return false }
        if let error {
            handler(.failure(error))
        } else {
            handler(.success(result ?? .null))
        }
        return true
    }

    /// Answers a request whose handler threw `ResponseDeferred`.
    public func reply(to id: RequestID, result: JSON) {
        writer.write(RPCMessage.response(id: id, result: result, error: nil).json)
        onReply?(id)
    }

    /// Answers a request whose handler threw `ResponseDeferred` with an error.
    public func reply(to id: RequestID, error: ResponseError) {
        writer.write(RPCMessage.response(id: id, result: nil, error: error).json)
        onReply?(id)
    }

    // MARK: Conveniences

    /// `window/logMessage`.
    public func logMessage(_ message: String, type: LSP.MessageType = .log) {
        sendNotification("window/logMessage", params: ["type": .int(type.rawValue), "message": .string(message)])
    }

    /// `window/showMessage`.
    public func showMessage(_ message: String, type: LSP.MessageType = .info) {
        sendNotification("window/showMessage", params: ["type": .int(type.rawValue), "message": .string(message)])
    }

    /// `textDocument/publishDiagnostics`; `diagnostics` are LSP Diagnostic objects (see `LSP.Diagnostic`).
    /// Sends a notification whose `params` are already serialized JSON (for large, hot payloads such as
    /// diagnostics, where building a `JSON` value first would double the work).
    public func sendNotification(_ method: String, serializedParams params: [UInt8]) {
        var head: [UInt8] = []
        head.reserveCapacity(method.utf8.count + 48)
        head.append(contentsOf: #"{"jsonrpc":"2.0","method":"#.utf8)
        JSONWriter.writeString(method, into: &head)
        head.append(contentsOf: #","params":"#.utf8)
        writer.write(bodyParts: [head, params, [0x7D]])
    }

    public func publishDiagnostics(uri: String, version: Int?, diagnostics: [JSON]) {
        var p: JSONObject = ["uri": .string(uri)]
        if let version { p["version"] = .int(version) }
        p["diagnostics"] = .array(diagnostics)
        sendNotification("textDocument/publishDiagnostics", params: .object(p))
    }

    /// `workspace/configuration` for the given sections; the completion gets one JSON per item.
    public func requestConfiguration(sections: [String], scopeURI: String? = nil,
                                     completion: @escaping (Result<[JSON], ResponseError>) -> Void) {
        let items: [JSON] = sections.map { s in
            var o: JSONObject = ["section": .string(s)]
            if let scopeURI { o["scopeUri"] = .string(scopeURI) }
            return .object(o)
        }
        sendRequest("workspace/configuration", params: ["items": .array(items)]) { r in
            completion(r.map { $0.arrayValue ?? [] })
        }
    }

    /// `workspace/diagnostic/refresh` (only if `capabilities.diagnosticRefreshSupport`).
    public func refreshDiagnostics() {
        sendRequest("workspace/diagnostic/refresh", params: nil)
    }

    /// `client/registerCapability` for one registration.
    public func registerCapability(id: String, method: String, registerOptions: JSON? = nil,
                                   completion: @escaping ResponseHandler = { _ in }) {
        var r: JSONObject = ["id": .string(id), "method": .string(method)]
        if let registerOptions { r["registerOptions"] = registerOptions }
        sendRequest("client/registerCapability", params: ["registrations": [.object(r)]], completion: completion)
    }
}
