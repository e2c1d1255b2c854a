import FazhiKnowledge
import FazhiParser
import FazhiText

/// `unit-mismatch`: self-references of another kind of unit (我乡 in a 镇 report, 依法治街 in a 乡 report,
/// 我镇 in a county report) — wording copied from another unit's report.
struct UnitMismatchRule: Rule {
    let metadata = RuleMetadata(
        id: "unit-mismatch",
        category: .words,
        defaultSeverity: .warning,
        title: "单位称谓与报告单位不符",
        rationale: "报告中“我镇”“全乡”“本街道”“依法治镇”一类自称必须与报告单位的层级一致。镇的报告出现“我乡”“依法治街”，县级报告出现“我镇”，多是套用其他单位报告后没有改干净，审核时一眼就能看出。“乡镇”“镇街”“镇（街道）”“各镇”等统称不是自称，不报告。只在能从标题或署名判断报告单位类型时检查。",
        source: "《党政机关公文处理工作条例》关于公文起草应当从实际出发、内容准确的要求",
        examples: [
            RuleExample("松村镇人民政府关于2023年法治政府建设情况的报告\n一、主要举措和成效\n制定完善依法治街实施方案，全乡共排查纠纷60起。\n", triggers: true, note: "镇的报告写了“依法治街”“全乡”"),
            RuleExample("北屏乡人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n我镇严格落实重大行政决策程序。\n", triggers: true),
            RuleExample("松村镇人民政府关于2023年法治政府建设情况的报告\n一、主要举措和成效\n我镇深化乡镇综合行政执法改革，健全乡村治理体系。\n", triggers: false),
            RuleExample("××县人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n指导各镇（街道）开展依法治镇工作。\n", triggers: false),
        ],
        fixable: true)

    /// What a self-reference word is made of: 我/本/全/依法治 + a unit word.
    enum Prefix: Int { case wo = 0, ben, quan, yifazhi }
    static let prefixes: [(Prefix, String)] = [(.wo, "我"), (.ben, "本"), (.quan, "全"), (.yifazhi, "依法治")]
    static let unitWords: [(UnitKind, [String])] = [(.town, ["镇"]), (.township, ["乡"]), (.subdistrict, ["街道", "街"])]

    /// Every prefix + unit word; payload = prefix × 16 + index of the unit kind in `unitWords`.
    static let words = TriggerList("unit-mismatch") {
        var pats: [(word: String, payload: Int)] = []
        for (p, ps) in prefixes {
            for (k, (_, words)) in unitWords.enumerated() {
                for w in words {
                    // 街 alone is a unit word only in 依法治街.
                    if w == "街" && p != .yifazhi { continue }
                    pats.append((ps + w, p.rawValue * 16 + k))
                }
            }
        }
        return pats
    }

    var triggers: [TriggerList] { [Self.words] }

    /// Words with 全 that are not 全 + unit: 健全乡村, 安全镇… (checked on the scalar before 全).
    static let beforeQuan: Set<UInt32> = Set("健安完齐周保成大俱双两万十顾求".unicodeScalars.map(\.value))
    static let beforeBen: Set<UInt32> = Set("根基成资样文版日原课剧账书标".unicodeScalars.map(\.value))
    static let beforeWo: Set<UInt32> = Set("自".unicodeScalars.map(\.value))

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        guard let kind = ctx.report.unit?.kind else { return }
        let foreign: Set<UnitKind>
        let prefixesChecked: Set<Prefix>
        switch kind {
        case .town: foreign = [.township, .subdistrict]; prefixesChecked = [.wo, .ben, .quan, .yifazhi]
        case .township: foreign = [.town, .subdistrict]; prefixesChecked = [.wo, .ben, .quan, .yifazhi]
        case .subdistrict: foreign = [.town, .township]; prefixesChecked = [.wo, .ben, .quan, .yifazhi]
        case .county, .district, .city, .province, .department:
            // A county may well write 全镇 or 依法治镇 about its towns; only 我镇/本乡 are self-references.
            foreign = [.town, .township, .subdistrict]; prefixesChecked = [.wo, .ben]
        case .other: return
        }
        let found = MultiPatternMatcher.leftmostLongest(ctx.matches(Self.words))
        for m in found {
            let prefix = Prefix(rawValue: m.payload / 16)!
            let (wordKind, _) = Self.unitWords[m.payload % 16]
            guard foreign.contains(wordKind), prefixesChecked.contains(prefix) else { continue }
            if !isSelfReference(m, prefix: prefix, wordKind: wordKind, ctx: ctx) { continue }
            let written = ctx.text(m.textRange)
            let prefixText = Self.prefixes[prefix.rawValue].1
            let message = "报告单位是\(kind.rawValue)，却写了“\(written)”，可能套用了其他单位的报告"
            var fixes: [Fix] = []
            if let own = Self.ownWord(kind, prefix: prefix) {
                fixes.append(Fix(title: "改为“\(prefixText)\(own)”", edits: [TextEdit(range: m.textRange, newText: prefixText + own)], isSafe: false))
            }
            sink.report(m.textRange, message, fixes: fixes, data: written)
        }
    }

    /// Filters collective terms and words that merely contain the pattern.
    private func isSelfReference(_ m: MultiPatternMatcher.Match, prefix: Prefix, wordKind: UnitKind, ctx: LintContext) -> Bool {
        let next = ctx.scalar(at: m.end)
        let (before, _) = ctx.scalar(before: m.start)
        switch wordKind {
        case .township:
            // 乡镇, 乡村, 乡街 are collective words; 本乡本土 is an idiom.
            if next == .scalar("镇") || next == .scalar("村") || next == .scalar("街") { return false }
            if prefix == .ben && next == .scalar("本") { return false }
        case .town:
            // 镇街, 镇（街道）, 镇乡, 镇村 (全镇村干部 in a 乡 report is unclear: leave it).
            if next == .scalar("街") || next == .leftParenthesis || next == .asciiLeftParenthesis || next == .scalar("乡") || next == .scalar("村") {
                return false
            }
            if next == .enumerationComma || next == .asciiSlash || next == .fullwidthSolidus {
                // 我镇、乡 … a list of unit kinds
                let after = ctx.scalar(at: m.end + Scalars.utf8Length(next))
                if after == .scalar("乡") || after == .scalar("街") { return false }
            }
        default: break
        }
        switch prefix {
        case .quan: return !Self.beforeQuan.contains(before)
        case .ben: return !Self.beforeBen.contains(before)
        case .wo: return !Self.beforeWo.contains(before)
        case .yifazhi: return true
        }
    }

    /// The self-reference a unit of `kind` uses with `prefix`.
    static func ownWord(_ kind: UnitKind, prefix: Prefix) -> String? {
        switch kind {
        case .town: return "镇"
        case .township: return "乡"
        case .subdistrict: return prefix == .yifazhi ? "街" : "街道"
        case .county: return "县"
        case .district: return "区"
        case .city: return "市"
        case .province: return "省"
        case .department: return prefix == .wo || prefix == .ben ? "单位" : nil
        case .other: return nil
        }
    }
}
