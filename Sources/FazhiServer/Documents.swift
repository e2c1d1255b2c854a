// Open documents: text (SourceText), version, and the analysis (report + diagnostics) of the latest text.
import FazhiFiles
import FazhiLinter
import FazhiParser
import FazhiText
import LSPKit

final class Document {
    let uri: String
    var languageId: String
    var version: Int
    private(set) var text: SourceText
    /// Parse and lint of `text` under config generation `analyzedConfig`; nil when stale.
    private(set) var report: Report?
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var analyzedConfig = -1
    /// Identifies one analysis (pull diagnostics resultId).
    private(set) var resultSerial = 0
    /// Whether the document is checked as a report, and why (see ReportStatus.swift).
    var verdict: ReportVerdict?
    /// The user asked to check this document whatever detection says.
    var checkAnyway = false

    /// Counts text changes: a worker's result is installed only for the text it was computed from.
    private(set) var textSerial = 0
    /// The worker lint of this document's text, while it runs (see LintWorker.swift).
    var pendingLint: (textSerial: Int, generation: Int, cancel: CancelFlag)?
    /// Deferred requests waiting for the analysis the worker is computing.
    var waiters: [() -> Void] = []

    init(uri: String, languageId: String, version: Int, text: String) {
        self.uri = uri
        self.languageId = languageId
        self.version = version
        self.text = SourceText(text)
    }

    deinit {
        // Closed (or the server shut down): a lint still running for it is useless.
        pendingLint?.cancel.set()
    }

    /// Whether the analysis is of the current text under configuration `generation`.
    func isAnalyzed(generation: Int) -> Bool { report != nil && analyzedConfig == generation }

    /// Set when the knowledge was not found (`KnowledgeResources.unavailableMessage`): nothing is checked.
    var unavailable: String?

    /// Why the document is not checked at all: the knowledge is missing, or the text is larger than the
    /// limit the command line applies to files (`FileLoader.maxTextSize`). Its text is kept in sync; only
    /// the analysis is skipped.
    var uncheckedReason: (code: String, message: String)? {
        if let why = unavailable { return ("no-knowledge", why) }
        guard text.count > FileLoader.maxTextSize else { return nil }
        return ("too-large", "文档过大（\(text.count >> 20) MB），fazhi 只检查不超过 \(FileLoader.maxTextSize >> 20) MB 的报告，此文档未检查。")
    }

    /// The text changed: the running lint, if any, is of an older text.
    private func textChanged() {
        report = nil
        textSerial += 1
        pendingLint?.cancel.set()
        pendingLint = nil
    }

    /// Answers the deferred requests (with the analysis, or null when there is none).
    func answerWaiters() {
        let w = waiters
        waiters.removeAll()
        for answer in w { answer() }
    }

    /// Why the server's text can no longer be trusted to match the editor's (an incremental edit could not
    /// be applied), or nil while in sync. A stale document is not linted; only a full-text change or a
    /// reopen brings it back.
    private(set) var staleReason: String?

    var isStale: Bool { staleReason != nil }

    /// Applies one content change in the client's encoding, or returns why it cannot be applied (and
    /// marks the document stale). A character past the end of its line means the end of that line, as
    /// LSP specifies; anything else out of range is rejected, never clamped: a clamped edit would make
    /// the text silently differ from the editor's.
    func apply(_ change: LSP.TextDocumentContentChangeEvent, encoding: FazhiText.PositionEncoding) -> String? {
        guard let r = change.range else {
            replaceAll(change.text)
            return nil
        }
        if isStale { return staleReason }
        let edge = Edge(text: text, encoding: encoding)
        let start: Int, end: Int
        switch (edge.editOffset(r.start), edge.editOffset(r.end)) {
        case (.success(let a), .success(let b)):
            start = a
            end = b
        case (.failure(let why), _), (_, .failure(let why)):
            return markStale(why.reason)
        }
        if start > end { return markStale("起点（\(Edge.describe(r.start))）在终点（\(Edge.describe(r.end))）之后") }
        textChanged()
        var bytes = text.bytes
        bytes.replaceSubrange(start..<end, with: Array(change.text.utf8))
        text = SourceText(validUTF8: bytes)
        return nil
    }

    @discardableResult
    func markStale(_ reason: String) -> String {
        if staleReason == nil { staleReason = reason }
        textChanged()
        answerWaiters()
        return reason
    }

    func replaceAll(_ s: String) {
        textChanged()
        staleReason = nil
        text = SourceText(s)
    }

    /// Parses and lints when the text or the configuration changed since the last analysis.
    /// Returns true when something was recomputed.
    @discardableResult
    func analyze(config: LintConfig, generation: Int, serial: inout Int) -> Bool {
        if isStale || (report != nil && analyzedConfig == generation) { return false }
        if uncheckedReason != nil {
            install(report: ReportParser().parse(SourceText("")), diagnostics: [], generation: generation, serial: &serial)
            return true
        }
        pendingLint?.cancel.set()
        pendingLint = nil
        let (rep, diags) = Linter(config: config).lint(text)
        install(report: rep, diagnostics: diags, generation: generation, serial: &serial)
        return true
    }

    /// Installs an analysis of the current text (computed here or by a worker).
    func install(report rep: Report, diagnostics diags: [Diagnostic], generation: Int, serial: inout Int) {
        report = rep
        diagnostics = diags
        analyzedConfig = generation
        serial += 1
        resultSerial = serial
    }

    /// Drops the analysis so that the next use recomputes it.
    func invalidate() { report = nil }
}
