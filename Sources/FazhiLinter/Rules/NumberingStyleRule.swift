import FazhiParser
import FazhiText

/// `numbering-style`: the form of a heading marker (brackets, delimiter, spaces) per GB/T 9704.
struct NumberingStyleRule: Rule {
    let metadata = RuleMetadata(
        id: "numbering-style",
        category: .numbering,
        defaultSeverity: .warning,
        title: "结构层次序数写法不规范",
        rationale: "第一层序数后用顿号（一、），第二层用全角括号且括号后不加标点（（一）），第三层用阿拉伯数字加下脚点（1.），第四层用全角括号（（1））。常见错误有半角括号“(一)”、用错分隔符“1、”“一.”、括号后多加顿号“（一）、”以及序数与标题之间留空格。",
        source: "GB/T 9704-2012《党政机关公文格式》7.3.3",
        examples: [
            RuleExample("一、主要举措\n(一)加强组织领导\n成立领导小组。\n", triggers: true, note: "半角括号"),
            RuleExample("一、主要举措\n（一）加强组织领导\n1、健全制度\n修订规则。\n", triggers: true, note: "“1、”应为“1.”"),
            RuleExample("一、主要举措\n（一）、加强组织领导\n成立领导小组。\n", triggers: true, note: "括号后多余的顿号"),
            RuleExample("一、主要举措\n（1） 加强组织领导\n成立领导小组。\n", triggers: true, note: "序数后有空格"),
            RuleExample("一、主要举措\n（一）加强组织领导\n1.健全制度\n修订规则。\n（1）议事规则\n已修订。\n", triggers: false),
        ],
        fixable: true)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        for h in ctx.report.headings where !h.isPseudo && h.level > 0 && !h.markerIssues.isEmpty {
            var formIssues: [String] = []
            var spaceRange: TextRange?
            var spaceDelimiter = false
            for issue in h.markerIssues {
                switch issue {
                case .halfwidthBrackets:
                    formIssues.append("应使用全角括号")
                case .wrongDelimiter(let found, let expected):
                    if found.unicodeScalars.allSatisfy({ Scalars.isSpace($0.value) }) {
                        spaceDelimiter = true
                        formIssues.append("序数后应加“\(expected)”而不是空格")
                    } else if expected.count > 1 {
                        formIssues.append("“\(found)”应写作“\(expected)”")
                    } else {
                        formIssues.append("序数后应用“\(expected)”，不用“\(found)”")
                    }
                case .extraDelimiter(let d):
                    formIssues.append("括号或下脚点后不应再加“\(d)”")
                case .spaceAfterMarker(let r):
                    spaceRange = r
                }
            }
            let canonical = canonicalMarker(h)
            if !formIssues.isEmpty {
                var editRange = h.markerRange
                if spaceDelimiter {
                    // "一 加强…": the delimiter is missing and the blanks stand in for it.
                    editRange = TextRange(h.markerRange.start, blanksEnd(ctx, from: h.markerRange.end, limit: h.lineRange.end))
                }
                let fix = canonical.map { [Fix(title: "改为“\($0)”", edits: [TextEdit(range: editRange, newText: $0)])] } ?? []
                sink.report(h.markerRange, "序数“\(ctx.text(h.markerRange))”写法不规范：" + formIssues.joined(separator: "；")
                            + (canonical.map { "，应为“\($0)”" } ?? ""), fixes: fix)
                if spaceDelimiter { continue }
            }
            if let r = spaceRange, !r.isEmpty {
                sink.report(r, "序数“\(h.marker)”与标题文字之间不应有空格",
                            fixes: [Fix(title: "删除空格", edits: [TextEdit(range: r, newText: "")])])
            }
        }
    }

    private func blanksEnd(_ ctx: LintContext, from: Int, limit: Int) -> Int {
        var end = from
        ctx.forEachScalar(in: TextRange(from, limit)) { v, off, len in
            if off == end && Scalars.isSpace(v) { end = off + len }
        }
        return end
    }

    /// The standard form of the heading's marker, or nil when the number is unknown.
    private func canonicalMarker(_ h: Heading) -> String? {
        guard let n = h.number else { return nil }
        return NumberingSequenceRule.marker(level: h.level, n: n)
    }
}
