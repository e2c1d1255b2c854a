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

    func lspDiagnostic(_ d: Diagnostic, in doc: Document, starts: inout PositionCursor, ends: inout PositionCursor) -> LSP.Diagnostic {
        let edge = Edge(text: doc.text, encoding: encoding)
        let s = starts.position(of: d.range.start), e = ends.position(of: d.range.end)
        return LSP.Diagnostic(
            range: LSP.Range(LSP.Position(line: s.line, character: s.character), LSP.Position(line: e.line, character: e.character)),
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

    /// Diagnostics of a document serialized as a JSON array, converted with position cursors (they come
    /// sorted by position, so conversion is linear in the text).
    func serializedDiagnostics(_ doc: Document) -> [UInt8] {
        if let why = doc.staleReason { return Array(JSON.array([staleDiagnostic(why).json]).serialized()) }
        var starts = PositionCursor(text: doc.text, encoding: encoding)
        var ends = PositionCursor(text: doc.text, encoding: encoding)
        var out: [UInt8] = [0x5B]
        let shown = doc.shownDiagnostics
        out.reserveCapacity(shown.count * 320 + 2)
        for (i, d) in shown.enumerated() {
            if i > 0 { out.append(0x2C) }
            lspDiagnostic(d, in: doc, starts: &starts, ends: &ends).write(into: &out)
        }
        out.append(0x5D)
        return out
    }

    func publish(_ doc: Document) {
        var params: [UInt8] = Array(#"{"uri":"#.utf8)
        JSONWriter.writeString(doc.uri, into: &params)
        params.append(contentsOf: #","version":"#.utf8)
        params.append(contentsOf: String(doc.version).utf8)
        params.append(contentsOf: #","diagnostics":"#.utf8)
        params.append(contentsOf: serializedDiagnostics(doc))
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

    func pullDiagnostics(_ p: LSP.DocumentDiagnosticParams) -> JSON {
        guard let doc = documents[p.textDocument.uri] else { return ["kind": "full", "items": []] }
        if let why = doc.staleReason { return ["kind": "full", "items": [staleDiagnostic(why).json]] }
        analyze(doc)
        let resultId = String(doc.resultSerial)
        if p.previousResultId == resultId {
            return ["kind": "unchanged", "resultId": .string(resultId)]
        }
        var starts = PositionCursor(text: doc.text, encoding: encoding)
        var ends = PositionCursor(text: doc.text, encoding: encoding)
        let items = doc.shownDiagnostics.map { lspDiagnostic($0, in: doc, starts: &starts, ends: &ends).json }
        return ["kind": "full", "resultId": .string(resultId), "items": .array(items)]
    }
}
