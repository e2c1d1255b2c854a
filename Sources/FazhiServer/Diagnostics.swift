// Diagnostics: push (publishDiagnostics) for clients without pull support, pull otherwise.
//
// Small documents are linted on the processing thread when it falls idle (a burst of edits coalesces
// into one lint of the latest text). Documents over `LintWorker.inlineLimit` are linted on a worker
// (LintWorker.swift): the processing thread keeps answering, a newer edit cancels the running lint, and
// a result is installed and published only if the document still has the text and configuration it was
// computed from — never for an outdated version. Requests that need the analysis of a document whose
// lint is running are answered when it arrives (`ResponseDeferred`).
import FazhiJSON
import FazhiLinter
import FazhiParser
import FazhiText
import LSPKit

/// Turns findings into LSP JSON bytes. A value with no reference to the server, so that a worker
/// thread can serialize what it linted.
struct DiagnosticWriter: Sendable {
    static let rulesDocBase = "https://github.com/fazhi-lsp/fazhi/blob/main/docs/rules.md#"

    let uri: String
    let text: SourceText
    let encoding: FazhiText.PositionEncoding

    static func lspSeverity(_ s: Severity) -> LSP.DiagnosticSeverity {
        switch s {
        case .error: return .error
        case .warning: return .warning
        case .info: return .information
        case .hint: return .hint
        }
    }

    func diagnostic(_ d: Diagnostic, start s: LineColumn, end e: LineColumn) -> LSP.Diagnostic {
        let edge = Edge(text: text, encoding: encoding)
        return LSP.Diagnostic(
            range: LSP.Range(LSP.Position(line: s.line, character: s.character), LSP.Position(line: e.line, character: e.character)),
            severity: Self.lspSeverity(d.severity),
            code: d.rule,
            codeDescriptionHref: Self.rulesDocBase + d.rule,
            source: "fazhi",
            message: d.message,
            relatedInformation: d.related.map {
                LSP.DiagnosticRelatedInformation(location: LSP.Location(uri: uri, range: edge.range($0.range)), message: $0.message)
            },
            data: d.data.map { .string($0) })
    }

    /// One diagnostic, positions converted directly.
    func diagnostic(_ d: Diagnostic) -> LSP.Diagnostic {
        diagnostic(d, start: text.position(of: d.range.start, encoding: encoding), end: text.position(of: d.range.end, encoding: encoding))
    }

    /// Findings (sorted by position) as LSP diagnostics, converted with position cursors: linear in the text.
    func diagnostics(_ ds: [Diagnostic]) -> [LSP.Diagnostic] {
        var starts = PositionCursor(text: text, encoding: encoding)
        var ends = PositionCursor(text: text, encoding: encoding)
        return ds.map { diagnostic($0, start: starts.position(of: $0.range.start), end: ends.position(of: $0.range.end)) }
    }

    /// The findings as a JSON array, written straight to bytes.
    func serialized(_ ds: [Diagnostic]) -> [UInt8] {
        var out: [UInt8] = []
        serialize(ds, into: &out)
        return out
    }

    func serialize(_ ds: [Diagnostic], into out: inout [UInt8]) {
        var starts = PositionCursor(text: text, encoding: encoding)
        var ends = PositionCursor(text: text, encoding: encoding)
        out.reserveCapacity(out.count + ds.count * 320 + 2)
        out.append(0x5B)
        for (i, d) in ds.enumerated() {
            if i > 0 { out.append(0x2C) }
            diagnostic(d, start: starts.position(of: d.range.start), end: ends.position(of: d.range.end)).write(into: &out)
        }
        out.append(0x5D)
    }

    /// `{"uri":…,"version":…,"diagnostics":` — the diagnostics array and `}` follow.
    static func publishHead(uri: String, version: Int) -> [UInt8] {
        var params: [UInt8] = Array(#"{"uri":"#.utf8)
        JSONWriter.writeString(uri, into: &params)
        params.append(contentsOf: #","version":"#.utf8)
        params.append(contentsOf: String(version).utf8)
        params.append(contentsOf: #","diagnostics":"#.utf8)
        return params
    }

    /// `{"uri":…,"version":…,"diagnostics":[…]}`, in one buffer (no copy of the diagnostics, which for a
    /// large document are hundreds of megabytes).
    func publishParams(version: Int, _ ds: [Diagnostic]) -> [UInt8] {
        var params = Self.publishHead(uri: uri, version: version)
        serialize(ds, into: &params)
        params.append(0x7D)
        return params
    }
}

extension FazhiLanguageServer {
    func writer(_ doc: Document) -> DiagnosticWriter { DiagnosticWriter(uri: doc.uri, text: doc.text, encoding: encoding) }

    func lspDiagnostic(_ d: Diagnostic, in doc: Document) -> LSP.Diagnostic { writer(doc).diagnostic(d) }

    /// Diagnostics of a document serialized as a JSON array.
    func serializedDiagnostics(_ doc: Document) -> [UInt8] {
        if let why = doc.staleReason { return Array(JSON.array([staleDiagnostic(why).json]).serialized()) }
        if let why = doc.uncheckedReason { return Array(JSON.array([uncheckedDiagnostic(why).json]).serialized()) }
        return writer(doc).serialized(doc.shownDiagnostics)
    }

    func publish(_ doc: Document) {
        var params = DiagnosticWriter.publishHead(uri: doc.uri, version: doc.version)
        if doc.staleReason == nil && doc.uncheckedReason == nil {
            writer(doc).serialize(doc.shownDiagnostics, into: &params)
        } else {
            params.append(contentsOf: serializedDiagnostics(doc))
        }
        params.append(0x7D)
        client?.sendNotification("textDocument/publishDiagnostics", serializedParams: params)
    }

    /// The one diagnostic a stale document shows instead of findings (see `Document.staleReason`).
    func staleDiagnostic(_ why: String) -> LSP.Diagnostic {
        LSP.Diagnostic(range: LSP.Range(LSP.Position(line: 0, character: 0), LSP.Position(line: 0, character: 0)),
                       severity: .error, code: "out-of-sync", codeDescriptionHref: nil, source: "fazhi",
                       message: "fazhi 与编辑器的文本不同步（\(why)），已暂停检查。请关闭并重新打开此文件。",
                       relatedInformation: [], data: nil)
    }

    /// The one diagnostic a document that is not checked shows (see `Document.uncheckedReason`): an error
    /// when the installation is broken, information when the document is only too large.
    func uncheckedDiagnostic(_ why: (code: String, message: String)) -> LSP.Diagnostic {
        LSP.Diagnostic(range: LSP.Range(LSP.Position(line: 0, character: 0), LSP.Position(line: 0, character: 0)),
                       severity: why.code == "no-knowledge" ? .error : .information, code: why.code, codeDescriptionHref: nil,
                       source: "fazhi", message: why.message, relatedInformation: [], data: nil)
    }

    // MARK: Linting, inline or on a worker

    /// The worker pool, handing each result back to the processing thread (through the runner's queue).
    func makeLintWorker() -> LintWorker {
        let ref = ServerRef(self)
        return LintWorker { job, outcome in
            ref.client?.perform { ref.server?.lintFinished(job, outcome) }
        }
    }

    /// Lints the documents changed since the last idle moment: small ones here and now (and publishes),
    /// large ones on a worker.
    func lintDirty(_ uris: [String]) {
        for uri in uris {
            guard let doc = documents[uri] else { continue }
            if runsOnWorker(doc) {
                submitLint(doc)
            } else {
                analyze(doc)
                if !caps.pullDiagnostics { publish(doc) }
            }
        }
    }

    /// Whether the document's lint goes to a worker (large, in sync, not a configuration file, within the limit).
    func runsOnWorker(_ doc: Document) -> Bool {
        doc.text.count > LintWorker.inlineLimit && !doc.isStale && doc.uncheckedReason == nil && !Self.isConfigDocument(doc.uri)
    }

    /// Starts (or keeps) a worker lint of the document's current text; cancels one of an older text.
    func submitLint(_ doc: Document) {
        let generation = config.generation
        if doc.isAnalyzed(generation: generation) {
            if !caps.pullDiagnostics { publish(doc) }
            return
        }
        if let p = doc.pendingLint, p.textSerial == doc.textSerial, p.generation == generation { return }
        doc.pendingLint?.cancel.set()
        let job = LintJob(uri: doc.uri, version: doc.version, textSerial: doc.textSerial, text: doc.text,
                          config: config.lintConfig(forDocument: doc.uri), generation: generation,
                          encoding: caps.pullDiagnostics ? nil : encoding, cancel: CancelFlag())
        doc.pendingLint = (job.textSerial, generation, job.cancel)
        lintWorker.submit(job)
        log("开始在后台检查 \(doc.uri)（版本 \(doc.version)，\(doc.text.count >> 10) KB）")
    }

    /// On the processing thread: a worker finished (or gave up on) a job.
    func lintFinished(_ job: LintJob, _ outcome: LintOutcome?) {
        guard let doc = documents[job.uri] else { return }
        if let p = doc.pendingLint, p.cancel === job.cancel { doc.pendingLint = nil }
        guard let outcome else {
            log("已取消过时的检查：\(job.uri)（版本 \(job.version)）")
            return
        }
        // The text or the configuration changed meanwhile: the newer lint will publish.
        guard doc.textSerial == job.textSerial, config.generation == job.generation, !doc.isStale else {
            log("已丢弃过时的检查结果：\(job.uri)（版本 \(job.version)）")
            return
        }
        doc.install(report: outcome.report, diagnostics: outcome.diagnostics, generation: job.generation, serial: &serial)
        updateVerdict(doc)
        if !caps.pullDiagnostics {
            // The worker serialized every finding; a document judged not to be a report shows none.
            if let params = outcome.publishParams, doc.verdict?.isReport != false {
                client?.sendNotification("textDocument/publishDiagnostics", serializedParams: params)
            } else {
                publish(doc)
            }
        }
        doc.answerWaiters()
    }

    /// Runs a feature on an analyzed document; unknown or out-of-sync documents answer `null`. A large
    /// document whose lint is still running answers when it is done (the request is deferred), so that
    /// requests for other documents are not held up behind it.
    func withAnalysis(_ uri: String, _ body: @escaping (Document, Report) -> JSON) throws -> JSON {
        guard let doc = documents[uri], !doc.isStale else { return .null }
        if runsOnWorker(doc) && !doc.isAnalyzed(generation: config.generation), let (id, token) = client?.currentRequest {
            submitLint(doc)
            doc.waiters.append { [weak self] in
                guard let self else { return }
                if token.isCancelled {
                    self.client?.reply(to: id, error: .requestCancelled)
                } else if let report = doc.report, !doc.isStale {
                    self.client?.reply(to: id, result: body(doc, report))
                } else {
                    self.client?.reply(to: id, result: .null)
                }
            }
            throw ResponseDeferred()
        }
        analyze(doc)
        guard let report = doc.report else { return .null }
        return body(doc, report)
    }

    func pullDiagnostics(_ p: LSP.DocumentDiagnosticParams) throws -> JSON {
        guard let doc = documents[p.textDocument.uri] else { return ["kind": "full", "items": []] }
        if let why = doc.staleReason { return ["kind": "full", "items": [staleDiagnostic(why).json]] }
        if let why = doc.uncheckedReason { return ["kind": "full", "items": [uncheckedDiagnostic(why).json]] }
        return try withAnalysis(p.textDocument.uri) { [self] doc, _ in
            let resultId = String(doc.resultSerial)
            if p.previousResultId == resultId {
                return ["kind": "unchanged", "resultId": .string(resultId)]
            }
            let items = writer(doc).diagnostics(doc.shownDiagnostics).map(\.json)
            return ["kind": "full", "resultId": .string(resultId), "items": .array(items)]
        }
    }
}

/// The server seen from a worker thread: only ever used to queue work for the processing thread, which
/// is where the server is touched.
final class ServerRef: @unchecked Sendable {
    weak var server: FazhiLanguageServer?
    let client: ClientConnection?

    init(_ server: FazhiLanguageServer) {
        self.server = server
        client = server.client
    }
}
