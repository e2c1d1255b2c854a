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
}
