import FazhiDocx
import FazhiJSON
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation

// The JSON output of `fazhi lint` (`--format json`, the documented shape).

/// `{"version":1,"files":[…],"summary":{…}}` on one line; ranges are LSP ranges (UTF-16 columns).
final class JSONLintWriter: LintWriter, @unchecked Sendable {
    let out: OutputStream
    private var first = true

    init(_ out: OutputStream) {
        self.out = out
        out.write(#"{"version":1,"files":["#)
    }

    func file(_ r: LintResult) {
        var starts = PositionCursor(text: r.source, encoding: .utf16)
        var ends = PositionCursor(text: r.source, encoding: .utf16)
        var edits = PositionCursor(text: r.source, encoding: .utf16)
        var docxAt = r.docx.map { DocxCursor($0) }
        out.append { o in
            if !first { o.append(0x2C) }
            o.append(contentsOf: #"{"path":"#.utf8)
            JSONWriter.writeString(r.path, into: &o)
            o.append(contentsOf: #","diagnostics":["#.utf8)
        }
        first = false
        for (k, d) in r.diagnostics.enumerated() {
            out.append { o in
                if k > 0 { o.append(0x2C) }
                o.append(contentsOf: #"{"rule":"#.utf8)
                JSONWriter.writeString(d.rule, into: &o)
                o.append(contentsOf: #","severity":"#.utf8)
                JSONWriter.writeString(d.severity.rawValue, into: &o)
                o.append(contentsOf: #","message":"#.utf8)
                JSONWriter.writeString(d.message, into: &o)
                o.append(contentsOf: #","range":"#.utf8)
                Self.range(starts.position(of: d.range.start), ends.position(of: d.range.end), into: &o)
                o.append(contentsOf: #","fixes":["#.utf8)
                for (i, f) in d.fixes.enumerated() {
                    if i > 0 { o.append(0x2C) }
                    o.append(contentsOf: #"{"title":"#.utf8)
                    JSONWriter.writeString(f.title, into: &o)
                    o.append(contentsOf: #","edits":["#.utf8)
                    for (j, e) in f.edits.enumerated() {
                        if j > 0 { o.append(0x2C) }
                        o.append(contentsOf: #"{"range":"#.utf8)
                        let a = edits.position(of: e.range.start), b = edits.position(of: e.range.end)
                        Self.range(a, b, into: &o)
                        o.append(contentsOf: #","newText":"#.utf8)
                        JSONWriter.writeString(e.newText, into: &o)
                        o.append(0x7D)
                    }
                    o.append(contentsOf: "]}".utf8)
                }
                o.append(0x5D)
                // Word documents only: ranges are in the text `fazhi text` prints; these say where it is in Word.
                if let docx = r.docx, let (p, c) = docxAt?.location(ofUTF8Offset: d.range.start) {
                    o.append(contentsOf: #","paragraph":"#.utf8)
                    o.append(contentsOf: String(docx.paragraphs[p].number).utf8)
                    o.append(contentsOf: #","character":"#.utf8)
                    o.append(contentsOf: String(c).utf8)
                }
                o.append(0x7D)
            }
        }
        out.append { $0.append(contentsOf: "]}".utf8) }
    }

    static func range(_ s: LineColumn, _ e: LineColumn, into o: inout [UInt8]) {
        o.append(contentsOf: #"{"start":{"line":"#.utf8)
        o.append(contentsOf: String(s.line).utf8)
        o.append(contentsOf: #","character":"#.utf8)
        o.append(contentsOf: String(s.character).utf8)
        o.append(contentsOf: #"},"end":{"line":"#.utf8)
        o.append(contentsOf: String(e.line).utf8)
        o.append(contentsOf: #","character":"#.utf8)
        o.append(contentsOf: String(e.character).utf8)
        o.append(contentsOf: "}}".utf8)
    }

    func finish(_ results: [FileSummary], all: [FileSummary]) {
        var missing: [JSON] = []
        for r in results where !r.missingParts.isEmpty {
            missing.append(["path": .string(r.path), "parts": .array(r.missingParts.map { .string($0.id) })])
        }
        func total(_ s: Severity) -> JSON { .int(results.reduce(0) { $0 + $1.count(s) }) }
        let summary: JSON = [
            "files": .int(results.count),
            "error": total(.error), "warning": total(.warning), "info": total(.info), "hint": total(.hint),
            "missingParts": .array(missing),
        ]
        out.append { o in
            o.append(contentsOf: #"],"summary":"#.utf8)
            JSONWriter.write(summary, into: &o, indent: nil, level: 0)
            o.append(contentsOf: "}\n".utf8)
        }
    }
}
