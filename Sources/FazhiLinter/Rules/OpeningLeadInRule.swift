import FazhiParser
import FazhiText

/// `opening-lead-in`: the opening paragraph of a 公文-style report ends with a lead-in such as
/// 现将有关情况报告如下：, with a full-width colon.
struct OpeningLeadInRule: Rule {
    let metadata = RuleMetadata(
        id: "opening-lead-in",
        category: .structure,
        defaultSeverity: .info,
        title: "开头缺少过渡语或过渡语标点不当",
        rationale: "报告的开头段一般以“现将有关情况报告如下：”一类过渡语收束，引出下文各部分；过渡语以全角冒号结尾，不用句号。采用“关于……的报告”公文标题或有主送机关的文本，开头段没有过渡语时给出提示。",
        source: "GB/T 9704-2012《党政机关公文格式》7.3.3；公文写作惯例（报告的开头过渡语）",
        examples: [
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n××县人民政府：\n2024年，我镇扎实推进法治政府建设，现将有关情况报告如下。\n一、主要举措和成效\n全年召开专题会议4次。\n", triggers: true, note: "过渡语用了句号"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n××县人民政府：\n2024年，我镇扎实推进法治政府建设，取得明显成效。\n一、主要举措和成效\n全年召开专题会议4次。\n", triggers: true, note: "没有过渡语"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n××县人民政府：\n2024年，我镇扎实推进法治政府建设。现将有关情况报告如下：\n一、主要举措和成效\n全年召开专题会议4次。\n", triggers: false),
            RuleExample("××镇2024年法治政府建设情况报告\n2024年，我镇扎实推进法治政府建设，取得明显成效。\n一、主要举措和成效\n全年召开专题会议4次。\n", triggers: false, note: "网站公开版本不要求过渡语"),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let r = ctx.report
        guard let op = r.header.opening, op < r.paragraphs.count else { return }
        let para = ctx.trimmingTrailingBlanks(r.paragraphs[op].range)
        guard !para.isEmpty else { return }
        let ruXia = ctx.occurrences(of: "如下", in: para)
        if let last = ruXia.last {
            // 如下 must end the paragraph, followed by a full-width colon.
            let tail = TextRange(last.end, para.end)
            let tailText = ctx.text(tail)
            if tailText == "：" { return }
            if tailText.isEmpty {
                sink.report(last, "过渡语“……如下”后应加全角冒号“：”",
                            fixes: [Fix(title: "加全角冒号“：”", edits: [TextEdit(range: tail, newText: "：")])])
            } else if ["。", ":", "，", "；", ".", "！"].contains(tailText) {
                sink.report(tail, "过渡语“……如下”后应使用全角冒号“：”，不用“\(tailText)”",
                            fixes: [Fix(title: "改为全角冒号“：”", edits: [TextEdit(range: tail, newText: "：")])])
            }
            return
        }
        guard ctx.plausibleTitle?.text.contains("关于") == true || r.header.recipient != nil else { return }
        let (last, _) = ctx.scalar(before: para.end)
        let insert = last == .fullStop ? "现将有关情况报告如下：" : "。现将有关情况报告如下："
        let lastSentence = TextRange(lastSentenceStart(ctx, para), para.end)
        sink.report(lastSentence, "开头段缺少“现将有关情况报告如下：”一类的过渡语",
                    fixes: [Fix(title: "在开头段末尾加“现将有关情况报告如下：”", edits: [TextEdit(range: TextRange(para.end, para.end), newText: insert)], isSafe: false)])
    }

    /// The start of the paragraph's last sentence.
    private func lastSentenceStart(_ ctx: LintContext, _ para: TextRange) -> Int {
        var o = para.end
        let (v0, l0) = ctx.scalar(before: o)
        if Punctuation.isSentenceEnd(v0) { o -= l0 }
        o = ctx.source.bytes.withUnsafeBufferPointer { Sentences.start(in: $0, before: o, floor: para.start) }
        return ctx.firstNonBlank(in: TextRange(o, para.end))
    }
}
