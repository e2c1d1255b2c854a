import FazhiText
import XCTest

final class SourceTextTests: XCTestCase {
    func testLinesWithAllTerminators() {
        let t = SourceText("一\r\n二\r三\n\n四")
        XCTAssertEqual(t.lineCount, 5)
        XCTAssertEqual((0..<5).map { t.string(t.lineRange($0)) }, ["一", "二", "三", "", "四"])
        XCTAssertEqual(t.line(of: t.lineStarts[2]), 2)
        XCTAssertEqual(t.string(t.fullLineRange(0)), "一\r\n")
    }

    func testPositionsInEachEncodingWithAstralCharacters() {
        let t = SourceText("a😀𠀀法\r\nb")
        let fa = t.bytes.count - 6 // start of 法 is before "\r\nb" (3 bytes) and 法 (3 bytes)
        XCTAssertEqual(t.position(of: fa, encoding: .utf8), LineColumn(line: 0, character: 9))
        XCTAssertEqual(t.position(of: fa, encoding: .utf16), LineColumn(line: 0, character: 5))
        XCTAssertEqual(t.position(of: fa, encoding: .utf32), LineColumn(line: 0, character: 3))
        for enc in PositionEncoding.allCases {
            let p = t.position(of: fa, encoding: enc)
            XCTAssertEqual(t.offset(line: p.line, character: p.character, encoding: enc), fa, "\(enc)")
        }
        // Inside a surrogate pair (UTF-16) or a multi-byte scalar (UTF-8): moved back to the scalar start.
        XCTAssertEqual(t.offset(line: 0, character: 2, encoding: .utf16), 1)
        XCTAssertEqual(t.offset(line: 0, character: 3, encoding: .utf8), 1)
        XCTAssertEqual(t.position(of: 3, encoding: .utf16), LineColumn(line: 0, character: 1))
    }

    func testClampingOutOfRange() {
        let t = SourceText("一二\n三")
        XCTAssertEqual(t.offset(line: 0, character: 99), 6)
        XCTAssertEqual(t.offset(line: 9, character: 0), t.count)
        XCTAssertEqual(t.offset(line: -1, character: 5), 0)
        XCTAssertEqual(t.position(of: 999), LineColumn(line: 1, character: 1))
        XCTAssertEqual(t.position(of: -5), LineColumn(line: 0, character: 0))
        // An offset in the line terminator maps to the end of the line's content.
        XCTAssertEqual(t.position(of: 6), LineColumn(line: 0, character: 2))
    }

    func testInvalidUTF8IsRepaired() {
        let t = SourceText(bytes: [0xE6, 0xB3, 0x95, 0xFF, 0x0A, 0xE4, 0xB8])
        XCTAssertTrue(UTF8Validation.isValid(t.bytes))
        XCTAssertEqual(t.string, "法\u{FFFD}\n\u{FFFD}")
        XCTAssertFalse(UTF8Validation.isValid([0xED, 0xA0, 0x80])) // a surrogate
        XCTAssertFalse(UTF8Validation.isValid([0xC0, 0x80])) // overlong
    }

    func testPositionCursorAgreesWithDirectConversion() {
        var seed: UInt64 = 42
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        let pieces = ["法", "治", "😀", "𠀀", "a", " ", "\n", "\r\n", "\r", "。"]
        for _ in 0..<50 {
            var s = ""
            for _ in 0..<(next() % 200) { s += pieces[next() % pieces.count] }
            let t = SourceText(s)
            for enc in PositionEncoding.allCases {
                var cursor = PositionCursor(text: t, encoding: enc)
                // Mostly increasing offsets with occasional jumps back, including mid-scalar offsets.
                var o = 0
                for _ in 0..<100 {
                    o = next() % 5 == 0 ? next() % (t.count + 1) : min(t.count + 2, o + next() % 7)
                    XCTAssertEqual(cursor.position(of: o), t.position(of: o, encoding: enc), "\(enc) \(o) in \(s.debugDescription)")
                }
            }
        }
    }

    /// Positions in lines far longer than `LongLineIndex.threshold` (a report flattened into one line) agree
    /// with counting from the line start, in both directions and every encoding, at every kind of offset.
    func testLongLinesConvertLikeACountFromTheLineStart() {
        var seed: UInt64 = 7
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        let pieces = ["法", "治", "😀", "𠀀", "a", "。", "1"]
        var s = "短行\n"
        for _ in 0..<9000 { s += pieces[next() % pieces.count] }
        s += "\r\n中间\n"
        for _ in 0..<5000 { s += pieces[next() % pieces.count] }
        let t = SourceText(s)
        XCTAssertFalse(t.longLines.isEmpty)
        XCTAssertTrue(SourceText("一\n二").longLines.isEmpty)
        // Reference: decode the line from its start.
        func reference(_ offset: Int, _ enc: PositionEncoding) -> LineColumn {
            let o = min(max(0, offset), t.count)
            let line = t.line(of: o)
            let r = t.lineRange(line)
            let stop = min(o, r.end)
            var i = r.start, units = 0
            while i < stop {
                let len = UTF8Validation.sequenceLength(t.bytes[i])
                if i + len > stop { break }
                units += enc == .utf8 ? len : (enc == .utf16 && len == 4 ? 2 : 1)
                i += len
            }
            return LineColumn(line: line, character: units)
        }
        var offsets = (0..<600).map { _ in next() % (t.count + 1) }
        offsets += [0, t.count, t.lineStarts[1] + LongLineIndex.stride, t.lineStarts[1] + LongLineIndex.stride + 1, t.lineRange(1).end]
        for enc in PositionEncoding.allCases {
            var cursor = PositionCursor(text: t, encoding: enc)
            for o in offsets {
                let p = t.position(of: o, encoding: enc)
                XCTAssertEqual(p, reference(o, enc), "\(enc) \(o)")
                XCTAssertEqual(cursor.position(of: o), p, "cursor \(enc) \(o)")
                // Back from a position: the start of the scalar holding `o` (or the line end).
                let back = t.offset(line: p.line, character: p.character, encoding: enc)
                XCTAssertEqual(reference(back, enc), p, "\(enc) \(o) -> \(back)")
                XCTAssertLessThanOrEqual(back, max(o, 0))
            }
        }
        // A character count past the end of a long line maps to the line's end.
        XCTAssertEqual(t.offset(line: 1, character: 1_000_000, encoding: .utf16), t.lineRange(1).end)
    }
}
