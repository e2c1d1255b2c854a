import FazhiParser
import FazhiText

/// `numbering-level`: a heading level must not be skipped (（1） directly under 一、).
/// A "1." directly under "一、" (no （一）) is accepted by most reviewers and is not reported.
struct NumberingLevelRule: Rule {
    let metadata = RuleMetadata(
        id: "numbering-level",
        category: .numbering,
        defaultSeverity: .warning,
        title: "结构层次序数跳级",
        rationale: "公文结构层次序数依次为“一、”“（一）”“1.”“（1）”，下一层应紧接上一层使用。在“一、”之下直接用“（1）”，或在“（一）”之下直接用“（1）”，跳过了中间层级，层次关系不清。实践中“一、”之下直接用“1.”较为普遍，本规则不作报告。",
        source: "GB/T 9704-2012《党政机关公文格式》7.3.3",
        examples: [
            RuleExample("三、主要负责人履职情况\n（1）强化组织领导\n书记带头述法。\n（2）完善制度\n修订规则。\n", triggers: true, note: "“（1）”直接位于“三、”之下"),
            RuleExample("三、主要负责人履职情况\n（一）强化组织领导\n书记带头述法。\n（二）完善制度\n修订规则。\n", triggers: false),
            RuleExample("三、主要负责人履职情况\n1.强化组织领导\n书记带头述法。\n2.完善制度\n修订规则。\n", triggers: false, note: "“一、”下直接用“1.”普遍接受"),
        ],
        fixable: false)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let hs = ctx.report.headings
        let names = ["", "“一、”", "“（一）”", "“1.”", "“（1）”"]
        for p in hs.indices where !hs[p].isPseudo && hs[p].level > 0 {
            let parent = hs[p]
            var reportedLevels = Set<Int>()
            for c in parent.children {
                let h = hs[c]
                guard !h.isPseudo, h.level > parent.level + 1, h.level <= 4 else { continue }
                // 1. directly under 一、 is common practice.
                if parent.level == 1 && h.level == 3 { continue }
                guard reportedLevels.insert(h.level).inserted else { continue }
                let skipped = ((parent.level + 1)..<h.level).map { names[$0] }.joined()
                sink.report(h.markerRange, "“\(h.marker)”直接位于“\(parent.marker)”之下，跳过了\(skipped)层级；应改用\(names[parent.level + 1])或补齐中间层级",
                            related: [RelatedLocation(range: parent.markerRange, message: "上级标题")])
            }
        }
    }
}
