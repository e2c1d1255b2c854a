import FazhiKnowledge
import FazhiText

// Which part of the regulation each section stands for — by what the heading says AND by where it stands
// and what it contains.
//
// - Words: a heading names a part when the profile's wordings match its (folded) text.
// - Year: a heading that names the year after the reported one is the plans ("2025年工作措施" in a 2024
//   report), whatever its other words.
// - Position: many reports have only thematic first-level headings ("一、强化组织领导，夯实法治基础").
//   Thematic first-level headings before the first shortcomings / plans / other heading form the measures;
//   when an explicit measures heading follows them, those before it are a preamble (其他情况: an overview).
//   An overview heading ("总体情况") is the measures unless another heading names them.
// - Content: a sub-heading naming another part (（一）履行第一责任人职责情况 under the measures) means that
//   part is present but merged; so does a paragraph about the first-responsible-person duty when no heading
//   names it. Words about a part anywhere else make it "mentioned".
//
// The result is honest about each part: separate, merged (where), mentioned (where) or missing.

private let pDiYiZeRenRen = u("第一责任人"), pZhuYaoFuZe = u("主要负责"), pZhuYaoLingDao = u("主要领导")
private let pFaZhiJianShe = u("法治建设"), pShuFa = u("述法"), pLvXing = u("履行"), pLvZhi = u("履职")

extension Builder {
    /// Parts a heading's own words name (folded text), in profile order.
    func partsNamed(_ s: Int, _ e: Int, mergeableOnly: Bool = false) -> [String] {
        // Simplified text is matched in place; only a traditional text pays for folding (and its glosses).
        report.isTraditional ? matcher.parts(covering: normalized(s, e)[...], skippingMeasures: mergeableOnly)
            : matcher.parts(covering: t.sc[s..<e], skippingMeasures: mergeableOnly)
    }

    mutating func recognizeParts() {
        adjustPartsByYear()
        inferThematicParts()
        keepMergeableSubheadingParts()
        collectMergedParts()
        var statuses = profile.parts.map { status(of: $0.id) }
        // Required parts with no heading: look for words about them in the body, all in one pass. (An
        // optional part missing is only ever mentioned to the user as information; no need to look.)
        let missing = statuses.filter { st in st.presence == .missing && profile.part(st.id)?.required == true }.map(\.id)
        if !missing.isEmpty {
            let found = mentions(of: missing)
            for k in statuses.indices where statuses[k].presence == .missing {
                if let ev = found[statuses[k].id] { statuses[k].presence = .mentioned; statuses[k].evidence = ev }
            }
        }
        report.partStatus = statuses
        report.partSections = computePartSections()
    }

    /// "2025年工作措施" in a 2024 report is the plans, whatever its other words.
    mutating func adjustPartsByYear() {
        guard let year = report.year else { return }
        // Fields are read in place: copying each heading out would retain and release all its strings.
        for i in report.headings.indices where !report.headings[i].parts.isEmpty || report.headings[i].level == 1 {
            let range = report.headings[i].textRange
            let s = scalarIndex(ofByte: range.start), e = scalarIndex(ofByte: range.end)
            guard let (y, _, _) = yearIn(s, e, allowRange: false), y == year + 1 else { continue }
            // (A plans heading naming the reported year stays the plans: `plan-year` flags its year.)
            let parts = report.headings[i].parts
            if parts.contains("measures") || parts.isEmpty, !parts.contains("shortcomings") {
                report.headings[i].parts = parts.filter { $0 != "measures" } + (parts.contains("plans") ? [] : ["plans"])
            }
        }
    }

    /// Thematic first-level headings take their part from their place among the part headings.
    mutating func inferThematicParts() {
        let roots = report.roots.filter { !report.headings[$0].isPseudo }
        guard !roots.isEmpty else { return }
        // Decide first, write after: holding a copy of the headings while writing would copy them all.
        var assign: [(Int, String)] = []
        do {
            let hs = report.headings
            // The first root that names shortcomings, plans or other ends the region of the measures.
            let end = roots.firstIndex { r in hs[r].parts.contains { $0 == "shortcomings" || $0 == "plans" || $0 == "other" } } ?? roots.count
            let region = roots[..<end]
            // An overview ("一、总体情况") is the measures only when no other heading names them.
            let overview = Set(region.filter { (hs[$0].parts.isEmpty || hs[$0].parts == ["measures"]) && isOverview(hs[$0]) })
            let explicitMeasures = region.filter { hs[$0].parts.contains("measures") && !overview.contains($0) }
            if let firstExplicit = explicitMeasures.first, let k = region.firstIndex(of: firstExplicit) {
                // Before the measures heading: an overview or a preamble of its own.
                for r in region[..<k] where hs[r].parts.isEmpty || overview.contains(r) { assign.append((r, "other")) }
                // After it: sections the drafter promoted to the first level.
                for r in region[k...] where hs[r].parts.isEmpty && !overview.contains(r) { assign.append((r, "measures")) }
            } else {
                for r in region where hs[r].parts.isEmpty { assign.append((r, "measures")) }
            }
        }
        for (r, part) in assign {
            report.headings[r].parts = [part]
            report.headings[r].partsInferred = true
        }
    }

    func isOverview(_ h: Heading) -> Bool {
        let s = scalarIndex(ofByte: h.textRange.start), e = scalarIndex(ofByte: h.textRange.end)
        if report.isTraditional {
            let f = normalized(s, e)
            return vocabulary.overviewHeadings.contains { Builder.find($0, in: f, from: 0) != nil }
        }
        return vocabulary.overviewHeadings.contains { t.find($0, from: s, to: e) != nil }
    }

    /// A sub-heading keeps the parts it names only when they can be merged into another part (not the
    /// measures, which every sub-heading of the measures section names in passing) and its ancestors do
    /// not already stand for them.
    mutating func keepMergeableSubheadingParts() {
        for i in report.headings.indices where report.headings[i].parent != nil && !report.headings[i].parts.isEmpty {
            var own = report.headings[i].parts.filter { $0 != "measures" }
            var p = report.headings[i].parent
            while let q = p {
                own.removeAll { report.headings[q].parts.contains($0) }
                p = report.headings[q].parent
            }
            // A pseudo-heading nested under a part heading was already made a root when it names another part.
            report.headings[i].parts = own
        }
    }

    /// Records merged parts on the top-level heading that holds them: from sub-headings, and for the
    /// leadership part from a paragraph about the duty when no heading names it.
    mutating func collectMergedParts() {
        for i in report.headings.indices where report.headings[i].parent != nil && !report.headings[i].parts.isEmpty {
            let r = root(of: i)
            for id in report.headings[i].parts where !report.headings[r].parts.contains(id) && !report.headings[r].mergedParts.contains(id) {
                report.headings[r].mergedParts.append(id)
            }
        }
        guard profile.part("leadership") != nil, !report.headings.contains(where: { $0.parts.contains("leadership") }) else { return }
        if let (range, heading) = leadershipEvidence(), let h = heading {
            let r = root(of: h)
            if !report.headings[r].mergedParts.contains("leadership") { report.headings[r].mergedParts.append("leadership") }
            leadershipParagraph = range
        } else if let (range, _) = leadershipEvidence() {
            leadershipParagraph = range
        }
    }

    /// Headings that own a part none of their ancestors owns (see `Report.partSections`).
    func computePartSections() -> [Int] {
        let hs = report.headings
        return hs.indices.filter { i in
            let own = hs[i].parts
            guard !own.isEmpty else { return false }
            var p = hs[i].parent
            while let q = p {
                if own.allSatisfy({ hs[q].parts.contains($0) }) { return false }
                p = hs[q].parent
            }
            return true
        }
    }

    func root(of i: Int) -> Int {
        var r = i
        while let p = report.headings[r].parent { r = p }
        return r
    }

    /// The first sentence about the first-responsible-person duty (第一责任人; 主要负责人/主要领导 with
    /// 法治建设, 述法 or 履行/履职), and the heading whose section holds it (nil: before any heading).
    func leadershipEvidence() -> (TextRange, Int?)? {
        var ranges: [(Int, Int, Int?)] = report.paragraphs.map { (scalarIndex(ofByte: $0.range.start), scalarIndex(ofByte: $0.range.end), $0.heading) }
        for (k, h) in report.headings.enumerated() {
            if let r = h.runOnRange { ranges.append((scalarIndex(ofByte: r.start), scalarIndex(ofByte: r.end), k)) }
        }
        ranges.sort { $0.0 < $1.0 }
        for (s, e, heading) in ranges {
            var a = s
            while a < e {
                var b = a
                while b < e && !Punctuation.isSentenceOrItemEnd(t.sc[b]) { b += 1 }
                if isLeadershipSentence(a, b) { return (t.byteRange(a, min(e, b + 1)), heading) }
                a = b + 1
            }
        }
        return nil
    }

    func isLeadershipSentence(_ s: Int, _ e: Int) -> Bool {
        if containsFolded(pDiYiZeRenRen, s, e) { return true }
        guard containsFolded(pZhuYaoFuZe, s, e) || containsFolded(pZhuYaoLingDao, s, e) else { return false }
        return containsFolded(pFaZhiJianShe, s, e) || containsFolded(pShuFa, s, e) || containsFolded(pLvXing, s, e) || containsFolded(pLvZhi, s, e)
    }

    /// Where a part stands, from the headings (and for mentions, from the words of the body).
    func status(of id: String) -> PartStatus {
        let hs = report.headings
        var tops: [Int] = [], subs: [Int] = []
        for i in hs.indices where !hs[i].parts.isEmpty && hs[i].parts.contains(id) {
            if hs[i].parent == nil { tops.append(i) } else { subs.append(i) }
        }
        if !tops.isEmpty { return PartStatus(id: id, presence: .separate, headings: tops, container: nil, evidence: nil) }
        if let first = subs.first {
            return PartStatus(id: id, presence: .merged, headings: subs, container: root(of: first), evidence: hs[first].textRange)
        }
        if id == "leadership", let ev = leadershipParagraph {
            let container = hs.indices.first { hs[$0].parent == nil && hs[$0].mergedParts.contains(id) }
            return PartStatus(id: id, presence: container == nil ? .mentioned : .merged, headings: [], container: container, evidence: ev)
        }
        return PartStatus(id: id, presence: .missing, headings: [], container: nil, evidence: nil)
    }

    /// For each part in `ids`, the first clause of the body whose words name it by the profile's wordings
    /// (e.g. "存在的问题", "下一步工作打算" written as running text). Each paragraph is folded once and read
    /// clause by clause, so that words from two clauses never combine into one wording.
    func mentions(of ids: [String]) -> [String: TextRange] {
        var wanted = matcher.parts.filter { ids.contains($0.id) }
        var found: [String: TextRange] = [:]
        for p in report.paragraphs where !wanted.isEmpty {
            let f = report.isTraditional ? folded(scalarIndex(ofByte: p.range.start), scalarIndex(ofByte: p.range.end))
                : identity(scalarIndex(ofByte: p.range.start), scalarIndex(ofByte: p.range.end))
            var a = 0
            while a < f.scalars.count && !wanted.isEmpty {
                var b = a
                while b < f.scalars.count && !Punctuation.isSentenceOrItemEnd(f.scalars[b]) && f.scalars[b] != .comma { b += 1 }
                if b - a >= 2, b - a <= 80 {
                    let clause = f.scalars[a..<b]
                    for part in wanted where matcher.matches(part, clause) {
                        found[part.id] = t.byteRange(f.source[a], f.source[b - 1] + 1)
                    }
                    wanted.removeAll { found[$0.id] != nil }
                }
                a = b + 1
            }
        }
        return found
    }

    /// Whether scalars `s..<e` contain `pattern` after folding (only folds when the text is traditional).
    func containsFolded(_ pattern: [UInt32], _ s: Int, _ e: Int) -> Bool {
        if !report.isTraditional { return t.contains(pattern, s, e) }
        guard !pattern.isEmpty, e - s >= pattern.count else { return false }
        let fold = MatchNormalizer.shared
        var i = s
        while i + pattern.count <= e {
            var k = 0
            while k < pattern.count && fold.fold(t.sc[i + k]) == pattern[k] { k += 1 }
            if k == pattern.count { return true }
            i += 1
        }
        return false
    }
}
