import FazhiKnowledge
import FazhiText

// The reported year and the reporting unit.
//
// Year: the title first, then the opening sentence, then the first part heading that names one — never a
// year inside 《》 (《纲要（2023—2027年）》), never a publication date. A title that spans several years
// ("2015-2020年度") reports on its last one.
// Unit: the title's issuing organ, else the issuing lines, else the subject of the opening sentence
// ("2023年，四季青街道……", "市应急管理局全面……"), else the signature. A unit name never keeps the
// organ's 委/委员会/人民政府/办事处 ending, and departments and offices at any level are of kind 部门.

private let pGuanYu = u("关于"), pNian = u("年"), pYiLai = u("以来")

extension Builder {
    mutating func findYearAndUnit() {
        findYear()
        findUnit()
    }

    // MARK: year

    mutating func findYear() {
        if let title = report.header.title, let (y, s, e) = yearIn(scalarIndex(ofByte: title.range.start), scalarIndex(ofByte: title.range.end), allowRange: true) {
            setYear(y, s, e, .title)
            return
        }
        if let op = report.header.opening {
            let p = report.paragraphs[op]
            let s = scalarIndex(ofByte: p.range.start)
            var e = min(scalarIndex(ofByte: p.range.end), s + 160)
            // The first sentence only.
            var i = s
            while i < e { if Punctuation.isSentenceOrItemEnd(t.sc[i]) { e = i; break }; i += 1 }
            if let (y, ys, ye) = yearIn(s, e, allowRange: false) {
                setYear(y, ys, ye, .opening)
                return
            }
        }
        for h in report.headings where h.level == 1 && !h.isPseudo {
            if let (y, s, e) = yearIn(scalarIndex(ofByte: h.textRange.start), scalarIndex(ofByte: h.textRange.end), allowRange: false) {
                // A plans heading names the year after the reported one.
                setYear(h.parts.contains("plans") && !h.parts.contains("measures") ? y - 1 : y, s, e, .heading)
                return
            }
        }
        // Last resort: the year the body names most often (a single year, even in 《2022年度……计划》).
        var counts: [Int: (count: Int, s: Int, e: Int)] = [:]
        var i = 0
        let limit = min(t.sc.count, 20_000)
        var found = 0
        while i < limit, found < 200 {
            guard Chars.asciiDigit(t.sc[i]) != nil, i == 0 || Chars.asciiDigit(t.sc[i - 1]) == nil else { i += 1; continue }
            var k = i, v = 0
            while k < limit, let d = Chars.asciiDigit(t.sc[k]) { v = v * 10 + d; k += 1 }
            if k - i == 4, v >= 1990, v <= 2100, k < limit, t.sc[k] == .scalar("年"), !(i > 0 && isRangeDash(t.sc[i - 1])), !(k + 1 < limit && isRangeDash(t.sc[k + 1])) {
                let c = counts[v]
                counts[v] = ((c?.count ?? 0) + 1, c?.s ?? i, c?.e ?? k)
                found += 1
            }
            i = k
        }
        if let best = counts.max(by: { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key < $1.key }) {
            setYear(best.key, best.value.s, best.value.e, .body)
        }
    }

    mutating func setYear(_ y: Int, _ s: Int, _ e: Int, _ source: YearSource) {
        report.year = y
        report.yearRange = t.byteRange(s, e)
        report.yearSource = source
        report.yearFromTitle = source == .title
    }

    /// The first year in scalars `s..<e` outside 《》: four digits (1990…2100) followed by 年, or by a Han
    /// character when nothing else follows ("2024法治政府……", "2023市教育局……"), and not the year of a full
    /// date (2025年3月17日). A range (2015-2020年) gives its last year when `allowRange`, else is skipped.
    func yearIn(_ s: Int, _ e: Int, allowRange: Bool) -> (Int, Int, Int)? {
        var i = s
        var depth = 0
        while i < e {
            let c = t.sc[i]
            if c == .leftBookTitleMark { depth += 1; i += 1; continue }
            if c == .rightBookTitleMark { depth = max(0, depth - 1); i += 1; continue }
            guard depth == 0, Chars.asciiDigit(c) != nil, i == s || Chars.asciiDigit(t.sc[i - 1]) == nil else { i += 1; continue }
            var v = 0, k = i
            while k < e, let d = Chars.asciiDigit(t.sc[k]) { v = v * 10 + d; k += 1 }
            defer { i = max(k, i + 1) }
            guard k - i == 4, v >= 1990, v <= 2100 else { continue }
            // The separator of a range: - — – ～ ~ 至 到.
            if k < e, isRangeDash(t.sc[k]) {
                var j = k + 1
                var w = 0
                while j < e, let d = Chars.asciiDigit(t.sc[j]) { w = w * 10 + d; j += 1 }
                if j - k - 1 == 4, w >= v, w <= 2100 {
                    if allowRange { return (w, k + 1, j) }
                    k = j
                    continue
                }
            }
            // A span written with the start year only inside a range: "2023—2027年" handled above; a year
            // preceded by a dash is the end of one.
            if i > s, isRangeDash(t.sc[i - 1]) { continue }
            if k < e, t.sc[k] == .scalar("年") {
                // 2025年3月17日 is a date, not the reported year.
                var j = k + 1
                var m = 0
                while j < e, Chars.asciiDigit(t.sc[j]) != nil || Chars.isChineseNumeral(t.sc[j]) { j += 1; m += 1 }
                if m > 0, m <= 2, j < e, t.sc[j] == .scalar("月") { continue }
                return (v, i, k)
            }
            if k < e, Scalars.isHan(t.sc[k]), !Chars.isChineseNumeral(t.sc[k]) { return (v, i, k) }
        }
        return nil
    }

    @inline(__always) func isRangeDash(_ c: UInt32) -> Bool { Punctuation.isRangeDash(c) }

    // MARK: unit

    mutating func findUnit() {
        if let title = report.header.title {
            let s = scalarIndex(ofByte: title.range.start), e = scalarIndex(ofByte: title.range.end)
            if let unit = unitFromTitle(s, e) { report.unit = unit; return }
        }
        for r in report.header.organizationLines {
            if let unit = unitFromName(scalarIndex(ofByte: r.start), scalarIndex(ofByte: r.end), source: .issuer) { report.unit = unit; return }
        }
        if let op = report.header.opening {
            if let unit = unitFromOpening(report.paragraphs[op]) ?? unitFromLeadIn(report.paragraphs[op]) { report.unit = unit; return }
        }
        for r in report.closing.signatures {
            if let unit = unitFromName(scalarIndex(ofByte: r.start), scalarIndex(ofByte: r.end), source: .signature) { report.unit = unit; return }
        }
        if let unit = unitFromSelfReferences() { report.unit = unit }
    }

    /// When the text names itself only as 我局 / 我县 …: the organ of that kind that heads one of its own
    /// documents (《××县2024年法治政府建设工作要点》, 《××局关于……》), else the place of the idiom
    /// "法治××建设" (法治舒桥建设 in a report that says 我乡). The most frequent candidate wins.
    func unitFromSelfReferences() -> ReportUnit? {
        // The dominant self-reference kind (我/本 words only: 全县 is said of a county by its departments too).
        var counts: [UnitKind: Int] = [:]
        // A report names itself early: the first 50,000 characters are plenty.
        let limit = min(t.sc.count, 50_000)
        for r in vocabulary.selfReferences where r.word.first == .scalar("我") || r.word.first == .scalar("本") {
            var i = 0
            var n = 0
            while let p = t.find(r.word, from: i, to: limit), n < 50 { n += 1; i = p + r.word.count }
            if n > 0 { counts[r.kind, default: 0] += n }
        }
        guard let kind = counts.max(by: { $0.value < $1.value })?.key else { return nil }
        // Candidates in order of first appearance, with counts: ties go to the first (deterministic).
        var candidates: [(name: String, count: Int, unit: ReportUnit)] = []
        func add(_ u: ReportUnit?) {
            guard let u, u.kind == kind else { return }
            if let k = candidates.firstIndex(where: { $0.name == u.name }) { candidates[k].count += 1 } else { candidates.append((u.name, 1, u)) }
        }
        // 《ORGAN关于…》 / 《ORGAN2024年…》
        var i = 0
        var seen = 0
        while i < limit, seen < 200 {
            guard let p = t.find([.leftBookTitleMark], from: i, to: limit) else { break }
            seen += 1
            var k = p + 1
            while k < t.sc.count, k - p <= 26, Scalars.isHan(t.sc[k]), !t.matches(pGuanYu, at: k, end: t.sc.count) { k += 1 }
            if k > p + 2, k < t.sc.count, t.matches(pGuanYu, at: k, end: t.sc.count) || Chars.asciiDigit(t.sc[k]) != nil {
                add(unitFromName(p + 1, k, source: .opening))
            }
            i = p + 1
        }
        // 法治××建设 with a place kind.
        if kind != .department, let kindChar = kindCharacter(kind) {
            let pFaZhi = u("法治"), pJianShe = u("建设")
            i = 0
            seen = 0
            while let p = t.find(pFaZhi, from: i, to: limit), seen < 500 {
                seen += 1
                i = p + 2
                for len in 2...3 where p + 2 + len + 2 <= t.sc.count && t.matches(pJianShe, at: p + 2 + len, end: t.sc.count) {
                    let name = Array(t.sc[(p + 2)..<(p + 2 + len)])
                    guard name.allSatisfy(Scalars.isHan), !vocabulary.brandStops.contains(name) else { continue }
                    var unit = ReportUnit(name: t.string(p + 2, p + 2 + len) + kindChar, kind: kind, range: nil, source: .opening)
                    unit.isPartyOrgan = false
                    add(unit)
                }
            }
        }
        var best: (name: String, count: Int, unit: ReportUnit)?
        for c in candidates where c.count > (best?.count ?? 0) { best = c }
        return best?.unit
    }

    func kindCharacter(_ k: UnitKind) -> String? {
        switch k {
        case .town: return "镇"
        case .township: return "乡"
        case .subdistrict: return "街道"
        case .county: return "县"
        case .district: return "区"
        case .city: return "市"
        default: return nil
        }
    }

    /// The organ a title names before 关于 / the year / the domain word; after the year when the title
    /// starts with it ("2022年绿塘乡法治政府建设工作报告").
    func unitFromTitle(_ s: Int, _ e: Int) -> ReportUnit? {
        let f = folded(s, e)
        let idx = f.source
        var cut = f.scalars.count
        if let g = Builder.find(pGuanYu, in: f.scalars, from: 0) { cut = min(cut, g) }
        for d in vocabulary.titleDomains { if let p = Builder.find(d, in: f.scalars, from: 0) { cut = min(cut, p) } }
        var firstDigit: Int?
        for (k, c) in f.scalars.enumerated() where Chars.asciiDigit(c) != nil { firstDigit = k; break }
        if let fd = firstDigit { cut = min(cut, fd) }
        if cut > 0, let unit = unitFromName(s, idx.isEmpty || cut >= idx.count ? e : idx[cut], source: .title) { return unit }
        // "2022年绿塘乡……": the words between the year and the domain word.
        if let fd = firstDigit, fd == 0 {
            var k = 0
            while k < f.scalars.count, Chars.asciiDigit(f.scalars[k]) != nil { k += 1 }
            if Builder.hasPrefix(f.scalars, pNian, at: k) { k += 1 }
            if k < f.scalars.count, f.scalars[k] == .scalar("度") { k += 1 }
            var end = f.scalars.count
            for d in vocabulary.titleDomains { if let p = Builder.find(d, in: f.scalars, from: k) { end = min(end, p) } }
            if end > k, let unit = unitFromName(idx[k], end < idx.count ? idx[end] : e, source: .title) { return unit }
        }
        return nil
    }

    /// The subject of the opening sentence: after the year lead ("2024年，", "2023年以来，") and any
    /// adverbial clause ("在区委、区政府的坚强领导下，"), the words up to a unit suffix that is followed by a
    /// verb or the end of the clause ("汤头街道在……", "市应急管理局全面……", "泾源县公安局在……").
    func unitFromOpening(_ p: Paragraph) -> ReportUnit? {
        let s = scalarIndex(ofByte: p.range.start)
        var e = min(scalarIndex(ofByte: p.range.end), s + 200)
        var i = s
        while i < e { if Punctuation.isSentenceOrItemEnd(t.sc[i]) { e = i; break }; i += 1 }
        // Clauses separated by commas; look at the first three.
        var clauses: [(Int, Int)] = []
        var cs = s
        for k in s..<e where t.sc[k] == .comma || t.sc[k] == .asciiComma {
            clauses.append((cs, k))
            cs = k + 1
            if clauses.count >= 4 { break }
        }
        if clauses.count < 4, cs < e { clauses.append((cs, e)) }
        for (a, b) in clauses {
            var a = a
            while a < b && Chars.isBlank(t.sc[a]) { a += 1 }
            let f = folded(a, b)
            let idx = f.source
            let k = skipYearLead(f.scalars)
            // A clause that is only a time phrase ("一年来", "今年以来", "2024年") says nothing of the subject.
            guard k < f.scalars.count, !isTimePhrase(f.scalars, from: k) else { continue }
            // Adverbial clauses: 在……下 / 得益于…… / 按照…… / 根据……
            if f.scalars[k] == .scalar("在") || Builder.hasPrefix(f.scalars, u("得益于"), at: k) || Builder.hasPrefix(f.scalars, u("按照"), at: k)
                || Builder.hasPrefix(f.scalars, u("根据"), at: k) || Builder.hasPrefix(f.scalars, u("随着"), at: k) { continue }
            if let (from, to) = subject(f.scalars, from: k), to <= idx.count {
                let end = to < idx.count ? idx[to] : b
                if var unit = unitFromName(idx[from], end, source: .opening), !isSuperior(f.scalars, from, to) {
                    unit.source = .opening
                    return unit
                }
            }
            // The clause had words of its own but no unit: a later clause will not name it either.
            break
        }
        return nil
    }

    /// "一年来", "今年以来", "近年来", "过去一年": a clause that only dates what follows.
    func isTimePhrase(_ f: [UInt32], from k: Int) -> Bool {
        let rest = Array(f[k...])
        guard rest.count <= 6, let last = rest.last else { return false }
        return last == .scalar("来") || last == .scalar("中") || rest == u("过去一年") || rest == u("本年度")
    }

    /// The unit named in the lead-in sentence: "现将庆隆镇2020年度法治政府建设情况报告如下".
    func unitFromLeadIn(_ p: Paragraph) -> ReportUnit? {
        let s = scalarIndex(ofByte: p.range.start), e = scalarIndex(ofByte: p.range.end)
        let f = folded(s, e)
        guard let at = Builder.find(u("现将"), in: f.scalars, from: 0) else { return nil }
        var k = at + 2
        let from = k
        while k < f.scalars.count, k - from < 26, Scalars.isHan(f.scalars[k]) || f.scalars[k] == .asciiLeftParenthesis || f.scalars[k] == .asciiRightParenthesis {
            if vocabulary.titleDomains.contains(where: { Builder.hasPrefix(f.scalars, $0, at: k) }) { break }
            if Builder.hasPrefix(f.scalars, pGuanYu, at: k) || Builder.hasPrefix(f.scalars, u("有关"), at: k) || Builder.hasPrefix(f.scalars, u("本年"), at: k) { break }
            k += 1
        }
        guard k - from >= 2, k < f.source.count else { return nil }
        return unitFromName(f.source[from], f.source[k], source: .opening)
    }

    /// Skips "2024年" / "2024年度" / "2024年以来" / "2023以来" / "一年来" at the start of a clause.
    func skipYearLead(_ f: [UInt32]) -> Int {
        var k = 0
        while k < f.count, Chars.asciiDigit(f[k]) != nil { k += 1 }
        if k > 0 {
            if Builder.hasPrefix(f, pNian, at: k) { k += 1 }
            if k < f.count, f[k] == .scalar("度") { k += 1 }
            if Builder.hasPrefix(f, pYiLai, at: k) { k += 2 }
            return k
        }
        return 0
    }

    /// The longest run from `from` (2…26 scalars) that ends with a unit suffix and is followed by a
    /// subject stop word or the end of the clause, with no stop word inside.
    func subject(_ f: [UInt32], from: Int) -> (Int, Int)? {
        var best: (Int, Int)?
        var p = from + 2
        let limit = min(f.count, from + 26)
        while p <= limit {
            let stopHere = p == f.count || vocabulary.subjectStops.contains { Builder.hasPrefix(f, $0, at: p) } || Builder.hasPrefix(f, u("法治"), at: p)
            if stopHere, endsUnitName(f, at: p, from: from) {
                best = (from, p)
            }
            // A stop word inside ends the subject.
            if p < f.count, vocabulary.subjectStops.contains(where: { $0.count >= 2 && Builder.hasPrefix(f, $0, at: p) }) { break }
            if p < f.count, !Scalars.isHan(f[p]) && f[p] != .asciiLeftParenthesis && f[p] != .asciiRightParenthesis && f[p] != .leftParenthesis && f[p] != .rightParenthesis { break }
            p += 1
        }
        return best
    }

    /// Whether the subject names a superior organ (区委、县政府 …), not the reporting unit.
    func isSuperior(_ f: [UInt32], _ from: Int, _ to: Int) -> Bool {
        let word = Array(f[from..<to])
        return vocabulary.superiorOrgans.contains { word == $0 }
    }
}

/// How sure the parser is of the reported year.
public enum YearSource: String, Sendable {
    case title, opening, heading
    /// The year the body names most often: a guess, for outlines only.
    case body
}

/// Where the reporting unit was read.
public enum UnitSource: String, Sendable {
    case title, issuer, opening, signature
}
