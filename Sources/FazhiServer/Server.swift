// The Fazhi language server: maps LSP onto the parser, linter and knowledge cores.
// LSPKit runs the lifecycle and calls us on one thread; everything here is single-threaded.
import FazhiJSON
import FazhiKnowledge
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation
import LSPKit

/// Client capabilities the LSPKit summary does not carry (read from the raw `initialize` params).
struct ClientExtras {
    var watchedFilesDynamicRegistration = false
    var documentChanges = false
    var createFile = false
    /// The client shows `fazhi/status` notifications (`capabilities.experimental.fazhiStatus`).
    var statusNotification = false

    init() {}
    init(_ p: JSON) {
        let caps = p["capabilities"] ?? .null
        let ws = caps["workspace"] ?? .null
        watchedFilesDynamicRegistration = ws["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
        documentChanges = ws["workspaceEdit"]?["documentChanges"]?.boolValue ?? false
        let ops = ws["workspaceEdit"]?["resourceOperations"]?.arrayValue ?? []
        createFile = ops.contains { $0.stringValue == "create" }
        statusNotification = caps["experimental"]?["fazhiStatus"]?.boolValue ?? false
    }
}

public final class FazhiLanguageServer: LanguageServerDelegate {
    var client: ClientConnection?
    var caps = ClientCapabilitiesSummary()
    var extras = ClientExtras()
    var encoding: FazhiText.PositionEncoding = .utf16
    var documents: [String: Document] = [:]
    /// Documents whose text changed since the last analysis, in the order they changed.
    var dirty: [String] = []
    var dirtySet: Set<String> = []
    let config = ConfigStore()
    var serial = 0
    let knowledge: Knowledge
    let unavailable: String?
    /// Lints large documents off the processing thread (Diagnostics.swift, LintWorker.swift).
    lazy var lintWorker: LintWorker = makeLintWorker()

    /// Runs the language server over standard input and output until the client exits; returns the exit
    /// code. (The CLI calls this, so that only FazhiServer meets the protocol layer.)
    public static func runOverStdio() -> Int32 {
        LanguageServerRunner.runStdio(delegate: FazhiLanguageServer(unavailable: KnowledgeResources.unavailableMessage))
    }

    /// `unavailable`: why nothing can be checked (the knowledge was not found); every document then shows
    /// that one diagnostic and the editor is told once.
    public init(knowledge: Knowledge = .shared, unavailable: String? = nil) {
        self.knowledge = knowledge
        self.unavailable = unavailable
    }

    // MARK: Lifecycle

    public func initialize(params: JSON, client: ClientConnection) throws -> JSON {
        self.client = client
        caps = client.capabilities
        extras = ClientExtras(params)
        encoding = FazhiText.PositionEncoding(caps.positionEncoding)
        config.roots = (caps.workspaceFolders.map(\.uri) + (caps.rootURI.map { [$0] } ?? [])).compactMap(URIs.path)
        if let opts = caps.initializationOptions?["fazhi"] ?? caps.initializationOptions, opts.objectValue != nil {
            config.setSettings(opts)
        }
        // Request capabilities come from the request table; the rest are about notifications.
        var c = Self.requests.capabilities(for: caps)
        c["positionEncoding"] = .string(caps.positionEncoding.rawValue)
        c["textDocumentSync"] = ["openClose": true, "change": 2, "save": ["includeText": false]]
        c["workspace"] = ["workspaceFolders": ["supported": true, "changeNotifications": false]]
        return ["capabilities": .object(c), "serverInfo": ["name": "fazhi", "version": "0.1.0"]]
    }

    public func initialized() {
        // Load the knowledge files in the background so that the first hover or completion is quick.
        let k = knowledge
        DispatchQueue.global(qos: .utility).async { _ = k.warmUp() }
        guard let client else { return }
        if let why = unavailable {
            client.logMessage(why, type: .error)
            client.showMessage(why, type: .error)
        }
        if extras.watchedFilesDynamicRegistration {
            client.registerCapability(id: "fazhi-config-watcher", method: "workspace/didChangeWatchedFiles",
                                      registerOptions: ["watchers": [["globPattern": "**/.fazhi.json"]]])
        }
        if caps.didChangeConfigurationDynamicRegistration {
            client.registerCapability(id: "fazhi-config-change", method: "workspace/didChangeConfiguration",
                                      registerOptions: ["section": "fazhi"])
        }
        requestSettings()
    }

    public func shutdown() {
        documents.removeAll()
        dirty.removeAll()
        dirtySet.removeAll()
    }

    // MARK: Dispatch

    public func handleRequest(method: String, params: JSON?, id: RequestID, token: CancellationToken) throws -> JSON? {
        try Self.requests.dispatch(self, method: method, params: params, token: token)
    }

    public func handleNotification(method: String, params: JSON?) throws {
        let p = params ?? .null
        switch method {
        case "textDocument/didOpen": didOpen(p)
        case "textDocument/didChange": didChange(p)
        case "textDocument/didClose": didClose(p)
        case "textDocument/didSave": didSave(p)
        case "workspace/didChangeConfiguration": didChangeConfiguration(p)
        case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(p)
        default: break
        }
    }

    public func idle() {
        flushMessages()
        guard !dirty.isEmpty else { return }
        let uris = dirty
        dirty.removeAll()
        dirtySet.removeAll()
        lintDirty(uris)
        flushMessages()
    }

    // MARK: Documents

    func uri(_ p: JSON) -> String? { p["textDocument"]?["uri"]?.stringValue }

    /// Runs a feature on an analyzed document; unknown or out-of-sync documents answer `null`. A large
    /// document whose lint is running on a worker answers when it is done: the request is deferred
    /// (`withAnalysis`, Diagnostics.swift), so that requests for other documents are not held up.
    func withDocument(_ id: LSP.TextDocumentIdentifier, _ body: @escaping (Document, Report) -> JSON) throws -> JSON {
        try withAnalysis(id.uri, body)
    }

    func log(_ message: String, type: LSP.MessageType = .log) {
        client?.logMessage(message, type: type)
    }

    func flushMessages() {
        for m in config.messages { log(m, type: .warning) }
        config.messages.removeAll()
        for m in config.alerts {
            log(m, type: .warning)
            client?.showMessage(m, type: .warning)
        }
        config.alerts.removeAll()
    }

    func markDirty(_ uri: String) {
        if dirtySet.insert(uri).inserted { dirty.append(uri) }
    }

    static func isConfigDocument(_ uri: String) -> Bool { uri.hasSuffix("/" + ConfigFile.fileName) || uri == ConfigFile.fileName }

    func analyze(_ doc: Document) {
        if Self.isConfigDocument(doc.uri) { return }
        let lc = config.lintConfig(forDocument: doc.uri)
        if doc.analyze(config: lc, generation: config.generation, serial: &serial) { updateVerdict(doc) }
    }

    func didOpen(_ p: JSON) {
        guard let item = LSP.TextDocumentItem(json: p["textDocument"]) else {
            log("textDocument/didOpen 参数无效，已忽略", type: .warning)
            return
        }
        documents[item.uri] = Document(uri: item.uri, languageId: item.languageId, version: item.version, text: item.text)
        documents[item.uri]?.unavailable = unavailable
        markDirty(item.uri)
    }

    func didChange(_ p: JSON) {
        guard let uri = p["textDocument"]?["uri"]?.stringValue else {
            log("textDocument/didChange 缺少文档地址，已忽略", type: .warning)
            return
        }
        guard let doc = documents[uri] else {
            log("收到未打开文档的修改（\(uri)），已忽略", type: .warning)
            return
        }
        let wasStale = doc.isStale
        for (k, raw) in (p["contentChanges"]?.arrayValue ?? []).enumerated() {
            let problem: String?
            if let change = LSP.TextDocumentContentChangeEvent(json: raw) {
                problem = doc.apply(change, encoding: encoding)
            } else {
                problem = doc.markStale("第 \(k + 1) 项修改无法解析（行号、列号须为非负整数，text 须为字符串）")
            }
            if problem != nil { break }
        }
        if let v = p["textDocument"]?["version"]?.intValue { doc.version = v }
        if let reason = doc.staleReason, !wasStale {
            desynchronized(doc, reason: reason)
        } else if wasStale && !doc.isStale {
            log("\(uri) 已收到全文，恢复同步", type: .info)
        }
        markDirty(uri)
    }

    /// An edit could not be applied: say so loudly (log and message), and publish one diagnostic in place
    /// of the findings until the editor sends the whole text again. LSP 3.17 has no request by which a
    /// server can ask the client to resend a document, so the user is asked to reopen it.
    func desynchronized(_ doc: Document, reason: String) {
        let name = (URIs.path(doc.uri) as NSString?)?.lastPathComponent ?? doc.uri
        log("\(doc.uri)：收到无法应用的增量修改（版本 \(doc.version)）：\(reason)。服务器中的文本已与编辑器不一致，"
            + "暂停检查此文档，直到收到全文修改或重新打开。", type: .error)
        client?.showMessage("fazhi：\(name) 的内容同步出错（\(reason)），已暂停检查。请关闭并重新打开该文件。", type: .error)
    }

    func didClose(_ p: JSON) {
        guard let uri = uri(p), let doc = documents.removeValue(forKey: uri) else { return }
        doc.answerWaiters()
        if dirtySet.remove(uri) != nil { dirty.removeAll { $0 == uri } }
        if !caps.pullDiagnostics { client?.publishDiagnostics(uri: uri, version: nil, diagnostics: []) }
        if Self.isConfigDocument(uri) { configChanged(path: URIs.path(uri)) }
    }

    func didSave(_ p: JSON) {
        guard let uri = uri(p) else { return }
        if Self.isConfigDocument(uri) { configChanged(path: URIs.path(uri)) }
    }

    // MARK: Configuration

    func requestSettings() {
        guard caps.workspaceConfiguration, let client else { return }
        client.requestConfiguration(sections: ["fazhi"]) { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let values):
                let before = self.config.generation
                self.config.setSettings(values.first ?? .null)
                if self.config.generation != before { self.afterConfigChange() }
            case .failure(let e):
                self.log("读取编辑器设置失败：\(e.message)", type: .warning)
            }
        }
    }

    func didChangeConfiguration(_ p: JSON) {
        if caps.workspaceConfiguration {
            requestSettings()
        } else if let s = p["settings"]?["fazhi"] {
            let before = config.generation
            config.setSettings(s)
            if config.generation != before { afterConfigChange() }
        }
    }

    func didChangeWatchedFiles(_ p: JSON) {
        var touched = false
        for ch in p["changes"]?.arrayValue ?? [] {
            guard let u = ch["uri"]?.stringValue, u.hasSuffix(ConfigFile.fileName) else { continue }
            config.fileChanged(path: URIs.path(u))
            touched = true
        }
        if touched { afterConfigChange() }
    }

    func configChanged(path: String?) {
        config.fileChanged(path: path)
        afterConfigChange()
    }

    /// Re-lints every open document: republished for push clients; pull clients are asked to refresh.
    func afterConfigChange() {
        for doc in documents.values { doc.invalidate() }
        if caps.pullDiagnostics {
            if caps.diagnosticRefreshSupport { client?.refreshDiagnostics() }
        } else {
            for uri in documents.keys.sorted() { markDirty(uri) }
        }
        log("配置已更新，重新检查已打开的报告", type: .info)
    }

    // MARK: Commands

    func executeCommand(_ p: LSP.ExecuteCommandParams) throws -> JSON {
        let arg = p.arguments.first ?? .null
        switch p.command {
        case Commands.ignore:
            return try ignoreCommand(arg)
        case Commands.checkDocument:
            guard let uri = arg["uri"]?.stringValue ?? arg.stringValue else {
                throw ResponseError.invalidParams("\(Commands.checkDocument): arguments[0] must be {uri} or a URI string")
            }
            return checkAnyway(uri)
        default:
            throw ResponseError.invalidParams("未知命令：\(p.command)")
        }
    }
}

enum Commands {
    static let ignore = "fazhi.ignore"
    /// Check a document that report detection left alone (arguments: `[{uri}]`).
    static let checkDocument = "fazhi.checkDocument"
    static let all = [ignore, checkDocument]
}
