import FazhiParser
import FazhiText

/// Small helpers shared by the numbering, punctuation, spacing and residue rules.
enum FormatScan {
    /// Chinese numeral for 1…999 as used in ordinals (十一, 二十, 一百零五).
    static func chineseNumeral(_ n: Int) -> String { ChineseNumerals.string(n) }

    @inline(__always) static func isChineseNumeral(_ v: UInt32) -> Bool {
        switch v {
        case .ideographicZero, .scalar("零"), .scalar("一"), .scalar("二"), .scalar("两"), .scalar("三"), .scalar("四"), .scalar("五"),
             .scalar("六"), .scalar("七"), .scalar("八"), .scalar("九"), .scalar("十"), .scalar("百"):
            return true
        default: return false
        }
    }

    /// ASCII or full-width digit value.
    @inline(__always) static func digit(_ v: UInt32) -> Int? { Scalars.decimalDigit(v) }

    /// Full-width Chinese punctuation: 。，、；：？！ “”‘’（）《》【】〔〕〈〉…—·.
    @inline(__always) static func isCJKPunct(_ v: UInt32) -> Bool { Scalars.isCJKPunctuation(v) }

    /// The byte range of the numeral (Chinese or Arabic) inside a marker, if any.
    static func numeralRange(_ ctx: LintContext, in marker: TextRange) -> (TextRange, chinese: Bool)? {
        var start = -1, end = -1, chinese = false
        ctx.forEachScalar(in: marker) { v, off, len in
            if end >= 0 && start >= 0 && end != off { return }
            let isCN = isChineseNumeral(v), isD = digit(v) != nil
            if start < 0 {
                if isCN || isD { start = off; end = off + len; chinese = isCN }
            } else if end == off && (chinese ? isCN : isD) {
                end = off + len
            }
        }
        return start >= 0 ? (TextRange(start, end), chinese) : nil
    }

    /// A number written as a Chinese numeral or in Arabic digits.
    static func display(_ n: Int, chinese: Bool) -> String { chinese ? chineseNumeral(n) : String(n) }
}

extension FormatScan {
    /// Kinds of lines that carry running Chinese prose (punctuation and spacing rules read these).
    static let proseKinds: Set<LineKind> = [.paragraph, .continuation, .heading, .title, .recipient, .closingPhrase, .note, .attachment]

    /// The line (index into `report.lines`) holding a byte offset.
    static func line(_ ctx: LintContext, at offset: Int) -> LineInfo? {
        let l = ctx.source.line(of: offset)
        return l < ctx.report.lines.count ? ctx.report.lines[l] : nil
    }

    /// Whether `offset` lies in prose (not in a heading marker, not in header/closing fields).
    static func inProse(_ ctx: LintContext, _ offset: Int) -> LineInfo? {
        guard let li = line(ctx, at: offset), proseKinds.contains(li.kind), li.range.contains(offset) else { return nil }
        if li.kind == .heading, let h = li.heading, h < ctx.report.headings.count {
            let hd = ctx.report.headings[h]
            if hd.markerRange.contains(offset) { return nil }
        }
        return li
    }

    /// Han or full-width Chinese punctuation.
    @inline(__always) static func isChinese(_ v: UInt32) -> Bool { Scalars.isChinese(v) }

    @inline(__always) static func isASCIILetter(_ v: UInt32) -> Bool { Scalars.isASCIILetter(v) }

    /// Space characters with a visible width (zero-width ones are conversion residue, not spaces).
    @inline(__always) static func isVisibleSpace(_ v: UInt32) -> Bool { Scalars.isVisibleSpace(v) }

    static func scalarName(_ v: UInt32) -> String {
        switch v {
        case .space: return "半角空格"
        case .tab: return "制表符"
        case .noBreakSpace: return "不间断空格（U+00A0）"
        case .ideographicSpace: return "全角空格"
        default: return "空白字符（U+\(hex(v))）"
        }
    }
}

extension FormatScan {
    /// Four or more uppercase hex digits, as in U+00A0.
    static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
