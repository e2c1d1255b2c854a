import XCTest
import FazhiJSON
@testable import LSPKit

final class MessageTests: XCTestCase {
    func classify(_ s: String) throws -> RPCMessage {
        do { return try RPCMessage.classify(try JSON.parse(s)) } catch let e as RPCMessage.Invalid { throw e }
    }

    func invalid(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> RPCMessage.Invalid? {
        do {
            let m = try RPCMessage.classify(try JSON.parse(s))
            XCTFail("expected invalid, got \(m)", file: file, line: line)
        } catch let e as RPCMessage.Invalid {
            return e
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
        return nil
    }

    func testValid() throws {
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":1,"method":"a","params":{"x":1}}"#),
                       .request(id: .int(1), method: "a", params: ["x": 1]))
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":"s","method":"a"}"#), .request(id: .string("s"), method: "a", params: nil))
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","method":"n","params":[1]}"#), .notification(method: "n", params: [1]))
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","method":"n","params":null}"#), .notification(method: "n", params: nil))
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":3,"result":null}"#), .response(id: .int(3), result: .null, error: nil))
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"x"}}"#),
                       .response(id: .int(3), result: nil, error: ResponseError(code: -32601, message: "x")))
    }

    func testInvalid() {
        for s in ["[1]", "1", "\"x\"", "null", "{}", #"{"jsonrpc":"2.0"}"#, #"{"params":{}}"#] {
            let e = invalid(s)
            XCTAssertEqual(e?.id, nil, s)
            XCTAssertEqual(e?.error.code, -32600, s)
        }
        XCTAssertEqual(invalid(#"{"id":7,"method":5}"#), .init(id: .int(7), error: .invalidRequest("\"method\" must be a string")))
        XCTAssertEqual(invalid(#"{"id":"q","method":"m","params":3}"#)?.id, .string("q"))
        XCTAssertEqual(invalid(#"{"id":"q","method":"m","params":"p"}"#)?.error.code, -32600)
        XCTAssertEqual(invalid(#"{"id":true,"method":"m"}"#)?.id, nil)
        XCTAssertEqual(invalid(#"{"id":1.5,"method":"m"}"#)?.error.code, -32600)
        XCTAssertEqual(invalid(#"{"id":null,"method":"m"}"#)?.id, nil)
        XCTAssertEqual(invalid(#"{"id":4,"result":1,"error":{"code":1,"message":""}}"#)?.id, .int(4))
        XCTAssertEqual(invalid(#"{"id":4}"#)?.id, .int(4))
        XCTAssertEqual(invalid(#"{"id":4,"error":"bad"}"#)?.error.code, -32600)
        let nullErr = invalid(#"{"id":null,"error":{"code":-32700,"message":"client could not parse"}}"#)
        XCTAssertEqual(nullErr?.shouldAnswer, false)
    }

    func testSerialization() {
        XCTAssertEqual(RPCMessage.request(id: .int(1), method: "m", params: nil).json.serializedString(),
                       #"{"jsonrpc":"2.0","id":1,"method":"m"}"#)
        XCTAssertEqual(RPCMessage.response(id: .string("a"), result: nil, error: nil).json.serializedString(),
                       #"{"jsonrpc":"2.0","id":"a","result":null}"#)
        XCTAssertEqual(RPCMessage.responseJSON(id: nil, result: nil, error: .parseError("p")).serializedString(),
                       #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"p"}}"#)
    }

    func testErrorCodes() {
        XCTAssertEqual(ResponseError.parseError("").code, -32700)
        XCTAssertEqual(ResponseError.invalidRequest("").code, -32600)
        XCTAssertEqual(ResponseError.methodNotFound("").code, -32601)
        XCTAssertEqual(ResponseError.invalidParams("").code, -32602)
        XCTAssertEqual(ResponseError.internalError("").code, -32603)
        XCTAssertEqual(ResponseError.serverNotInitialized.code, -32002)
        XCTAssertEqual(ResponseError.unknownErrorCode("").code, -32001)
        XCTAssertEqual(ResponseError.requestFailed("").code, -32803)
        XCTAssertEqual(ResponseError.serverCancelled().code, -32802)
        XCTAssertEqual(ResponseError.contentModified().code, -32801)
        XCTAssertEqual(ResponseError.requestCancelled.code, -32800)
    }

    func testCapabilitiesSummary() throws {
        let params = try JSON.parse(#"""
        {"processId":1,"rootUri":"file:///w","clientInfo":{"name":"vscode","version":"1.9"},
         "workspaceFolders":[{"uri":"file:///w","name":"w"},{"uri":"file:///v","name":"v"}],
         "capabilities":{"general":{"positionEncodings":["utf-7","utf-32","utf-8"]},
           "textDocument":{"diagnostic":{"dynamicRegistration":false},"documentSymbol":{"hierarchicalDocumentSymbolSupport":true},
             "completion":{"completionItem":{"snippetSupport":true,"documentationFormat":["markdown","plaintext"]}},
             "hover":{"contentFormat":["plaintext","markdown"]},"publishDiagnostics":{"versionSupport":true}},
           "workspace":{"configuration":true,"diagnostics":{"refreshSupport":true},"didChangeConfiguration":{"dynamicRegistration":true}},
           "window":{"workDoneProgress":true}}}
        """#)
        let c = ClientCapabilitiesSummary(initializeParams: params)
        XCTAssertEqual(c.positionEncoding, .utf32)
        XCTAssertTrue(c.pullDiagnostics)
        XCTAssertTrue(c.diagnosticRefreshSupport)
        XCTAssertTrue(c.hierarchicalDocumentSymbols)
        XCTAssertTrue(c.completionSnippets)
        XCTAssertEqual(c.completionDocumentationFormat, .markdown)
        XCTAssertEqual(c.hoverContentFormat, .plaintext)
        XCTAssertTrue(c.workspaceConfiguration)
        XCTAssertTrue(c.didChangeConfigurationDynamicRegistration)
        XCTAssertTrue(c.workDoneProgress)
        XCTAssertTrue(c.publishDiagnosticsVersionSupport)
        XCTAssertEqual(c.rootURI, "file:///w")
        XCTAssertEqual(c.workspaceFolders.map(\.name), ["w", "v"])
        XCTAssertEqual(c.clientName, "vscode")

        let empty = ClientCapabilitiesSummary(initializeParams: ["capabilities": [:]])
        XCTAssertEqual(empty.positionEncoding, .utf16)
        XCTAssertFalse(empty.pullDiagnostics)
        XCTAssertEqual(empty.hoverContentFormat, .plaintext)
        let u8 = ClientCapabilitiesSummary(initializeParams: ["capabilities": ["general": ["positionEncodings": ["utf-8", "utf-16"]]]])
        XCTAssertEqual(u8.positionEncoding, .utf8)
    }

    func testLSPTypesRoundTrip() throws {
        let r = LSP.Range(LSP.Position(line: 1, character: 2), LSP.Position(line: 3, character: 4))
        XCTAssertEqual(LSP.Range(json: r.json), r)
        XCTAssertNil(LSP.Position(json: ["line": -1, "character": 0]))
        let change = try JSON.parse(#"{"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":2}},"rangeLength":1,"text":"法"}"#)
        XCTAssertEqual(LSP.TextDocumentContentChangeEvent(json: change)?.range, LSP.Range(.init(line: 0, character: 1), .init(line: 0, character: 2)))
        XCTAssertNil(LSP.TextDocumentContentChangeEvent(json: ["text": "all"])?.range)
        let edit = LSP.WorkspaceEdit(changes: [("file:///b", [LSP.TextEdit(range: r, newText: "x")]), ("file:///a", [])])
        XCTAssertEqual(LSP.WorkspaceEdit(json: edit.json), edit)
        XCTAssertEqual(edit.json["changes"]?.objectValue?.keys, ["file:///b", "file:///a"])
        let item = LSP.TextDocumentItem(uri: "file:///x", languageId: "plaintext", version: 3, text: "法治")
        XCTAssertEqual(LSP.TextDocumentItem(json: item.json), item)
        XCTAssertEqual(LSP.VersionedTextDocumentIdentifier(json: ["uri": "u", "version": 5])?.version, 5)
        XCTAssertEqual(LSP.MarkupContent(json: ["kind": "markdown", "value": "**x**"])?.kind, .markdown)
        let d = LSP.Diagnostic(range: r, severity: .warning, code: "c1", source: "fazhi", message: "m")
        XCTAssertEqual(d.json["severity"], .int(2))
        XCTAssertEqual(LSP.Location(json: LSP.Location(uri: "u", range: r).json)?.range, r)
    }
}
