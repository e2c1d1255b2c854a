import FazhiDocx
import FazhiJSON
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation

// The text output of `fazhi lint`: one line per finding, then the reviewer's table.

/// `path:line:column: severity [rule] message`, then the summary table.
final class TextLintWriter: LintWriter, @unchecked Sendable {
    let out: OutputStream
    let summary: Bool
    let folder: Bool
    let skipped: [String]
    private var wroteFindings = false

    init(_ out: OutputStream, summary: Bool, folder: Bool, skipped: [String]) {
        self.out = out
        self.summary = summary
        self.folder = folder
        self.skipped = skipped
    }

    func file(_ r: LintResult) {
        if !r.diagnostics.isEmpty { wroteFindings = true }
        if let docx = r.docx {
            // Word has no line numbers: paragraph and character, and the paragraph quoted.
            var where_ = DocxCursor(docx)
            for d in r.diagnostics {
                let at = where_.location(ofUTF8Offset: d.range.start)
                out.write("\(r.path):\(DocxLocations.paragraphLabel(docx, at)): \(d.severity.rawValue) [\(d.rule)] \(d.message)\n")
                if let q = DocxLocations.excerpt(docx, offset: d.range.start, at) { out.write("    「\(q)」\n") }
            }
            return
        }
        var cursor = PositionCursor(text: r.source, encoding: .utf32)
        for d in r.diagnostics {
            let p = cursor.position(of: d.range.start)
            out.write("\(r.path):\(p.line + 1):\(p.character + 1): \(d.severity.rawValue) [\(d.rule)] \(d.message)\n")
        }
    }

    func finish(_ results: [FileSummary], all: [FileSummary]) {
        out.write(LintOutput.summaryText(results, summary: summary, findingsWritten: wroteFindings, skipped: skipped))
        if summary && folder && !all.isEmpty { out.write(Verbose.configLine(all)) }
    }
}

enum Table {
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            let wide = (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
                || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
                || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1FAFF) || (v >= 0x20000 && v <= 0x3FFFD)
            return w + (wide ? 2 : 1)
        }
    }

    static func pad(_ s: String, _ w: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, w - width(s)))
        return right ? fill + s : s + fill
    }

    static func render(header: [String], rows: [[String]], footer: [String]?, rightAligned: Set<Int>) -> String {
        let all = [header] + rows + (footer.map { [$0] } ?? [])
        var widths = Array(repeating: 0, count: header.count)
        for r in all { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], width(c)) } }
        func line(_ r: [String]) -> String {
            var s = r.enumerated().map { pad($1, widths[$0], right: rightAligned.contains($0)) }.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        var out = line(header) + rule
        for r in rows { out += line(r) }
        if let f = footer { out += rule + line(f) }
        return out
    }
}
