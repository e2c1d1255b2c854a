// Semantic tokens, document links and inlay hints.
import FazhiJSON
import FazhiKnowledge
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation
import LSPKit

enum SemanticTokens {
    // Standard token types so that common themes colour a plain-text report meaningfully:
    // the title and headings by level, 《law》 names as strings, numbers, 一是/二是 and 特此报告 as keywords,
    // terms of art as functions.
    static let types = ["namespace", "class", "enum", "type", "string", "keyword", "number", "function"]
    static let modifiers = ["declaration", "deprecated"]
    static var legend: JSON {
        ["tokenTypes": .array(types.map { .string($0) }), "tokenModifiers": .array(modifiers.map { .string($0) })]
    }
    static let title = 0, heading1 = 1, heading2 = 2, heading3 = 3, law = 4, keyword = 5, number = 6, term = 7
    static let declaration = 1, deprecated = 2
}

extension FazhiLanguageServer {
    func semanticTokens(_ doc: Document, _ report: Report) -> JSON {
        let text = doc.text
        struct Tok { var range: TextRange; var type: Int; var mods: Int }
        var toks: [Tok] = []
        if let t = report.header.title {
            for line in t.line...max(t.line, t.lastLine) {
                let lr = text.lineRange(line)
                let r = TextRange(max(lr.start, t.range.start), min(lr.end, t.range.end))
                if !r.isEmpty { toks.append(Tok(range: r, type: SemanticTokens.title, mods: SemanticTokens.declaration)) }
            }
        }
        for h in report.headings {
            let start = h.marker.isEmpty ? h.textRange.start : h.markerRange.start
            let r = TextRange(start, max(h.textRange.end, h.markerRange.end))
            let type = h.isPseudo ? SemanticTokens.heading3 : (h.level == 1 ? SemanticTokens.heading1 : h.level == 2 ? SemanticTokens.heading2 : SemanticTokens.heading3)
            if !r.isEmpty { toks.append(Tok(range: r, type: type, mods: SemanticTokens.declaration)) }
        }
        for e in report.enumerations { toks.append(Tok(range: e.markerRange, type: SemanticTokens.keyword, mods: 0)) }
        if let c = report.closing.closingPhrase { toks.append(Tok(range: c, type: SemanticTokens.keyword, mods: 0)) }
        let whole = TextRange(0, text.count)
        for m in Scan.lawMentions(text, in: whole) {
            // Deprecated when not in force in the report year (now, when the year is unknown), as `unknown-law` judges it.
            var outdated = false
            if let law = knowledge.law(named: text.string(m.name)) {
                outdated = report.year.map { knowledge.standing(of: law, inReportYear: $0).isOutdated } ?? !law.isInForce
            }
            toks.append(Tok(range: m.outer, type: SemanticTokens.law, mods: outdated ? SemanticTokens.deprecated : 0))
        }
        for t in knowledge.termMatches(in: text) { toks.append(Tok(range: t.range, type: SemanticTokens.term, mods: 0)) }
        for line in 0..<text.lineCount {
            let run = ScalarRun(text, text.lineRange(line))
            for n in Scan.numbers(run) {
                toks.append(Tok(range: TextRange(run.offset(n.range.lowerBound), run.offset(n.range.upperBound)), type: SemanticTokens.number, mods: 0))
            }
        }
        // Sort by start (earlier entries — title, headings — first among equals) and drop overlaps: a heading
        // token covers its line, so what lies inside it is dropped.
        let order = toks.indices.sorted { toks[$0].range.start != toks[$1].range.start ? toks[$0].range.start < toks[$1].range.start : $0 < $1 }
        var kept: [Tok] = []
        kept.reserveCapacity(toks.count)
        var lastEnd = 0
        for i in order where !toks[i].range.isEmpty && toks[i].range.start >= lastEnd {
            kept.append(toks[i])
            lastEnd = toks[i].range.end
        }
        var data: [JSON] = []
        data.reserveCapacity(kept.count * 5)
        var prevLine = 0, prevChar = 0
        for t in kept {
            let a = text.position(of: t.range.start, encoding: encoding)
            // Split tokens that span lines (a title written over two lines).
            let endLine = text.line(of: t.range.end)
            let b = endLine == a.line ? text.position(of: t.range.end, encoding: encoding)
                : text.position(of: text.lineRange(a.line).end, encoding: encoding)
            let len = b.character - a.character
            guard len > 0 else { continue }
            let dl = a.line - prevLine
            let dc = dl == 0 ? a.character - prevChar : a.character
            data += [.int(dl), .int(dc), .int(len), .int(t.type), .int(t.mods)]
            prevLine = a.line
            prevChar = a.character
        }
        return ["data": .array(data)]
    }

    static let flkSearch = "https://flk.npc.gov.cn/search?keyword="

    static func urlEncode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: out.append(Character(Unicode.Scalar(b)))
            default: out += String(format: "%%%02X", b)
            }
        }
        return out
    }

    func documentLinks(_ doc: Document, _ report: Report) -> JSON {
        let edge = Edge(text: doc.text, encoding: encoding)
        var out: [JSON] = []
        for m in Scan.lawMentions(doc.text, in: TextRange(0, doc.text.count)) {
            let written = doc.text.string(m.name)
            let name = knowledge.law(named: written)?.name ?? written
            out.append(["range": edge.range(m.name).json, "target": .string(Self.flkSearch + Self.urlEncode(name)),
                        "tooltip": .string("在国家法律法规数据库中查找《\(name)》")])
            if out.count >= 2000 { break }
        }
        return .array(out)
    }

    func inlayHints(_ doc: Document, _ report: Report, _ lspRange: LSP.Range) -> JSON {
        let text = doc.text
        let edge = Edge(text: text, encoding: encoding)
        let range = edge.textRange(lspRange)
        var out: [JSON] = []
        for r in report.roots {
            let h = report.headings[r]
            guard range.overlaps(h.lineRange) || range.contains(h.lineRange.start), !h.parts.isEmpty else { continue }
            let names = partShortNames(report, h.parts)
            // Only when the heading does not already say it.
            guard !names.isEmpty, !h.text.contains(names) else { continue }
            out.append(["position": edge.position(h.lineRange.end).json, "label": .string("〔\(names)〕"), "paddingLeft": true,
                        "tooltip": .string("对应必备部分：" + h.parts.compactMap { report.profile.part($0)?.official }.joined(separator: "；"))])
        }
        for rate in FigureAnalysis.rates(in: text, range: range, knowledge: knowledge) {
            out.append(["position": edge.position(rate.range.end).json,
                        "label": .string("≈\(rate.computedText)%"), "paddingLeft": true,
                        "tooltip": .string("按数量计算：\(rate.numerator.value) ÷ \(rate.denominator.value)")])
        }
        return .array(out)
    }
}
