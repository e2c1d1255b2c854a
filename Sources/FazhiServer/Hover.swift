// Hover: headings → the required part they cover; 《law》 → what the document is; terms → explanation;
// rates → the value their counts give (the linter's `FigureAnalysis`).
import FazhiJSON
import FazhiKnowledge
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation
import LSPKit

/// What the regulation asks of each part of the default profile.
/// TODO(knowledge): move into profiles.json as a `guidance` field of each part.

extension FazhiLanguageServer {
    struct Markup {
        var markdown: Bool
        var lines: [String] = []
        mutating func title(_ s: String) { lines.append(markdown ? "**\(s)**" : s) }
        mutating func field(_ k: String, _ v: String) { lines.append(markdown ? "- \(k)：\(v)" : "\(k)：\(v)") }
        mutating func text(_ s: String) { lines.append(s) }
        mutating func blank() { lines.append("") }
        var value: String {
            var ls = lines
            while ls.last == "" { ls.removeLast() }
            return ls.joined(separator: "\n")
        }
    }

    func hover(_ doc: Document, _ report: Report, _ pos: LSP.Position) -> JSON {
        let edge = Edge(text: doc.text, encoding: encoding)
        let o = edge.offset(pos)
        let md = caps.hoverContentFormat == .markdown
        guard let (range, value) = hoverContent(report, at: o, markdown: md) else { return .null }
        return ["contents": LSP.MarkupContent(kind: md ? .markdown : .plaintext, value: value).json, "range": edge.range(range).json]
    }

    func hoverContent(_ report: Report, at o: Int, markdown md: Bool) -> (TextRange, String)? {
        let text = report.source
        let line = text.line(of: o)
        let lr = text.lineRange(line)
        // 《law》
        if let m = Scan.lawMentions(text, in: lr).first(where: { $0.outer.contains(o) }) {
            return (m.outer, lawHover(text.string(m.name), year: report.year, markdown: md))
        }
        // Rates, as `rate-mismatch` and `part-exceeds-total` see them.
        if let r = FigureAnalysis.rates(in: text, range: lr, knowledge: knowledge).first(where: { $0.range.contains(o) }) {
            return (r.range, rateHover(r, text, markdown: md))
        }
        // Terms of art
        if let t = termMatches(text, lr).first(where: { $0.range.contains(o) }) {
            var m = Markup(markdown: md)
            m.title(t.term.term)
            m.text(t.term.explanation)
            m.blank()
            m.field("出处", t.term.source)
            if let aliases = t.term.aliases, !aliases.isEmpty { m.field("又作", aliases.joined(separator: "、")) }
            return (t.range, m.value)
        }
        // Headings
        if let hi = report.headings.firstIndex(where: { $0.line == line }) {
            return (report.headings[hi].lineRange, headingHover(report, hi, markdown: md))
        }
        // Title
        if let t = report.header.title, t.range.contains(o) {
            var m = Markup(markdown: md)
            m.title("报告标题")
            if let y = report.year { m.field("报告年度", "\(y)年") }
            if let u = report.unit { m.field("报告单位", "\(u.name)（\(u.kind.rawValue)）") }
            m.field("应包含的部分", report.profile.parts.map(\.short).joined(separator: "、"))
            return (t.range, m.value)
        }
        return nil
    }

    func rateHover(_ r: RateFigure, _ text: SourceText, markdown md: Bool) -> String {
        var m = Markup(markdown: md)
        m.title("\(text.string(r.stem))率核对")
        m.field("文中写的", text.string(r.valueRange))
        m.field("分子", text.string(r.numerator.phrase))
        m.field("分母", text.string(r.denominator.phrase) + Self.basisNote(r.basis))
        m.field("按数量计算", "\(r.numerator.value) ÷ \(r.denominator.value) ≈ \(r.computedText)%")
        if !r.countsAgree {
            m.blank(); m.text("⚠ 分子多于分母，请核对数据。")
        } else if !r.isConsistent {
            m.blank(); m.text("⚠ 与按数量计算的结果不一致，请核对数据。")
        }
        return m.value
    }

    static func basisNote(_ b: FigureBasis) -> String {
        switch b {
        case .plannedActual: return "（应有数）"
        case .subset: return "（“其中”之前的总数）"
        case .verbPair: return ""
        case .total: return "（总数）"
        }
    }

    func headingHover(_ report: Report, _ hi: Int, markdown md: Bool) -> String {
        let h = report.headings[hi]
        var m = Markup(markdown: md)
        if h.depth == 0 || !h.parts.isEmpty {
            if h.parts.isEmpty {
                m.title("此标题没有对应必备部分")
                m.text("年度报告的必备部分：" + report.profile.parts.filter(\.required).map(\.short).joined(separator: "、") + "。")
                return m.value
            }
            for (k, id) in h.parts.enumerated() {
                guard let part = report.profile.part(id) else { continue }
                if k > 0 { m.blank() }
                let idx = (report.profile.parts.firstIndex { $0.id == id } ?? 0) + 1
                m.title("对应第\(Numerals.chinese(idx))部分：\(part.short)\(part.required ? "" : "（非必备）")")
                m.field("规定表述", part.official)
                if let ask = report.profile.part(id)?.guidance { m.field("要求", ask) }
            }
            m.blank()
            if let src = report.profile.source { m.text("依据：" + src) }
            return m.value
        }
        var root = hi
        while let p = report.headings[root].parent { root = p }
        m.title("第\(h.depth + 1)层标题（\(h.marker.isEmpty ? "无序号" : h.marker)）")
        let parts = partShortNames(report, report.headings[root].parts)
        m.field("所属部分", parts.isEmpty ? headingName(report.headings[root]) : parts)
        m.field("篇幅", headingDetail(report, hi))
        return m.value
    }

    /// What a citation was found to be: its category, and for a catalogue document its issuer, dates and
    /// standing in the report year (the same examination `unknown-law` judges).
    func lawHover(_ name: String, year: Int? = nil, markdown md: Bool) -> String {
        var m = Markup(markdown: md)
        let exam = knowledge.examineCitation(name)
        switch exam.match {
        case .known(let law, let short):
            m.title(law.citation)
            if short { m.text("文中写作《\(name)》，全称为\(law.citation)。"); m.blank() }
            m.field("类别", exam.category.label)
            if !law.issuer.isEmpty { m.field("制定机关", law.issuer) }
            if let d = law.adoptedDate { m.field("通过/发布", d.chinese) }
            if !law.amendedDates.isEmpty { m.field("修改", law.amendedDates.map(\.chinese).joined(separator: "、")) }
            if let d = law.effectiveDate { m.field("施行", d.chinese) }
            let successor = knowledge.successor(of: law)
            m.field("时效", law.status + (successor.map { "（已被\($0.citation)取代）" } ?? law.replacedBy.map { "（已被《\($0)》取代）" } ?? ""))
            if let y = year { m.field("\(y)年度", knowledge.standing(of: law, inReportYear: y).summary(successor: successor)) }
            if let n = law.docNumber { m.field("文号", n) }
            if let note = law.note { m.blank(); m.text(note) }
        case .misnomer(let mis, let sugg):
            m.title("《\(name)》名称有误")
            m.text(mis.reason)
            if !sugg.isEmpty { m.field("应为", sugg.map(\.citation).joined(separator: "、")) }
        case .unknown(let close):
            m.title("《\(name)》")
            m.field("类别", exam.category.label)
            if let c = close {
                m.text("法规库中没有这个名称，与\(c.citation)只差一处，请核对。")
            } else if exam.category.claimsCatalogueEntry {
                m.text("法规库中没有这个名称，请核对正式名称。")
            } else if exam.category.mayBeNational {
                m.text("法规库未收录，不核对名称。")
            } else {
                m.text("地方、本单位文件和书籍报刊不在核对范围内。")
            }
        }
        return m.value
    }
}
