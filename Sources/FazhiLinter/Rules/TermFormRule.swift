import FazhiKnowledge
import FazhiParser
import FazhiText

/// `term-form`: a non-standard form of a term of art → its standard form. Sources: the confusables.json
/// pairs marked `term-form` and the `wrongForms` of terms.json.
struct TermFormRule: Rule {
    let metadata = RuleMetadata(
        id: "term-form",
        category: .words,
        defaultSeverity: .warning,
        title: "术语写法不规范",
        rationale: "法治政府建设的术语有固定写法和固定词序：“枫桥经验”不写作“枫桥工作经验”；“严格规范公正文明执法”“尊法学法守法用法”和法治政府的七项要求要写全，不能颠倒、重复或漏项；“法治”与“法制”不能混用（法治政府、法治建设用“治”，法制审核、法制机构用“制”）；“让权力在阳光下运行”的“权力”不能写成“权利”；指导思想要写全称“习近平法治思想”，不能只写“法治思想”。报告照规范写法书写，才能与上级文件的表述一致。",
        source: "Fazhi 术语表 terms.json 与 confusables.json（依据《法治政府建设实施纲要（2021—2025年）》、《行政处罚法》等文件的规范表述）",
        examples: [
            RuleExample("坚持和发展新时代枫桥工作经验。\n", triggers: true, note: "应为“枫桥经验”"),
            RuleExample("深化政务公开，让权利在阳光下运行。\n", triggers: true),
            RuleExample("坚持严格规范公正文明规范执法，深入学习贯彻法治思想。\n", triggers: true, note: "“规范”重复；应写“习近平法治思想”"),
            RuleExample("坚持严格规范公正文明执法，健全法制审核机制，提升干部法治思维。\n", triggers: false),
            RuleExample("坚持和发展新时代“枫桥经验”。\n", triggers: false),
        ],
        fixable: true)

    struct Finding {
        var range: TextRange
        var right: String
        var message: String
        var severity: Severity?
        var safe: Bool
        /// Curated pairs win over bare wrong forms, and these over formula checks, on the same range.
        var rank: Int
    }

    /// The wrong strings of the shared confusable pairs (a set: the same answer as searching the pairs).
    static let curatedWrongs: Set<String> = Set(Knowledge.shared.confusables.pairs.map(\.wrong))

    var triggers: [TriggerList] { [.confusables, .termWrongForms, .formulaParts, .formulaTruncations] }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let overridden = WordSupport.configOverrides(ctx, metadata.id)
        var found: [Finding] = []
        for m in ctx.confusableMatches where m.pair.ruleKind == .termForm {
            let p = m.pair
            found.append(Finding(range: m.range, right: p.right, message: "应为“\(p.right)”：\(p.reason)",
                                 severity: overridden ? nil : WordSupport.severity(p.severity), safe: true, rank: 0))
        }
        let terms = Knowledge.shared.terms
        for raw in MultiPatternMatcher.leftmostLongest(ctx.matches(.termWrongForms)) {
            let m = TermMatch(term: terms.terms[raw.payload], range: raw.textRange, form: terms.wrongFormMatcher.patterns[raw.pattern])
            // A wrong form that is also a curated pair is reported through the pair, whose exceptions
            // (执法公式化…) may have dropped it on purpose.
            if Self.curatedWrongs.contains(m.form) { continue }
            let t = m.term
            // A bare wrong form maps to the term as a whole, not to a curated replacement of exactly that
            // string: the fix is safe only when the two have the same length (a slipped or swapped
            // character, 法制宣传教育 → 法治宣传教育); otherwise it is offered for a person to check.
            let safe = WordSupport.scalarCount(m.form) == WordSupport.scalarCount(t.term)
            found.append(Finding(range: m.range, right: t.term,
                                 message: "“\(m.form)”不是规范写法，应为“\(t.term)”（\(t.source)）",
                                 severity: nil, safe: safe, rank: 1))
        }
        // Fixed formulas written with a component doubled, left out or out of order, and shortened terms.
        let parts = ctx.matches(.formulaParts), cuts = ctx.matches(.formulaTruncations)
        let formulas = ctx.source.bytes.withUnsafeBufferPointer { p in
            (deviations: terms.formulas.deviations(in: p, partMatches: parts), truncations: terms.formulas.truncations(in: p, matches: cuts))
        }
        for d in formulas.deviations {
            let safe: Bool
            if case .missing = d.kind { safe = false } else { safe = true }
            found.append(Finding(range: d.range, right: d.term.term, message: "“\(ctx.text(d.range))”\(d.message)", severity: nil, safe: safe, rank: 2))
        }
        for t in formulas.truncations {
            found.append(Finding(range: t.range, right: t.term.term, message: "这里的“\(t.form)”指“\(t.term.term)”，应写全称（\(t.term.source)）",
                                 severity: nil, safe: false, rank: 2))
        }
        guard !found.isEmpty else { return }
        // Leftmost-longest over both sources; on equal ranges the curated pair wins.
        found.sort { a, b in
            if a.range.start != b.range.start { return a.range.start < b.range.start }
            if a.range.end != b.range.end { return a.range.end > b.range.end }
            return a.rank < b.rank
        }
        var cursor = Int.min
        for f in found where f.range.start >= cursor {
            cursor = f.range.end
            if WordSupport.isInsideKnownTitle(f.range, ctx) { continue }
            let fix = Fix(title: "改为“\(f.right)”", edits: [TextEdit(range: f.range, newText: f.right)], isSafe: f.safe)
            sink.report(f.range, f.message, fixes: [fix], severity: f.severity, data: f.right)
        }
    }
}
