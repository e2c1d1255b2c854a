// One table of typed request handlers: method → params decoder → handler, plus the server capability the
// method stands for. The same table dispatches requests, builds the advertised capabilities and lists the
// methods for tests, so adding a request is one line and cannot be advertised without being handled.
import FazhiJSON

/// Request params decoded from JSON. A decoder throws `ResponseError.invalidParams` with a message saying
/// which field is missing or has the wrong type; the runner answers the request with it (-32602).
public protocol RequestParams {
    init(params: JSON) throws
}

/// One request a server handles.
public struct RequestRoute<Server: AnyObject>: Sendable {
    public let method: String
    /// The `ServerCapabilities` entry for this method (key and value), given what the client supports;
    /// nil when the method needs none or the client should not be told.
    public let capability: @Sendable (ClientCapabilitiesSummary) -> (key: String, value: JSON)?
    let run: @Sendable (Server, JSON, CancellationToken) throws -> JSON

    /// - Parameters:
    ///   - method: the LSP method, e.g. `textDocument/hover`.
    ///   - params: the type the params decode to; decoding failures answer InvalidParams.
    ///   - capability: the capability entry advertised for the method.
    ///   - handler: the typed handler.
    public init<P: RequestParams>(_ method: String, _ params: P.Type,
                                  capability: @escaping @Sendable (ClientCapabilitiesSummary) -> (key: String, value: JSON)? = { _ in nil },
                                  handler: @escaping @Sendable (Server, P, CancellationToken) throws -> JSON) {
        self.method = method
        self.capability = capability
        self.run = { server, json, token in try handler(server, try P(params: json), token) }
    }
}

/// The requests of a server, in the order they are listed.
public struct RequestTable<Server: AnyObject>: Sendable {
    public let routes: [RequestRoute<Server>]
    private let index: [String: Int]

    public init(_ routes: [RequestRoute<Server>]) {
        self.routes = routes
        var index: [String: Int] = [:]
        for (i, r) in routes.enumerated() {
            precondition(index[r.method] == nil, "request \(r.method) listed twice")
            index[r.method] = i
        }
        self.index = index
    }

    /// Every method in the table.
    public var methods: [String] { routes.map(\.method) }

    /// The capability entries of all methods for this client (a method's entry replaces an earlier one
    /// with the same key, so related methods can share one).
    public func capabilities(for client: ClientCapabilitiesSummary) -> JSONObject {
        var out = JSONObject()
        for r in routes { if let (k, v) = r.capability(client) { out[k] = v } }
        return out
    }

    /// Decodes the params and runs the handler; nil when the method is not in the table (MethodNotFound).
    public func dispatch(_ server: Server, method: String, params: JSON?, token: CancellationToken) throws -> JSON? {
        guard let i = index[method] else { return nil }
        return try routes[i].run(server, params ?? .null, token)
    }
}

/// Reading params fields with messages that say what is wrong (for `RequestParams` decoders).
public struct ParamsReader {
    public let json: JSON
    let method: String

    /// Fails unless `json` is an object.
    public init(_ json: JSON, _ what: String) throws {
        guard json.objectValue != nil else { throw ResponseError.invalidParams("\(what): params must be an object") }
        self.json = json
        self.method = what
    }

    func fail(_ field: String, _ expected: String) -> ResponseError {
        let got = json[field].map { $0.isNull ? "null" : "\($0.serializedString())" } ?? "missing"
        return .invalidParams("\(method): \(field) must be \(expected) (got \(got.prefix(80)))")
    }

    public func string(_ field: String) throws -> String {
        guard let s = json[field]?.stringValue else { throw fail(field, "a string") }
        return s
    }

    public func optionalString(_ field: String) throws -> String? {
        guard let v = json[field], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw fail(field, "a string") }
        return s
    }

    public func textDocument() throws -> LSP.TextDocumentIdentifier {
        guard let t = LSP.TextDocumentIdentifier(json: json["textDocument"]) else { throw fail("textDocument", "{uri: string}") }
        return t
    }

    public func position(_ field: String = "position") throws -> LSP.Position {
        guard let p = LSP.Position(json: json[field]) else { throw fail(field, "{line, character} (non-negative integers)") }
        return p
    }

    public func range(_ field: String = "range") throws -> LSP.Range {
        guard let r = LSP.Range(json: json[field]) else { throw fail(field, "{start, end} positions") }
        return r
    }

    public func optionalArray(_ field: String) throws -> [JSON]? {
        guard let v = json[field], !v.isNull else { return nil }
        guard let a = v.arrayValue else { throw fail(field, "an array") }
        return a
    }

    public func optionalObject(_ field: String) throws -> JSON? {
        guard let v = json[field], !v.isNull else { return nil }
        guard v.objectValue != nil else { throw fail(field, "an object") }
        return v
    }
}

// MARK: Params of the common LSP requests

extension LSP {
    /// `{textDocument}`: documentSymbol, foldingRange, semanticTokens/full, documentLink, …
    public struct TextDocumentParams: RequestParams {
        public var textDocument: TextDocumentIdentifier
        public init(params: JSON) throws {
            textDocument = try ParamsReader(params, "TextDocumentParams").textDocument()
        }
    }

    /// `{textDocument, position}`: hover, completion, …
    public struct TextDocumentPositionParams: RequestParams {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public init(params: JSON) throws {
            let r = try ParamsReader(params, "TextDocumentPositionParams")
            textDocument = try r.textDocument()
            position = try r.position()
        }
    }

    /// `textDocument/diagnostic`.
    public struct DocumentDiagnosticParams: RequestParams {
        public var textDocument: TextDocumentIdentifier
        public var previousResultId: String?
        public init(params: JSON) throws {
            let r = try ParamsReader(params, "DocumentDiagnosticParams")
            textDocument = try r.textDocument()
            previousResultId = try r.optionalString("previousResultId")
        }
    }

    /// `textDocument/codeAction`: the range and the kinds the client asks for (`context.only`).
    public struct CodeActionParams: RequestParams {
        public var textDocument: TextDocumentIdentifier
        public var range: Range
        public var only: [String]?
        public init(params: JSON) throws {
            let r = try ParamsReader(params, "CodeActionParams")
            textDocument = try r.textDocument()
            range = try r.range()
            if let ctx = try r.optionalObject("context") {
                let c = try ParamsReader(ctx, "CodeActionParams.context")
                if let list = try c.optionalArray("only") {
                    only = try list.map { k in
                        guard let s = k.stringValue else { throw ResponseError.invalidParams("CodeActionParams.context.only must hold strings") }
                        return s
                    }
                }
            }
        }
    }

    /// `textDocument/selectionRange`.
    public struct SelectionRangeParams: RequestParams {
        public var textDocument: TextDocumentIdentifier
        public var positions: [Position]
        public init(params: JSON) throws {
            let r = try ParamsReader(params, "SelectionRangeParams")
            textDocument = try r.textDocument()
            guard let list = params["positions"]?.arrayValue else { throw r.fail("positions", "an array of positions") }
            positions = try list.map { p in
                guard let pos = Position(json: p) else { throw r.fail("positions", "an array of positions") }
                return pos
            }
        }
    }

    /// `textDocument/inlayHint`.
    public struct InlayHintParams: RequestParams {
        public var textDocument: TextDocumentIdentifier
        public var range: Range
        public init(params: JSON) throws {
            let r = try ParamsReader(params, "InlayHintParams")
            textDocument = try r.textDocument()
            range = try r.range()
        }
    }

    /// `workspace/symbol`.
    public struct WorkspaceSymbolParams: RequestParams {
        public var query: String
        public init(params: JSON) throws {
            query = try ParamsReader(params, "WorkspaceSymbolParams").string("query")
        }
    }

    /// `workspace/executeCommand`.
    public struct ExecuteCommandParams: RequestParams {
        public var command: String
        public var arguments: [JSON]
        public init(params: JSON) throws {
            let r = try ParamsReader(params, "ExecuteCommandParams")
            command = try r.string("command")
            arguments = try r.optionalArray("arguments") ?? []
        }
    }

    /// `completionItem/resolve`: the item as the server sent it (an object with a `label`).
    public struct CompletionItemParams: RequestParams {
        public var item: JSONObject
        public init(params: JSON) throws {
            let r = try ParamsReader(params, "CompletionItem")
            _ = try r.string("label")
            item = params.objectValue ?? JSONObject()
        }
    }
}
