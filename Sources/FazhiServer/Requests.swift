// Every request the Fazhi server answers, in one table: method → typed params → handler, and the
// capability it is advertised under. Dispatch, the initialize result and the robustness tests all read
// this table, so a request cannot be advertised without a handler or handled without being tested.
import FazhiJSON
import LSPKit

extension FazhiLanguageServer {
    public typealias Route = RequestRoute<FazhiLanguageServer>

    /// The request table (`initialize` and `shutdown` belong to the runner).
    public static let requests = RequestTable<FazhiLanguageServer>([
        Route("textDocument/diagnostic", LSP.DocumentDiagnosticParams.self, capability: { c in
            // Pull diagnostics only for clients that pull; push otherwise, never both.
            c.pullDiagnostics ? ("diagnosticProvider", ["identifier": "fazhi", "interFileDependencies": false, "workspaceDiagnostics": false]) : nil
        }) { s, p, _ in try s.pullDiagnostics(p) },
        Route("textDocument/documentSymbol", LSP.TextDocumentParams.self, capability: { _ in ("documentSymbolProvider", ["label": "法治报告"]) }) { s, p, _ in
            try s.withDocument(p.textDocument) { s.documentSymbols($0, $1) }
        },
        Route("workspace/symbol", LSP.WorkspaceSymbolParams.self, capability: { _ in ("workspaceSymbolProvider", true) }) { s, p, _ in
            s.workspaceSymbols(query: p.query)
        },
        Route("textDocument/foldingRange", LSP.TextDocumentParams.self, capability: { _ in ("foldingRangeProvider", true) }) { s, p, _ in
            try s.withDocument(p.textDocument) { s.foldingRanges($0, $1) }
        },
        Route("textDocument/selectionRange", LSP.SelectionRangeParams.self, capability: { _ in ("selectionRangeProvider", true) }) { s, p, _ in
            try s.withDocument(p.textDocument) { s.selectionRanges($0, $1, p.positions) }
        },
        Route("textDocument/hover", LSP.TextDocumentPositionParams.self, capability: { _ in ("hoverProvider", true) }) { s, p, _ in
            try s.withDocument(p.textDocument) { s.hover($0, $1, p.position) }
        },
        Route("textDocument/completion", LSP.TextDocumentPositionParams.self, capability: { _ in
            ("completionProvider", ["triggerCharacters": ["《", "、", "；"], "resolveProvider": true])
        }) { s, p, _ in try s.withDocument(p.textDocument) { s.completion($0, $1, p.position) } },
        Route("completionItem/resolve", LSP.CompletionItemParams.self) { s, p, _ in s.resolveCompletion(p.item) },
        Route("textDocument/codeAction", LSP.CodeActionParams.self, capability: { c in
            ("codeActionProvider", c.codeActionLiterals
                ? ["codeActionKinds": ["quickfix", "source.fixAll", .string(FixAll.kind)], "resolveProvider": false] : true)
        }) { s, p, _ in try s.withDocument(p.textDocument) { s.codeActions($0, $1, p) } },
        Route("textDocument/semanticTokens/full", LSP.TextDocumentParams.self, capability: { _ in
            ("semanticTokensProvider", ["legend": SemanticTokens.legend, "full": true, "range": false])
        }) { s, p, _ in try s.withDocument(p.textDocument) { s.semanticTokens($0, $1) } },
        Route("textDocument/documentLink", LSP.TextDocumentParams.self, capability: { _ in ("documentLinkProvider", ["resolveProvider": false]) }) { s, p, _ in
            try s.withDocument(p.textDocument) { s.documentLinks($0, $1) }
        },
        Route("textDocument/inlayHint", LSP.InlayHintParams.self, capability: { _ in ("inlayHintProvider", ["resolveProvider": false]) }) { s, p, _ in
            try s.withDocument(p.textDocument) { s.inlayHints($0, $1, p.range) }
        },
        Route("workspace/executeCommand", LSP.ExecuteCommandParams.self, capability: { _ in
            ("executeCommandProvider", ["commands": .array(Commands.all.map { .string($0) })])
        }) { s, p, _ in try s.executeCommand(p) },
        // Testing aid: the text the server holds, to check incremental sync.
        Route("fazhi/documentText", LSP.TextDocumentParams.self) { s, p, _ in
            guard let doc = s.documents[p.textDocument.uri] else { return .null }
            var r: JSONObject = ["text": .string(doc.text.string), "version": .int(doc.version)]
            if let why = doc.staleReason { r["stale"] = .string(why) }
            return .object(r)
        },
    ])
}
