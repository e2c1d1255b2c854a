/// Escaping for text that goes into HTML. Everything that comes from a report (unit names, headings,
/// sentences, file names) passes through `escape` before it is written, in element content and in quoted
/// attribute values alike; nothing from a report is ever written into a tag name, an attribute name, a URL,
/// a style or a script (the sheet has no script).
public enum HTMLText {
    /// Escapes & < > " ' and drops control characters other than tab and line breaks (they have no place
    /// in a report and some browsers render them as boxes).
    public static func escape(_ s: String) -> String {
        var needs = false
        for u in s.utf8 where u == 0x26 || u == 0x3C || u == 0x3E || u == 0x22 || u == 0x27 || (u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D) || u == 0x7F {
            needs = true
            break
        }
        guard needs else { return s }
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default:
                if (c.value < 0x20 && c.value != 0x09 && c.value != 0x0A && c.value != 0x0D) || c.value == 0x7F { continue }
                out.append(c)
            }
        }
        return String(out)
    }

    /// 0.123 → 12%; a share above zero but below 1% reads <1%.
    public static func percent(_ x: Double) -> String {
        if x <= 0 { return "0%" }
        if x < 0.01 { return "<1%" }
        return "\(Int((x * 100).rounded()))%"
    }
}

/// Appends HTML to a string; `text` escapes, `raw` does not (for markup the renderer writes itself).
struct HTMLWriter {
    var out = ""

    init(capacity: Int) { out.reserveCapacity(capacity) }

    mutating func raw(_ s: String) { out += s }
    mutating func text(_ s: String) { out += HTMLText.escape(s) }

    /// <tag class="cls">escaped text</tag>
    mutating func element(_ tag: String, _ cls: String? = nil, _ s: String) {
        out += "<\(tag)"
        if let cls { out += " class=\"\(cls)\"" }
        out += ">"
        text(s)
        out += "</\(tag)>"
    }

    /// Pieces of text with the marked ones in `tag` (mark, ins).
    mutating func pieces(_ ps: [Piece], tag: String, emptyMarked: String = "‸") {
        for p in ps {
            if p.marked {
                out += "<\(tag)>"
                text(p.text.isEmpty ? emptyMarked : p.text)
                out += "</\(tag)>"
            } else {
                text(p.text)
            }
        }
    }
}
