import FazhiJSON
import Foundation
import XCTest

/// Garbled, random and truncated frames sent to the real `fazhi lsp` process, interleaved with valid
/// requests: the server must answer or ignore each bad frame, never die, and answer every valid request
/// that follows a complete frame.
final class ProtocolFuzzTests: XCTestCase {
    func frame(_ body: [UInt8]) -> [UInt8] { Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body }

    func testGarbledFramesNeverStopTheServer() throws {
        let c = try LSPTestClient(timeout: 20)
        _ = c.initialize()
        c.open("file:///tmp/fazhi-fuzz/r.txt", "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n略。\n")
        var rng = SeededRandom(state: 0xF0_22)
        let alphabet = Array("{}[]:,\"\\ \r\nabc0123456789-".utf8) + [0xFF, 0xE4, 0xB8, 0x00]
        let validBodies: [String] = [
            #"{"jsonrpc":"2.0","id":"h","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///tmp/fazhi-fuzz/r.txt"},"position":{"line":1,"character":2}}}"#,
            #"{"jsonrpc":"2.0","id":"s","method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///tmp/fazhi-fuzz/r.txt"}}}"#,
        ]
        var answered = 0
        var sentIDs: [String] = []
        for round in 0..<400 {
            var garbage: [UInt8] = []
            switch rng.int(8) {
            case 0: for _ in 0..<rng.int(80) { garbage.append(alphabet[rng.int(alphabet.count)]) }
            case 1: garbage = frame(Array("{\"jsonrpc\":\"2.0\",\"id\":\(round),\"method\":".utf8))
            case 2: garbage = Array("Content-Length: 99999999999\r\n\r\n".utf8)
            case 3: garbage = Array("Content-Length: -5\r\n\r\n{}".utf8)
            case 4: garbage = frame(Array(#"{"jsonrpc":"2.0","id":[1],"method":5,"params":"x"}"#.utf8))
            case 5: garbage = frame([0xFF, 0xFE, 0x7B, 0x7D])
            case 6: garbage = Array("X-Junk: \(String(repeating: "a", count: rng.int(20_000)))\r\n\r\n".utf8)
            default:
                garbage = frame(Array(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nope","version":1},"contentChanges":[{"range":{"start":{"line":-1,"character":99}},"text":5}]}}"#.utf8))
            }
            c.sendRaw(garbage)
            // Resynchronise: a frame with a huge declared length would swallow what follows, so first
            // send a complete, harmless notification padded to absorb leftovers, then a valid request.
            if round % 20 == 19 {
                c.sendRaw(Array("\r\n\r\n".utf8))
                let body = Array(validBodies[round % validBodies.count].replacingOccurrences(of: "\"id\":\"", with: "\"id\":\"\(round)-").utf8)
                sentIDs.append("\(round)-" + (round % validBodies.count == 0 ? "h" : "s"))
                c.sendRaw(frame(body))
            }
        }
        // Every valid request sent after a blank-line separator is answered.
        for id in sentIDs {
            let r = c.wait("answer to \(id)") { $0["id"]?.stringValue == id }
            XCTAssertNotNil(r?["result"], id)
        }
        // However the stream ended, a fresh valid exchange still works after the garbage drains.
        c.sendRaw(Array("\r\n\r\n".utf8))
        for _ in 0..<3 {
            if c.requestMessage("textDocument/documentSymbol", doc("file:///tmp/fazhi-fuzz/r.txt")) != nil { answered += 1; break }
        }
        XCTAssertEqual(answered, 1, "the server stopped answering after garbled input")
        _ = c.finish()
    }
}
