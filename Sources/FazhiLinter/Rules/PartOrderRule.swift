import FazhiParser
import FazhiText

/// `part-order`: the required parts should follow the regulation's order. The leadership part may stand
/// anywhere before the plans (many reports put it first or right after the measures).
struct PartOrderRule: Rule {
    let metadata = RuleMetadata(
        id: "part-order",
        category: .structure,
        defaultSeverity: .hint,
        title: "必备部分顺序颠倒",
        rationale: "年度报告的内容依次为：主要举措和成效、存在的不足和原因、党政主要负责人履行第一责任人职责情况、下一年度主要安排、其他需要报告的情况。许多报告把第一责任人履职情况放在最前面或紧跟主要举措，这是可以接受的；但把下一年度安排写在存在的不足之前、把不足写在成效之前等颠倒顺序的写法，不符合“先总结、后查摆、再部署”的逻辑，审核时常被要求调整。顺序不影响内容是否齐全，因此只作提示。",
        source: "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）关于年度报告内容的规定",
        examples: [
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n二、2025年工作安排\n继续加强法治培训。\n三、存在的不足和原因\n培训覆盖面不广，原因是经费不足。\n", triggers: true, note: "下一年度安排写在存在的不足之前"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头述法。\n二、主要举措和成效\n全年召开专题会议4次。\n三、存在的不足和原因\n培训覆盖面不广，原因是经费不足。\n四、2025年工作安排\n继续加强法治培训。\n", triggers: false, note: "第一责任人履职情况放在最前面是常见写法"),
        ],
        fixable: false)

    /// Pairs (a, b): part a must come before part b.
    static let precedes: [(String, String)] = [
        ("measures", "shortcomings"), ("measures", "plans"), ("shortcomings", "plans"), ("leadership", "plans"),
        ("measures", "other"), ("shortcomings", "other"), ("leadership", "other"), ("plans", "other"),
    ]

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let hs = ctx.report.headings
        // Headings whose part was given by position (a preamble before the measures) have no order to keep.
        let order = ctx.topPartHeadings.filter { !hs[$0].partsInferred }
        // Whether a heading breaks the order with an earlier one depends only on the two headings' sets of
        // parts, so each distinct set is kept once with the first heading that has it: the first earlier
        // heading in conflict is the earliest first occurrence of a conflicting set. Linear in headings
        // (a flattened or repeated text can have thousands) instead of quadratic.
        var seen: [(parts: Set<String>, first: Int)] = []
        for i in order {
            let parts = Set(hs[i].parts)
            var best: (j: Int, a: String, b: String)?
            for e in seen where best.map({ e.first < $0.j }) ?? true {
                if let (a, b) = Self.conflict(later: parts, earlier: e.parts) { best = (e.first, a, b) }
            }
            if let (j, a, b) = best {
                sink.report(hs[i].textRange,
                            "“\(ctx.partName(a))”应写在“\(ctx.partName(b))”之前",
                            related: [RelatedLocation(range: hs[j].textRange, message: "“\(ctx.partName(b))”在这里")],
                            data: a)
            }
            if !seen.contains(where: { $0.parts == parts }) { seen.append((parts, i)) }
        }
    }

    /// The first pair (a, b) of `precedes` that a heading with `later` parts after one with `earlier` breaks.
    static func conflict(later: Set<String>, earlier: Set<String>) -> (String, String)? {
        for (a, b) in precedes where later.contains(a) && earlier.contains(b) && !earlier.contains(a) && !later.contains(b) {
            return (a, b)
        }
        return nil
    }
}
