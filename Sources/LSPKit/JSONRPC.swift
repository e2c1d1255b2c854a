// JSON-RPC 2.0 message model: ids, errors, and classification of incoming JSON values.
import FazhiJSON

/// A JSON-RPC request id: an integer or a string.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case int(Int)
    case string(String)

    /// Reads an id from JSON; `nil` for anything but an integer or a string.
    public init?(json: JSON) {
        switch json {
        case .int(let i): self = .int(i)
        case .string(let s): self = .string(s)
        default: return nil
        }
    }

    public var json: JSON {
        switch self {
        case .int(let i): return .int(i)
        case .string(let s): return .string(s)
        }
    }

    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .string(let s): return "\"\(s)\""
        }
    }
}

/// A JSON-RPC / LSP error. Handlers throw it to answer a request with an error response.
public struct ResponseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: JSON?

    public init(code: Int, message: String, data: JSON? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    // JSON-RPC 2.0 codes.
    public static let parseErrorCode = -32700
    public static let invalidRequestCode = -32600
    public static let methodNotFoundCode = -32601
    public static let invalidParamsCode = -32602
    public static let internalErrorCode = -32603
    // LSP codes.
    public static let serverNotInitializedCode = -32002
    public static let unknownErrorCodeCode = -32001
    public static let requestFailedCode = -32803
    public static let serverCancelledCode = -32802
    public static let contentModifiedCode = -32801
    public static let requestCancelledCode = -32800

    public static func parseError(_ message: String) -> ResponseError { .init(code: parseErrorCode, message: message) }
    public static func invalidRequest(_ message: String) -> ResponseError { .init(code: invalidRequestCode, message: message) }
    public static func methodNotFound(_ method: String) -> ResponseError {
        .init(code: methodNotFoundCode, message: "method not found: \(method)")
    }
    public static func invalidParams(_ message: String) -> ResponseError { .init(code: invalidParamsCode, message: message) }
    public static func internalError(_ message: String) -> ResponseError { .init(code: internalErrorCode, message: message) }
    public static let serverNotInitialized = ResponseError(code: serverNotInitializedCode, message: "server not initialized")
    public static func unknownErrorCode(_ message: String) -> ResponseError { .init(code: unknownErrorCodeCode, message: message) }
    public static func requestFailed(_ message: String) -> ResponseError { .init(code: requestFailedCode, message: message) }
    public static func serverCancelled(_ message: String = "server cancelled the request") -> ResponseError {
        .init(code: serverCancelledCode, message: message)
    }
    public static func contentModified(_ message: String = "content modified") -> ResponseError {
        .init(code: contentModifiedCode, message: message)
    }
    public static let requestCancelled = ResponseError(code: requestCancelledCode, message: "request cancelled")

    /// `{"code":…,"message":…,"data":…}`
    public var json: JSON {
        var o: JSONObject = ["code": .int(code), "message": .string(message)]
        if let data { o["data"] = data }
        return .object(o)
    }

    public init?(json: JSON) {
        guard let code = json["code"]?.intValue else { return nil }
        self.init(code: code, message: json["message"]?.stringValue ?? "", data: json["data"])
    }

    public var description: String { "error \(code): \(message)" }
}

/// One JSON-RPC 2.0 message.
public enum RPCMessage: Equatable, Sendable {
    case request(id: RequestID, method: String, params: JSON?)
    case notification(method: String, params: JSON?)
    /// Exactly one of `result` / `error` is set (a `null` result is `.null`, not nil).
    case response(id: RequestID, result: JSON?, error: ResponseError?)

    /// The serialized JSON-RPC object.
    public var json: JSON {
        var o: JSONObject = ["jsonrpc": "2.0"]
        switch self {
        case .request(let id, let method, let params):
            o["id"] = id.json
            o["method"] = .string(method)
            if let params { o["params"] = params }
        case .notification(let method, let params):
            o["method"] = .string(method)
            if let params { o["params"] = params }
        case .response(let id, let result, let error):
            o["id"] = id.json
            if let error { o["error"] = error.json } else { o["result"] = result ?? .null }
        }
        return .object(o)
    }

    /// A response object for an id that may be unknown (`null`), as used for parse errors.
    public static func responseJSON(id: RequestID?, result: JSON?, error: ResponseError?) -> JSON {
        var o: JSONObject = ["jsonrpc": "2.0", "id": id?.json ?? .null]
        if let error { o["error"] = error.json } else { o["result"] = result ?? .null }
        return .object(o)
    }

    /// Why a JSON value is not a valid message, and the id to answer with (if one could be read).
    public struct Invalid: Error, Equatable, Sendable {
        /// The id to answer with (`nil`: answer with `"id": null`).
        public var id: RequestID?
        public var error: ResponseError
        /// False for messages that must not be answered (an error response with a null id, which is
        /// how a client reports that it could not read something we sent).
        public var shouldAnswer: Bool = true
    }

    /// Classifies a parsed JSON value.
    ///
    /// Lenient where it costs nothing (a missing or wrong `"jsonrpc"` member is accepted), strict where
    /// the meaning would be ambiguous: not an object, a non-string `method`, an id that is neither
    /// integer nor string, `params` that are neither object nor array, a response with both or neither
    /// of `result`/`error`, or no `method` and no `id`. Those throw `Invalid` (InvalidRequest -32600),
    /// carrying the id when it could be read.
    public static func classify(_ json: JSON) throws(Invalid) -> RPCMessage {
        guard case .object(let o) = json else {
            throw Invalid(id: nil, error: .invalidRequest("a JSON-RPC message must be an object"))
        }
        var id: RequestID? = nil
        let rawID = o["id"]
        if let rawID, !rawID.isNull {
            guard let parsed = RequestID(json: rawID) else {
                throw Invalid(id: nil, error: .invalidRequest("\"id\" must be an integer or a string"))
            }
            id = parsed
        }
        if let m = o["method"] {
            guard case .string(let method) = m else {
                throw Invalid(id: id, error: .invalidRequest("\"method\" must be a string"))
            }
            let params = o["params"]
            if let params {
                switch params {
                case .object, .array, .null: break
                default: throw Invalid(id: id, error: .invalidRequest("\"params\" must be an object or an array"))
                }
            }
            let p: JSON? = (params?.isNull ?? true) ? nil : params
            if let id { return .request(id: id, method: method, params: p) }
            if rawID != nil {
                // "id": null on a request is not allowed; answer with a null id.
                throw Invalid(id: nil, error: .invalidRequest("a request id must not be null"))
            }
            return .notification(method: method, params: p)
        }
        let result = o["result"]
        let errorJSON = o["error"]
        if rawID == nil {
            throw Invalid(id: nil, error: .invalidRequest("message has neither \"method\" nor \"id\""))
        }
        if result != nil && errorJSON != nil {
            throw Invalid(id: id, error: .invalidRequest("a response must not have both \"result\" and \"error\""))
        }
        if let errorJSON {
            guard let e = ResponseError(json: errorJSON) else {
                throw Invalid(id: id, error: .invalidRequest("\"error\" must be an object with an integer \"code\""))
            }
            guard let id else {
                // An error response with a null id (e.g. the client could not parse something we sent).
                throw Invalid(id: nil, error: e, shouldAnswer: false)
            }
            return .response(id: id, result: nil, error: e)
        }
        guard let result else {
            throw Invalid(id: id, error: .invalidRequest("a response needs \"result\" or \"error\""))
        }
        guard let id else { throw Invalid(id: nil, error: .invalidRequest("a response id must not be null")) }
        return .response(id: id, result: result, error: nil)
    }
}
