import FazhiJSON
import LSPKit
import XCTest

/// The request table: typed decoding answers InvalidParams with a message, dispatch reaches the handler,
/// unknown methods are nil (MethodNotFound), and capabilities come from the routes.
final class RequestTableTests: XCTestCase {
    final class Server {
        var hovered: [LSP.Position] = []
    }

    let table = RequestTable<Server>([
        .init("textDocument/hover", LSP.TextDocumentPositionParams.self, capability: { _ in ("hoverProvider", true) }) { s, p, _ in
            s.hovered.append(p.position)
            return .string(p.textDocument.uri)
        },
        .init("workspace/symbol", LSP.WorkspaceSymbolParams.self) { _, p, _ in .string(p.query) },
        .init("textDocument/diagnostic", LSP.DocumentDiagnosticParams.self, capability: { c in
            c.pullDiagnostics ? ("diagnosticProvider", ["interFileDependencies": false, "workspaceDiagnostics": false]) : nil
        }) { _, _, _ in .null },
    ])

    func testDispatchAndInvalidParams() throws {
        let s = Server()
        let ok: JSON = ["textDocument": ["uri": "file:///a%20b.txt"], "position": ["line": 1, "character": 2]]
        XCTAssertEqual(try table.dispatch(s, method: "textDocument/hover", params: ok, token: CancellationToken()), .string("file:///a%20b.txt"))
        XCTAssertEqual(s.hovered, [LSP.Position(line: 1, character: 2)])
        XCTAssertNil(try table.dispatch(s, method: "textDocument/nope", params: ok, token: CancellationToken()))

        let bad: [JSON] = [.null, [:], ["textDocument": 1], ["textDocument": ["uri": "x"], "position": ["line": -1, "character": 0]], .array([])]
        for p in bad {
            XCTAssertThrowsError(try table.dispatch(s, method: "textDocument/hover", params: p, token: CancellationToken())) { e in
                let r = e as? ResponseError
                XCTAssertEqual(r?.code, ResponseError.invalidParamsCode, "\(p.serializedString())")
                XCTAssertFalse(r?.message.isEmpty ?? true)
            }
        }
        XCTAssertThrowsError(try table.dispatch(s, method: "workspace/symbol", params: ["query": 3], token: CancellationToken())) { e in
            XCTAssertTrue((e as? ResponseError)?.message.contains("query") ?? false, "\(e)")
        }
        XCTAssertEqual(s.hovered.count, 1, "a handler must not run on invalid params")
    }

    func testCapabilitiesFollowTheClient() {
        XCTAssertEqual(table.methods, ["textDocument/hover", "workspace/symbol", "textDocument/diagnostic"])
        var c = ClientCapabilitiesSummary()
        XCTAssertEqual(table.capabilities(for: c).keys, ["hoverProvider"])
        c.pullDiagnostics = true
        XCTAssertEqual(table.capabilities(for: c)["diagnosticProvider"]?["workspaceDiagnostics"], .bool(false))
    }
}
