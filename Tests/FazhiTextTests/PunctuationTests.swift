import FazhiText
import XCTest

/// The named vocabulary of marks and the one definition of sentence and clause bounds.
final class PunctuationTests: XCTestCase {
    /// Each name stands for the glyph it says (a wrong code point behind a name would fail here).
    func testNamesStandForTheirGlyphs() {
        let table: [(UInt32, Character)] = [
            (.fullStop, "。"), (.questionMark, "？"), (.exclamationMark, "！"), (.comma, "，"), (.enumerationComma, "、"),
            (.semicolon, "；"), (.colon, "："), (.leftDoubleQuote, "“"), (.rightDoubleQuote, "”"), (.leftSingleQuote, "‘"),
            (.rightSingleQuote, "’"), (.leftParenthesis, "（"), (.rightParenthesis, "）"), (.leftLenticularBracket, "【"),
            (.rightLenticularBracket, "】"), (.leftTortoiseShellBracket, "〔"), (.rightTortoiseShellBracket, "〕"),
            (.leftBookTitleMark, "《"), (.rightBookTitleMark, "》"), (.leftSingleBookTitleMark, "〈"), (.rightSingleBookTitleMark, "〉"),
            (.leftCornerBracket, "「"), (.rightCornerBracket, "」"), (.leftWhiteCornerBracket, "『"), (.rightWhiteCornerBracket, "』"),
            (.ellipsis, "…"), (.midlineEllipsis, "⋯"), (.emDash, "—"), (.enDash, "–"), (.middleDot, "·"), (.fullwidthTilde, "～"),
            (.fullwidthHyphen, "－"), (.fullwidthFullStop, "．"), (.fullwidthSolidus, "／"), (.fullwidthPercent, "％"),
            (.fullwidthLeftSquareBracket, "［"), (.fullwidthRightSquareBracket, "］"), (.fullwidthLowLine, "＿"), (.fullwidthLetterX, "Ｘ"),
            (.asciiPeriod, "."), (.asciiComma, ","), (.asciiSemicolon, ";"), (.asciiColon, ":"), (.asciiQuestionMark, "?"),
            (.asciiExclamationMark, "!"), (.asciiQuote, "\""), (.asciiApostrophe, "'"), (.asciiLeftParenthesis, "("),
            (.asciiRightParenthesis, ")"), (.asciiLeftBracket, "["), (.asciiRightBracket, "]"), (.asciiLeftBrace, "{"),
            (.asciiLessThan, "<"), (.asciiGreaterThan, ">"), (.asciiAmpersand, "&"), (.asciiPercent, "%"),
            (.asciiSlash, "/"), (.asciiHyphen, "-"), (.asciiTilde, "~"), (.asciiLowLine, "_"),
            (.asciiLetterX, "X"), (.asciiSmallLetterX, "x"), (.space, " "), (.tab, "\t"), (.lineFeed, "\n"),
            (.carriageReturn, "\r"), (.ideographicSpace, "\u{3000}"), (.noBreakSpace, "\u{A0}"), (.zeroWidthSpace, "\u{200B}"),
            (.byteOrderMark, "\u{FEFF}"), (.replacementCharacter, "\u{FFFD}"), (.multiplicationSign, "×"), (.whiteCircle, "○"),
            (.largeCircle, "◯"), (.whiteSquare, "□"), (.ideographicZero, "〇"), (.scalar("年"), "年"),
        ]
        for (v, c) in table { XCTAssertEqual(v, c.unicodeScalars.first!.value, "\(c)") }
    }

    func testClasses() {
        func all(_ s: String, _ f: (UInt32) -> Bool) -> Bool { s.unicodeScalars.allSatisfy { f($0.value) } }
        func none(_ s: String, _ f: (UInt32) -> Bool) -> Bool { !s.unicodeScalars.contains { f($0.value) } }
        XCTAssertTrue(all("。？！", Punctuation.isSentenceEnd))
        XCTAssertTrue(none("；，：、.?!…", Punctuation.isSentenceEnd), "a sentence ends only at 。？！")
        XCTAssertTrue(all("。？！；", Punctuation.isSentenceOrItemEnd))
        XCTAssertTrue(none("，：;", Punctuation.isSentenceOrItemEnd))
        XCTAssertTrue(all("。？！；;!?", Punctuation.isSentenceOrItemEndAnyWidth))
        XCTAssertTrue(all("。？！；：", Punctuation.isHeadingTextEnd))
        XCTAssertTrue(all("。？！，；：,;", Punctuation.isClauseEnd))
        XCTAssertTrue(none("、“”（", Punctuation.isClauseEnd), "、 separates the parts of one list")
        XCTAssertTrue(Punctuation.isListItemEnd(.enumerationComma))
        XCTAssertTrue(all("。！？；：…!?;:．", Punctuation.completesLine))
        XCTAssertTrue(none("，、“", Punctuation.completesLine))
        XCTAssertTrue(all("。？！，、；：", Punctuation.isPauseMark))
        XCTAssertTrue(all(".,;:!?", Punctuation.isASCIIPauseMark))
        XCTAssertTrue(all("”’）)》】」』〕", Punctuation.isClosingMark))
        XCTAssertTrue(none("“‘（(《【", Punctuation.isClosingMark))
        XCTAssertTrue(all("“”‘’\"'《》〈〉「」", Punctuation.isQuotationOrTitleMark))
        XCTAssertTrue(all("—–-－～~至到", Punctuation.isRangeDash))
        // The byte filters of each boundary let through every mark of its class: its last byte and its middle
        // byte (backward scans); the clause counter's filter lets through the first byte of every clause end.
        let boundaries: [Boundary] = [.sentence, .sentenceOrItem, .sentenceOrItemAnyWidth, .headingText, .clause, .listItem]
        for boundary in boundaries {
            for v in UInt32(0)..<0x1_0000 where boundary.contains(v) {
                let utf8 = Array(String(Unicode.Scalar(v)!).utf8)
                XCTAssertTrue(boundary.mayEnd(with: utf8.last!), "\(boundary) U+\(String(v, radix: 16))")
                XCTAssertTrue(utf8.count == 1 || utf8.count == 3, "backward scans read marks of one or three bytes")
                if utf8.count == 1 { XCTAssertLessThan(v, 0x40, "the ASCII marks of a boundary lie below 0x40") }
                if utf8.count == 3 { XCTAssertTrue(Punctuation.mayBeBoundaryMiddle(utf8[1]), "U+\(String(v, radix: 16))") }
                if boundary == .clause { XCTAssertTrue(Punctuation.mayStartClauseEnd(utf8[0]), "U+\(String(v, radix: 16))") }
            }
        }
        XCTAssertFalse(Boundary.sentence.mayEnd(with: Array("，".utf8).last!), "the sentence filter is narrower than the clause one")
        XCTAssertTrue(Boundary.sentence.mayEnd(with: UInt8(ascii: "\n")) && !Boundary.sentence.mayEnd(with: UInt8(ascii: "!")))
        XCTAssertTrue(Boundary.sentenceOrItemAnyWidth.mayEnd(with: UInt8(ascii: "!")))
        for b in UInt8(0x40)...0x7F { XCTAssertFalse(Boundary.listItem.mayEnd(with: b)) }
        XCTAssertFalse(Boundary.clause.mayEnd(with: Array("法".utf8).last!), "most Han characters are skipped undecoded")
    }

    private func bounds(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Int) -> Int {
        var s = text
        return s.withUTF8 { body($0) }
    }

    private func offset(_ text: String, after marker: String) -> Int {
        text.utf8.count - text.components(separatedBy: marker).last!.utf8.count
    }

    func testSentenceBounds() {
        let t = "一是完善制度；二是加强培训。三是落实责任！"
        let second = offset(t, after: "。")
        let inThird = second + 6  // inside 三是落实责任
        XCTAssertEqual(bounds(t) { Sentences.start(in: $0, before: inThird, floor: 0) }, second)
        XCTAssertEqual(bounds(t) { Sentences.end(in: $0, from: inThird, limit: $0.count) }, t.utf8.count)
        XCTAssertEqual(bounds(t) { Sentences.end(in: $0, from: 0, limit: $0.count) }, second, "；does not end a sentence")
        XCTAssertEqual(bounds(t) { Sentences.end(in: $0, from: 0, limit: $0.count, at: .sentenceOrItem) },
                       offset(t, after: "；"), "the item variant stops at ；")
        XCTAssertEqual(bounds(t) { Sentences.start(in: $0, before: 9, floor: 0) }, 0)
        // Starts: at the text's start, after a sentence end and spaces, after a line break; not mid-sentence.
        let u = "加强领导。　落实责任\n  完善制度"
        XCTAssertTrue(bounds(u) { Sentences.starts(in: $0, at: 0) ? 1 : 0 } == 1)
        XCTAssertTrue(bounds(u) { Sentences.starts(in: $0, at: offset(u, after: "　")) ? 1 : 0 } == 1)
        XCTAssertTrue(bounds(u) { Sentences.starts(in: $0, at: offset(u, after: "  ")) ? 1 : 0 } == 1)
        XCTAssertTrue(bounds(u) { Sentences.starts(in: $0, at: 3) ? 1 : 0 } == 0)
        // A line break ends a sentence; the end never lies inside a scalar.
        XCTAssertEqual(bounds(u) { Sentences.end(in: $0, from: offset(u, after: "　"), limit: $0.count) }, offset(u, after: "责任"))
        XCTAssertEqual(bounds(u) { Sentences.end(in: $0, from: 0, limit: 4) }, 3)
        XCTAssertEqual(bounds(u) { Sentences.start(in: $0, before: 6, floor: 1) }, 3, "the start never crosses the floor inside a scalar")
        let text = SourceText("甲。乙丙；丁！")
        XCTAssertEqual(text.string(text.sentence(around: 6, within: TextRange(0, text.count))), "乙丙；丁！")
        XCTAssertEqual(text.string(text.sentence(around: 6, within: TextRange(0, text.count), at: .sentenceOrItem)), "乙丙；")
    }

    func testClauseBounds() {
        let t = "受理40件，其中调解35件、和解3件；办结38件。"
        let q = offset(t, after: "，")
        XCTAssertEqual(bounds(t) { Clauses.end(in: $0, from: q, limit: $0.count) }, offset(t, after: "；") - 3, "、 does not end a clause")
        XCTAssertEqual(bounds(t) { Clauses.start(in: $0, before: q + 6, floor: 0) }, q)
        XCTAssertEqual(bounds(t) { Clauses.end(in: $0, from: q, limit: $0.count, at: .listItem) }, offset(t, after: "、") - 3)
    }
}
