import FazhiKnowledge
import FazhiParser
import FazhiText

/// `conversion-artifact`: residue of Word/PDF/web conversion: [bookmark: …], {.underline}, U+FFFD,
/// control and zero-width characters, HTML tags and entities, picture placeholders.
struct ConversionArtifactRule: Rule {
    let metadata = RuleMetadata(
        id: "conversion-artifact",
        category: .residue,
        defaultSeverity: .error,
        title: "文档转换残留",
        rationale: "从Word、PDF或网页转换、复制的文字常带有书签标记（[bookmark: _GoBack]）、样式标记（{.underline}）、HTML标签（<br>）、乱码替换符（�）、换页符、零宽字符以及“（此处插入图片）”之类的排版提示。这些内容不属于正文，印发或公开前必须清除。乱码替换符表示原字已经丢失，删除后还需补回原字。",
        source: "GB/T 9704-2012《党政机关公文格式》7.3.3（正文）；公文印发、公开前的校核要求",
        examples: [
            RuleExample("[bookmark: _GoBack]关于2024年度法治政府建设情况的报告\n", triggers: true),
            RuleExample("全年办理案件12件。<br>\n推进{.underline}依法行政。\n", triggers: true),
            RuleExample("推进依\u{200B}法行政。\n", triggers: true, note: "零宽空格"),
            RuleExample("全年办理案件12件，满意率达98%，详见[附件1]，其中A<B的情况已说明。\n", triggers: false),
        ],
        fixable: true)

    private static let tags: Set<String> = ["br", "p", "span", "div", "font", "b", "i", "u", "strong", "em", "sup", "sub", "img", "table", "tr", "td", "th", "tbody", "o:p", "w:p", "a", "hr", "li", "ul", "ol"]
    private static let entities = ["&nbsp;", "&lt;", "&gt;", "&amp;", "&quot;", "&ensp;", "&emsp;"]

    /// The picture notes of residue.json (插入图片, 图片略 …).
    static let pictureNotes = TriggerList("conversion-artifact picture notes") {
        ResidueVocabulary.shared.pictureNotes.map { ($0, 0) }
    }

    var triggers: [TriggerList] { [Self.pictureNotes] }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        // Every character this rule looks at is a mark ([ { < & control and special characters) except the
        // picture notes, which come from the trigger scan. A recognised artifact is skipped as a whole, as
        // a left-to-right scan would skip it: marks and notes inside it are not looked at again.
        let bytes = ctx.source.bytes
        let n = bytes.count
        let marks = ctx.cache.marks
        var skipped: [TextRange] = []
        let offs = marks.offsets, vals = marks.values
        var skipUntil = 0
        for k in 0..<offs.count {
            let i = offs[k]
            guard i >= skipUntil else { continue }
            let v = vals[k]
            var artifactEnd = -1
            switch v {
            case .asciiLeftBracket: // [bookmark: …] [image: …]
                if let e = bracketed(bytes, i, prefixes: ["[bookmark:", "[image:", "[图片]"]) { report(ctx, TextRange(i, e), "书签或图片标记", &sink); artifactEnd = e }
            case .asciiLeftBrace: // {.underline} {#_Toc123}
                if i + 1 < n && (bytes[i + 1] == UInt8(ascii: ".") || bytes[i + 1] == UInt8(ascii: "#")), let e = braceAttr(bytes, i) { report(ctx, TextRange(i, e), "样式标记", &sink); artifactEnd = e }
            case .asciiLessThan: // <br> </p> <span style=…>
                if let e = htmlTag(bytes, i) { report(ctx, TextRange(i, e), "HTML标签", &sink); artifactEnd = e }
            case .asciiAmpersand:
                if let ent = Self.entities.first(where: { starts(bytes, i, $0) }) {
                    let e = i + ent.utf8.count
                    report(ctx, TextRange(i, e), "HTML字符实体", &sink); artifactEnd = e
                }
            case _ where Scalars.isStrayControl(v):
                report(ctx, TextRange(i, i + 1), v == .formFeed ? "换页符" : "控制字符（U+\(FormatScan.hex(v))）", &sink)
            case .softHyphen: report(ctx, TextRange(i, i + 2), "软连字符（U+00AD）", &sink)
            case .zeroWidthSpace, .zeroWidthNonJoiner, .zeroWidthJoiner, .wordJoiner:
                report(ctx, TextRange(i, i + 3), "零宽字符（U+\(FormatScan.hex(v))）", &sink)
            case .byteOrderMark where i > 0: report(ctx, TextRange(i, i + 3), "字节顺序标记（U+FEFF）", &sink)
            case .replacementCharacter:
                sink.report(TextRange(i, i + 3), "乱码替换符“�”：原字在转换中丢失，请核对原文补回",
                            fixes: [Fix(title: "删除“�”", edits: [TextEdit(range: TextRange(i, i + 3), newText: "")], isSafe: false)])
            default: break
            }
            if artifactEnd >= 0 {
                skipped.append(TextRange(i, artifactEnd))
                skipUntil = artifactEnd
            }
        }
        // Picture notes outside the skipped artifacts.
        var pictureAnchors: [TextRange] = []
        var s = 0
        for m in ctx.matches(Self.pictureNotes) {
            while s < skipped.count && skipped[s].end <= m.start { s += 1 }
            if s < skipped.count && skipped[s].start <= m.start { continue }
            pictureAnchors.append(m.textRange)
        }
        for r in pictureAnchors { pictureNote(ctx, r, &sink) }
    }

    private func report(_ ctx: LintContext, _ r: TextRange, _ what: String, _ sink: inout DiagnosticSink) {
        sink.report(r, "文档转换残留：\(what)“\(ctx.text(r))”", fixes: [Fix(title: "删除", edits: [TextEdit(range: r, newText: "")])])
    }

    private func starts(_ bytes: [UInt8], _ i: Int, _ s: String) -> Bool {
        var k = i
        for c in s.utf8 {
            guard k < bytes.count else { return false }
            guard Scalars.lowercasedASCII(bytes[k]) == c else { return false }
            k += 1
        }
        return true
    }

    /// End of `[bookmark: …]` (a bracket closed on the same line within 200 bytes).
    private func bracketed(_ bytes: [UInt8], _ i: Int, prefixes: [String]) -> Int? {
        guard let p = prefixes.first(where: { starts(bytes, i, $0) }) else { return nil }
        var j = i + p.utf8.count
        if p.hasSuffix("]") { return j }
        while j < bytes.count && j - i < 200 && bytes[j] != UInt8(ascii: "\n") {
            if bytes[j] == UInt8(ascii: "]") { return j + 1 }
            j += 1
        }
        return nil
    }

    /// What a Pandoc attribute holds besides letters and digits: `_ - . = " #` and spaces.
    private static let attributeBytes: [UInt8] = Array("_-.= \"#".utf8)

    /// End of `{.underline}` / `{#_Toc1}` / `{.mark}`: ASCII identifier characters only.
    private func braceAttr(_ bytes: [UInt8], _ i: Int) -> Int? {
        var j = i + 2
        while j < bytes.count && j - i < 80 {
            let c = bytes[j]
            if c == UInt8(ascii: "}") { return j > i + 2 ? j + 1 : nil }
            guard Scalars.isASCIIAlphanumeric(c) || Self.attributeBytes.contains(c) else { return nil }
            j += 1
        }
        return nil
    }

    /// End of a known HTML tag at `i`.
    private func htmlTag(_ bytes: [UInt8], _ i: Int) -> Int? {
        var j = i + 1
        let slash = UInt8(ascii: "/"), colon = UInt8(ascii: ":"), space = UInt8(ascii: " "), less = UInt8(ascii: "<"), greater = UInt8(ascii: ">"), lineFeed = UInt8(ascii: "\n")
        if j < bytes.count && bytes[j] == slash { j += 1 }
        let ns = j
        while j < bytes.count, j - ns < 8 {
            guard Scalars.isASCIIAlphanumeric(bytes[j]) || bytes[j] == colon else { break }
            j += 1
        }
        guard j > ns else { return nil }
        let name = String(decoding: bytes[ns..<j].map(Scalars.lowercasedASCII), as: UTF8.self)
        guard Self.tags.contains(name), j < bytes.count else { return nil }
        if bytes[j] == greater { return j + 1 }
        guard bytes[j] == space || bytes[j] == slash else { return nil }
        while j < bytes.count && j - i < 300 && bytes[j] != lineFeed {
            if bytes[j] == greater { return j + 1 }
            if bytes[j] == less { return nil }
            j += 1
        }
        return nil
    }

    /// （此处插入图片）: the note with its brackets; a bare note is reported without a fix.
    private func pictureNote(_ ctx: LintContext, _ r: TextRange, _ sink: inout DiagnosticSink) {
        guard let li = FormatScan.line(ctx, at: r.start) else { return }
        let opens: Set<UInt32> = [.leftParenthesis, .asciiLeftParenthesis, .leftLenticularBracket, .asciiLeftBracket]
        let closes: Set<UInt32> = [.rightParenthesis, .asciiRightParenthesis, .rightLenticularBracket, .asciiRightBracket]
        var s = r.start, steps = 0
        var open = false
        while s > li.range.start && steps < 8 {
            let (v, len) = ctx.scalar(before: s)
            if opens.contains(v) { s -= len; open = true; break }
            if !Scalars.isHan(v) { break }
            s -= len; steps += 1
        }
        var e = r.end
        steps = 0
        var close = false
        while e < li.range.end && steps < 8 {
            let v = ctx.scalar(at: e)
            if closes.contains(v) { e += Scalars.utf8Length(v); close = true; break }
            if !(Scalars.isHan(v) || v == .enumerationComma || FormatScan.digit(v) != nil) { break }
            e += Scalars.utf8Length(v); steps += 1
        }
        if open && close {
            report(ctx, TextRange(s, e), "排版提示", &sink)
        } else {
            sink.report(r, "文档转换残留：排版提示“\(ctx.text(r))”")
        }
    }
}
