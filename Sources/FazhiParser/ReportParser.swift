import FazhiKnowledge
import FazhiText

/// Parses report text into a `Report`. Linear in the input: every line is classified once, headings
/// are linked with a stack, and paragraphs and enumerations are found in one pass over the body.
public struct ReportParser: Sendable {
    public let profile: Profile
    public init(profile: Profile = Profiles.default) { self.profile = profile }

    public func parse(_ string: String) -> Report { parse(SourceText(string)) }

    public func parse(_ text: SourceText) -> Report {
        var b = Builder(text: text, profile: profile)
        b.run()
        return b.report
    }
}

private let pBaoGao = u("报告"), pZongJie = u("总结"), pFaZhi = u("法治"), pFaZhi2 = u("法制"), pYiFa = u("依法行政")
private let pGuanYu = u("关于"), pRuXia = u("如下"), pQianFaRen = u("签发人"), pTeCi = u("特此报告"), pTuoFou = u("妥否")
private let pChaoSong = u("抄送"), pYinFa = u("印发"), pFuJian = u("附件")

struct Builder {
    let t: ScalarText
    let profile: Profile
    let matcher: PartMatcher
    var report: Report
    var kinds: [LineKind]
    var lineHeading: [Int?]

    init(text: SourceText, profile: Profile) {
        t = ScalarText(text)
        self.profile = profile
        matcher = PartMatcher.matcher(for: profile)
        report = Report(source: text, profile: profile)
        kinds = Array(repeating: .paragraph, count: t.lineCount)
        lineHeading = Array(repeating: nil, count: t.lineCount)
    }

    func isBlankLine(_ l: Int) -> Bool {
        let (s, e) = t.trimmed(l)
        return s >= e
    }

    func length(_ l: Int) -> Int {
        let (s, e) = t.trimmed(l)
        return e - s
    }

    mutating func run() {
        let n = t.lineCount
        for l in 0..<n where isBlankLine(l) { kinds[l] = .blank }
        let closingStart = findClosing()
        let bodyEnd = closingStart ?? n
        let bodyStart = parseHeader(limit: bodyEnd)
        parseBody(from: bodyStart, to: bodyEnd)
        finishTree()
        findParagraphs(from: bodyStart, to: bodyEnd)
        findEnumerations()
        findYearAndUnit()
        var lines: [LineInfo] = []
        lines.reserveCapacity(n)
        let paragraphs = report.paragraphs
        var pi = 0
        for l in 0..<n {
            while pi < paragraphs.count && paragraphs[pi].lastLine < l { pi += 1 }
            let para = pi < paragraphs.count && paragraphs[pi].firstLine <= l ? pi : nil
            lines.append(LineInfo(kind: kinds[l], range: t.byteRange(t.lineStart[l], t.lineEnd[l]), heading: lineHeading[l], paragraph: para))
        }
        report.lines = lines
    }

    // MARK: header

    /// Classifies the header lines; returns the first body line.
    mutating func parseHeader(limit: Int) -> Int {
        let n = limit
        // Look for the title within the first lines before any heading.
        var titleLine: Int?
        var titleLast: Int?
        var firstHeading = n
        for l in 0..<n where kinds[l] != .blank {
            let (s, e) = t.trimmed(l)
            if MarkerScanner.scan(t, s, e) != nil { firstHeading = l; break }
        }
        var scanned = 0
        for l in 0..<min(n, firstHeading) where kinds[l] != .blank {
            scanned += 1
            if scanned > 12 { break }
            let (s0, e) = t.trimmed(l)
            let s = skipResidue(s0, e)
            let len = e - s
            guard len > 0, len <= 70 else { continue }
            let last = t.sc[e - 1]
            // A lead-in ("……报告如下：") or a sentence with commas is the opening, not the title.
            if last == 0xFF1A || last == 0x3A || t.contains(pRuXia, s, e) { continue }
            var commas = 0
            for i in s..<e where t.sc[i] == 0xFF0C || t.sc[i] == 0x2C { commas += 1 }
            if commas > 1 || (commas == 1 && len > 40) { continue }
            let hasDomain = t.contains(pFaZhi, s, e) || t.contains(pFaZhi2, s, e) || t.contains(pYiFa, s, e)
            let hasGenre = t.contains(pBaoGao, s, e) || t.contains(pZongJie, s, e)
            if hasDomain && hasGenre { titleLine = l; titleLast = l; break }
            // A title wrapped over two lines: "…关于2024年度法治政府" / "建设情况的报告".
            if t.contains(pGuanYu, s, e) || hasDomain, l + 1 < n, kinds[l + 1] != .blank {
                let (s2, e2) = t.trimmed(l + 1)
                if e2 - s2 <= 40, t.contains(pBaoGao, s2, e2) || t.contains(pZongJie, s2, e2),
                   hasDomain || t.contains(pFaZhi, s2, e2) || t.contains(pFaZhi2, s2, e2) {
                    titleLine = l; titleLast = l + 1; break
                }
            }
        }
        var next = 0
        if let tl = titleLine, let tlast = titleLast {
            // Lines above the title: 发文机关标志, 发文字号, 签发人.
            for l in 0..<tl where kinds[l] != .blank {
                let (s, e) = t.trimmed(l)
                var handled = false
                if let dn = docNumber(s, e) {
                    report.header.docNumber = Field(range: t.byteRange(dn.0, dn.1), line: l, text: t.string(dn.0, dn.1))
                    kinds[l] = .docNumber
                    handled = true
                }
                if let sg = signer(s, e) {
                    report.header.signer = Field(range: t.byteRange(sg.0, sg.1), line: l, text: t.string(sg.0, sg.1))
                    if !handled { kinds[l] = .signer }
                    handled = true
                }
                if !handled {
                    kinds[l] = .organization
                    report.header.organizationLines.append(t.byteRange(s, e))
                }
            }
            let (s0, _) = t.trimmed(tl)
            let e0 = t.trimmed(tlast).1
            let s = skipResidue(s0, t.trimmed(tl).1)
            var text = t.string(s, t.trimmed(tl).1)
            if tlast != tl { text += t.string(t.trimmed(tlast).0, e0) }
            report.header.title = Title(range: t.byteRange(s, e0), residue: s > s0 ? t.byteRange(s0, s) : nil,
                                        line: tl, lastLine: tlast, text: text)
            for l in tl...tlast { kinds[l] = .title }
            next = tlast + 1
        } else {
            // No title: doc number / signer lines may still stand at the top.
            for l in 0..<min(n, firstHeading) where kinds[l] != .blank {
                let (s, e) = t.trimmed(l)
                if let dn = docNumber(s, e) {
                    report.header.docNumber = Field(range: t.byteRange(dn.0, dn.1), line: l, text: t.string(dn.0, dn.1))
                    kinds[l] = .docNumber
                    next = l + 1
                } else if let sg = signer(s, e) {
                    report.header.signer = Field(range: t.byteRange(sg.0, sg.1), line: l, text: t.string(sg.0, sg.1))
                    kinds[l] = .signer
                    next = l + 1
                } else { break }
            }
        }
        // 主送机关: the first non-blank line after the title if it is short and ends with a colon.
        var l = next
        while l < n && kinds[l] == .blank { l += 1 }
        if l < n, l < firstHeading {
            let (s, e) = t.trimmed(l)
            let last = t.sc[e - 1]
            if (last == 0xFF1A || last == 0x3A), e - s <= 60, !t.contains(pRuXia, s, e), !t.contains(u("。"), s, e),
               MarkerScanner.scan(t, s, e) == nil {
                report.header.recipient = Field(range: t.byteRange(s, e - 1), line: l, text: t.string(s, e - 1))
                kinds[l] = .recipient
                next = l + 1
            }
        }
        return next
    }

    /// Skips conversion residue such as "[bookmark: _GoBack]" and zero-width characters at the start.
    func skipResidue(_ s0: Int, _ e: Int) -> Int {
        var s = s0
        while s < e {
            let c = t.sc[s]
            if c == 0x5B { // [
                var j = s + 1
                while j < e && t.sc[j] != 0x5D && j - s < 80 { j += 1 }
                if j < e && t.sc[j] == 0x5D { s = j + 1; continue }
                return s
            }
            if Chars.isBlank(c) || c == 0xFEFF { s += 1; continue }
            return s
        }
        return s
    }

    /// 发文字号: 机关代字 + 〔年份〕 + 序号 + 号 (with the bracket variants drafters type).
    func docNumber(_ s: Int, _ e: Int) -> (Int, Int)? {
        guard e - s <= 60 else { return nil }
        var i = s
        while i < e {
            let c = t.sc[i]
            if c == 0x3014 || c == 0x5B || c == 0xFF3B || c == 0x28 || c == 0xFF08 || c == 0x3010 || c == 0x3016 {
                var j = i + 1
                var digits = 0
                while j < e, Chars.asciiDigit(t.sc[j]) != nil { j += 1; digits += 1 }
                if (digits == 4 || digits == 2), j < e {
                    let cl = t.sc[j]
                    if cl == 0x3015 || cl == 0x5D || cl == 0xFF3D || cl == 0x29 || cl == 0xFF09 || cl == 0x3011 || cl == 0x3017 {
                        var k = j + 1
                        if k < e && t.sc[k] == 0x7B2C { k += 1 } // 第
                        var nd = 0
                        while k < e, Chars.asciiDigit(t.sc[k]) != nil { k += 1; nd += 1 }
                        if nd > 0, k < e, t.sc[k] == 0x53F7, i > s { // 号
                            return (s, k + 1)
                        }
                    }
                }
            }
            i += 1
        }
        return nil
    }

    /// 签发人：姓名
    func signer(_ s: Int, _ e: Int) -> (Int, Int)? {
        guard let p = t.find(pQianFaRen, from: s, to: e) else { return nil }
        var i = p + pQianFaRen.count
        while i < e && Chars.isBlank(t.sc[i]) { i += 1 }
        guard i < e, t.sc[i] == 0xFF1A || t.sc[i] == 0x3A else { return nil }
        i += 1
        while i < e && Chars.isBlank(t.sc[i]) { i += 1 }
        var j = e
        while j > i && Chars.isBlank(t.sc[j - 1]) { j -= 1 }
        return i < j ? (i, j) : nil
    }

    // MARK: closing

    /// Finds the closing block (特此报告, 附件, 署名, 成文日期, 附注, 印发) from the end; returns its first line.
    mutating func findClosing() -> Int? {
        var l = t.lineCount - 1
        var start: Int?
        var sawDate = false, sawSignature = false, sawPhrase = false
        var signatures: [TextRange] = []
        while l >= 0 {
            if kinds[l] == .blank { l -= 1; continue }
            let (s, e) = t.trimmed(l)
            let len = e - s
            if !sawPhrase, t.matches(pChaoSong, at: s, end: e) || (t.contains(pYinFa, s, e) && len <= 40 && dateIn(s, e) != nil) {
                kinds[l] = .distribution
                report.closing.distribution.insert(t.byteRange(s, e), at: 0)
                start = l; l -= 1; continue
            }
            if !sawPhrase, len <= 40, (t.sc[s] == 0xFF08 || t.sc[s] == 0x28), (t.sc[e - 1] == 0xFF09 || t.sc[e - 1] == 0x29), !sawDate || !sawSignature {
                kinds[l] = .note
                report.closing.notes.insert(t.byteRange(s, e), at: 0)
                start = l; l -= 1; continue
            }
            if !sawDate && !sawPhrase, len <= 24, let d = dateIn(s, e), d.1 == e, d.0 == s {
                kinds[l] = .date
                report.closing.date = dateValue(s, e, line: l)
                sawDate = true
                start = l; l -= 1; continue
            }
            if !sawPhrase, sawDate || sawSignature || l >= t.lineCount - 4, isOrganizationName(s, e), MarkerScanner.scan(t, s, e) == nil {
                kinds[l] = .signature
                signatures.insert(t.byteRange(s, e), at: 0)
                sawSignature = true
                start = l; l -= 1; continue
            }
            if t.matches(pFuJian, at: s, end: e), s + 2 < e, t.sc[s + 2] == 0xFF1A || t.sc[s + 2] == 0x3A || Chars.asciiDigit(t.sc[s + 2]) != nil {
                kinds[l] = .attachment
                report.closing.attachments.insert(t.byteRange(s, e), at: 0)
                start = l; l -= 1; continue
            }
            if !sawPhrase, len <= 16, t.matches(pTeCi, at: s, end: e) || t.matches(pTuoFou, at: s, end: e) {
                kinds[l] = .closingPhrase
                report.closing.closingPhrase = t.byteRange(s, e)
                sawPhrase = true
                start = l; l -= 1; continue
            }
            break
        }
        report.closing.signatures = signatures
        // A closing needs a phrase, a date or a signature; notes alone are body text.
        guard let st = start, sawDate || sawPhrase || sawSignature || !report.closing.distribution.isEmpty else {
            // Undo: reclassify as paragraphs.
            if let st = start { for k in st..<t.lineCount where kinds[k] != .blank { kinds[k] = .paragraph } }
            report.closing = Closing()
            return nil
        }
        report.closing.start = t.off(t.lineStart[st])
        return st
    }

    /// A date anywhere in s..<e: 2025年3月6日, 二〇二五年三月六日, 2025.3.6, 2025-03-06. Returns its bounds.
    func dateIn(_ s: Int, _ e: Int) -> (Int, Int)? {
        var i = s
        while i < e {
            if let d = dateAt(i, e) { return (i, d) }
            i += 1
        }
        return nil
    }

    /// End of a date starting exactly at i.
    func dateAt(_ i: Int, _ e: Int) -> Int? {
        var j = i
        // Year: 4 Arabic digits or 4 Chinese numerals (〇 / 零 / O / 0 mixed in).
        var yearDigits = 0
        while j < e, yearDigits < 4, Chars.asciiDigit(t.sc[j]) != nil || Chars.chineseDigit(t.sc[j]) != nil || t.sc[j] == 0x4F || t.sc[j] == 0xFF2F {
            j += 1; yearDigits += 1
        }
        guard yearDigits == 4, j < e else { return nil }
        let sep = t.sc[j]
        if sep == 0x5E74 { // 年
            j += 1
            while j < e, Chars.isBlank(t.sc[j]) { j += 1 }
            var m = 0
            while j < e, m < 3, Chars.asciiDigit(t.sc[j]) != nil || Chars.isChineseNumeral(t.sc[j]) { j += 1; m += 1 }
            guard m > 0, j < e, t.sc[j] == 0x6708 else { return nil } // 月
            j += 1
            while j < e, Chars.isBlank(t.sc[j]) { j += 1 }
            var d = 0
            while j < e, d < 3, Chars.asciiDigit(t.sc[j]) != nil || Chars.isChineseNumeral(t.sc[j]) { j += 1; d += 1 }
            guard d > 0, j < e, t.sc[j] == 0x65E5 else { return nil } // 日
            return j + 1
        }
        if sep == 0x2E || sep == 0x2D || sep == 0xFF0E || sep == 0x2F {
            j += 1
            var m = 0
            while j < e, m < 2, Chars.asciiDigit(t.sc[j]) != nil { j += 1; m += 1 }
            guard m > 0, j < e, t.sc[j] == sep else { return nil }
            j += 1
            var d = 0
            while j < e, d < 2, Chars.asciiDigit(t.sc[j]) != nil { j += 1; d += 1 }
            guard d > 0 else { return nil }
            return j
        }
        return nil
    }

    func dateValue(_ s: Int, _ e: Int, line: Int) -> DateValue {
        var parts: [Int] = []
        var cur: [UInt32] = []
        var chinese = false, padded = false, numeric = false
        func flush() {
            guard !cur.isEmpty else { return }
            if cur.allSatisfy({ Chars.asciiDigit($0) != nil }) {
                if cur.count >= 2 && Chars.asciiDigit(cur[0]) == 0 { padded = true }
                parts.append(cur.reduce(0) { $0 * 10 + Chars.asciiDigit($1)! })
            } else if cur.count == 4 && cur.allSatisfy({ Chars.chineseDigit($0) != nil || Chars.asciiDigit($0) != nil || $0 == 0x4F || $0 == 0xFF2F }) {
                chinese = true
                parts.append(cur.reduce(0) { $0 * 10 + (Chars.chineseDigit($1) ?? Chars.asciiDigit($1) ?? 0) })
            } else if let v = Chars.chineseNumberValue(cur[...]) {
                chinese = true
                parts.append(v)
            } else {
                parts.append(-1)
            }
            cur = []
        }
        for i in s..<e {
            let c = t.sc[i]
            if c == 0x5E74 || c == 0x6708 || c == 0x65E5 { flush() } else if c == 0x2E || c == 0x2D || c == 0xFF0E || c == 0x2F { numeric = true; flush() } else if !Chars.isBlank(c) { cur.append(c) }
        }
        flush()
        func part(_ k: Int) -> Int? { k < parts.count && parts[k] >= 0 ? parts[k] : nil }
        return DateValue(range: t.byteRange(s, e), line: line, year: part(0), month: part(1), day: part(2),
                         chineseNumerals: chinese, zeroPadded: padded, numericForm: numeric)
    }

    static let orgSuffixes: [[UInt32]] = ["人民政府", "委员会", "党委", "政府", "办事处", "办公室", "局", "委", "办", "镇", "乡", "街道", "中心", "司法所", "所", "院", "厅", "部", "县", "区", "市", "工作领导小组", "领导小组"].map(u)

    func isOrganizationName(_ s: Int, _ e: Int) -> Bool {
        let len = e - s
        guard len >= 2, len <= 40 else { return false }
        for i in s..<e {
            let c = t.sc[i]
            if c == 0x3002 || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A || c == 0x3A || c == 0x2C || Chars.asciiDigit(c) != nil { return false }
        }
        return Builder.orgSuffixes.contains { t.matches($0, at: e - $0.count, end: e) }
    }

    // MARK: body

    mutating func parseBody(from start: Int, to end: Int) {
        guard start < end else { return }
        var stack: [(eff: Int, idx: Int)] = [] // eff = 2 × level; pseudo headings sit at parent's + 1
        for l in start..<end where kinds[l] != .blank {
            let (s, e) = t.trimmed(l)
            if let m = MarkerScanner.scan(t, s, e) {
                addHeading(line: l, s: s, e: e, marker: m, stack: &stack)
                continue
            }
            if let (ps, labelParts) = pseudoHeading(s, e) {
                let level = 0
                while let top = stack.last, top.eff % 2 == 1 { _ = top; stack.removeLast() } // a pseudo ends at the next pseudo
                // A label naming another part ("存在的问题：" under 一、主要举措和成效) starts that part: it is a root.
                if let rootIdx = stack.first?.idx, !report.headings[rootIdx].parts.isEmpty,
                   !labelParts.contains(where: { report.headings[rootIdx].parts.contains($0) }) {
                    stack.removeAll()
                }
                let parentEff = stack.last?.eff ?? 0
                let parent = stack.last?.idx
                let idx = report.headings.count
                let text = t.string(s, ps)
                report.headings.append(Heading(level: level, marker: "", markerRange: t.byteRange(s, s), number: nil, markerIssues: [],
                                               textRange: t.byteRange(s, ps), text: text, runOnRange: nil,
                                               lineRange: t.byteRange(t.lineStart[l], t.lineEnd[l]), line: l, isPseudo: true,
                                               parts: labelParts, parent: parent, children: [],
                                               depth: stack.count, sectionRange: TextRange(0, 0)))
                if let p = parent { report.headings[p].children.append(idx) } else { report.roots.append(idx) }
                stack.append((parentEff + 1, idx))
                kinds[l] = .heading
                lineHeading[l] = idx
                continue
            }
            kinds[l] = .paragraph
        }
    }

    mutating func addHeading(line l: Int, s: Int, e: Int, marker m: MarkerMatch, stack: inout [(eff: Int, idx: Int)]) {
        let eff = m.level * 2
        while let top = stack.last, top.eff >= eff { stack.removeLast() }
        let parent = stack.last?.idx
        var issues = m.issues
        var ts = m.end
        while ts < e && Chars.isBlank(t.sc[ts]) { ts += 1 }
        if ts > m.end { issues.append(.spaceAfterMarker(t.byteRange(m.end, ts))) }
        // The heading is the first sentence; the rest of the line is run-on body text.
        var te = ts
        var runOn: TextRange?
        while te < e && !Chars.isSentenceEnd(t.sc[te]) { te += 1 }
        var textEnd = te
        if te < e {
            var rs = te + 1
            while rs < e && (Chars.isClosingMark(t.sc[rs]) || Chars.isBlank(t.sc[rs])) { rs += 1 }
            if rs < e { runOn = t.byteRange(rs, e) }
        }
        while textEnd > ts && Chars.isBlank(t.sc[textEnd - 1]) { textEnd -= 1 }
        let text = t.string(ts, textEnd)
        let idx = report.headings.count
        // Canonical parts are read from top-level headings (and level-1 headings under a pseudo-heading).
        let parts = (m.level == 1 || parent == nil) ? matcher.parts(covering: t, ts, textEnd) : []
        report.headings.append(Heading(level: m.level, marker: t.string(m.start, m.end), markerRange: t.byteRange(m.start, m.end),
                                       number: m.number, markerIssues: issues, textRange: t.byteRange(ts, textEnd), text: text,
                                       runOnRange: runOn, lineRange: t.byteRange(t.lineStart[l], t.lineEnd[l]), line: l,
                                       isPseudo: false, parts: parts, parent: parent, children: [], depth: stack.count,
                                       sectionRange: TextRange(0, 0)))
        if let p = parent { report.headings[p].children.append(idx) } else { report.roots.append(idx) }
        stack.append((eff, idx))
        kinds[l] = .heading
        lineHeading[l] = idx
    }

    /// A labelled line such as "存在的问题：" or "下一步工作打算" standing alone: a pseudo-heading.
    /// Returns the end of the label (before the colon) and the parts it covers (never empty).
    func pseudoHeading(_ s: Int, _ e: Int) -> (Int, [String])? {
        let len = e - s
        guard len >= 3, len <= 24 else { return nil }
        var end = e
        let last = t.sc[e - 1]
        if last == 0xFF1A || last == 0x3A { end = e - 1 } else if Chars.isTerminal(last) || last == 0xFF0C { return nil }
        for i in s..<end {
            let c = t.sc[i]
            if c == 0x3002 || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A { return nil }
        }
        let parts = matcher.parts(covering: t, s, end)
        return parts.isEmpty ? nil : (end, parts)
    }

    /// Section ends: the start of the next heading at the same or a smaller depth (a stack of open
    /// headings with increasing depth), else the end of the body.
    mutating func finishTree() {
        let endOfBody = report.closing.start ?? t.off(t.sc.count)
        var open: [Int] = []
        report.headings.withUnsafeMutableBufferPointer { hs in
            for j in hs.indices {
                let d = hs[j].depth
                while let i = open.last, hs[i].depth >= d {
                    hs[i].sectionRange = TextRange(hs[i].lineRange.start, max(hs[j].lineRange.start, hs[i].lineRange.end))
                    open.removeLast()
                }
                open.append(j)
            }
            for i in open {
                hs[i].sectionRange = TextRange(hs[i].lineRange.start, max(endOfBody, hs[i].lineRange.end))
            }
        }
    }

    // MARK: paragraphs

    mutating func findParagraphs(from start: Int, to end: Int) {
        var l = start
        var currentHeading: Int?
        while l < end {
            if kinds[l] == .heading { currentHeading = lineHeading[l]; l += 1; continue }
            guard kinds[l] == .paragraph else { l += 1; continue }
            let first = l
            var breaks: [Int] = []
            var last = l
            var k = l + 1
            while k < end, kinds[k] == .paragraph, continues(prev: last, next: k) {
                breaks.append(t.off(t.trimmed(last).1))
                kinds[k] = .continuation
                last = k
                k += 1
            }
            let beforeHeadings = report.headings.first.map { $0.line > first } ?? true
            let isOpening = report.header.opening == nil && report.paragraphs.isEmpty && beforeHeadings
            report.paragraphs.append(Paragraph(range: t.byteRange(t.lineStart[first], t.lineEnd[last]), firstLine: first, lastLine: last,
                                               breaks: breaks, heading: currentHeading, isOpening: isOpening))
            if isOpening { report.header.opening = report.paragraphs.count - 1 }
            l = k
        }
    }

    /// Whether line `next` continues the paragraph of line `prev` after a stray line break.
    func continues(prev: Int, next: Int) -> Bool {
        let (ps, pe) = t.trimmed(prev)
        guard pe > ps else { return false }
        // A new paragraph starts with indentation.
        if t.lineStart[next] < t.lineEnd[next], Chars.isBlank(t.sc[t.lineStart[next]]) { return false }
        var last = t.sc[pe - 1]
        if Chars.isClosingMark(last), pe - 2 >= ps { last = t.sc[pe - 2] }
        if Chars.isTerminal(last) { return false }
        let (ns, ne) = t.trimmed(next)
        if ns < ne, MarkerScanner.enumeration(t, ns, ne) != nil { return false }
        return true
    }

    // MARK: enumerations

    mutating func findEnumerations() {
        var group = 0
        var lastOrdinal = 0
        var lastHeading: Int? = -1
        // Scan each paragraph and each heading's run-on text, in document order (both lists are
        // in order and a run-on range never starts where a paragraph does).
        let paragraphs = report.paragraphs, headings = report.headings
        let lineStarts = report.source.lineStarts
        var lineCursor = 0
        var items: [(ord: Int, ms: Int, me: Int, len: Int, first: UInt32)] = []
        var out: [EnumerationItem] = []
        var pi = 0, hi = 0
        t.bytes.withUnsafeBufferPointer { p in
            while true {
                while hi < headings.count && headings[hi].runOnRange == nil { hi += 1 }
                let r: TextRange, heading: Int?
                if pi < paragraphs.count && (hi >= headings.count || paragraphs[pi].range.start < headings[hi].runOnRange!.start) {
                    r = paragraphs[pi].range
                    heading = paragraphs[pi].heading
                    pi += 1
                } else if hi < headings.count {
                    r = headings[hi].runOnRange!
                    heading = hi
                    hi += 1
                } else {
                    break
                }
                if heading != lastHeading { lastHeading = heading; lastOrdinal = 0 }
                items.removeAll(keepingCapacity: true)
                Builder.enumerationMarkers(p, r.start, r.end, &items)
                for (k, it) in items.enumerated() {
                    if it.ord == 1 || lastOrdinal == 0 { group += 1 }
                    lastOrdinal = it.ord
                    let itemEnd = k + 1 < items.count ? items[k + 1].ms : r.end
                    while lineCursor + 1 < lineStarts.count && lineStarts[lineCursor + 1] <= it.ms { lineCursor += 1 }
                    let marker = it.len == 1 ? Builder.singleMarker(it.first) : String(decoding: UnsafeBufferPointer(rebasing: p[it.ms..<it.me]), as: UTF8.self)
                    out.append(EnumerationItem(ordinal: it.ord, marker: marker, markerRange: TextRange(it.ms, it.me),
                                               range: TextRange(it.ms, itemEnd), group: group, line: lineCursor))
                }
            }
        }
        report.enumerations = out
    }

    /// Inline enumeration markers (一是, 二是, 十一是) in the bytes `s..<e`: 1–3 Chinese numerals right
    /// after the start or a boundary (sentence punctuation, comma, line break, space, “) and followed by 是.
    /// Found from each 是 backwards; same result as scanning forward scalar by scalar.
    static func enumerationMarkers(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int,
                                   _ items: inout [(ord: Int, ms: Int, me: Int, len: Int, first: UInt32)]) {
        var x = s + 2
        while true {
            x = ByteSearch.first(0xAF, in: p, from: x, to: e)
            if x >= e { return }
            defer { x += 1 }
            guard p[x - 1] == 0x98, p[x - 2] == 0xE6 else { continue }
            let shi = x - 2
            // The run of numerals before 是 (at most 4 are looked at: 4 means too long).
            var run: (UInt32, UInt32, UInt32) = (0, 0, 0)
            var count = 0
            var rs = shi
            while rs > s && count < 4 {
                let (v, len) = Scalars.decodeBefore(p, rs)
                guard Chars.isChineseNumeral(v) else { break }
                count += 1
                if count == 1 { run.2 = v } else if count == 2 { run.1 = v } else if count == 3 { run.0 = v }
                rs -= len
            }
            guard count >= 1 && count <= 3 else { continue }
            if rs > s {
                let (prev, _) = Scalars.decodeBefore(p, rs)
                let atBoundary = Chars.isTerminal(prev) || prev == 0xFF0C || prev == 0x0A || prev == 0x0D || Chars.isBlank(prev) || prev == 0x201C
                guard atBoundary else { continue }
            }
            let value: Int?
            switch count {
            case 1: value = Chars.chineseNumberValue(CollectionOfOne(run.2))
            case 2: value = Chars.chineseNumberValue([run.1, run.2])
            default: value = Chars.chineseNumberValue([run.0, run.1, run.2])
            }
            guard let ord = value else { continue }
            items.append((ord, rs, shi + 3, count, count == 1 ? run.2 : run.0))
        }
    }

    /// The marker string of a one-numeral enumeration marker (一是 …).
    static func singleMarker(_ v: UInt32) -> String {
        switch v {
        case 0x3007: return "〇是"
        case 0x96F6: return "零是"
        case 0x4E00: return "一是"
        case 0x4E8C: return "二是"
        case 0x4E24: return "两是"
        case 0x4E09: return "三是"
        case 0x56DB: return "四是"
        case 0x4E94: return "五是"
        case 0x516D: return "六是"
        case 0x4E03: return "七是"
        case 0x516B: return "八是"
        case 0x4E5D: return "九是"
        case 0x5341: return "十是"
        case 0x767E: return "百是"
        default: return String(String.UnicodeScalarView([Unicode.Scalar(v)!, "是"]))
        }
    }

    /// Scalar index of a byte offset (binary search over `bo`).
    func scalarIndex(ofByte b: Int) -> Int {
        var lo = 0, hi = t.sc.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if t.off(mid) < b { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: year and unit

    mutating func findYearAndUnit() {
        if let title = report.header.title {
            let s = scalarIndex(ofByte: title.range.start), e = scalarIndex(ofByte: title.range.end)
            if let (y, ys, ye) = yearIn(s, e) {
                report.year = y
                report.yearRange = t.byteRange(ys, ye)
                report.yearFromTitle = true
            }
        }
        if report.year == nil, let op = report.header.opening {
            let p = report.paragraphs[op]
            let s = scalarIndex(ofByte: p.range.start)
            let e = min(scalarIndex(ofByte: p.range.end), s + 40)
            if let (y, ys, ye) = yearIn(s, e) {
                report.year = y
                report.yearRange = t.byteRange(ys, ye)
            }
        }
        // Unit: the 人民政府 / 办事处 organisation line, else any organisation line, the title, the signature.
        var candidates: [TextRange] = []
        let orgs = report.header.organizationLines
        candidates += orgs.filter { report.source.string($0).contains("人民政府") || report.source.string($0).contains("办事处") }
        candidates += orgs
        if let title = report.header.title {
            let text = title.text
            if let r = text.range(of: "关于") {
                let prefix = String(text[..<r.lowerBound])
                if !prefix.isEmpty { candidates.append(TextRange(title.range.start, title.range.start + prefix.utf8.count)) }
            } else if let y = report.yearRange, y.start > title.range.start, y.end <= title.range.end {
                candidates.append(TextRange(title.range.start, y.start))
            } else if let r = text.range(of: "法治") {
                let prefix = String(text[..<r.lowerBound])
                if !prefix.isEmpty { candidates.append(TextRange(title.range.start, title.range.start + prefix.utf8.count)) }
            }
        }
        candidates += report.closing.signatures
        for c in candidates {
            if let unit = Builder.unit(from: report.source.string(c), range: c) { report.unit = unit; break }
        }
    }

    func yearIn(_ s: Int, _ e: Int) -> (Int, Int, Int)? {
        var i = s
        while i + 4 < e + 1 {
            if i + 4 <= e, Chars.asciiDigit(t.sc[i]) != nil, (i == s || Chars.asciiDigit(t.sc[i - 1]) == nil) {
                var v = 0, k = i
                while k < e && k - i < 4, let d = Chars.asciiDigit(t.sc[k]) { v = v * 10 + d; k += 1 }
                if k - i == 4, k < e, t.sc[k] == 0x5E74, (k + 1 >= e || Chars.asciiDigit(t.sc[k + 1]) == nil), v >= 1990, v <= 2100 {
                    return (v, i, k)
                }
            }
            i += 1
        }
        return nil
    }

    static func unit(from raw: String, range: TextRange?) -> ReportUnit? {
        var name = raw.trimmingSpaces
        for p in ["中共", "中国共产党"] where name.hasPrefix(p) { name.removeFirst(p.count) }
        var strippedGov = false
        for suf in ["人民政府办公室", "人民政府", "委员会", "党委", "党工委", "办事处", "政府"] where name.hasSuffix(suf) {
            name.removeLast(suf.count)
            strippedGov = true
            break
        }
        guard name.count >= 2 else { return nil }
        if !strippedGov {
            for suf in ["局", "委", "办", "办公室", "中心", "所", "院", "厅"] where name.hasSuffix(suf) {
                return ReportUnit(name: name, kind: .department, range: range)
            }
        }
        let kinds: [(String, UnitKind)] = [("街道", .subdistrict), ("镇", .town), ("乡", .township), ("县", .county), ("区", .district), ("市", .city), ("省", .province)]
        for (suf, k) in kinds where name.hasSuffix(suf) {
            return ReportUnit(name: name, kind: k, range: range)
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.unicodeScalars.first, Chars.isBlank(f.value) { s = Substring(s.unicodeScalars.dropFirst()) }
        while let l = s.unicodeScalars.last, Chars.isBlank(l.value) { s = Substring(s.unicodeScalars.dropLast()) }
        return String(s)
    }
}
