import FazhiKnowledge
import FazhiParser
import FazhiText

/// The finding and deciding halves of `placeholder`: candidates come from the index of marks (runs of
/// ×○□_, brackets) and the trigger scan (XX, 填写, TODO, 此处插入, （略）); each is then kept or dropped
/// by what surrounds it.
enum PlaceholderScan {
    enum Kind: Equatable {
        /// A run of one placeholder mark (×× ○○ □□ ＿＿＿), or of X / x.
        case run(UInt32, count: Int)
        /// 【…】 [ … ] ［…］ closed on the same line; `content` is what is inside, spaces removed.
        case bracket(content: String, ascii: Bool)
        /// （ ） with only spaces inside.
        case emptyParens
        /// 填写, 待填, 待补充, TODO, FIXME, 此处插入.
        case phrase(String)
        /// （略） (略): text left out.
        case omitted
    }

    struct Candidate {
        var range: TextRange
        var kind: Kind
        /// The scalars just before and after the range (0 at the text's ends).
        var before: UInt32
        var after: UInt32
    }

    struct Finding {
        var range: TextRange
        var message: String
    }

    // MARK: Finding

    /// Every candidate in text order of discovery (marks first, then triggers).
    static func candidates(_ ctx: LintContext) -> [Candidate] {
        var out: [Candidate] = []
        let marks = ctx.cache.marks
        let offs = marks.offsets, vals = marks.values
        func around(_ r: TextRange, _ kind: Kind) -> Candidate {
            Candidate(range: r, kind: kind, before: ctx.scalar(before: r.start).0, after: ctx.scalar(at: r.end))
        }
        var k = 0
        while k < offs.count {
            let v = vals[k]
            switch v {
            case .fullwidthLetterX, .multiplicationSign, .whiteCircle, .largeCircle, .whiteSquare, .asciiLowLine, .fullwidthLowLine:
                // A run of the same mark: consecutive entries without a gap.
                let len = Scalars.utf8Length(v)
                var end = offs[k] + len, j = k + 1
                while j < offs.count && vals[j] == v && offs[j] == end { end += len; j += 1 }
                out.append(around(TextRange(offs[k], end), .run(v, count: j - k)))
                k = j
                continue
            case .leftLenticularBracket, .asciiLeftBracket, .fullwidthLeftSquareBracket:
                if let c = bracket(ctx, at: offs[k], open: v) { out.append(around(c.0, c.1)) }
            case .leftParenthesis:  // （ ）
                if let e = emptyParens(ctx, at: offs[k]) { out.append(around(TextRange(offs[k], e), .emptyParens)) }
            default:
                break
            }
            k += 1
        }
        var xEnd = 0
        let bytes = ctx.source.bytes
        for m in ctx.matches(PlaceholderRule.words) {
            switch PlaceholderRule.Word(rawValue: m.payload)! {
            case .xRun:
                guard m.start >= xEnd else { continue }
                let c = bytes[m.start]
                var s = m.start, e = m.end
                while s > 0 && bytes[s - 1] == c { s -= 1 }
                while e < bytes.count && bytes[e] == c { e += 1 }
                xEnd = e
                out.append(around(TextRange(s, e), .run(UInt32(c), count: e - s)))
            case .fill, .insertHere, .phrase: out.append(around(m.textRange, .phrase(ctx.text(m.textRange))))
            case .omitted: out.append(around(m.textRange, .omitted))
            }
        }
        return out
    }

    /// A bracket closed on its line within 60 bytes: its range and content.
    static func bracket(_ ctx: LintContext, at start: Int, open: UInt32) -> (TextRange, Kind)? {
        guard let li = FormatScan.line(ctx, at: start) else { return nil }
        let close: UInt32 = open == .leftLenticularBracket ? .rightLenticularBracket
            : (open == .asciiLeftBracket ? .asciiRightBracket : .fullwidthRightSquareBracket)
        let first = start + Scalars.utf8Length(open)
        var e = -1
        var content = String.UnicodeScalarView()
        ctx.forEachScalar(in: TextRange(first, min(li.range.end, first + 60))) { v, off, len in
            guard e < 0 else { return }
            if v == close { e = off + len; return }
            if !Scalars.isSpace(v), let u = Unicode.Scalar(v) { content.append(u) }
        }
        guard e > 0 else { return nil }
        return (TextRange(start, e), .bracket(content: String(content), ascii: open == .asciiLeftBracket))
    }

    /// End of （ ） / （） with at most four spaces inside, in prose.
    static func emptyParens(_ ctx: LintContext, at start: Int) -> Int? {
        var e = start + 3, spaces = 0
        while spaces < 4, FormatScan.isVisibleSpace(ctx.scalar(at: e)) { e += Scalars.utf8Length(ctx.scalar(at: e)); spaces += 1 }
        guard ctx.scalar(at: e) == .rightParenthesis, FormatScan.inProse(ctx, start) != nil else { return nil }
        return e + 3
    }

    // MARK: Deciding

    /// Words inside a bracket that make it a blank to fill (residue.json).
    static let fillWords = ResidueVocabulary.shared.bracketFillWords
    /// Words before （略） that make it an ordinary note of an omitted attachment or picture (residue.json).
    static let omittedOwners = ResidueVocabulary.shared.omittedOwners

    /// The findings among the candidates, in text order, each range reported once.
    static func decide(_ candidates: [Candidate], _ ctx: LintContext) -> [Finding] {
        var found: [Finding] = []
        // Runs, brackets and parentheses first; phrases only where nothing else was found (待填写 once).
        let phrases = candidates.filter { if case .phrase = $0.kind { return true } else { return false } }
            .sorted { ($0.kind == .phrase("填写") ? 0 : 1, $0.range.start) < ($1.kind == .phrase("填写") ? 0 : 1, $1.range.start) }
        for c in candidates {
            if case .phrase = c.kind { continue }
            if let f = keep(c, ctx) { found.append(f) }
        }
        for c in phrases where !found.contains(where: { $0.range.overlaps(c.range) }) {
            if let f = keep(c, ctx), !found.contains(where: { $0.range.overlaps(f.range) }) { found.append(f) }
        }
        return found.sorted { $0.range.start < $1.range.start }
    }

    /// A candidate as a finding, or nil when its surroundings show it is ordinary text.
    static func keep(_ c: Candidate, _ ctx: LintContext) -> Finding? {
        let text = ctx.text(c.range)
        let unreplaced = Finding(range: c.range, message: "未替换的占位符“\(text)”，请填写实际内容")
        switch c.kind {
        case .run(let v, let count):
            guard count >= 2 else { return nil }
            switch v {
            case .asciiLetterX, .asciiSmallLetterX, .fullwidthLetterX:  // not inside a Latin word (XXL) or a model number (XX-200, XX100)
                if FormatScan.isASCIILetter(c.before) || FormatScan.isASCIILetter(c.after) { return nil }
                if v != .fullwidthLetterX
                    && (FormatScan.digit(c.before) != nil || FormatScan.digit(c.after) != nil || c.before == .asciiHyphen || c.after == .asciiHyphen) {
                    return nil
                }
                if v == .asciiSmallLetterX && !(Scalars.isHan(c.before) || Scalars.isHan(c.after)) { return nil }
            case .multiplicationSign:  // × between digits is multiplication
                if FormatScan.digit(c.before) != nil && FormatScan.digit(c.after) != nil { return nil }
            case .asciiLowLine, .fullwidthLowLine:  // ___ blanks to fill
                guard count >= 3 else { return nil }
            default:
                break
            }
            return unreplaced
        case .bracket(let content, let ascii):
            // [1] and [bookmark: …] are references and conversion residue; 【】 may be empty.
            if ascii && content.isEmpty { return nil }
            guard content.isEmpty || fillWords.contains(where: { content.contains($0) }) else { return nil }
            return unreplaced
        case .emptyParens:
            return Finding(range: c.range, message: "空括号“\(text)”像是未填写的占位，请填写实际内容")
        case .omitted:
            guard let li = FormatScan.inProse(ctx, c.range.start), li.kind != .attachment, li.kind != .note else { return nil }
            let head = ctx.text(TextRange(max(li.range.start, c.range.start - 6), c.range.start))
            if omittedOwners.contains(where: { head.hasSuffix($0) }) { return nil }
            // 附件：1.工作台账（略）: an attachment list, even where the parser saw a paragraph.
            let lineHead = ctx.text(TextRange(li.range.start, min(li.range.end, li.range.start + 12)))
            if lineHead.unicodeScalars.drop(while: { Scalars.isSpace($0.value) }).starts(with: "附件".unicodeScalars) { return nil }
            return Finding(range: c.range, message: "“\(text)”是省略标记，正文内容没有写完；请补全或删除")
        case .phrase(let p):
            return phrase(p, c, ctx)
        }
    }

    static func phrase(_ p: String, _ c: Candidate, _ ctx: LintContext) -> Finding? {
        var r = c.range
        if p.first!.isASCII && (FormatScan.isASCIILetter(c.before) || FormatScan.isASCIILetter(c.after)) { return nil }
        if p == "填写" {
            // 此处填写 / 请填写 / 待填写 only: 填写报表 is ordinary prose.
            let (b1, l1) = ctx.scalar(before: r.start)
            let (b2, l2) = ctx.scalar(before: r.start - l1)
            if b1 == .scalar("请") || b1 == .scalar("待") { r = TextRange(r.start - l1, r.end) }
            else if b1 == .scalar("处") && b2 == .scalar("此") { r = TextRange(r.start - l1 - l2, r.end) }
            else { return nil }
        }
        if p == "此处插入" {
            // 此处插入图片 is a picture note (`conversion-artifact`).
            let next = ctx.text(TextRange(r.end, min(ctx.source.count, r.end + 6)))
            if next.hasPrefix("图片") || next.hasPrefix("照片") { return nil }
        }
        return Finding(range: r, message: "未完成的占位内容“\(ctx.text(r))”，请填写实际内容")
    }
}
