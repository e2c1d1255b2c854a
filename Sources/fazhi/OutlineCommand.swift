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
        let loaded: Result<LoadedReport, ReportFile.LoadError>
        if pos[0] == "-" {
            guard let bytes = CLI.readInput("-") else { return CLI.fail("无法读取标准输入") }
            loaded = ReportFile.load(bytes: bytes, name: "-")
        } else {
            loaded = ReportFile.load(path: pos[0])
        }
        let file: LoadedReport
        switch loaded {
        case .success(let f): file = f
        case .failure(let e): return CLI.fail(e.message)
        }
        let report = ReportParser().parse(file.source)
        if format == "json" {
            print(outlineJSON(report, path: pos[0]).serializedString(pretty: true))
        } else {
            print(outlineText(report, path: pos[0]), terminator: "")
        }
        return 0
    }

    static func outlineJSON(_ r: Report, path: String) -> JSON {
        func heading(_ i: Int) -> JSON {
            let h = r.headings[i]
            return [
                "level": .int(h.level), "marker": .string(h.marker), "text": .string(h.text), "line": .int(h.line),
                "parts": .array(h.parts.map { .string($0) }), "children": .array(h.children.map(heading)),
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
            "headings": .array(r.roots.map(heading)),
        ]
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
            let parts = x.parts.compactMap { r.profile.part($0)?.short }
            let tag = parts.isEmpty ? "" : "  【" + parts.joined(separator: "；") + "】"
            out += "\(indent)\(x.marker)\(x.text)\(tag)  （第\(x.line + 1)行）\n"
            for c in x.children { walk(c, depth + 1) }
        }
        for root in r.roots { walk(root, 0) }
        let missing = r.profile.parts.filter { $0.required && !r.hasPart($0.id) }
        if !missing.isEmpty {
            out += "  缺少的必备部分：" + missing.map(\.short).joined(separator: "；") + "\n"
        }
        return out
    }
}
