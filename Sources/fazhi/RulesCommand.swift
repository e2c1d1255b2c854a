import FazhiJSON
import FazhiLinter
import Foundation

/// `fazhi rules [--format text|json|markdown]`: the rule catalog, generated from rule metadata.
/// `docs/rules.md` is the markdown output, checked by a test to be up to date.
enum RulesCommand {
    static func run(_ args: [String]) -> Int32 {
        let (opts, pos, err) = CLI.parseOptions(args, valued: ["--format"], flags: [])
        if let err { return CLI.fail(err) }
        guard pos.isEmpty else { return CLI.fail("rules 不接受参数 \(pos.joined(separator: " "))") }
        switch opts["--format"] ?? "text" {
        case "text": CLI.write(text())
        case "json": CLI.write(json().serializedString(pretty: true) + "\n")
        case "markdown", "md": CLI.write(markdown())
        case let f: return CLI.fail("未知格式 \(f)（可用 text、json、markdown）")
        }
        return 0
    }

    static func text() -> String {
        let rows = RuleCatalog.all.map { r -> [String] in
            let m = r.metadata
            return [m.id, m.category.label, m.defaultSeverity.label, m.fixable ? "可修复" : "", m.title]
        }
        return Table.render(header: ["规则", "类别", "默认级别", "修复", "说明"], rows: rows, footer: nil, rightAligned: [])
            + "\n共 \(RuleCatalog.all.count) 条规则。用 fazhi explain 规则名 查看详细说明；在 .fazhi.json 的 \"rules\" 中调整级别或关闭。\n"
    }

    static func json() -> JSON {
        .array(RuleCatalog.all.map { r in
            let m = r.metadata
            return [
                "id": .string(m.id), "category": .string(m.category.rawValue), "defaultSeverity": .string(m.defaultSeverity.rawValue),
                "title": .string(m.title), "rationale": .string(m.rationale), "source": .string(m.source), "fixable": .bool(m.fixable),
                "examples": .array(m.examples.map { ["text": .string($0.text), "triggers": .bool($0.triggers)] }),
            ]
        })
    }

    /// Full documentation of one rule, for `fazhi explain RULE` and the markdown file.
    static func document(_ m: RuleMetadata, headingLevel: String = "##") -> String {
        var out = "\(headingLevel) \(m.id)\n\n**\(m.title)**\n\n"
        out += "- 类别：\(m.category.label)\n- 默认级别：\(m.defaultSeverity.label)（\(m.defaultSeverity.rawValue)）\n"
        out += "- 自动修复：\(m.fixable ? "支持" : "不支持")\n- 依据：\(m.source)\n\n\(m.rationale)\n\n"
        for (label, triggers) in [("会报告", true), ("不会报告", false)] {
            let ex = m.examples.filter { $0.triggers == triggers }
            guard !ex.isEmpty else { continue }
            out += "\(label)：\n\n"
            for e in ex {
                out += "```text\n\(e.text.hasSuffix("\n") ? e.text : e.text + "\n")```\n"
                if let n = e.note { out += "\n（\(n)）\n" }
                out += "\n"
            }
        }
        return out
    }

    static func markdown() -> String {
        var out = "# 检查规则\n\n本文件由 `fazhi rules --format markdown` 根据各规则自身声明的元数据生成，请勿手工编辑。"
        out += "在 `.fazhi.json` 的 `rules` 中可以调整任一规则的级别（error、warning、info、hint）或设为 `off` 关闭。\n\n"
        out += "| 规则 | 类别 | 默认级别 | 修复 | 说明 |\n| --- | --- | --- | --- | --- |\n"
        for r in RuleCatalog.all {
            let m = r.metadata
            out += "| [`\(m.id)`](#\(m.id)) | \(m.category.label) | \(m.defaultSeverity.label) | \(m.fixable ? "✓" : "") | \(m.title) |\n"
        }
        out += "\n"
        for r in RuleCatalog.all { out += document(r.metadata) }
        return out
    }
}
