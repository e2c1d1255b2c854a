import FazhiDocx
import FazhiJSON
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation

// The SARIF 2.1.0 output of `fazhi lint` (`--format sarif`).

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

extension LintOutput {
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
