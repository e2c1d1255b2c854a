import FazhiDocx
import FazhiJSON
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output with a buffer that is written out whenever it passes 256 KB: output that is
/// produced file by file never has to be held whole (a 64 MB report can have a million findings).
final class OutputStream: @unchecked Sendable {
    static let standard = OutputStream(fd: 1)
    private let fd: Int32
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 18

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(OutputStream.chunk + 4096)
    }

    func write(_ s: String) {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= OutputStream.chunk { flush() }
    }

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= OutputStream.chunk { flush() }
    }

    /// Appends in place (for writers that build JSON straight into the buffer), then flushes when full.
    func append(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= OutputStream.chunk { flush() }
    }

    func flush() {
        var done = 0
        buffer.withUnsafeBytes { p in
            while done < p.count {
                let n = Foundation.write(fd, p.baseAddress! + done, p.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return // a closed pipe (`fazhi lint | head`): nothing more can be written
                }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes lint results as they arrive, file by file, then the closing summary.
protocol LintWriter: AnyObject, Sendable {
    /// One file's findings (called in the order the files were given, one call at a time).
    func file(_ r: LintResult)
    /// After the last file: `ok` are the files that were read, `all` includes those that could not be.
    func finish(_ ok: [FileSummary], all: [FileSummary])
}

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

/// SARIF 2.1.0, indented: the document around the results is serialized once and the results are
/// written into it one by one at their nesting level.
final class SARIFLintWriter: LintWriter, @unchecked Sendable {
    let out: OutputStream
    private var count = 0
    private let suffix: [UInt8]
    private let separator: [UInt8]
    private let level: Int

    /// Marks where the results go in the serialized skeleton.
    private static let marker = "@@fazhi-results-go-here@@"

    init(_ out: OutputStream) {
        self.out = out
        let skeleton = Array(LintOutput.sarifDocument(results: [.string(Self.marker)]).serializedString(pretty: true).utf8)
        let m = Array(("\"" + Self.marker + "\"").utf8)
        var at = 0
        while !skeleton[at..<(at + m.count)].elementsEqual(m) { at += 1 }
        var indentStart = at
        while indentStart > 0 && skeleton[indentStart - 1] == 0x20 { indentStart -= 1 }
        level = (at - indentStart) / 2
        prefix = Array(skeleton[..<at])
        separator = [0x2C, 0x0A] + Array(repeating: 0x20, count: at - indentStart)
        suffix = Array(skeleton[(at + m.count)...])
    }

    /// The document up to the first result's indentation.
    private let prefix: [UInt8]

    func file(_ r: LintResult) {
        var starts = PositionCursor(text: r.source, encoding: .utf16)
        var ends = PositionCursor(text: r.source, encoding: .utf16)
        var edits = PositionCursor(text: r.source, encoding: .utf16)
        var docxAt = r.docx.map { DocxCursor($0) }
        for d in r.diagnostics {
            let s = starts.position(of: d.range.start), e = ends.position(of: d.range.end)
            var res: JSONObject = [
                "ruleId": .string(d.rule), "level": .string(LintOutput.sarifLevel(d.severity)),
                "message": ["text": .string(d.message)],
                "locations": [["physicalLocation": [
                    "artifactLocation": ["uri": .string(r.path)],
                    "region": ["startLine": .int(s.line + 1), "startColumn": .int(s.character + 1),
                               "endLine": .int(e.line + 1), "endColumn": .int(e.character + 1)],
                ]]],
            ]
            if let docx = r.docx, let (p, c) = docxAt?.location(ofUTF8Offset: d.range.start) {
                res["properties"] = ["paragraph": .int(docx.paragraphs[p].number), "character": .int(c)]
            }
            if let f = d.fixes.first {
                res["fixes"] = [["description": ["text": .string(f.title)], "artifactChanges": [[
                    "artifactLocation": ["uri": .string(r.path)],
                    "replacements": .array(f.edits.map { ed in
                        let a = edits.position(of: ed.range.start), b = edits.position(of: ed.range.end)
                        return ["deletedRegion": ["startLine": .int(a.line + 1), "startColumn": .int(a.character + 1),
                                                  "endLine": .int(b.line + 1), "endColumn": .int(b.character + 1)],
                                "insertedContent": ["text": .string(ed.newText)]]
                    }),
                ]]]]
            }
            let lvl = level
            out.append { [self] o in
                o.append(contentsOf: count == 0 ? prefix : separator)
                JSONWriter.write(.object(res), into: &o, indent: 2, level: lvl)
            }
            count += 1
        }
    }

    func finish(_ results: [FileSummary], all: [FileSummary]) {
        if count == 0 {
            out.write(LintOutput.sarifDocument(results: []).serializedString(pretty: true) + "\n")
        } else {
            out.append { o in
                o.append(contentsOf: suffix)
                o.append(0x0A)
            }
        }
    }
}

enum LintOutput {
    /// The text after the findings: the summary table, the skipped files.
    static func summaryText(_ results: [FileSummary], summary: Bool, findingsWritten: Bool, skipped: [String]) -> String {
        guard summary, !results.isEmpty || !skipped.isEmpty else { return "" }
        if results.isEmpty { return skippedNote(skipped) }
        var out = findingsWritten ? "\n" : ""
        let header = ["文件", "年度", "缺少的必备部分", "错误", "警告", "提示"]
        var rows: [[String]] = []
        for r in results {
            let missing = r.missingParts.map(\.short).joined(separator: "、")
            rows.append([r.path, r.year.map(String.init) ?? "—", missing.isEmpty ? "无" : missing,
                         String(r.count(.error)), String(r.count(.warning)), String(r.count(.info) + r.count(.hint))])
        }
        let total = ["合计（\(results.count)份）", "", "\(results.filter { !$0.missingParts.isEmpty }.count)份缺少",
                     String(results.map { $0.count(.error) }.reduce(0, +)), String(results.map { $0.count(.warning) }.reduce(0, +)),
                     String(results.map { $0.count(.info) + $0.count(.hint) }.reduce(0, +))]
        out += Table.render(header: header, rows: rows, footer: results.count > 1 ? total : nil, rightAligned: [3, 4, 5])
        return out + skippedNote(skipped)
    }

    static func skippedNote(_ skipped: [String]) -> String {
        guard !skipped.isEmpty else { return "" }
        return "已跳过 \(skipped.count) 个文件（不是纯文本或 .docx 文件，请另存为 .docx 或 .txt 后再检查）：\n"
            + skipped.map { "  \($0)\n" }.joined()
    }

    static func sarifLevel(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info, .hint: return "note"
        }
    }

    /// The SARIF document around `results`.
    static func sarifDocument(results: [JSON]) -> JSON {
        let rules: [JSON] = RuleCatalog.all.map { r in
            let m = r.metadata
            return [
                "id": .string(m.id), "name": .string(m.id),
                "shortDescription": ["text": .string(m.title)],
                "fullDescription": ["text": .string(m.rationale)],
                "helpUri": .string("https://github.com/fazhi-lsp/fazhi/blob/main/docs/rules.md#\(m.id)"),
                "defaultConfiguration": ["level": .string(sarifLevel(m.defaultSeverity))],
                "properties": ["category": .string(m.category.rawValue), "source": .string(m.source)],
            ]
        }
        return [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "fazhi", "version": .string(CLI.version),
                                    "informationUri": "https://github.com/fazhi-lsp/fazhi", "rules": .array(rules)]],
                "columnKind": "utf16CodeUnits",
                "results": .array(results),
            ]],
        ]
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
