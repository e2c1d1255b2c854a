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

    var isAnalyzed: Bool { report != nil }

    /// Applies one content change in the client's encoding. Out-of-range positions are clamped.
    func apply(_ change: LSP.TextDocumentContentChangeEvent, encoding: FazhiText.PositionEncoding) {
        report = nil
        guard let r = change.range else {
            text = SourceText(change.text)
            return
        }
        let edge = Edge(text: text, encoding: encoding)
        let tr = edge.textRange(r)
        var bytes = text.bytes
        bytes.replaceSubrange(tr.start..<tr.end, with: Array(change.text.utf8))
        text = SourceText(validUTF8: bytes)
    }

    func replaceAll(_ s: String) {
        report = nil
        text = SourceText(s)
    }

    /// Parses and lints when the text or the configuration changed since the last analysis.
    /// Returns true when something was recomputed.
    @discardableResult
    func analyze(config: LintConfig, generation: Int, serial: inout Int) -> Bool {
        if report != nil && analyzedConfig == generation { return false }
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
