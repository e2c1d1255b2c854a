import FazhiKnowledge
import FazhiParser
import FazhiText

/// `title-format`: 标题 = 发文机关名称 + 事由 + 文种; the year named; no doubled genre, no 关于对, no end punctuation.
struct TitleFormatRule: Rule {
    let metadata = RuleMetadata(
        id: "title-format",
        category: .structure,
        defaultSeverity: .warning,
        title: "标题要素缺失或格式不规范",
        rationale: "公文标题由发文机关名称、事由和文种组成，如“××镇人民政府关于2024年度法治政府建设情况的报告”。年度报告的标题应写明报告年度，文种为“报告”。常见毛病有：缺少发文机关（标题上方也没有发文机关标志）；没写年度；文种写成“总结”等；“关于上报……的报告”“关于报送……的报告”文种重复；“关于对……的报告”介词连用；标题末尾加标点（标题一般不用标点符号，属于格式建议）。",
        source: "GB/T 9704-2012《党政机关公文格式》7.3.1；《党政机关公文处理工作条例》文种规定",
        examples: [
            RuleExample("关于2024年度法治政府建设情况的报告\n××县人民政府：\n2024年，我镇扎实推进法治政府建设。\n", triggers: true, note: "缺少发文机关"),
            RuleExample("××镇人民政府关于上报2024年度法治政府建设情况的报告\n××县人民政府：\n", triggers: true, note: "文种重复"),
            RuleExample("××镇人民政府关于对2024年度法治政府建设情况的报告\n××县人民政府：\n", triggers: true, note: "介词连用"),
            RuleExample("××镇人民政府关于法治政府建设情况的报告\n××县人民政府：\n", triggers: true, note: "没写年度"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告.\n××县人民政府：\n", triggers: true, note: "标题末尾有标点"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n××县人民政府：\n", triggers: false),
            RuleExample("中共××镇委员会\n××镇人民政府\n关于2024年度法治政府建设情况的报告\n××县委、××县人民政府：\n", triggers: false, note: "发文机关标志在标题上方"),
            RuleExample("××镇2024年法治政府建设情况报告\n2024年，我镇扎实推进法治政府建设。\n", triggers: false),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let r = ctx.report
        guard let title = ctx.plausibleTitle else { return }
        let text = title.text
        // 发文机关: organisation lines above, or a name before 关于 / before the year / before 法治.
        if r.header.organizationLines.isEmpty {
            // (The standard library's search: Foundation's range(of:) bridged every title through CFString.)
            let cut = text.firstRange(of: "关于")?.lowerBound ?? text.firstIndex(where: { $0.isASCII && $0.isNumber })
                ?? text.firstRange(of: "法治")?.lowerBound ?? text.startIndex
            if text[..<cut].allSatisfy({ $0.isWhitespace }) {
                sink.report(title.range, "标题缺少发文机关名称（如“××镇人民政府关于……的报告”），标题上方也没有发文机关标志")
            }
        }
        // The year.
        if ctx.yearMentions(in: title.range).isEmpty && !text.contains("〇") {
            sink.report(title.range, "标题没有写明报告年度（如“关于2024年度法治政府建设情况的报告”）")
        }
        // The genre.
        var end = ctx.trimmingTrailingBlanks(title.range).end
        let (last, lastLen) = ctx.scalar(before: end)
        if Punctuation.isPauseMark(last) || Punctuation.isASCIIPauseMark(last) {
            let p = TextRange(end - lastLen, end)
            sink.report(p, "标题末尾不用标点符号",
                        fixes: [Fix(title: "删除标题末尾的标点", edits: [TextEdit(range: p, newText: "")])], severity: .info)
            end -= lastLen
        }
        // Folded, so that a title republished in traditional characters (……情況報告) reads the same.
        let core = MatchNormalizer.shared.normalize(ctx.text(TextRange(title.range.start, end)))
        if !core.hasSuffix("报告") {
            let genre = core.hasSuffix("总结") ? "“总结”不是法定文种，" : ""
            sink.report(title.range, "标题应以文种“报告”结尾，\(genre)如“……情况的报告”")
        }
        // Doubled genre: 关于上报 / 关于报送 / 关于呈报 …的报告.
        for verb in ["上报", "报送", "呈报", "呈送"] {
            for occ in ctx.occurrences(of: "关于" + verb, in: title.range) where core.hasSuffix("报告") {
                let v = TextRange(occ.start + "关于".utf8.count, occ.end)
                sink.report(v, "“关于\(verb)……的报告”文种重复，应删去“\(verb)”",
                            fixes: [Fix(title: "删去“\(verb)”", edits: [TextEdit(range: v, newText: "")])])
            }
        }
        for occ in ctx.occurrences(of: "关于对", in: title.range) {
            let v = TextRange(occ.start + "关于".utf8.count, occ.end)
            sink.report(v, "“关于对……”介词连用，应删去“对”",
                        fixes: [Fix(title: "删去“对”", edits: [TextEdit(range: v, newText: "")])])
        }
    }
}
