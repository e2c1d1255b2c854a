/// The text of a Word document as Fazhi reads it, and the way back from a text offset to the paragraph.
///
/// Rendering (what `fazhi text` prints and the parser sees):
/// - one body paragraph per line, in document order, each prefixed with its automatic number as Word shows
///   it ("一、", "（一）", "1."); an empty Word paragraph is an empty line;
/// - a manual line break (w:br, w:cr) inside a paragraph is a line break, as when Word saves as plain text;
/// - a table is set apart by blank lines, and each non-empty paragraph of each cell is a line of its own,
///   with a blank line between cell paragraphs: a cell is never glued to the sentence before it, cells are
///   never joined by tabs or spaces (which the spacing rules would report), and the parser never takes two
///   cells for one paragraph broken by a hard return.
public struct DocxText: Sendable {
    public struct Paragraph: Sendable, Equatable {
        /// 1-based number among the non-empty paragraphs, counted as Word counts paragraphs (empty ones are
        /// not counted); table cell paragraphs are counted too.
        public var number: Int
        /// UTF-8 byte range in `text` of the whole line(s): automatic number + text.
        public var range: Range<Int>
        /// UTF-8 length of the automatic number at the start of `range` (0 when not numbered).
        public var numberLength: Int
        public var inTable: Bool
    }

    /// The plain text, '\n' after every line.
    public let text: String
    /// Non-empty paragraphs in order.
    public let paragraphs: [Paragraph]
    /// `text` as UTF-8 (the offsets of `paragraphs` and `location` are into these bytes).
    public let utf8: [UInt8]

    init(bytes: [UInt8], paragraphs: [Paragraph]) {
        utf8 = bytes
        text = String(decoding: bytes, as: UTF8.self)
        self.paragraphs = paragraphs
    }

    /// Where a UTF-8 offset of `text` falls: the paragraph (index into `paragraphs`) and the 1-based
    /// character (Unicode scalar) within the paragraph's own text, after its automatic number; 0 when the
    /// offset lies in the automatic number itself. Offsets after a paragraph's end (on a blank line that
    /// follows it) belong to that paragraph, one past its last character. Nil before the first paragraph.
    public func location(ofUTF8Offset offset: Int) -> (paragraph: Int, character: Int)? {
        var lo = 0, hi = paragraphs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if paragraphs[mid].range.lowerBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let p = paragraphs[lo - 1]
        let textStart = p.range.lowerBound + p.numberLength
        if offset < textStart { return (lo - 1, 0) }
        let end = min(offset, p.range.upperBound)
        var chars = 0
        for k in textStart..<max(textStart, end) where utf8[k] & 0xC0 != 0x80 { chars += 1 }
        return (lo - 1, chars + 1)
    }

    /// The paragraph's line(s) as shown, automatic number included.
    public func text(of paragraph: Int) -> String {
        String(decoding: utf8[paragraphs[paragraph].range], as: UTF8.self)
    }
}
