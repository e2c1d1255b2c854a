import FazhiFiles
import FazhiJSON
import FazhiParser
import FazhiText
import Foundation

enum OutlineCommand {
    static func run(_ args: [String]) -> Int32 {
        let (opts, pos, err) = CLI.parseOptions(args, valued: ["--format"], flags: [])
        if let err { return CLI.fail(err) }
        guard pos.count == 1 else { return CLI.fail("outline 需要且只需要一个文件") }
        let format = opts["--format"] ?? "text"
        guard format == "text" || format == "json" else { return CLI.fail("未知格式 \(format)（可用 text、json）") }
        let loaded: LoadedReport
        do { loaded = try CLI.loadDocument(pos[0]) } catch { return CLI.fail(error.description) }
        let report = ReportParser().parse(loaded.source)
        if format == "json" {
            print(outlineJSON(report, path: pos[0]).serializedString(pretty: true))
        } else {
            print(outlineText(report, path: pos[0]), terminator: "")
        }
        return 0
    }

    /// The outline as JSON. A heading's `parts` are the parts its section covers — its own and those
    /// merged into it (`merged`, e.g. the first-responsible-person duty written inside the measures);
    /// `inferred` says the parts were given by the heading's place, not its words. The top-level `parts`
    /// gives each part of the profile with its standing: separate, merged, mentioned or missing.
    static func outlineJSON(_ r: Report, path: String) -> JSON {
        func heading(_ i: Int) -> JSON {
            let h = r.headings[i]
            return [
                "level": .int(h.level), "marker": .string(h.marker), "text": .string(h.text), "line": .int(h.line),
                "parts": .array(coveredParts(r, i).map { .string($0) }), "merged": .array(h.mergedParts.map { .string($0) }),
                "inferred": .bool(h.partsInferred), "children": .array(h.children.map(heading)),
            ]
        }
        let h = r.header
        return [
            "path": .string(path),
            "title": h.title.map { ["text": .string($0.text), "line": .int($0.line)] } ?? .null,
            "year": r.year.map { .int($0) } ?? .null,
            "unit": r.unit.map { ["name": .string($0.name), "kind": .string($0.kind.rawValue)] } ?? .null,
            "recipient": h.recipient.map { .string($0.text) } ?? .null,
            "docNumber": h.docNumber.map { .string($0.text) } ?? .null,
            "signer": h.signer.map { .string($0.text) } ?? .null,
            "parts": .array(r.partStatus.map { st in
                ["id": .string(st.id), "status": .string(st.presence.rawValue), "line": partLine(r, st).map { .int($0) } ?? .null]
            }),
            "headings": .array(r.roots.map(heading)),
        ]
    }

    /// A heading's own parts and the parts merged into its section, in profile order.
    static func coveredParts(_ r: Report, _ i: Int) -> [String] {
        let h = r.headings[i]
        return r.profile.parts.map(\.id).filter { h.parts.contains($0) || h.mergedParts.contains($0) }
    }

    /// The line where a part stands: its first heading, else where it was seen.
    static func partLine(_ r: Report, _ st: PartStatus) -> Int? {
        if let first = st.headings.first { return r.headings[first].line }
        return st.evidence.map { r.source.line(of: $0.start) }
    }

    static func outlineText(_ r: Report, path: String) -> String {
        var out = "\(path)\n"
        let h = r.header
        out += "  标题：" + (h.title.map { "\($0.text)（第\($0.line + 1)行）" } ?? "（未识别）") + "\n"
        out += "  年度：" + (r.year.map { "\($0)年" } ?? "（未识别）") + "\n"
        out += "  单位：" + (r.unit.map { "\($0.name)（\($0.kind.rawValue)）" } ?? "（未识别）") + "\n"
        if let v = h.recipient { out += "  主送机关：\(v.text)\n" }
        if let v = h.docNumber { out += "  发文字号：\(v.text)\n" }
        if let v = h.signer { out += "  签发人：\(v.text)\n" }
        out += "  结构：\n"
        func walk(_ i: Int, _ depth: Int) {
            let x = r.headings[i]
            let indent = String(repeating: "  ", count: depth + 2)
            var names = x.parts.compactMap { r.profile.part($0)?.short }
            names += x.mergedParts.compactMap { r.profile.part($0).map { "含" + $0.short + "（未单列）" } }
            let tag = names.isEmpty ? "" : "  【" + names.joined(separator: "；") + (x.partsInferred ? "（按位置判断）" : "") + "】"
            out += "\(indent)\(x.marker)\(x.text)\(tag)  （第\(x.line + 1)行）\n"
            for c in x.children { walk(c, depth + 1) }
        }
        for root in r.roots { walk(root, 0) }
        for st in r.partStatus {
            guard let part = r.profile.part(st.id) else { continue }
            let line = partLine(r, st).map { "第\($0 + 1)行" } ?? ""
            switch st.presence {
            case .separate: continue
            case .merged: out += "  \(part.short)：未单列，写在\(line)所在部分中\n"
            case .mentioned: out += "  \(part.short)：没有对应部分，仅在\(line)提到\n"
            case .missing where part.required: out += "  \(part.short)：未找到\n"
            case .missing: continue
            }
        }
        return out
    }
}
