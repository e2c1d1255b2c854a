// Outline features: document symbols, workspace symbols, folding ranges, selection ranges.
import FazhiJSON
import FazhiParser
import FazhiText
import Foundation
import LSPKit

extension FazhiLanguageServer {
    /// Symbol kinds chosen for the names clients show for them (Emacs imenu groups by kind name, VS Code
    /// shows the kind's icon): the title is the File, a part (一、) a Module, a field of work (（一）) a
    /// Field, points below (1. （1）) Keys, text that only looks like a heading a String.
    func symbolKind(_ h: Heading) -> Int {
        if h.isPseudo { return 15 }  // String
        switch h.level {
        case 1: return 2   // Module
        case 2: return 8   // Field
        default: return 20 // Key
        }
    }

    func headingName(_ h: Heading) -> String {
        let n = (h.marker + h.text).trimmingCharacters(in: .whitespaces)
        return n.isEmpty ? "（无标题）" : n
    }

    /// Number of Chinese characters in a range.
    func hanCount(_ text: SourceText, _ r: TextRange) -> Int {
        var n = 0
        text.bytes.withUnsafeBufferPointer { p in
            var i = max(0, r.start)
            let e = min(r.end, p.count)
            while i < e {
                let (v, len) = Scalars.decode(p, i)
                if Scalars.isHan(v) { n += 1 }
                i += len
            }
        }
        return n
    }

    func partShortNames(_ report: Report, _ parts: [String]) -> String {
        parts.compactMap { report.profile.part($0)?.short }.joined(separator: "、")
    }

    /// The outline's detail for a heading: the parts it stands for (by position when so judged), the parts
    /// merged into it without a heading of their own, and its size. A sub-heading that is a merged part says
    /// so. (The recognition is the parser's; this only words it.)
    func headingDetail(_ report: Report, _ i: Int) -> String {
        let h = report.headings[i]
        var size = "\(hanCount(report.source, h.sectionRange))字"
        if !h.children.isEmpty { size = "\(h.children.count)项/" + size }
        var parts = partShortNames(report, h.parts)
        if h.depth > 0 {
            return parts.isEmpty ? size : parts + "（未单列） · " + size
        }
        if !parts.isEmpty && h.partsInferred { parts += "（按位置判断）" }
        if !h.mergedParts.isEmpty {
            parts += (parts.isEmpty ? "" : "；") + "含" + partShortNames(report, h.mergedParts) + "（未单列）"
        }
        return parts.isEmpty ? size : parts + " · " + size
    }

    func documentSymbols(_ doc: Document, _ report: Report) -> JSON {
        let edge = Edge(text: doc.text, encoding: encoding)
        if !caps.hierarchicalDocumentSymbols {
            var out: [JSON] = []
            let titleText = report.header.title?.text
            if let t = report.header.title {
                out.append(["name": .string(t.text), "kind": 1, "location": LSP.Location(uri: doc.uri, range: edge.range(t.range)).json])
            }
            for h in report.headings {
                var o: JSONObject = ["name": .string(headingName(h)), "kind": .int(symbolKind(h)),
                                     "location": LSP.Location(uri: doc.uri, range: edge.range(h.sectionRange)).json]
                if let p = h.parent { o["containerName"] = .string(headingName(report.headings[p])) }
                else if let titleText { o["containerName"] = .string(titleText) }
                out.append(.object(o))
            }
            return .array(out)
        }
        func symbol(_ i: Int) -> JSON {
            let h = report.headings[i]
            var sel = h.textRange.isEmpty ? h.markerRange : h.textRange
            if sel.isEmpty { sel = h.lineRange }
            var range = h.sectionRange
            if !range.contains(sel) { range = TextRange(min(range.start, sel.start), max(range.end, sel.end)) }
            var o: JSONObject = ["name": .string(headingName(h)), "detail": .string(headingDetail(report, i)),
                                 "kind": .int(symbolKind(h)), "range": edge.range(range).json, "selectionRange": edge.range(sel).json]
            if !h.children.isEmpty { o["children"] = .array(h.children.map(symbol)) }
            return .object(o)
        }
        let roots = report.roots.map(symbol)
        guard let t = report.header.title else { return .array(roots) }
        var detail = ""
        if let y = report.year { detail += "\(y)年度" }
        if let u = report.unit { detail += (detail.isEmpty ? "" : " · ") + u.name }
        let whole = TextRange(0, doc.text.count)
        return [[
            "name": .string(t.text.isEmpty ? "（标题）" : t.text), "detail": .string(detail), "kind": 1,
            "range": edge.range(whole).json, "selectionRange": edge.range(t.range).json, "children": .array(roots),
        ]]
    }

    func workspaceSymbols(query: String) -> JSON {
        var out: [JSON] = []
        for uri in documents.keys.sorted() {
            guard let doc = documents[uri] else { continue }
            // A large document is never linted here (that would hold up every request): one whose lint is
            // still running is left out until it is done.
            if runsOnWorker(doc) { submitLint(doc) } else { analyze(doc) }
            guard let report = doc.report, doc.isAnalyzed(generation: config.generation) else { continue }
            let edge = Edge(text: doc.text, encoding: encoding)
            let container = report.header.title?.text ?? (URIs.path(uri).map { URL(fileURLWithPath: $0).lastPathComponent } ?? uri)
            for h in report.headings where query.isEmpty || h.text.contains(query) || headingName(h).contains(query) {
                out.append(["name": .string(headingName(h)), "kind": .int(symbolKind(h)),
                            "location": LSP.Location(uri: uri, range: edge.range(h.lineRange)).json,
                            "containerName": .string(h.parent.map { headingName(report.headings[$0]) } ?? container)])
                if out.count >= 500 { return .array(out) }
            }
        }
        return .array(out)
    }

    func foldingRanges(_ doc: Document, _ report: Report) -> JSON {
        let text = doc.text
        var out: [JSON] = []
        for h in report.headings {
            var endLine = text.line(of: max(h.sectionRange.start, h.sectionRange.end - 1))
            while endLine > h.line && text.lineRange(endLine).isEmpty { endLine -= 1 }
            while endLine > h.line && text.string(text.lineRange(endLine)).allSatisfy({ $0 == " " || $0 == "　" || $0 == "\t" }) { endLine -= 1 }
            if endLine > h.line { out.append(["startLine": .int(h.line), "endLine": .int(endLine), "kind": "region"]) }
        }
        return .array(out)
    }

    func selectionRanges(_ doc: Document, _ report: Report, _ positions: [LSP.Position]) -> JSON {
        let edge = Edge(text: doc.text, encoding: encoding)
        let text = doc.text
        var out: [JSON] = []
        for pos in positions {
            let o = edge.offset(pos)
            var chain: [TextRange] = []
            func add(_ r: TextRange) {
                if let last = chain.last {
                    guard r.contains(last), r != last else { return }
                }
                chain.append(r)
            }
            let line = text.line(of: o)
            let lr = text.lineRange(line)
            // Word: a 《law》, a number, a term of art.
            if let m = Scan.lawMentions(text, in: lr).first(where: { $0.outer.contains(o) || $0.outer.end == o }) {
                if m.name.contains(o) { add(m.name) }
                add(m.outer)
            } else {
                let run = ScalarRun(text, lr)
                if let n = Scan.numbers(run).first(where: { run.offset($0.range.lowerBound) <= o && o < run.offset($0.range.upperBound) }) {
                    add(TextRange(run.offset(n.range.lowerBound), run.offset(n.range.upperBound)))
                } else if let t = termMatches(text, lr).first(where: { $0.range.contains(o) }) {
                    add(t.range)
                }
            }
            add(Scan.sentence(text, at: o))
            add(lr)
            if let pi = report.lines.indices.contains(line) ? report.lines[line].paragraph : nil, pi < report.paragraphs.count {
                add(report.paragraphs[pi].range)
            }
            var h = report.innermostHeading(at: o)
            while let hi = h {
                add(report.headings[hi].sectionRange)
                h = report.headings[hi].parent
            }
            add(TextRange(0, text.count))
            if chain.isEmpty { chain.append(TextRange(o, o)) }
            var node: JSON? = nil
            for r in chain.reversed() {
                var obj: JSONObject = ["range": edge.range(r).json]
                if let n = node { obj["parent"] = n }
                node = .object(obj)
            }
            out.append(node ?? .null)
        }
        return .array(out)
    }
}

