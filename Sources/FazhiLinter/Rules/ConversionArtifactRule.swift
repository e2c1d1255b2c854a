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
            case 0x5B: // [bookmark: …] [image: …]
                if let e = bracketed(bytes, i, prefixes: ["[bookmark:", "[image:", "[图片]"]) { report(ctx, TextRange(i, e), "书签或图片标记", &sink); artifactEnd = e }
            case 0x7B: // {.underline} {#_Toc123}
                if i + 1 < n && (bytes[i + 1] == 0x2E || bytes[i + 1] == 0x23), let e = braceAttr(bytes, i) { report(ctx, TextRange(i, e), "样式标记", &sink); artifactEnd = e }
            case 0x3C: // <br> </p> <span style=…>
                if let e = htmlTag(bytes, i) { report(ctx, TextRange(i, e), "HTML标签", &sink); artifactEnd = e }
            case 0x26:
                if let ent = Self.entities.first(where: { starts(bytes, i, $0) }) {
                    let e = i + ent.utf8.count
                    report(ctx, TextRange(i, e), "HTML字符实体", &sink); artifactEnd = e
                }
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F:
                report(ctx, TextRange(i, i + 1), v == 0x0C ? "换页符" : "控制字符（U+\(FormatScan.hex(v))）", &sink)
            case 0xAD: report(ctx, TextRange(i, i + 2), "软连字符（U+00AD）", &sink)
            case 0x200B, 0x200C, 0x200D, 0x2060: report(ctx, TextRange(i, i + 3), "零宽字符（U+\(FormatScan.hex(v))）", &sink)
            case 0xFEFF where i > 0: report(ctx, TextRange(i, i + 3), "字节顺序标记（U+FEFF）", &sink)
            case 0xFFFD:
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
            var x = bytes[k]
            if x >= 0x41 && x <= 0x5A { x += 0x20 }
            guard x == c else { return false }
            k += 1
        }
        return true
    }

    /// End of `[bookmark: …]` (a bracket closed on the same line within 200 bytes).
    private func bracketed(_ bytes: [UInt8], _ i: Int, prefixes: [String]) -> Int? {
        guard let p = prefixes.first(where: { starts(bytes, i, $0) }) else { return nil }
        var j = i + p.utf8.count
        if p.hasSuffix("]") { return j }
        while j < bytes.count && j - i < 200 && bytes[j] != 0x0A {
            if bytes[j] == 0x5D { return j + 1 }
            j += 1
        }
        return nil
    }

    /// End of `{.underline}` / `{#_Toc1}` / `{.mark}`: ASCII identifier characters only.
    private func braceAttr(_ bytes: [UInt8], _ i: Int) -> Int? {
        var j = i + 2
        while j < bytes.count && j - i < 80 {
            let c = bytes[j]
            if c == 0x7D { return j > i + 2 ? j + 1 : nil }
            let ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D || c == 0x2E || c == 0x20 || c == 0x3D || c == 0x22 || c == 0x23
            guard ok else { return nil }
            j += 1
        }
        return nil
    }

    /// End of a known HTML tag at `i`.
    private func htmlTag(_ bytes: [UInt8], _ i: Int) -> Int? {
        var j = i + 1
        if j < bytes.count && bytes[j] == 0x2F { j += 1 }
        let ns = j
        while j < bytes.count, j - ns < 8 {
            let c = bytes[j] | 0x20
            guard (c >= 0x61 && c <= 0x7A) || bytes[j] == 0x3A || (bytes[j] >= 0x30 && bytes[j] <= 0x39) else { break }
            j += 1
        }
        guard j > ns else { return nil }
        let name = String(decoding: bytes[ns..<j].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        guard Self.tags.contains(name), j < bytes.count else { return nil }
        if bytes[j] == 0x3E { return j + 1 }
        guard bytes[j] == 0x20 || bytes[j] == 0x2F else { return nil }
        while j < bytes.count && j - i < 300 && bytes[j] != 0x0A {
            if bytes[j] == 0x3E { return j + 1 }
            if bytes[j] == 0x3C { return nil }
            j += 1
        }
        return nil
    }

    /// （此处插入图片）: the note with its brackets; a bare note is reported without a fix.
    private func pictureNote(_ ctx: LintContext, _ r: TextRange, _ sink: inout DiagnosticSink) {
        guard let li = FormatScan.line(ctx, at: r.start) else { return }
        let opens: Set<UInt32> = [0xFF08, 0x28, 0x3010, 0x5B]
        let closes: Set<UInt32> = [0xFF09, 0x29, 0x3011, 0x5D]
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
            if closes.contains(v) { e += v < 0x80 ? 1 : 3; close = true; break }
            if !(Scalars.isHan(v) || v == 0x3001 || FormatScan.digit(v) != nil) { break }
            e += v < 0x80 ? 1 : (v < 0x10000 ? 3 : 4); steps += 1
        }
        if open && close {
            report(ctx, TextRange(s, e), "排版提示", &sink)
        } else {
            sink.report(r, "文档转换残留：排版提示“\(ctx.text(r))”")
        }
    }
}
