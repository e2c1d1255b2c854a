import FazhiParser
import FazhiText

/// `missing-recipient`: a report submitted upward names its 主送机关 on the line below the title,
/// ending with a full-width colon.
struct MissingRecipientRule: Rule {
    let metadata = RuleMetadata(
        id: "missing-recipient",
        category: .structure,
        defaultSeverity: .warning,
        title: "缺少主送机关或主送机关格式不规范",
        rationale: "报告是上行文，应在标题下一行顶格写明主送机关（如“××县人民政府：”），最后一个机关名称后用全角冒号。乡镇的年度报告一般报送上一级党委和政府。在网站公开的版本常省略版头，但采用“关于……的报告”公文标题的文本仍应保留主送机关。",
        source: "GB/T 9704-2012《党政机关公文格式》7.3.2",
        examples: [
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n2024年，我镇扎实推进法治政府建设。\n一、主要举措和成效\n全年召开专题会议4次。\n", triggers: true, note: "公文标题下没有主送机关"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n××县人民政府:\n2024年，我镇扎实推进法治政府建设。\n", triggers: true, note: "半角冒号"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n中共××县委、××县人民政府\n2024年，我镇扎实推进法治政府建设。\n", triggers: true, note: "主送机关后缺少冒号"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n××县人民政府：\n2024年，我镇扎实推进法治政府建设。\n", triggers: false),
            RuleExample("××镇2024年度法治政府建设情况报告\n2024年，我镇扎实推进法治政府建设。\n", triggers: false, note: "网站公开的版本，标题不是公文标题形式"),
            RuleExample("一、主要举措和成效\n全年召开专题会议4次。\n", triggers: false, note: "没有标题的片段不判断"),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let r = ctx.report
        guard let title = ctx.plausibleTitle else { return }
        if let rec = r.header.recipient {
            if ctx.scalar(at: rec.range.end) == .asciiColon {
                let colon = TextRange(rec.range.end, rec.range.end + 1)
                sink.report(colon, "主送机关后应使用全角冒号“：”",
                            fixes: [Fix(title: "改为全角冒号“：”", edits: [TextEdit(range: colon, newText: "：")])])
            }
            return
        }
        // A line right below the title that names organs but lacks the colon.
        var l = title.lastLine + 1
        while l < r.lines.count && r.lines[l].kind == .blank { l += 1 }
        // (An organ line followed by another title line is the issuer of a repeated title, not a recipient.)
        var after = l + 1
        while after < r.lines.count && r.lines[after].kind == .blank { after += 1 }
        let issuerOfTitle = r.lines[min(l, r.lines.count - 1)].kind == .organization && after < r.lines.count && r.lines[after].kind == .title
        if l < r.lines.count, !issuerOfTitle, r.lines[l].kind == .paragraph || r.lines[l].kind == .organization, let line = ctx.recipientLike(r.lines[l].range) {
            sink.report(line, "主送机关后缺少全角冒号“：”",
                        fixes: [Fix(title: "在主送机关后加全角冒号“：”", edits: [TextEdit(range: TextRange(line.end, line.end), newText: "：")])])
            return
        }
        // Only a 公文-style title (关于……的报告) or a document number makes the recipient expected.
        guard title.text.contains("关于") || r.header.docNumber != nil else { return }
        sink.report(title.range, "标题下缺少主送机关（如“××县人民政府：”）")
    }
}
