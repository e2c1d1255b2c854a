/// Walks word/document.xml once and renders the body as `DocxText` (see there for the rendering).
///
/// What is read: paragraphs (w:p) in order, including those inside tables, content controls (w:sdt),
/// hyperlinks, smart tags, custom XML, inserted (w:ins) and moved-to (w:moveTo) text, field results and
/// text boxes (each text-box paragraph becomes a line of its own, before the paragraph that anchors it).
/// What is left out: deleted (w:del, w:delText) and moved-from text, field instructions (w:instrText and
/// the code part of complex fields; w:fldSimple's instruction is an attribute), property blocks, section
/// properties, footnote/endnote/comment references (their parts are not read: headers, footers, footnotes
/// and comments are not the body), symbol-font characters (w:sym in the private use area).
struct DocumentReader {
    struct Builder {
        var bytes: [UInt8] = []
        var numId: String?
        var ilvl: Int?
        var style: String?
        /// The paragraph mark is a tracked deletion: the paragraph runs on into the next one.
        var markDeleted = false
        /// A page or column break seen after some text: a line break if more text follows.
        var pendingBreak = false
        var inTable = false

        mutating func append(_ s: String) {
            if pendingBreak { bytes.append(0x0A); pendingBreak = false }
            bytes.append(contentsOf: s.utf8)
        }
    }

    var x: ContentScanner
    var path: [String] = []
    var builders: [Builder] = []
    /// Text of paragraphs whose mark was deleted, waiting for the paragraph they merge into.
    var carry: Builder?
    var tableDepth = 0
    /// One entry per open complex field: true while in its instruction (before w:fldChar separate).
    var fields: [Bool] = []
    var tText: [UInt8] = []
    var tPreserve = false
    var counter: NumberingCounter

    // Output.
    var out: [UInt8] = []
    var paragraphs: [DocxText.Paragraph] = []
    var lastLineBlank = true
    var afterTable = false

    init(_ bytes: [UInt8], numbering: NumberingDefinitions) {
        x = ContentScanner(bytes, part: "word/document.xml")
        counter = NumberingCounter(numbering)
        out.reserveCapacity(bytes.count / 4)
    }

    mutating func read() throws -> DocxText {
        while true {
            let e = try x.next()
            switch e {
            case .eof:
                if var c = carry {
                    // A deleted mark on the last paragraph: nothing to merge into, the text stays.
                    carry = nil
                    c.markDeleted = false
                    finishParagraph(c)
                }
                return DocxText(bytes: out, paragraphs: paragraphs)
            case .start:
                let name = x.ns == .w ? x.local : "?"
                if try start(name) { path.append(name) }
            case .end:
                let name = path.popLast() ?? ""
                end(name)
            case .text(let r):
                if path.last == "t" { x.appendText(r, to: &tText) }
            case .cdata(let r):
                if path.last == "t" { tText.append(contentsOf: x.xml.b[r]) }
            }
        }
    }

    var inFieldCode: Bool { fields.contains(true) }

    /// Handles a start tag; returns false when the element's subtree was skipped (its end is consumed).
    mutating func start(_ name: String) throws -> Bool {
        let parent = path.last ?? ""
        switch name {
        case "p":
            var b = Builder()
            b.inTable = tableDepth > 0
            builders.append(b)
        case "tbl":
            tableDepth += 1
        case "del", "moveFrom":
            // A deleted paragraph mark (pPr/rPr/del) merges the paragraph into the next one.
            if parent == "rPr", path.count >= 2, path[path.count - 2] == "pPr", !builders.isEmpty {
                builders[builders.count - 1].markDeleted = true
            }
            try x.skipElement()
            return false
        case "rPr" where parent == "r":
            // Run formatting (fonts, sizes, colours) is most of a real document.xml and holds no text.
            try x.skipElement()
            return false
        case "delText", "instrText", "delInstrText", "pPrChange", "rPrChange", "sdtPr", "sdtEndPr", "sectPr",
             "tblPr", "tblGrid", "trPr", "tcPr", "footnoteReference", "endnoteReference", "commentReference":
            try x.skipElement()
            return false
        case "pStyle" where parent == "pPr":
            let v = x.attribute(.w, "val")
            mutateTop { $0.style = v }
        case "numId" where parent == "numPr":
            let v = x.attribute(.w, "val")
            mutateTop { $0.numId = v }
        case "ilvl" where parent == "numPr":
            let v = DefinitionsReader.int(x.attribute(.w, "val"))
            mutateTop { $0.ilvl = v }
        case "t" where parent == "r":
            tText.removeAll(keepingCapacity: true)
            tPreserve = x.attribute(.xml, "space") == "preserve"
        case "tab", "ptab":
            if parent == "r" { appendRun("\t") }
        case "br", "cr":
            if parent == "r" {
                let type = x.attribute(.w, "type")
                if name == "br", type == "page" || type == "column" {
                    if !inFieldCode, let top = builders.last, !top.bytes.isEmpty { mutateTop { $0.pendingBreak = true } }
                } else {
                    appendRun("\n")
                }
            }
        case "noBreakHyphen":
            if parent == "r" { appendRun("-") }
        case "sym":
            if parent == "r", let hex = x.attribute(.w, "char"), let v = UInt32(hex, radix: 16),
               !(0xE000...0xF8FF).contains(v), v >= 0x20, let u = Unicode.Scalar(v) {
                appendRun(String(u))
            }
        case "fldChar":
            switch x.attribute(.w, "fldCharType") {
            case "begin": fields.append(true)
            case "separate": if !fields.isEmpty { fields[fields.count - 1] = false }
            case "end": if !fields.isEmpty { fields.removeLast() }
            default: break
            }
        default:
            break
        }
        return true
    }

    mutating func end(_ name: String) {
        switch name {
        case "t":
            guard path.last == "r" else { return }
            finishText()
        case "p":
            guard let b = builders.popLast() else { return }
            finishParagraph(b)
        case "tbl":
            tableDepth = max(0, tableDepth - 1)
        default:
            break
        }
    }

    mutating func mutateTop(_ f: (inout Builder) -> Void) {
        guard !builders.isEmpty else { return }
        f(&builders[builders.count - 1])
    }

    mutating func appendRun(_ s: String) {
        guard !inFieldCode else { return }
        mutateTop { $0.append(s) }
    }

    /// The content of one w:t: without xml:space="preserve", leading and trailing XML white space is not
    /// content (ECMA-376 17.3.3.31); a raw line break inside is a space in Word, never a new line here.
    mutating func finishText() {
        guard !inFieldCode, !builders.isEmpty else { return }
        var s = tText.startIndex, e = tText.endIndex
        if !tPreserve {
            while s < e, XMLWhite.contains(tText[s]) { s += 1 }
            while e > s, XMLWhite.contains(tText[e - 1]) { e -= 1 }
        }
        guard s < e else { return }
        var top = builders.removeLast()
        if top.pendingBreak { top.bytes.append(0x0A); top.pendingBreak = false }
        let start = top.bytes.count
        top.bytes.append(contentsOf: tText[s..<e])
        for k in start..<top.bytes.count where top.bytes[k] == 0x0A || top.bytes[k] == 0x0D { top.bytes[k] = 0x20 }
        builders.append(top)
    }

    mutating func finishParagraph(_ b: Builder) {
        var p = b
        if let c = carry {
            carry = nil
            // Word shows the merged paragraph with the properties of the first part when it has text.
            var merged = c.bytes.isEmpty ? p : c
            merged.bytes = c.bytes + p.bytes
            merged.markDeleted = p.markDeleted
            merged.inTable = p.inTable
            p = merged
        }
        if p.markDeleted {
            carry = p
            return
        }
        var prefix = ""
        if let (numId, ilvl) = counter.defs.numbering(numId: p.numId, ilvl: p.ilvl, style: p.style) {
            prefix = counter.next(numId: numId, ilvl: ilvl)
        }
        let empty = prefix.isEmpty && p.bytes.isEmpty
        if p.inTable {
            // Cells: each non-empty paragraph apart from its neighbours (see DocxText).
            guard !empty else { return }
            if !lastLineBlank { out.append(0x0A) }
            emitLine(prefix, p.bytes, inTable: p.inTable)
            afterTable = true
            return
        }
        if afterTable && !empty && !lastLineBlank { out.append(0x0A) }
        afterTable = false
        if empty {
            out.append(0x0A)
            lastLineBlank = true
        } else {
            emitLine(prefix, p.bytes, inTable: p.inTable)
        }
    }

    mutating func emitLine(_ prefix: String, _ text: [UInt8], inTable: Bool) {
        let start = out.count
        out.append(contentsOf: prefix.utf8)
        out.append(contentsOf: text)
        paragraphs.append(DocxText.Paragraph(number: paragraphs.count + 1, range: start..<out.count,
                                             numberLength: prefix.utf8.count, inTable: inTable))
        out.append(0x0A)
        lastLineBlank = false
    }
}

private let XMLWhite: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
