import FazhiParser
import FazhiText

/// `numbering-sequence`: sibling headings of one level must count 1, 2, 3, … without gaps or repeats.
struct NumberingSequenceRule: Rule {
    let metadata = RuleMetadata(
        id: "numbering-sequence",
        category: .numbering,
        defaultSeverity: .error,
        title: "结构层次序数不连续或重复",
        rationale: "公文结构层次序数应按“一、”“（一）”“1.”“（1）”逐级依次编排，同一层级的序数从一开始连续递增。跳号（一、二、四、）或重号（（一）（一））多是增删段落后忘记调整造成的，会让读者怀疑内容缺失。只有当后一个序数证明此处是笔误时才自动修改序数。",
        source: "GB/T 9704-2012《党政机关公文格式》7.3.3",
        examples: [
            RuleExample("一、主要举措\n全年召开会议4次。\n二、存在的不足\n培训不够。\n四、下一步安排\n加强培训。\n", triggers: true, note: "缺少“三、”"),
            RuleExample("一、主要举措\n（一）加强领导\n成立领导小组。\n（一）完善制度\n修订议事规则。\n（三）强化监督\n开展督查。\n", triggers: true, note: "（一）重复，应为（二）"),
            RuleExample("一、主要举措\n（一）加强领导\n成立领导小组。\n（二）完善制度\n修订议事规则。\n二、存在的不足\n（一）培训不够\n次数偏少。\n", triggers: false, note: "每个上级标题之下重新从（一）起编"),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let hs = ctx.report.headings
        guard !hs.isEmpty else { return }
        checkSiblings(ctx, ctx.report.roots, &sink)
        for h in hs where !h.children.isEmpty { checkSiblings(ctx, h.children, &sink) }
    }

    private func checkSiblings(_ ctx: LintContext, _ ids: [Int], _ sink: inout DiagnosticSink) {
        let hs = ctx.report.headings
        // Bucket the siblings by level, keeping document order.
        var byLevel: [Int: [Int]] = [:]
        for i in ids where !hs[i].isPseudo && hs[i].level > 0 && hs[i].number != nil {
            byLevel[hs[i].level, default: []].append(i)
        }
        for level in byLevel.keys.sorted() {
            let run = byLevel[level]!
            var prev = 0
            for (k, i) in run.enumerated() {
                let h = hs[i], n = h.number!
                let expected = prev + 1
                if n == expected { prev = n; continue }
                let next = k + 1 < run.count ? hs[run[k + 1]].number : nil
                // Safe only when the following sibling shows this one is a slip (…, n-1, x, n+1).
                let safe = next.map { $0 == expected + 1 } ?? (n == prev)
                let numeral = FormatScan.numeralRange(ctx, in: h.markerRange)
                let expectedMarker = Self.marker(level: level, n: expected)
                let message: String
                if prev == 0 {
                    message = "同一层级的第一个序数应为“\(expectedMarker)”，这里是“\(h.marker)”"
                } else if n <= prev {
                    message = "序数重复或倒序：前一个是“\(Self.marker(level: level, n: prev))”，这里应为“\(expectedMarker)”"
                } else {
                    message = "序数不连续：“\(Self.marker(level: level, n: prev))”之后应为“\(expectedMarker)”，这里是“\(h.marker)”"
                }
                var fixes: [Fix] = []
                if let (r, chinese) = numeral {
                    fixes.append(Fix(title: "改为“\(expectedMarker)”",
                                     edits: [TextEdit(range: r, newText: FormatScan.display(expected, chinese: chinese))], isSafe: safe))
                }
                sink.report(h.markerRange, message, fixes: fixes)
                prev = safe ? expected : n
            }
        }
    }

    static func marker(level: Int, n: Int) -> String {
        switch level {
        case 1: return FormatScan.chineseNumeral(n) + "、"
        case 2: return "（" + FormatScan.chineseNumeral(n) + "）"
        case 3: return "\(n)."
        default: return "（\(n)）"
        }
    }
}
