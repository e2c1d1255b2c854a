// Open documents: text (SourceText), version, and the analysis (report + diagnostics) of the latest text.
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

    init(uri: String, languageId: String, version: Int, text: String) {
        self.uri = uri
        self.languageId = languageId
        self.version = version
        self.text = SourceText(text)
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
        report = nil
        var bytes = text.bytes
        bytes.replaceSubrange(start..<end, with: Array(change.text.utf8))
        text = SourceText(validUTF8: bytes)
        return nil
    }

    @discardableResult
    func markStale(_ reason: String) -> String {
        if staleReason == nil { staleReason = reason }
        report = nil
        return reason
    }

    func replaceAll(_ s: String) {
        report = nil
        staleReason = nil
        text = SourceText(s)
    }

    /// Parses and lints when the text or the configuration changed since the last analysis.
    /// Returns true when something was recomputed.
    @discardableResult
    func analyze(config: LintConfig, generation: Int, serial: inout Int) -> Bool {
        if isStale || (report != nil && analyzedConfig == generation) { return false }
        let (rep, diags) = Linter(config: config).lint(text)
        report = rep
        diagnostics = diags
        analyzedConfig = generation
        serial += 1
        resultSerial = serial
        return true
    }

    /// Drops the analysis so that the next use recomputes it.
    func invalidate() { report = nil }
}
