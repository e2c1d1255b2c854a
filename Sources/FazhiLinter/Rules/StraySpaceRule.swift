import FazhiParser
import FazhiText

/// `stray-space`: a space character inside a line of Chinese text (between Chinese characters, between
/// Chinese and digits, or around Chinese punctuation).
struct StraySpaceRule: Rule {
    let metadata = RuleMetadata(
        id: "stray-space",
        category: .spacing,
        defaultSeverity: .warning,
        title: "中文行文中多余的空格",
        rationale: "中文正文的字与字之间、汉字与数字之间、标点前后都不留空格。从PDF、网页或表格复制的文字常带有半角空格、全角空格、不间断空格等，打印后形成空隙，也妨碍检索。段首缩进和落款对齐的空格不在此列；标题序号后的空格由 numbering-style 报告。",
        source: "GB/T 15834-2011《标点符号用法》5.1（标点符号的位置和书写形式）；GB/T 9704-2012 7.3.3",
        examples: [
            RuleExample("全年共办理行政复议案件 12件，按照《管理办法》 要求规范办理。\n", triggers: true),
            RuleExample("推进法治　政府建设。\n", triggers: true, note: "全角空格"),
            RuleExample("　　全年办理案件12件，使用 APP 办理业务。\n", triggers: false, note: "段首缩进、中英文之间的空格不报告"),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        // Runs of spaces come from the per-lint index of marks (every space character is one).
        let marks = ctx.cache.marks
        let offs = marks.offsets, vals = marks.values
        var k = 0
        while k < offs.count {
            let v = vals[k]
            guard FormatScan.isVisibleSpace(v) else { k += 1; continue }
            // The whole run of spaces.
            let i = offs[k]
            var e = i
            var kinds: [UInt32] = []
            while k < offs.count && offs[k] == e && FormatScan.isVisibleSpace(vals[k]) {
                let w = vals[k]
                if !kinds.contains(w) { kinds.append(w) }
                e += Scalars.utf8Length(w)
                k += 1
            }
            guard let li = FormatScan.line(ctx, at: i), FormatScan.proseKinds.contains(li.kind), li.range.contains(i) else { continue }
            // Leading indentation and trailing blanks are not inside the line; nor is the indentation of a
            // paragraph that a flattened report runs on the same physical line.
            guard i > li.range.start, e < li.range.end, !ctx.report.isLogicalLineStart(e) else { continue }
            if li.kind == .heading, let h = li.heading {
                let hd = ctx.report.headings[h]
                // The gap after a marker is numbering-style's.
                if hd.markerRange.end == i || hd.markerRange.contains(i) { continue }
            }
            let (p, _) = ctx.scalar(before: i)
            let q = ctx.scalar(at: e)
            let pHan = Scalars.isHan(p), qHan = Scalars.isHan(q)
            let pPunct = FormatScan.isCJKPunct(p) && !FormatScan.isVisibleSpace(p), qPunct = FormatScan.isCJKPunct(q) && !FormatScan.isVisibleSpace(q)
            let pDigit = FormatScan.digit(p) != nil, qDigit = FormatScan.digit(q) != nil
            let message: String
            if pHan && qHan {
                message = "汉字之间不应有空格"
            } else if (pHan && qDigit) || (pDigit && qHan) {
                message = "汉字与数字之间不应有空格"
            } else if pPunct || qPunct {
                message = "标点符号前后不应有空格"
            } else {
                continue
            }
            let names = kinds.map(FormatScan.scalarName).joined(separator: "、")
            let r = TextRange(i, e)
            sink.report(r, "\(message)（\(names)）", fixes: [Fix(title: "删除空格", edits: [TextEdit(range: r, newText: "")])])
        }
    }
}
