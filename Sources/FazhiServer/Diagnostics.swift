// Diagnostics: push (publishDiagnostics) for clients without pull support, pull otherwise.
import FazhiJSON
import FazhiLinter
import FazhiText
import LSPKit

extension FazhiLanguageServer {
    static let rulesDocBase = "https://github.com/fazhi-lsp/fazhi/blob/main/docs/rules.md#"

    func lspSeverity(_ s: Severity) -> LSP.DiagnosticSeverity {
        switch s {
        case .error: return .error
        case .warning: return .warning
        case .info: return .information
        case .hint: return .hint
        }
    }

    func lspDiagnostic(_ d: Diagnostic, in doc: Document) -> LSP.Diagnostic {
        let edge = Edge(text: doc.text, encoding: encoding)
        return LSP.Diagnostic(
            range: edge.range(d.range),
            severity: lspSeverity(d.severity),
            code: d.rule,
            codeDescriptionHref: Self.rulesDocBase + d.rule,
            source: "fazhi",
            message: d.message,
            relatedInformation: d.related.map {
                LSP.DiagnosticRelatedInformation(location: LSP.Location(uri: doc.uri, range: edge.range($0.range)), message: $0.message)
            },
            data: d.data.map { .string($0) })
    }

    func publish(_ doc: Document) {
        let items = doc.diagnostics.map { lspDiagnostic($0, in: doc).json }
        client?.publishDiagnostics(uri: doc.uri, version: doc.version, diagnostics: items)
    }

    func pullDiagnostics(_ p: JSON) -> JSON {
        guard let doc = document(p) else { return ["kind": "full", "items": []] }
        analyze(doc)
        let resultId = String(doc.resultSerial)
        if p["previousResultId"]?.stringValue == resultId {
            return ["kind": "unchanged", "resultId": .string(resultId)]
        }
        return ["kind": "full", "resultId": .string(resultId), "items": .array(doc.diagnostics.map { lspDiagnostic($0, in: doc).json })]
    }
}
