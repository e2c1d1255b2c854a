/// What ends a stretch of prose, for `Sentences` and `Clauses`: one of the classes of `Punctuation`, named.
/// `.sentence` is the definition of a sentence end; the others are the variants some places need, each
/// saying why in `Punctuation`.
public enum Boundary: Sendable {
    /// 。？！ (`Punctuation.isSentenceEnd`).
    case sentence
    /// 。？！；(`Punctuation.isSentenceOrItemEnd`).
    case sentenceOrItem
    /// 。？！；and ! ? ; (`Punctuation.isSentenceOrItemEndAnyWidth`).
    case sentenceOrItemAnyWidth
    /// 。？！；：(`Punctuation.isHeadingTextEnd`).
    case headingText
    /// 。？！，；：, ; (`Punctuation.isClauseEnd`).
    case clause
    /// A clause end or 、 (`Punctuation.isListItemEnd`).
    case listItem

    @inlinable @inline(__always)
    public func contains(_ v: UInt32) -> Bool {
        switch self {
        case .sentence: return Punctuation.isSentenceEnd(v)
        case .sentenceOrItem: return Punctuation.isSentenceOrItemEnd(v)
        case .sentenceOrItemAnyWidth: return Punctuation.isSentenceOrItemEndAnyWidth(v)
        case .headingText: return Punctuation.isHeadingTextEnd(v)
        case .clause: return Punctuation.isClauseEnd(v)
        case .listItem: return Punctuation.isListItemEnd(v)
        }
    }

    /// The last UTF-8 bytes of the boundary's non-ASCII marks (all three bytes long), as a mask: bit k stands
    /// for the continuation byte 0x80 + k. Backward byte scans decode only where this and the middle byte
    /// (`Punctuation.mayBeBoundaryMiddle`) allow; a test checks the masks against `contains`.
    @inlinable @inline(__always)
    public var finalBytes: UInt64 {
        switch self {
        case .sentence: return 0x8000_0006  // 。82 ！81 ？9F
        case .sentenceOrItem, .sentenceOrItemAnyWidth: return 0x8800_0006  // and ；9B
        case .headingText: return 0x8C00_0006  // and ：9A
        case .clause, .listItem: return 0x8C00_1006  // 。！？；：and ，8C (、 is 81, as ！)
        }
    }

    /// The ASCII bytes below 0x40 that end the boundary, as a mask (bit k for byte k): the line breaks, and
    /// the half-width marks of the variants that count them.
    @inlinable @inline(__always)
    public var asciiBytes: UInt64 {
        let lineBreaks: UInt64 = 1 << 0x0A | 1 << 0x0D
        switch self {
        case .sentence, .sentenceOrItem, .headingText: return lineBreaks
        case .sentenceOrItemAnyWidth: return lineBreaks | 1 << 0x21 | 1 << 0x3F | 1 << 0x3B  // ! ? ;
        case .clause, .listItem: return lineBreaks | 1 << 0x2C | 1 << 0x3B  // , ;
        }
    }

    /// Whether a byte may be the last byte of one of the boundary's marks or a line break. Branch-free, so
    /// a scan over Han text (whose bytes almost never pass) runs without mispredictions.
    @inlinable @inline(__always)
    public func mayEnd(with b: UInt8) -> Bool {
        let mask = b < 0x40 ? asciiBytes : (b & 0xC0 == 0x80 ? finalBytes : 0)
        return mask >> UInt64(b & 0x3F) & 1 != 0
    }
}

/// Where sentences and clauses of report prose begin and end, in UTF-8 byte offsets: the one definition
/// for the linter, the parser and the server. A sentence ends after 。？！ (`Boundary.sentence`) or at a
/// line break; a clause ends at ，；：(`Boundary.clause`). A caller that needs another boundary passes one
/// of the named variants of `Boundary`.
///
/// Every function scans linearly from the given offset and stops at the first boundary, so it costs what
/// the sentence costs; offsets must lie on scalar boundaries.
public enum Sentences {
    @inlinable @inline(__always)
    static func isLineBreak(_ v: UInt32) -> Bool { v == .lineFeed || v == .carriageReturn }

    /// The start of the sentence that holds the scalar before `end`: just after the last boundary mark or
    /// line break in `floor..<end`, else the first scalar boundary at or after `floor`.
    ///
    /// A byte scan, as hot paths need: a three-byte scalar is decoded only where its last and middle bytes
    /// may be those of one of the boundary's marks.
    @inlinable @inline(__always)
    public static func start(in p: UnsafeBufferPointer<UInt8>, before end: Int, floor: Int, at boundary: Boundary = .sentence) -> Int {
        let lo = max(0, floor)
        var j = min(end, p.count) - 1
        while j >= lo {
            let b = p[j]
            if boundary.mayEnd(with: b) {
                if UTF8.isASCII(b) { return j + 1 }
                if j - 2 >= lo && Punctuation.mayBeBoundaryMiddle(p[j - 1]) && p[j - 2] & 0xF0 == 0xE0
                    && boundary.contains(UInt32(p[j - 2] & 0x0F) << 12 | UInt32(p[j - 1] & 0x3F) << 6 | UInt32(b & 0x3F)) {
                    return j + 1
                }
            }
            j -= 1
        }
        var f = lo
        while f < end && f < p.count && UTF8.isContinuation(p[f]) { f += 1 }
        return f
    }

    /// The first boundary mark or line break in `from..<limit`: its offset and the mark's length (0 for a
    /// line break, or when there is none: then the offset is the last scalar boundary at or before `limit`).
    @inlinable @inline(__always)
    static func firstEnd(in p: UnsafeBufferPointer<UInt8>, from: Int, limit: Int, at boundary: Boundary) -> (offset: Int, length: Int) {
        var i = max(0, from)
        let e = min(limit, p.count)
        while i < e {
            let (v, len) = Scalars.decode(p, i)
            if isLineBreak(v) || i + len > e { return (i, 0) }
            if boundary.contains(v) { return (i, len) }
            i += len
        }
        return (e, 0)
    }

    /// The end of the sentence that holds the scalar at `from`: just after the first boundary mark in
    /// `from..<limit`, at the first line break, else the last scalar boundary at or before `limit`.
    @inlinable @inline(__always)
    public static func end(in p: UnsafeBufferPointer<UInt8>, from: Int, limit: Int, at boundary: Boundary = .sentence) -> Int {
        let f = firstEnd(in: p, from: from, limit: limit, at: boundary)
        return f.offset + f.length
    }

    /// Whether a sentence starts at `offset`: at the start of the text or a line (after indentation), or
    /// after a boundary mark and any spaces.
    @inlinable @inline(__always)
    public static func starts(in p: UnsafeBufferPointer<UInt8>, at offset: Int, after boundary: Boundary = .sentence) -> Bool {
        var o = min(offset, p.count)
        while o > 0 {
            let (v, len) = Scalars.decodeBefore(p, o)
            if isLineBreak(v) { return true }
            if Scalars.isSpace(v) { o -= len; continue }
            return boundary.contains(v)
        }
        return true
    }

    /// The sentence around `offset` within `range` (a line): from just after the last boundary mark before
    /// `offset` to just after the first at or after it.
    @inlinable
    public static func around(_ offset: Int, in p: UnsafeBufferPointer<UInt8>, within range: TextRange, at boundary: Boundary = .sentence) -> TextRange {
        let o = max(range.start, min(offset, range.end))
        return TextRange(start(in: p, before: o, floor: range.start, at: boundary), end(in: p, from: o, limit: range.end, at: boundary))
    }
}

/// Clauses: the parts of a sentence between ，；：(`Boundary.clause`); a line break ends one too.
public enum Clauses {
    /// The start of the clause that holds the scalar before `end` (`Sentences.start` at a clause boundary).
    @inlinable @inline(__always)
    public static func start(in p: UnsafeBufferPointer<UInt8>, before end: Int, floor: Int, at boundary: Boundary = .clause) -> Int {
        Sentences.start(in: p, before: end, floor: floor, at: boundary)
    }

    /// The offset of the mark (or line break) that ends the clause holding the scalar at `from`: the first
    /// boundary mark in `from..<limit`, else the last scalar boundary at or before `limit`.
    @inlinable @inline(__always)
    public static func end(in p: UnsafeBufferPointer<UInt8>, from: Int, limit: Int, at boundary: Boundary = .clause) -> Int {
        Sentences.firstEnd(in: p, from: from, limit: limit, at: boundary).offset
    }
}

extension SourceText {
    /// `Sentences.around` over this text's bytes.
    public func sentence(around offset: Int, within range: TextRange, at boundary: Boundary = .sentence) -> TextRange {
        bytes.withUnsafeBufferPointer { Sentences.around(offset, in: $0, within: range, at: boundary) }
    }
}
