/// The sheet's two small inline SVG charts. Bars carry their numbers and the parts chart uses patterns as
/// well as colours, so both read in black-and-white print.
enum Charts {
    /// Horizontal bars: how many reports have each of the most frequent defects.
    static func defects(_ defects: [ReviewSummary.Defect], reports: Int) -> String {
        guard !defects.isEmpty else { return "<p class=\"note\">没有警告或错误级别的问题。</p>" }
        let labelW = 230, barW = 240, rowH = 26, width = labelW + barW + 50
        let height = defects.count * rowH + 8
        let maxN = max(1, defects.map(\.reports).max() ?? 1)
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"最常见的问题\">"
        s += "<g font-size=\"12\" fill=\"#1f2328\">"
        for (i, d) in defects.enumerated() {
            let y = i * rowH + 4
            let w = max(2, d.reports * barW / maxN)
            s += "<text x=\"\(labelW - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTMLText.escape(Excerpts.clip(d.title, limit: 17)))<title>\(HTMLText.escape(d.title))</title></text>"
            s += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"16\" fill=\"#8c1c13\"/>"
            s += "<text x=\"\(labelW + w + 6)\" y=\"\(y + 15)\">\(d.reports)份</text>"
        }
        s += "</g></svg>"
        return s
    }

    /// One stacked bar per part: reports with it as its own section, inside another part, only mentioned, missing.
    static func parts(_ tallies: [ReviewSummary.PartTally], reports: Int) -> String {
        guard reports > 0, !tallies.isEmpty else { return "" }
        let labelW = 230, barW = 280, rowH = 30, width = labelW + barW + 10
        let height = tallies.count * rowH + 8
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"各部分齐全情况\">"
        s += patterns
        s += "<g font-size=\"12\">"
        for (i, t) in tallies.enumerated() {
            let y = i * rowH + 4
            s += "<text x=\"\(labelW - 8)\" y=\"\(y + 16)\" text-anchor=\"end\" fill=\"#1f2328\">\(HTMLText.escape(Excerpts.clip(t.short, limit: 17)))</text>"
            var x = labelW
            let segments: [(Int, String, String)] = [
                (t.separate, "#d8f5de", "#116329"), (t.merged, "url(#pm)", "#0a4fa8"),
                (t.mentioned, "url(#pt)", "#7a4d00"), t.required ? (t.missing, "#a40e26", "#ffffff") : (t.missing, "#eef1f4", "#59636e"),
            ]
            for (n, fill, ink) in segments where n > 0 {
                let w = max(1, n * barW / reports)
                s += "<rect x=\"\(x)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"20\" fill=\"\(fill)\" stroke=\"#59636e\" stroke-width=\"0.5\"/>"
                if w >= 22 { s += "<text x=\"\(x + w / 2)\" y=\"\(y + 16)\" text-anchor=\"middle\" fill=\"\(ink)\" font-weight=\"600\">\(n)</text>" }
                x += w
            }
        }
        s += "</g></svg>"
        return s
    }

    /// Hatching for merged parts, dots for mentioned ones.
    static let patterns = """
    <defs><pattern id="pm" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
    <rect width="6" height="6" fill="#dbeafe"/><line x1="0" y1="0" x2="0" y2="6" stroke="#0a4fa8" stroke-width="1.5"/></pattern>\
    <pattern id="pt" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fff1c2"/>\
    <circle cx="2.5" cy="2.5" r="1" fill="#7a4d00"/></pattern></defs>
    """
}
