// The named vocabulary of the marks a report is written with, as scalar values: the code is compared with
// `.fullStop` and `.leftBookTitleMark`, never with 0x3002 and 0x300A. Names follow GB/T 15834-2011 where it
// names the mark (its Chinese name is in the comment), else Unicode. Everything here is a constant the
// compiler folds into the comparison, so the names cost nothing on hot paths.
//
// Outside this file and `Sentences.swift`, the linter's rules write no code point as a number (a test checks it).

extension UInt32 {
    // MARK: 点号 (GB/T 15834-2011 4.1–4.7), full width as Chinese text uses them

    @inlinable public static var fullStop: UInt32 { 0x3002 }  // 。 句号
    @inlinable public static var questionMark: UInt32 { 0xFF1F }  // ？ 问号
    @inlinable public static var exclamationMark: UInt32 { 0xFF01 }  // ！ 叹号
    @inlinable public static var comma: UInt32 { 0xFF0C }  // ， 逗号
    @inlinable public static var enumerationComma: UInt32 { 0x3001 }  // 、 顿号
    @inlinable public static var semicolon: UInt32 { 0xFF1B }  // ； 分号
    @inlinable public static var colon: UInt32 { 0xFF1A }  // ： 冒号

    // MARK: 标号 (GB/T 15834-2011 4.8–4.17)

    @inlinable public static var leftDoubleQuote: UInt32 { 0x201C }  // “ 引号
    @inlinable public static var rightDoubleQuote: UInt32 { 0x201D }  // ”
    @inlinable public static var leftSingleQuote: UInt32 { 0x2018 }  // ‘
    @inlinable public static var rightSingleQuote: UInt32 { 0x2019 }  // ’
    @inlinable public static var leftParenthesis: UInt32 { 0xFF08 }  // （ 括号
    @inlinable public static var rightParenthesis: UInt32 { 0xFF09 }  // ）
    @inlinable public static var leftLenticularBracket: UInt32 { 0x3010 }  // 【 方头括号
    @inlinable public static var rightLenticularBracket: UInt32 { 0x3011 }  // 】
    @inlinable public static var leftTortoiseShellBracket: UInt32 { 0x3014 }  // 〔 六角括号 (文号的年份)
    @inlinable public static var rightTortoiseShellBracket: UInt32 { 0x3015 }  // 〕
    @inlinable public static var leftBookTitleMark: UInt32 { 0x300A }  // 《 书名号
    @inlinable public static var rightBookTitleMark: UInt32 { 0x300B }  // 》
    @inlinable public static var leftSingleBookTitleMark: UInt32 { 0x3008 }  // 〈 单书名号
    @inlinable public static var rightSingleBookTitleMark: UInt32 { 0x3009 }  // 〉
    @inlinable public static var leftCornerBracket: UInt32 { 0x300C }  // 「 直角引号
    @inlinable public static var rightCornerBracket: UInt32 { 0x300D }  // 」
    @inlinable public static var leftWhiteCornerBracket: UInt32 { 0x300E }  // 『
    @inlinable public static var rightWhiteCornerBracket: UInt32 { 0x300F }  // 』
    @inlinable public static var ellipsis: UInt32 { 0x2026 }  // … 省略号 (written twice: ……)
    @inlinable public static var midlineEllipsis: UInt32 { 0x22EF }  // ⋯ a look-alike of …
    @inlinable public static var emDash: UInt32 { 0x2014 }  // — 破折号 (written twice: ——); also a range dash
    @inlinable public static var enDash: UInt32 { 0x2013 }  // – a look-alike, typed for ranges
    @inlinable public static var middleDot: UInt32 { 0x00B7 }  // · 间隔号
    @inlinable public static var fullwidthTilde: UInt32 { 0xFF5E }  // ～ 浪纹线 (连接号 of ranges)
    @inlinable public static var fullwidthHyphen: UInt32 { 0xFF0D }  // －
    @inlinable public static var fullwidthFullStop: UInt32 { 0xFF0E }  // ． (a full-width period: not 。)
    @inlinable public static var fullwidthSolidus: UInt32 { 0xFF0F }  // ／
    @inlinable public static var fullwidthPercent: UInt32 { 0xFF05 }  // ％
    @inlinable public static var fullwidthLeftSquareBracket: UInt32 { 0xFF3B }  // ［
    @inlinable public static var fullwidthRightSquareBracket: UInt32 { 0xFF3D }  // ］
    @inlinable public static var fullwidthLowLine: UInt32 { 0xFF3F }  // ＿ a blank to fill
    @inlinable public static var fullwidthLetterX: UInt32 { 0xFF38 }  // Ｘ a placeholder

    // MARK: Half-width marks as drafters type them (and as Latin text and numbers use them)

    @inlinable public static var asciiPeriod: UInt32 { 0x2E }  // .
    @inlinable public static var asciiComma: UInt32 { 0x2C }  // ,
    @inlinable public static var asciiSemicolon: UInt32 { 0x3B }  // ;
    @inlinable public static var asciiColon: UInt32 { 0x3A }  // :
    @inlinable public static var asciiQuestionMark: UInt32 { 0x3F }  // ?
    @inlinable public static var asciiExclamationMark: UInt32 { 0x21 }  // !
    @inlinable public static var asciiQuote: UInt32 { 0x22 }  // "
    @inlinable public static var asciiApostrophe: UInt32 { 0x27 }  // '
    @inlinable public static var asciiLeftParenthesis: UInt32 { 0x28 }  // (
    @inlinable public static var asciiRightParenthesis: UInt32 { 0x29 }  // )
    @inlinable public static var asciiLeftBracket: UInt32 { 0x5B }  // [
    @inlinable public static var asciiRightBracket: UInt32 { 0x5D }  // ]
    @inlinable public static var asciiLeftBrace: UInt32 { 0x7B }  // {
    @inlinable public static var asciiLessThan: UInt32 { 0x3C }  // <
    @inlinable public static var asciiGreaterThan: UInt32 { 0x3E }  // >
    @inlinable public static var asciiAmpersand: UInt32 { 0x26 }  // &
    @inlinable public static var asciiPercent: UInt32 { 0x25 }  // %
    @inlinable public static var asciiSlash: UInt32 { 0x2F }  // /
    @inlinable public static var asciiHyphen: UInt32 { 0x2D }  // - (hyphen-minus)
    @inlinable public static var asciiTilde: UInt32 { 0x7E }  // ~
    @inlinable public static var asciiLowLine: UInt32 { 0x5F }  // _
    @inlinable public static var asciiLetterX: UInt32 { 0x58 }  // X
    @inlinable public static var asciiSmallLetterX: UInt32 { 0x78 }  // x

    // MARK: Spaces, line breaks and invisible characters

    @inlinable public static var space: UInt32 { 0x20 }
    @inlinable public static var tab: UInt32 { 0x09 }
    @inlinable public static var lineFeed: UInt32 { 0x0A }
    @inlinable public static var carriageReturn: UInt32 { 0x0D }
    @inlinable public static var formFeed: UInt32 { 0x0C }  // a page break from Word
    @inlinable public static var delete: UInt32 { 0x7F }
    @inlinable public static var noBreakSpace: UInt32 { 0x00A0 }
    @inlinable public static var softHyphen: UInt32 { 0x00AD }
    @inlinable public static var zeroWidthSpace: UInt32 { 0x200B }
    @inlinable public static var zeroWidthNonJoiner: UInt32 { 0x200C }
    @inlinable public static var zeroWidthJoiner: UInt32 { 0x200D }
    @inlinable public static var wordJoiner: UInt32 { 0x2060 }
    @inlinable public static var ideographicSpace: UInt32 { 0x3000 }  // 全角空格
    @inlinable public static var byteOrderMark: UInt32 { 0xFEFF }
    @inlinable public static var replacementCharacter: UInt32 { 0xFFFD }  // � a character lost in conversion

    // MARK: Symbols drafters use as placeholders or between numbers

    @inlinable public static var multiplicationSign: UInt32 { 0x00D7 }  // ×
    @inlinable public static var whiteCircle: UInt32 { 0x25CB }  // ○
    @inlinable public static var largeCircle: UInt32 { 0x25EF }  // ◯
    @inlinable public static var whiteSquare: UInt32 { 0x25A1 }  // □
    @inlinable public static var ideographicZero: UInt32 { 0x3007 }  // 〇 (a Han numeral)

    /// A character written as itself, for the few Han characters code compares with: `v == .scalar("年")`.
    @inlinable @inline(__always) public static func scalar(_ s: Unicode.Scalar) -> UInt32 { s.value }
}

/// Classes of marks. Each is one definition, used wherever the code asks the question; a place that needs
/// another boundary uses a named variant here, never a list of its own.
public enum Punctuation {
    /// 。？！ end a sentence (GB/T 15834-2011 句末点号). The definition of a sentence end.
    @inlinable @inline(__always)
    public static func isSentenceEnd(_ v: UInt32) -> Bool { v == .fullStop || v == .questionMark || v == .exclamationMark }

    /// A sentence end or ；: where an item of a run of measures ends (一是……；二是……) and where a
    /// heading's first sentence stops.
    @inlinable @inline(__always)
    public static func isSentenceOrItemEnd(_ v: UInt32) -> Bool { isSentenceEnd(v) || v == .semicolon }

    /// `isSentenceOrItemEnd` with the half-width ! ? ; that careless typing leaves: for showing the sentence
    /// around a place in an editor, where a sentence too long is worse than one cut early.
    @inlinable @inline(__always)
    public static func isSentenceOrItemEndAnyWidth(_ v: UInt32) -> Bool {
        isSentenceOrItemEnd(v) || v == .asciiSemicolon || v == .asciiExclamationMark || v == .asciiQuestionMark
    }

    /// A sentence or item end or ：: where the text of a heading run into a flattened line ends
    /// (“一、主要举措和成效：……”).
    @inlinable @inline(__always)
    public static func isHeadingTextEnd(_ v: UInt32) -> Bool { isSentenceOrItemEnd(v) || v == .colon }

    /// ，；：or a sentence end close a clause (、 separates the parts of one list); half-width , and ; too,
    /// as drafters type them.
    @inlinable @inline(__always)
    public static func isClauseEnd(_ v: UInt32) -> Bool {
        isSentenceEnd(v) || v == .comma || v == .semicolon || v == .colon || v == .asciiComma || v == .asciiSemicolon
    }

    /// Whether a UTF-8 byte can be the middle byte of a three-byte sentence or clause end: 80 (。、…) or BC
    /// (the full-width ！？；：，．).
    @inlinable @inline(__always)
    public static func mayBeBoundaryMiddle(_ b: UInt8) -> Bool { b == 0x80 || b == 0xBC }

    /// Whether a UTF-8 byte can start a clause end (`isClauseEnd`): , ; or the lead byte that 。 shares with
    /// the other CJK marks (E3) or that ，；：！？ share with the full-width forms (EF). Byte scans step over
    /// every other sequence without decoding it.
    @inlinable @inline(__always)
    public static func mayStartClauseEnd(_ b: UInt8) -> Bool { b == 0x2C || b == 0x3B || b == 0xE3 || b == 0xEF }

    /// A clause end or 、: where one item of a list ends (a word after 、 speaks of the next item).
    @inlinable @inline(__always)
    public static func isListItemEnd(_ v: UInt32) -> Bool { isClauseEnd(v) || v == .enumerationComma }

    /// The half-width marks typed for the 点号: . , ; : ! ?
    @inlinable @inline(__always)
    public static func isASCIIPauseMark(_ v: UInt32) -> Bool {
        switch v {
        case .asciiPeriod, .asciiComma, .asciiSemicolon, .asciiColon, .asciiExclamationMark, .asciiQuestionMark: return true
        default: return false
        }
    }

    /// A line of prose that ends in one of these is complete, not a sentence broken over two lines:
    /// sentence and item ends, ：, …, their half-width forms and ．.
    @inlinable @inline(__always)
    public static func completesLine(_ v: UInt32) -> Bool {
        switch v {
        case .fullStop, .exclamationMark, .questionMark, .semicolon, .colon, .ellipsis, .asciiExclamationMark, .asciiQuestionMark,
             .asciiSemicolon, .asciiColon, .fullwidthFullStop:
            return true
        default: return false
        }
    }

    /// 点号 of Chinese text: 。？！，、；：(GB/T 15834-2011 4.1–4.7).
    @inlinable @inline(__always)
    public static func isPauseMark(_ v: UInt32) -> Bool {
        switch v {
        case .enumerationComma, .fullStop, .comma, .semicolon, .colon, .questionMark, .exclamationMark: return true
        default: return false
        }
    }

    /// 引号 and 书名号, full and half width: “”‘’"'《》〈〉「」.
    @inlinable @inline(__always)
    public static func isQuotationOrTitleMark(_ v: UInt32) -> Bool {
        switch v {
        case .leftDoubleQuote, .rightDoubleQuote, .leftSingleQuote, .rightSingleQuote, .asciiQuote, .asciiApostrophe,
             .leftBookTitleMark, .rightBookTitleMark, .leftSingleBookTitleMark, .rightSingleBookTitleMark, .leftCornerBracket,
             .rightCornerBracket:
            return true
        default: return false
        }
    }

    /// The second half of a paired mark, which may follow a sentence end: ”’）)》】」』〕.
    @inlinable @inline(__always)
    public static func isClosingMark(_ v: UInt32) -> Bool {
        switch v {
        case .rightDoubleQuote, .rightSingleQuote, .rightParenthesis, .asciiRightParenthesis, .rightBookTitleMark,
             .rightLenticularBracket, .rightCornerBracket, .rightWhiteCornerBracket, .rightTortoiseShellBracket:
            return true
        default: return false
        }
    }

    /// What drafters write between the two numbers or years of a range: — – - － ～ ~ 至 到.
    @inlinable @inline(__always)
    public static func isRangeDash(_ v: UInt32) -> Bool {
        switch v {
        case .emDash, .enDash, .asciiHyphen, .fullwidthHyphen, .fullwidthTilde, .asciiTilde, .scalar("至"), .scalar("到"): return true
        default: return false
        }
    }
}
