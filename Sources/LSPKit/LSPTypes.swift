// LSP 3.17 base types used by the server, as thin JSON wrappers: `init?(json:)` reads, `json` writes.
// They live in the `LSP` namespace (`LSP.Position`, `LSP.Range`, …) so they never clash with the
// domain's own types (FazhiText.TextRange, FazhiLinter.TextEdit, Swift.Range…).
//
// Positions are plain ints, counted in the negotiated position encoding; converting them to byte
// offsets is the domain side's business.
import FazhiJSON

/// Namespace for LSP protocol types.
public enum LSP {}

extension LSP {
    /// `PositionEncodingKind`.
    public enum PositionEncoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8"
        case utf16 = "utf-16"
        case utf32 = "utf-32"
    }

    /// Zero-based line and character (in the negotiated encoding).
    public struct Position: Hashable, Sendable, Comparable, CustomStringConvertible {
        public var line: Int
        public var character: Int
        public init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }
        public init?(json: JSON?) {
            guard let json, let l = json["line"]?.intValue, let c = json["character"]?.intValue, l >= 0, c >= 0 else { return nil }
            self.init(line: l, character: c)
        }
        public var json: JSON { ["line": .int(line), "character": .int(character)] }
        public static func < (a: Position, b: Position) -> Bool {
            a.line != b.line ? a.line < b.line : a.character < b.character
        }
        public var description: String { "\(line):\(character)" }
    }

    /// A half-open range of positions.
    public struct Range: Hashable, Sendable, CustomStringConvertible {
        public var start: Position
        public var end: Position
        public init(start: Position, end: Position) {
            self.start = start
            self.end = end
        }
        public init(_ start: Position, _ end: Position) {
            self.init(start: start, end: end)
        }
        public init?(json: JSON?) {
            guard let json, let s = Position(json: json["start"]), let e = Position(json: json["end"]) else { return nil }
            self.init(start: s, end: e)
        }
        public var json: JSON { ["start": start.json, "end": end.json] }
        public var isEmpty: Bool { start == end }
        public var description: String { "\(start)-\(end)" }
    }

    public struct Location: Hashable, Sendable {
        public var uri: String
        public var range: Range
        public init(uri: String, range: Range) {
            self.uri = uri
            self.range = range
        }
        public init?(json: JSON?) {
            guard let json, let uri = json["uri"]?.stringValue, let r = Range(json: json["range"]) else { return nil }
            self.init(uri: uri, range: r)
        }
        public var json: JSON { ["uri": .string(uri), "range": range.json] }
    }

    public struct TextDocumentIdentifier: Hashable, Sendable {
        public var uri: String
        public init(uri: String) { self.uri = uri }
        public init?(json: JSON?) {
            guard let uri = json?["uri"]?.stringValue else { return nil }
            self.init(uri: uri)
        }
        public var json: JSON { ["uri": .string(uri)] }
    }

    public struct VersionedTextDocumentIdentifier: Hashable, Sendable {
        public var uri: String
        /// `null` in an OptionalVersionedTextDocumentIdentifier.
        public var version: Int?
        public init(uri: String, version: Int?) {
            self.uri = uri
            self.version = version
        }
        public init?(json: JSON?) {
            guard let uri = json?["uri"]?.stringValue else { return nil }
            self.init(uri: uri, version: json?["version"]?.intValue)
        }
        public var json: JSON { ["uri": .string(uri), "version": version.map { .int($0) } ?? .null] }
    }

    public struct TextDocumentItem: Hashable, Sendable {
        public var uri: String
        public var languageId: String
        public var version: Int
        public var text: String
        public init(uri: String, languageId: String, version: Int, text: String) {
            self.uri = uri
            self.languageId = languageId
            self.version = version
            self.text = text
        }
        public init?(json: JSON?) {
            guard let json, let uri = json["uri"]?.stringValue, let text = json["text"]?.stringValue else { return nil }
            self.init(uri: uri, languageId: json["languageId"]?.stringValue ?? "", version: json["version"]?.intValue ?? 0, text: text)
        }
        public var json: JSON {
            ["uri": .string(uri), "languageId": .string(languageId), "version": .int(version), "text": .string(text)]
        }
    }

    /// One change of `textDocument/didChange`: `range == nil` replaces the whole document.
    public struct TextDocumentContentChangeEvent: Hashable, Sendable {
        public var range: Range?
        public var text: String
        public init(range: Range?, text: String) {
            self.range = range
            self.text = text
        }
        public init?(json: JSON?) {
            guard let json, let text = json["text"]?.stringValue else { return nil }
            if let r = json["range"], !r.isNull {
                guard let range = Range(json: r) else { return nil }
                self.init(range: range, text: text)
            } else {
                self.init(range: nil, text: text)
            }
        }
        public var json: JSON {
            if let range { return ["range": range.json, "text": .string(text)] }
            return ["text": .string(text)]
        }
    }

    public struct TextEdit: Hashable, Sendable {
        public var range: Range
        public var newText: String
        public init(range: Range, newText: String) {
            self.range = range
            self.newText = newText
        }
        public init?(json: JSON?) {
            guard let json, let r = Range(json: json["range"]), let t = json["newText"]?.stringValue else { return nil }
            self.init(range: r, newText: t)
        }
        public var json: JSON { ["range": range.json, "newText": .string(newText)] }
    }

    /// A WorkspaceEdit using the `changes` form (uri → edits), in insertion order.
    public struct WorkspaceEdit: Equatable, Sendable {
        public var changes: [(uri: String, edits: [TextEdit])]
        public init(changes: [(uri: String, edits: [TextEdit])] = []) { self.changes = changes }
        public init?(json: JSON?) {
            guard let obj = json?["changes"]?.objectValue else { return nil }
            var c: [(uri: String, edits: [TextEdit])] = []
            for (uri, v) in obj.pairs {
                guard let arr = v.arrayValue else { return nil }
                var edits: [TextEdit] = []
                for e in arr {
                    guard let te = TextEdit(json: e) else { return nil }
                    edits.append(te)
                }
                c.append((uri, edits))
            }
            self.init(changes: c)
        }
        public var json: JSON {
            var o = JSONObject()
            for (uri, edits) in changes { o[uri] = .array(edits.map(\.json)) }
            return ["changes": .object(o)]
        }
        public static func == (a: WorkspaceEdit, b: WorkspaceEdit) -> Bool {
            a.changes.count == b.changes.count && zip(a.changes, b.changes).allSatisfy { $0.uri == $1.uri && $0.edits == $1.edits }
        }
    }

    public enum MarkupKind: String, Sendable {
        case plaintext
        case markdown
    }

    public struct MarkupContent: Hashable, Sendable {
        public var kind: MarkupKind
        public var value: String
        public init(kind: MarkupKind, value: String) {
            self.kind = kind
            self.value = value
        }
        public init?(json: JSON?) {
            guard let json, let k = json["kind"]?.stringValue.flatMap(MarkupKind.init(rawValue:)),
                  let v = json["value"]?.stringValue else { return nil }
            self.init(kind: k, value: v)
        }
        public var json: JSON { ["kind": .string(kind.rawValue), "value": .string(value)] }
    }

    public enum DiagnosticSeverity: Int, Sendable, CaseIterable {
        case error = 1
        case warning = 2
        case information = 3
        case hint = 4
    }

    public enum DiagnosticTag: Int, Sendable {
        case unnecessary = 1
        case deprecated = 2
    }

    public enum MessageType: Int, Sendable {
        case error = 1
        case warning = 2
        case info = 3
        case log = 4
        case debug = 5
    }

    public struct DiagnosticRelatedInformation: Hashable, Sendable {
        public var location: Location
        public var message: String
        public init(location: Location, message: String) {
            self.location = location
            self.message = message
        }
        public var json: JSON { ["location": location.json, "message": .string(message)] }
    }

    /// An LSP Diagnostic. `data` is round-tripped by clients into code actions.
    public struct Diagnostic: Equatable, Sendable {
        public var range: Range
        public var severity: DiagnosticSeverity?
        public var code: String?
        public var codeDescriptionHref: String?
        public var source: String?
        public var message: String
        public var tags: [DiagnosticTag]
        public var relatedInformation: [DiagnosticRelatedInformation]
        public var data: JSON?

        public init(range: Range, severity: DiagnosticSeverity?, code: String? = nil, codeDescriptionHref: String? = nil,
                    source: String? = nil, message: String, tags: [DiagnosticTag] = [],
                    relatedInformation: [DiagnosticRelatedInformation] = [], data: JSON? = nil) {
            self.range = range
            self.severity = severity
            self.code = code
            self.codeDescriptionHref = codeDescriptionHref
            self.source = source
            self.message = message
            self.tags = tags
            self.relatedInformation = relatedInformation
            self.data = data
        }

        /// Writes the same JSON as `json`, directly as UTF-8 bytes (hot path: publishing diagnostics).
        public func write(into out: inout [UInt8]) {
            out.append(contentsOf: #"{"range":"#.utf8)
            LSP.write(range, into: &out)
            if let severity { out.append(contentsOf: #","severity":"#.utf8); out.append(contentsOf: String(severity.rawValue).utf8) }
            if let code { out.append(contentsOf: #","code":"#.utf8); JSONWriter.writeString(code, into: &out) }
            if let codeDescriptionHref {
                out.append(contentsOf: #","codeDescription":{"href":"#.utf8)
                JSONWriter.writeString(codeDescriptionHref, into: &out)
                out.append(0x7D)
            }
            if let source { out.append(contentsOf: #","source":"#.utf8); JSONWriter.writeString(source, into: &out) }
            out.append(contentsOf: #","message":"#.utf8)
            JSONWriter.writeString(message, into: &out)
            if !tags.isEmpty { out.append(contentsOf: #","tags":"#.utf8); JSONWriter.write(.array(tags.map { .int($0.rawValue) }), into: &out, indent: nil, level: 0) }
            if !relatedInformation.isEmpty {
                out.append(contentsOf: #","relatedInformation":"#.utf8)
                JSONWriter.write(.array(relatedInformation.map(\.json)), into: &out, indent: nil, level: 0)
            }
            if let data { out.append(contentsOf: #","data":"#.utf8); JSONWriter.write(data, into: &out, indent: nil, level: 0) }
            out.append(0x7D)
        }

        public var json: JSON {
            var o: JSONObject = ["range": range.json]
            if let severity { o["severity"] = .int(severity.rawValue) }
            if let code { o["code"] = .string(code) }
            if let codeDescriptionHref { o["codeDescription"] = ["href": .string(codeDescriptionHref)] }
            if let source { o["source"] = .string(source) }
            o["message"] = .string(message)
            if !tags.isEmpty { o["tags"] = .array(tags.map { .int($0.rawValue) }) }
            if !relatedInformation.isEmpty { o["relatedInformation"] = .array(relatedInformation.map(\.json)) }
            if let data { o["data"] = data }
            return .object(o)
        }
    }

    /// A workspace folder from `initialize` params.
    public struct WorkspaceFolder: Hashable, Sendable {
        public var uri: String
        public var name: String
        public init(uri: String, name: String) {
            self.uri = uri
            self.name = name
        }
    }
}

/// What the server needs to know about the client, read once from the `initialize` params.
public struct ClientCapabilitiesSummary: Equatable, Sendable {
    /// Negotiated encoding: the first of `general.positionEncodings` that we support, else UTF-16.
    public var positionEncoding: LSP.PositionEncoding = .utf16
    /// `textDocument.diagnostic` present: the client pulls diagnostics (`textDocument/diagnostic`).
    public var pullDiagnostics = false
    /// `workspace.diagnostics.refreshSupport`: the client accepts `workspace/diagnostic/refresh`.
    public var diagnosticRefreshSupport = false
    /// `textDocument.publishDiagnostics.versionSupport`.
    public var publishDiagnosticsVersionSupport = false
    /// `textDocument.documentSymbol.hierarchicalDocumentSymbolSupport`.
    public var hierarchicalDocumentSymbols = false
    /// `textDocument.completion.completionItem.snippetSupport`.
    public var completionSnippets = false
    /// Preferred format for completion item documentation (first of `documentationFormat`, else plaintext).
    public var completionDocumentationFormat: LSP.MarkupKind = .plaintext
    /// Preferred format for hover contents (first of `textDocument.hover.contentFormat`, else plaintext).
    public var hoverContentFormat: LSP.MarkupKind = .plaintext
    /// `textDocument.codeAction.codeActionLiteralSupport` present.
    public var codeActionLiterals = false
    /// `workspace.configuration`: the client answers `workspace/configuration`.
    public var workspaceConfiguration = false
    /// `workspace.didChangeConfiguration.dynamicRegistration`.
    public var didChangeConfigurationDynamicRegistration = false
    /// `window.workDoneProgress`: the server may create progress with `window/workDoneProgress/create`.
    public var workDoneProgress = false
    /// `rootUri` (or `rootPath` turned into a file URI), if any.
    public var rootURI: String? = nil
    /// `workspaceFolders` (empty when none; `rootURI` is not repeated here).
    public var workspaceFolders: [LSP.WorkspaceFolder] = []
    /// `clientInfo.name` / `clientInfo.version`.
    public var clientName: String? = nil
    public var clientVersion: String? = nil
    /// `initializationOptions` as sent.
    public var initializationOptions: JSON? = nil
    /// `trace`: "off", "messages" or "verbose".
    public var trace: String = "off"

    public init() {}

    public init(initializeParams p: JSON) {
        let caps = p["capabilities"] ?? .null
        if let list = caps["general"]?["positionEncodings"]?.arrayValue {
            for e in list {
                if let s = e.stringValue, let enc = LSP.PositionEncoding(rawValue: s) {
                    positionEncoding = enc
                    break
                }
            }
        }
        let td = caps["textDocument"] ?? .null
        let ws = caps["workspace"] ?? .null
        pullDiagnostics = td["diagnostic"]?.objectValue != nil
        diagnosticRefreshSupport = ws["diagnostics"]?["refreshSupport"]?.boolValue ?? false
        publishDiagnosticsVersionSupport = td["publishDiagnostics"]?["versionSupport"]?.boolValue ?? false
        hierarchicalDocumentSymbols = td["documentSymbol"]?["hierarchicalDocumentSymbolSupport"]?.boolValue ?? false
        completionSnippets = td["completion"]?["completionItem"]?["snippetSupport"]?.boolValue ?? false
        completionDocumentationFormat = Self.firstMarkup(td["completion"]?["completionItem"]?["documentationFormat"])
        hoverContentFormat = Self.firstMarkup(td["hover"]?["contentFormat"])
        codeActionLiterals = td["codeAction"]?["codeActionLiteralSupport"]?.objectValue != nil
        workspaceConfiguration = ws["configuration"]?.boolValue ?? false
        didChangeConfigurationDynamicRegistration = ws["didChangeConfiguration"]?["dynamicRegistration"]?.boolValue ?? false
        workDoneProgress = caps["window"]?["workDoneProgress"]?.boolValue ?? false
        if let uri = p["rootUri"]?.stringValue {
            rootURI = uri
        } else if let path = p["rootPath"]?.stringValue, !path.isEmpty {
            rootURI = "file://" + path
        }
        for f in p["workspaceFolders"]?.arrayValue ?? [] {
            if let uri = f["uri"]?.stringValue {
                workspaceFolders.append(.init(uri: uri, name: f["name"]?.stringValue ?? ""))
            }
        }
        clientName = p["clientInfo"]?["name"]?.stringValue
        clientVersion = p["clientInfo"]?["version"]?.stringValue
        if let o = p["initializationOptions"], !o.isNull { initializationOptions = o }
        trace = p["trace"]?.stringValue ?? "off"
    }

    /// The first known kind of a MarkupKind list, else plaintext.
    static func firstMarkup(_ list: JSON?) -> LSP.MarkupKind {
        for e in list?.arrayValue ?? [] {
            if let s = e.stringValue, let k = LSP.MarkupKind(rawValue: s) { return k }
        }
        return .plaintext
    }
}

extension LSP {
    /// Writes a range as `{"start":{"line":…,"character":…},"end":{…}}`.
    public static func write(_ r: Range, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"start":{"line":"#.utf8)
        out.append(contentsOf: String(r.start.line).utf8)
        out.append(contentsOf: #","character":"#.utf8)
        out.append(contentsOf: String(r.start.character).utf8)
        out.append(contentsOf: #"},"end":{"line":"#.utf8)
        out.append(contentsOf: String(r.end.line).utf8)
        out.append(contentsOf: #","character":"#.utf8)
        out.append(contentsOf: String(r.end.character).utf8)
        out.append(contentsOf: "}}".utf8)
    }
}
