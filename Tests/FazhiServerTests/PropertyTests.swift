import FazhiJSON
import Foundation
import XCTest

/// A reference document in UTF-16 code units with the same position rules as LSP (and the server):
/// lines end at \n, \r\n or \r; a character past the end of a line is clamped to the end of its content.
/// (Lines past the end and positions inside a surrogate pair are invalid edits: SyncErrorTests.)
struct ReferenceText {
    var u: [UInt16]

    var lineStarts: [Int] {
        var s = [0]
        var i = 0
        while i < u.count {
            if u[i] == 10 { s.append(i + 1) }
            else if u[i] == 13 {
                if i + 1 < u.count && u[i + 1] == 10 { i += 1 }
                s.append(i + 1)
            }
            i += 1
        }
        return s
    }

    func contentEnd(_ starts: [Int], _ line: Int) -> Int {
        var e = line + 1 < starts.count ? starts[line + 1] : u.count
        if e > starts[line] && u[e - 1] == 10 { e -= 1 }
        if e > starts[line] && u[e - 1] == 13 { e -= 1 }
        return e
    }

    func offset(_ line: Int, _ ch: Int) -> Int {
        let starts = lineStarts
        guard line < starts.count else { return u.count }
        var o = min(starts[line] + ch, contentEnd(starts, line))
        if o > starts[line] && o < u.count && (0xDC00...0xDFFF).contains(u[o]) { o -= 1 }
        return o
    }

    mutating func replace(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int, _ text: String) {
        let a = offset(l1, c1), b = offset(l2, c2)
        u.replaceSubrange(min(a, b)..<max(a, b), with: Array(text.utf16))
    }

    var string: String { String(decoding: u, as: UTF16.self) }
}

struct SeededRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        var z = state
        z = (z ^ (z >> 33)) &* 0xff51afd7ed558ccd
        return z ^ (z >> 33)
    }
    mutating func int(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
}

final class IncrementalSyncPropertyTests: XCTestCase {
    func testRandomIncrementalEditsMatchReference() throws {
        let c = try LSPTestClient(timeout: 15)
        _ = c.initialize(["general": ["positionEncodings": ["utf-16"]]])
        let uri = "file:///tmp/fazhi-property/report.txt"
        let pieces = ["a", "中", "文", "😀", "𠀀", "\r\n", "\n", "\r", "。", "《", "》", "一、", "（一）", " ", "　", "1", "é", "👍🏽", "一是", "二是", "办结率", "95%", "120件", "特此报告。"]
        var rnd = SeededRandom(state: UInt64(ProcessInfo.processInfo.environment["FAZHI_SEED"] ?? "") ?? 20240601)
        var ref = ReferenceText(u: Array("一、主要举措和成效\r\n正文😀内容\n".utf16))
        c.open(uri, ref.string)
        var edits = 0
        var batches = 0
        while edits < 3000 {
            var changes: [JSON] = []
            for _ in 0..<(1 + rnd.int(5)) {
                let starts = ref.lineStarts
                func randomPos() -> (Int, Int) {
                    let (l, ch): (Int, Int)
                    switch rnd.int(10) {
                    case 0: (l, ch) = (0, 0)
                    case 1: (l, ch) = (starts.count - 1, 10_000)  // end of text
                    case 2: (l, ch) = (starts.count - 1, rnd.int(5))  // the last line
                    default:
                        l = rnd.int(starts.count)
                        ch = rnd.int(ref.contentEnd(starts, l) - starts[l] + 3)
                    }
                    // Never between the halves of a surrogate pair (an invalid edit).
                    let len = ref.contentEnd(starts, l) - starts[l]
                    if ch < len && (0xDC00...0xDFFF).contains(ref.u[starts[l] + ch]) { return (l, ch - 1) }
                    return (l, ch)
                }
                var a = randomPos(), b = randomPos()
                if ref.offset(a.0, a.1) > ref.offset(b.0, b.1) { swap(&a, &b) }
                // Keep the text from growing without bound: prefer deletions when it is long.
                if ref.u.count < 400 || rnd.int(3) == 0 { if rnd.int(2) == 0 { b = a } }
                var text = ""
                for _ in 0..<rnd.int(ref.u.count > 600 ? 2 : 5) { text += pieces[rnd.int(pieces.count)] }
                ref.replace(a.0, a.1, b.0, b.1, text)
                changes.append(["range": rng2(a, b), "text": .string(text)])
                edits += 1
            }
            batches += 1
            c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(batches + 1)], "contentChanges": .array(changes)])
            // Exercise the features on whatever the text has become: they must answer, never crash.
            if batches % 7 == 0 {
                let starts = ref.lineStarts
                var p = doc(uri).objectValue!
                p["position"] = pos(rnd.int(starts.count + 1), rnd.int(12))
                p["range"] = rng2((rnd.int(starts.count), 0), (starts.count, 0))
                p["positions"] = [pos(rnd.int(starts.count + 1), rnd.int(12))]
                p["context"] = ["diagnostics": []]
                for m in ["textDocument/hover", "textDocument/completion", "textDocument/codeAction", "textDocument/selectionRange"] {
                    XCTAssertNil(c.requestMessage(m, .object(p))?["error"], m)
                }
            }
            if batches % 60 == 0 {
                for m in ["textDocument/documentSymbol", "textDocument/semanticTokens/full", "textDocument/foldingRange",
                          "textDocument/inlayHint", "textDocument/documentLink", "textDocument/diagnostic"] {
                    XCTAssertNil(c.requestMessage(m, ["textDocument": ["uri": .string(uri)], "range": rng(0, 0, 999, 0)])?["error"], m)
                }
            }
            if batches % 150 == 0 {
                let got = c.request("fazhi/documentText", doc(uri))["text"]?.str
                XCTAssertEqual(got, ref.string, "after \(edits) edits: \(c.request("fazhi/documentText", doc(uri))["stale"]?.str ?? "")")
                if got != ref.string { break }
            }
        }
        XCTAssertEqual(c.request("fazhi/documentText", doc(uri))["text"]?.str, ref.string)
        XCTAssertEqual(c.request("fazhi/documentText", doc(uri))["version"]?.int, batches + 1)
        XCTAssertEqual(c.finish(), 0)
    }
}

func rng2(_ a: (Int, Int), _ b: (Int, Int)) -> JSON { rng(a.0, a.1, b.0, b.1) }
