import FazhiParser
import FazhiText

/// `web-page-residue`: lines copied from a government web page along with the report — the breadcrumb
/// (当前位置：首页 > …), the publication metadata (发布时间、来源、索引号 tables), widgets (字号 大 中 小、打印)
/// and the site's own lines. The parser keeps them out of every header field; the linter drops any other
/// finding inside them, and this rule says once that they are there.
struct WebPageResidueRule: Rule {
    let metadata = RuleMetadata(
        id: "web-page-residue",
        category: .residue,
        defaultSeverity: .hint,
        title: "网页残留",
        rationale: "从政府网站复制已公开的报告时，常把网页上的栏目路径（当前位置：首页＞……）、发布信息（发布时间、来源、索引号、浏览次数）、按钮文字（字号 大 中 小、打印、分享）一并带入。这些内容不是报告的一部分：它们不参与标题、单位、主送机关的识别，其中的写法也不作检查。审核他人报告时可以忽略；自己起草时请在提交前删除。",
        source: "GB/T 9704-2012《党政机关公文格式》7.3（公文主体只含标题、主送机关、正文、附件说明、署名、成文日期等要素）",
        examples: [
            RuleExample("当前位置：首页 > 政务公开 > 法治政府建设\n发布时间：2025-02-14　来源：××镇\n××镇2024年度法治政府建设情况报告\n2024年，××镇扎实推进法治政府建设。\n一、主要举措和成效\n全年召开专题会议4次。\n", triggers: true),
            RuleExample("××镇2024年度法治政府建设情况报告\n2024年，××镇扎实推进法治政府建设。\n一、主要举措和成效\n全年召开专题会议4次，来源于群众反映的问题全部办结。\n", triggers: false),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let lines = ctx.report.lines
        let chrome = lines.indices.filter { lines[$0].kind == .chrome }
        guard let first = chrome.first else { return }
        // Delete each chrome line with its line break.
        let edits = chrome.map { l -> TextEdit in
            let r = ctx.source.lineRange(l)
            let end = l + 1 < ctx.source.lineCount ? ctx.source.lineRange(l + 1).start : r.end
            return TextEdit(range: TextRange(r.start, end), newText: "")
        }
        let count = chrome.count == 1 ? "这一行" : "第\(first + 1)行等\(chrome.count)行"
        sink.report(lines[first].range, "\(count)是网页上的栏目、发布信息或按钮文字，不属于报告，检查时已跳过；提交前请删除",
                    fixes: [Fix(title: "删除网页残留（\(chrome.count)行）", edits: edits, isSafe: false)])
    }
}
