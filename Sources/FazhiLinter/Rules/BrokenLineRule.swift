import FazhiParser
import FazhiText

/// `broken-line`: a paragraph broken mid-sentence by a line break (copied from PDF or a narrow window).
struct BrokenLineRule: Rule {
    let metadata = RuleMetadata(
        id: "broken-line",
        category: .residue,
        defaultSeverity: .warning,
        title: "段落中间断行",
        rationale: "从PDF或窄栏文档复制的文字常在句子中间断行：上一行没有以句末标点结束，下一行也没有缩进，实为同一段。断行会使段落格式错乱，数字、词语被拆到两行（GB/T 15835-2011 要求阿拉伯数字不拆行）。修复时把两行接起来。",
        source: "GB/T 9704-2012《党政机关公文格式》7.3.3（正文每段首行缩进）；GB/T 15835-2011（数字不断开移行）",
        examples: [
            RuleExample("一、主要举措\n全年共组织法律知识专题学习12次，覆盖机关干部和村\n社区干部300余人。\n", triggers: true),
            RuleExample("一、主要举措\n全年共组织法律知识专题学习12次。\n覆盖机关干部和村社区干部300余人。\n", triggers: false),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        // Stray breaks joined by the parser: inside paragraphs and inside a heading's run-on text.
        var breaks: [Int] = []
        for p in ctx.report.paragraphs { breaks += p.breaks }
        for h in ctx.report.headings { breaks += h.runOnBreaks }
        breaks.sort()
        let lines = ctx.report.lines
        for b in breaks {
            // The next line that is not blank: the other half of the sentence.
            var next = ctx.source.line(of: b) + 1
            while next < lines.count && lines[next].kind == .blank { next += 1 }
            guard next < lines.count else { continue }
            let end = lines[next].range.start
            guard end > b else { continue }
            let (prev, _) = ctx.scalar(before: b)
            let following = ctx.scalar(at: end)
            // Latin words keep a space when joined.
            let join = FormatScan.isASCIILetter(prev) && FormatScan.isASCIILetter(following) ? " " : ""
            let digits = FormatScan.digit(prev) != nil && FormatScan.digit(following) != nil
            let r = TextRange(b, end)
            let message = digits ? "数字被断行拆开，应与下一行相接" : "句子中间断行：上一行未以句末标点结束，下一行也未缩进，应与下一行相接"
            sink.report(r, message, fixes: [Fix(title: "接上下一行", edits: [TextEdit(range: r, newText: join)])])
        }
    }
}
