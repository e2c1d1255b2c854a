// Code actions: quick fixes from the linter, fix-all per rule, source.fixAll.fazhi, inserting a missing
// part in the regulation's order, and "ignore here" (IgnoreAction.swift).
import FazhiJSON
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation
import LSPKit

enum FixAll {
    static let kind = "source.fixAll.fazhi"
}

extension FazhiLanguageServer {
    func lspEdits(_ edits: [FazhiLinter.TextEdit], _ doc: Document) -> [JSON] {
        let edge = Edge(text: doc.text, encoding: encoding)
        return nonOverlapping(edits).map { LSP.TextEdit(range: edge.range($0.range), newText: $0.newText).json }
    }

    /// Sorted edits with later overlapping ones dropped.
    func nonOverlapping(_ edits: [FazhiLinter.TextEdit]) -> [FazhiLinter.TextEdit] {
        let sorted = edits.sorted { $0.range.start != $1.range.start ? $0.range.start < $1.range.start : $0.range.end < $1.range.end }
        var out: [FazhiLinter.TextEdit] = []
        var end = -1
        for e in sorted {
            if let last = out.last, e.range.start < end || (e.range.isEmpty && last.range.isEmpty && e.range.start == last.range.start) {
                continue
            }
            out.append(e)
            end = max(end, e.range.end)
        }
        return out
    }

    func workspaceEdit(_ doc: Document, _ edits: [FazhiLinter.TextEdit]) -> JSON {
        let list = JSON.array(lspEdits(edits, doc))
        if extras.documentChanges {
            return ["documentChanges": [["textDocument": ["uri": .string(doc.uri), "version": .int(doc.version)], "edits": list]]]
        }
        return ["changes": .object(JSONObject([(doc.uri, list)]))]
    }

    func codeActions(_ doc: Document, _ report: Report, _ p: LSP.CodeActionParams) -> JSON {
        let edge = Edge(text: doc.text, encoding: encoding)
        let range = edge.textRange(p.range)
        let only = p.only
        func wanted(_ kind: String) -> Bool {
            guard let only, !only.isEmpty else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        var actions: [JSON] = []
        let all = doc.shownDiagnostics
        let here = all.filter { $0.range.overlaps(range) || $0.range.contains(range.start) || $0.range.end == range.start || (range.isEmpty && $0.range.isEmpty && $0.range.start == range.start) || range.contains($0.range) }

        if wanted("quickfix") {
            var rulesDone = Set<String>()
            for d in here {
                let lspDiag = lspDiagnostic(d, in: doc).json
                // For a missing part our own insertion (which renumbers and keeps the line ending) replaces the rule's.
                let ownInsertion = d.rule == "missing-part" ? d.data.flatMap { id in insertPartEdits(report, partID: id).map { (id, $0) } } : nil
                let fixes = ownInsertion == nil ? d.fixes : []
                let preferred = fixes.firstIndex { $0.isSafe }
                for (i, fix) in fixes.enumerated() {
                    var a: JSONObject = ["title": .string(fix.title), "kind": "quickfix", "diagnostics": [lspDiag],
                                         "edit": workspaceEdit(doc, fix.edits)]
                    if i == preferred { a["isPreferred"] = true }
                    actions.append(.object(a))
                }
                if let (partID, edits) = ownInsertion, let part = report.profile.part(partID) {
                    actions.append(["title": .string("插入缺少的部分：\(part.short)"), "kind": "quickfix", "diagnostics": [lspDiag],
                                    "edit": workspaceEdit(doc, edits), "isPreferred": .bool(preferred == nil)])
                }
                let same = all.filter { $0.rule == d.rule && $0.fixes.contains { $0.isSafe } }
                if same.count > 1 && rulesDone.insert(d.rule).inserted {
                    let edits = same.flatMap { $0.fixes.first { $0.isSafe }?.edits ?? [] }
                    let title = RuleCatalog.rule(d.rule)?.metadata.title ?? d.rule
                    actions.append(["title": .string("修复全部同类问题：\(title)（\(same.count)处）"), "kind": "quickfix",
                                    "diagnostics": .array(same.map { lspDiagnostic($0, in: doc).json }), "edit": workspaceEdit(doc, edits)])
                }
                if let ignore = ignoreAction(doc, report, d, lspDiag) { actions.append(ignore) }
            }
        }
        if wanted(FixAll.kind) {
            let edits = all.flatMap { $0.fixes.first { $0.isSafe }?.edits ?? [] }
            if !edits.isEmpty {
                actions.append(["title": "修复全部可安全修复的问题（fazhi）", "kind": .string(FixAll.kind), "edit": workspaceEdit(doc, edits)])
            }
        }
        return .array(actions)
    }

    /// Edits that insert the heading of `partID` where the regulation's order puts it, renumbering the
    /// top-level headings after it.
    func insertPartEdits(_ report: Report, partID: String) -> [FazhiLinter.TextEdit]? {
        let parts = report.profile.parts
        guard let idx = parts.firstIndex(where: { $0.id == partID }) else { return nil }
        let text = report.source
        let nl = text.bytes.contains(0x0D) && text.string.contains("\r\n") ? "\r\n" : "\n"
        let hs = report.headings
        func order(_ r: Int) -> Int? { hs[r].parts.compactMap { id in parts.firstIndex { $0.id == id } }.min() }
        let heading = partHeading(parts[idx], year: report.year)
        let body = "　　" + (parts[idx].required ? "（待补充）" : "无。")
        var edits: [FazhiLinter.TextEdit] = []
        if let pos = report.roots.firstIndex(where: { (order($0) ?? -1) > idx }) {
            let r = report.roots[pos]
            let prevNumber = report.roots[..<pos].last { !hs[$0].isPseudo && hs[$0].level == 1 }.flatMap { hs[$0].number } ?? 0
            let number = prevNumber + 1
            let at = hs[r].lineRange.start
            let inserted = Numerals.marker(level: 1, number: number) + heading + nl + body + nl + nl
            // Renumber the top-level headings after it where they no longer follow on.
            var expected = number + 1
            var first = true
            for later in report.roots[pos...] where !hs[later].isPseudo && hs[later].level == 1 {
                let renumber = hs[later].number != expected
                if first {
                    // One edit for the insertion and the first marker, so that clients cannot reorder them.
                    let end = renumber ? hs[later].markerRange.end : at
                    edits.append(.init(range: TextRange(at, end), newText: inserted + (renumber ? Numerals.marker(level: 1, number: expected) : "")))
                    first = false
                } else if renumber {
                    edits.append(.init(range: hs[later].markerRange, newText: Numerals.marker(level: 1, number: expected)))
                }
                expected += 1
            }
            if first { edits.append(.init(range: TextRange(at, at), newText: inserted)) }
        } else {
            let last = report.roots.last { !hs[$0].isPseudo }
            let number = (last.flatMap { hs[$0].number } ?? 0) + 1
            var at = last.map { hs[$0].sectionRange.end } ?? report.closing.start ?? text.count
            at = min(at, report.closing.start ?? text.count)
            // Insert after the last non-blank line before `at`.
            var line = text.line(of: max(0, at - 1))
            while line > 0 && text.lineRange(line).isEmpty && text.lineRange(line).start >= (last.map { hs[$0].lineRange.end } ?? 0) { line -= 1 }
            let lineEnd = text.fullLineRange(line).end
            let endsWithBreak = lineEnd > text.lineRange(line).end
            var s = (endsWithBreak ? "" : nl) + nl + Numerals.marker(level: 1, number: number) + heading + nl + body + nl
            if line + 1 < text.lineCount && !text.lineRange(line + 1).isEmpty && lineEnd < text.count { s += nl }
            edits.append(.init(range: TextRange(lineEnd, lineEnd), newText: s))
        }
        return edits
    }
}
