// Completion: the whole report as a template in an empty document, the next heading on an empty line,
// law names after 《, the next ordinal of an 一是/二是 enumeration, standard phrases by prefix and part.
import FazhiJSON
import FazhiKnowledge
import FazhiParser
import FazhiText
import LSPKit

extension FazhiLanguageServer {
    /// The year a report written now is about.
    var guessedReportYear: Int { todayComponents().year - 1 }

    /// A heading text for a part (the profile's heading with the year filled in).
    func partHeading(_ part: Profile.Part, year: Int?) -> String {
        part.headingText(year: year ?? guessedReportYear)
    }

    /// The whole report as a snippet (or plain text).
    func reportTemplate(profile: Profile, snippet: Bool) -> String {
        let y = guessedReportYear
        var n = 0
        func ph(_ s: String) -> String { n += 1; return snippet ? "${\(n):\(s)}" : s }
        let unit = snippet ? "${1:××镇}" : "××镇"
        n = 1
        let unitRef = snippet ? "${1}" : "××镇"
        var lines: [String] = []
        lines.append("\(unit)人民政府关于\(y)年度法治政府建设情况的报告")
        lines.append("")
        lines.append(ph("××县人民政府") + "：")
        lines.append("")
        lines.append("　　\(y)年，\(unitRef)人民政府在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，全面落实法治政府建设各项任务。现将有关情况报告如下：")
        lines.append("")
        var k = 0
        for part in profile.parts {
            k += 1
            lines.append(Numerals.marker(level: 1, number: k) + partHeading(part, year: y))
            lines.append("　　" + templateBody(part, ph))
            lines.append("")
        }
        lines.append("　　特此报告。")
        lines.append("")
        lines.append("\(unitRef)人民政府")
        lines.append("\(y + 1)年" + ph("×") + "月" + ph("×") + "日")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Placeholder body of a part in the template (the shortcomings part shows where the causes go).
    func templateBody(_ part: Profile.Part, _ ph: (String) -> String) -> String {
        switch part.id {
        case "measures": return ph("（主要举措和成效）")
        case "shortcomings": return ph("（存在的不足）") + "。究其原因，" + ph("（原因分析）") + "。"
        case "leadership": return ph("（党政主要负责人履职情况）")
        case "plans": return ph("（下一年度主要安排）")
        default: return ph(part.required ? "（内容）" : "无。")
        }
    }

    func completionItem(label: String, kind: Int, detail: String? = nil, insert: String, snippet: Bool = false,
                        range: LSP.Range? = nil, filter: String? = nil, sort: String, data: JSON, preselect: Bool = false) -> JSON {
        var o: JSONObject = ["label": .string(label), "kind": .int(kind)]
        if let detail { o["detail"] = .string(detail) }
        if let range {
            o["textEdit"] = ["range": range.json, "newText": .string(insert)]
        } else {
            o["insertText"] = .string(insert)
        }
        o["insertTextFormat"] = .int(snippet ? 2 : 1)
        if let filter { o["filterText"] = .string(filter) }
        o["sortText"] = .string(sort)
        if preselect { o["preselect"] = true }
        o["data"] = data
        return .object(o)
    }

    func completion(_ doc: Document, _ report: Report, _ pos: LSP.Position) -> JSON {
        let text = doc.text
        let edge = Edge(text: text, encoding: encoding)
        let o = edge.offset(pos)
        let snippets = caps.completionSnippets
        var items: [JSON] = []

        // Empty document: the whole report.
        if text.string.allSatisfy({ $0.isWhitespace }) {
            let whole = edge.range(TextRange(0, text.count))
            items.append(completionItem(label: "法治政府建设年度报告（完整模板）", kind: 15, detail: "\(guessedReportYear)年度 · 五个部分",
                                        insert: reportTemplate(profile: report.profile, snippet: snippets), snippet: snippets,
                                        range: whole, filter: "法治政府建设年度报告", sort: "0", data: ["k": "template"], preselect: true))
            return ["isIncomplete": false, "items": .array(items)]
        }

        let line = text.line(of: o)
        let lr = text.lineRange(line)
        let before = ScalarRun(text, TextRange(lr.start, o))
        let lineText = text.string(lr)
        let beforeText = text.string(TextRange(lr.start, o))

        // After 《: law names.
        if let openIdx = before.scalars.lastIndex(of: Scan.openBook), !before.scalars[openIdx...].contains(Scan.closeBook) {
            let prefixStart = before.offset(openIdx + 1)
            let prefix = text.string(TextRange(prefixStart, o))
            let after = ScalarRun(text, TextRange(o, lr.end))
            let hasClose = after.scalars.prefix(while: { $0 != Scan.openBook }).contains(Scan.closeBook)
            let range = edge.range(TextRange(prefixStart, o))
            items = lawItems(prefix: prefix, year: report.year ?? guessedReportYear, close: !hasClose, range: range)
            return ["isIncomplete": true, "items": .array(items)]
        }

        let blankLine = lineText.allSatisfy { $0 == " " || $0 == "　" || $0 == "\t" }
        let inBody = report.header.title.map { line > $0.lastLine } ?? true
        let beforeClosing = report.closing.start.map { o < $0 } ?? true

        // A top-level marker typed on its own ("二、"): the heading text of the missing parts.
        let trimmed = beforeText.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("、"), Numerals.value(String(trimmed.dropLast())) != nil, beforeClosing {
            for (i, part) in missingParts(report, before: o).enumerated() {
                let h = partHeading(part, year: report.year)
                items.append(completionItem(label: h, kind: 9, detail: part.required ? "必备部分" : "非必备部分", insert: h,
                                            sort: "0\(i)", data: ["k": "part", "id": .string(part.id)], preselect: i == 0))
            }
        }

        // Empty line in the body: the next heading.
        if blankLine && inBody && beforeClosing {
            items += nextHeadingItems(report, at: o, range: edge.range(lr))
        }

        // 一是 … → 二是
        if !blankLine, let next = nextOrdinal(report, at: o, line: line) {
            var start = before.count
            let label = Numerals.chinese(next) + "是"
            while start > 0, let u = Unicode.Scalar(before.scalars[start - 1]), label.hasPrefix(String(Character(u))) , start > before.count - 2 { start -= 1 }
            let range = edge.range(TextRange(before.offset(start), o))
            items.append(completionItem(label: label, kind: 20, detail: "列举的下一项", insert: label, range: range,
                                        sort: "00", data: ["k": "ordinal"], preselect: true))
        }

        // Standard phrases.
        items += phraseItems(report, at: o, before: before, blankLine: blankLine, edge: edge)
        // Phrases are searched by the prefix typed, so the list must be asked for again as it grows.
        return ["isIncomplete": .bool(items.contains { $0["data"]?["k"]?.stringValue == "phrase" }), "items": .array(items)]
    }

    func format4(_ i: Int) -> String {
        let s = String(i)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// Parts the report lacks; those that belong after the parts already written above `o` come first.
    func missingParts(_ report: Report, before o: Int) -> [Profile.Part] {
        let parts = report.profile.parts
        var maxIdx = -1
        for r in report.roots where report.headings[r].lineRange.start < o {
            for id in report.headings[r].parts { if let i = parts.firstIndex(where: { $0.id == id }) { maxIdx = max(maxIdx, i) } }
        }
        let missing = parts.enumerated().filter { !report.hasPart($0.element.id) }
        let after = missing.filter { $0.offset > maxIdx }.map(\.element)
        let earlier = missing.filter { $0.offset <= maxIdx }.map(\.element)
        return after + earlier
    }

    func nextHeadingItems(_ report: Report, at o: Int, range: LSP.Range) -> [JSON] {
        var items: [JSON] = []
        let hs = report.headings
        let prev = hs.indices.last { hs[$0].lineRange.start < o && !hs[$0].isPseudo }
        // Siblings of the previous heading and of its ancestors below the top level.
        var seen = Set<String>()
        var k = 0
        var cur = prev
        while let i = cur {
            let h = hs[i]
            if h.level >= 2, let n = h.number {
                let m = Numerals.marker(level: h.level, number: n + 1)
                if seen.insert(m).inserted {
                    items.append(completionItem(label: m, kind: 9, detail: "下一个第\(h.depth + 1)层标题", insert: m, range: range,
                                                sort: "1\(k)", data: ["k": "heading"], preselect: k == 0))
                    k += 1
                }
            }
            cur = h.parent
        }
        if let i = prev, hs[i].level == 1, hs[i].children.isEmpty {
            let m = Numerals.marker(level: 2, number: 1)
            items.append(completionItem(label: m, kind: 9, detail: "第一个第二层标题", insert: m, range: range, sort: "1\(k)", data: ["k": "heading"]))
        }
        // The next top-level part.
        let lastRoot = report.roots.last { hs[$0].lineRange.start < o }
        let number = (lastRoot.flatMap { hs[$0].number } ?? 0) + 1
        for (j, part) in missingParts(report, before: o).enumerated() {
            let h = Numerals.marker(level: 1, number: number) + partHeading(part, year: report.year)
            items.append(completionItem(label: h, kind: 9, detail: part.required ? "缺少的必备部分" : "非必备部分", insert: h, range: range,
                                        sort: "0\(j)", data: ["k": "part", "id": .string(part.id)], preselect: j == 0 && items.isEmpty))
        }
        return items
    }

    /// The next ordinal of the 一是/二是 enumeration the cursor is in.
    func nextOrdinal(_ report: Report, at o: Int, line: Int) -> Int? {
        var start = report.source.lineRange(line).start
        if line < report.lines.count, let pi = report.lines[line].paragraph, pi < report.paragraphs.count {
            start = min(start, report.paragraphs[pi].range.start)
        }
        let run = ScalarRun(report.source, TextRange(start, o))
        var best = 0
        let shi: UInt32 = 0x662F  // 是
        var i = 0
        while i < run.count {
            if run.scalars[i] == shi && i > 0 {
                var j = i
                while j > 0, let u = Unicode.Scalar(run.scalars[j - 1]), "一二三四五六七八九十".unicodeScalars.contains(u), i - j < 3 { j -= 1 }
                if j < i {
                    let okBefore = j == 0 || [0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0x3001, 0x20, 0x3000, 0x2C].contains(run.scalars[j - 1])
                    if okBefore, let v = Numerals.value(run.string(j, i)), v == best + 1 { best = v }
                }
            }
            i += 1
        }
        return best > 0 ? best + 1 : nil
    }

    func phraseContext(_ report: Report, at o: Int) -> String {
        if let c = report.closing.start, o >= c { return PhraseContext.closing.rawValue }
        if let part = report.parts(at: o).first { return part }
        if let t = report.header.title, o <= t.range.end { return PhraseContext.title.rawValue }
        if let r = report.header.recipient, report.source.line(of: o) == r.line { return PhraseContext.recipient.rawValue }
        if let first = report.headings.first, o < first.lineRange.start { return PhraseContext.opening.rawValue }
        return PhraseContext.any.rawValue
    }

    func phraseItems(_ report: Report, at o: Int, before: ScalarRun, blankLine: Bool, edge: Edge) -> [JSON] {
        let ctx = phraseContext(report, at: o)
        var han = before.count
        while han > 0 && Scalars.isHan(before.scalars[han - 1]) && before.count - han < 8 { han -= 1 }
        var phrases: [Phrase] = []
        var range = TextRange(o, o)
        if han < before.count {
            for s in han..<before.count {
                let prefix = before.string(s, before.count)
                let found = knowledge.phrasePrefixSearch(prefix, context: ctx, limit: 20).filter { $0.label.hasPrefix(prefix) || $0.text.hasPrefix(prefix) }
                if !found.isEmpty {
                    phrases = found
                    range = TextRange(before.offset(s), o)
                    break
                }
            }
        } else if blankLine {
            phrases = Array(knowledge.phrases(for: ctx).prefix(20))
        }
        let lr = edge.range(range)
        return phrases.enumerated().map { i, ph in
            let useSnippet = caps.completionSnippets && ph.snippet != nil
            return completionItem(label: ph.label, kind: 1, detail: "规范表述", insert: useSnippet ? ph.snippet! : ph.text,
                                  snippet: useSnippet, range: lr, filter: ph.text.hasPrefix(before.string(han, before.count)) ? ph.text : ph.label,
                                  sort: "5" + format4(i), data: ["k": "phrase", "label": .string(ph.label)])
        }
    }

    func resolveCompletion(_ original: JSONObject) -> JSON {
        var item = original
        let md = caps.completionDocumentationFormat == .markdown
        var doc: String?
        switch item["data"]?["k"]?.stringValue {
        case "law":
            if let id = item["data"]?["id"]?.stringValue, let law = knowledge.law(id: id) { doc = lawHover(law.name, markdown: md) }
        case "part":
            if let id = item["data"]?["id"]?.stringValue, let part = Profiles.default.part(id) {
                var m = Markup(markdown: md)
                m.title(part.short)
                m.field("规定表述", part.official)
                if let ask = part.guidance { m.field("要求", ask) }
                m.blank()
                if let src = Profiles.default.source { m.text("依据：" + src) }
                doc = m.value
            }
        case "phrase":
            if let label = item["data"]?["label"]?.stringValue, let ph = knowledge.phrases.phrases.first(where: { $0.label == label }) {
                doc = ph.text
            }
        case "template":
            doc = "按照《法治政府建设与责任落实督察工作规定》，年度报告包括五个部分：" + Profiles.default.parts.map(\.short).joined(separator: "、") + "。"
        case "ordinal":
            doc = "接续本段的“一是……二是……”列举。"
        case "heading":
            doc = "按 GB/T 9704 的层次序数：一、 （一） 1. （1）"
        default:
            break
        }
        if let doc { item["documentation"] = LSP.MarkupContent(kind: md ? .markdown : .plaintext, value: doc).json }
        return .object(item)
    }
}
