import FazhiKnowledge
import FazhiText

// The header: everything before the opening paragraph — web-page chrome, the 发文机关标志, 发文字号,
// 签发人, the title (one or two lines, possibly repeated, possibly a joint title of two organs, or only in a
// "标题：" metadata line), a covering letter (报送函) before the report proper, the occasion note of a report
// delivered to a people's congress, and the 主送机关.

private let pRuXia = u("如下"), pGuanYu = u("关于"), pQianFaRen = u("签发人"), pZai = u("在")

extension Builder {
    /// Classifies the header lines; returns the first body line.
    mutating func parseHeader(limit: Int) -> Int {
        let n = limit
        var firstHeading = n
        for l in 0..<n where kinds[l] != .blank {
            let (s, e) = t.trimmed(l)
            if MarkerScanner.scan(t, s, e) != nil, !isChrome(l, beforeTitle: false) { firstHeading = l; break }
        }
        // Chrome first: it is part of no field, and everything else is read around it.
        let scanEnd = min(firstHeading, headerScanLimit(n))
        var lastChrome = -1
        for l in 0..<scanEnd where kinds[l] != .blank && isChrome(l, beforeTitle: true) {
            kinds[l] = .chrome
            lastChrome = l
        }
        let candidates = titleCandidates(upTo: scanEnd)
        var chosen = candidates.first
        // A covering letter (报送函) before the report: a title, then a signature and a date, then the
        // report's own title. The report's title is the one after the letter.
        if candidates.count > 1 {
            for k in 1..<candidates.count {
                let (a, b) = (candidates[k - 1].last + 1, candidates[k].first)
                if (a..<b).contains(where: { kinds[$0] != .blank && kinds[$0] != .chrome && isDateLine($0) }) { chosen = candidates[k] }
            }
        }
        // Without a title, short lines above the page's metadata are the site's own lines (its name, a
        // section label): chrome too. (With a title, `classifyAboveTitle` sorts the lines above it.)
        if chosen == nil, lastChrome > 0 {
            for l in 0..<lastChrome where kinds[l] == .paragraph {
                let (s, e) = t.trimmed(l)
                if e - s <= 30, recipient(s, e) == nil, docNumber(s, e) == nil { kinds[l] = .chrome }
            }
        }
        var next = 0
        if let title = chosen {
            // An earlier title candidate is the covering letter's title: the letter runs from there.
            let coverFrom = candidates.first.flatMap { $0.first < title.first ? $0.first : nil }
            classifyAboveTitle(title, coverFrom: coverFrom)
            setTitle(title)
            next = title.last + 1
        } else if let (l, s, e) = chromeTitle(upTo: scanEnd) {
            // No title line: the page's "标题：……" metadata is the best we have.
            kinds[l] = .title
            report.header.title = Title(range: t.byteRange(s, e), residue: nil, line: t.physical(l), lastLine: t.physical(l), text: t.string(s, e))
            next = 0
        }
        // After the title (or at the top when there is none): repeated titles, issuer lines, the occasion
        // note, 发文字号 / 签发人 and the 主送机关, until the opening begins.
        var l = next
        var sawRecipient = report.header.recipient != nil
        while l < firstHeading {
            if kinds[l] == .blank || kinds[l] == .chrome || kinds[l] == .title || kinds[l] == .coverLetter { l += 1; continue }
            let (s, e) = t.trimmed(l)
            if report.header.title != nil, titleCandidate(l) != nil { kinds[l] = .title; l += 1; continue }
            if let dn = docNumber(s, e) {
                report.header.docNumber = Field(range: t.byteRange(dn.0, dn.1), line: t.physical(l), text: t.string(dn.0, dn.1))
                kinds[l] = .docNumber; l += 1; continue
            }
            if let sg = signer(s, e) {
                report.header.signer = Field(range: t.byteRange(sg.0, sg.1), line: t.physical(l), text: t.string(sg.0, sg.1))
                kinds[l] = .signer; l += 1; continue
            }
            if let end = occasionEnd(l, limit: firstHeading) {
                for k in l..<end where kinds[k] != .blank { kinds[k] = .occasion }
                l = end; continue
            }
            if !sawRecipient, let r = recipient(s, e) {
                report.header.recipient = Field(range: t.byteRange(s, r), line: t.physical(l), text: t.string(s, r))
                kinds[l] = .recipient
                sawRecipient = true
                l += 1; continue
            }
            if report.header.title != nil, !sawRecipient, isOrganizationLine(l), e - s <= 30 {
                kinds[l] = .organization
                report.header.organizationLines.append(t.byteRange(s, e))
                l += 1; continue
            }
            break
        }
        return l
    }

    /// How far the header may reach: the first 40 non-blank lines.
    func headerScanLimit(_ n: Int) -> Int {
        var count = 0
        for l in 0..<n where kinds[l] != .blank {
            count += 1
            if count > 40 { return l }
        }
        return n
    }

    /// A title found on lines `first...last` (scalar bounds of its text).
    struct TitleSpan {
        var first: Int
        var last: Int
        var start: Int
        var end: Int
    }

    /// Title lines in `0..<limit`, in order (two-line titles as one).
    func titleCandidates(upTo limit: Int) -> [TitleSpan] {
        var out: [TitleSpan] = []
        var l = 0
        while l < limit {
            guard kinds[l] != .blank && kinds[l] != .chrome else { l += 1; continue }
            let nextLine = l + 1 < limit && kinds[l + 1] != .blank && kinds[l + 1] != .chrome ? l + 1 : nil
            // An issuing organ on its own line directly above the rest of the title: "大河乡人民政府" /
            // "关于法治政府建设的情况报告", "东安县应急管理局" / "2025年法治政府建设报告".
            // Two organ lines above a title are the joint issuers of a joint document, not a wrapped title.
            let jointIssuers = l > 0 && kinds[l - 1] != .blank && kinds[l - 1] != .chrome && isOrganizationLine(l - 1)
            if let nx = nextLine, !jointIssuers, isOrganizationLine(l), let (s2, e2) = titleCandidate(nx), !namesItsOwnUnit(s2, e2) {
                let (s, _) = t.trimmed(l)
                out.append(TitleSpan(first: l, last: nx, start: skipResidue(s, t.trimmed(l).1), end: e2))
                l = nx + 1
                continue
            }
            if let (s, e) = titleCandidate(l) {
                out.append(TitleSpan(first: l, last: l, start: s, end: e))
                l += 1
                continue
            }
            // A title wrapped over two lines: "…关于2024年度法治政府" / "建设情况的报告".
            if let nx = nextLine, let wrapped = wrappedTitle(l, nx) {
                out.append(wrapped)
                l = nx + 1
                continue
            }
            l += 1
        }
        return out
    }

    /// Bounds of the title text on line `l` if the line reads as a report title.
    func titleCandidate(_ l: Int) -> (Int, Int)? {
        let (s0, e0) = t.trimmed(l)
        let s = skipResidue(s0, e0)
        var e = e0
        if e > s, t.sc[e - 1] == .fullStop { e -= 1 } // a title ending with 。 is still the title
        let len = e - s
        guard len >= 6, len <= 80 else { return nil }
        if MarkerScanner.scan(t, s, e) != nil { return nil }
        let last = t.sc[e - 1]
        if last == .colon || last == .asciiColon { return nil }
        var commas = 0
        for i in s..<e {
            let c = t.sc[i]
            if c == .comma || c == .asciiComma { commas += 1 }
            if c == .fullStop || c == .semicolon || c == .exclamationMark || c == .questionMark { return nil }
        }
        if commas > 1 || (commas == 1 && len > 40) { return nil }
        let f = normalized(s, e)
        if Builder.find(pRuXia, in: f, from: 0) != nil { return nil }
        // "2025年3月17日在……会议上" is an occasion, "根据……" a sentence.
        if dateAt(s, e) != nil { return nil }
        guard vocabulary.titleDomains.contains(where: { Builder.find($0, in: f, from: 0) != nil }) else { return nil }
        guard let g = genrePosition(f) else { return nil }
        // 《……的报告》 names another document; a line that only cites one is not a title.
        if isInsideBookTitle(f, g) { return nil }
        // The range keeps a trailing 。 so that `title-format` can flag it.
        return (s, e0)
    }

    /// Position of the genre word (报告、总结、汇报、…工作情况) in folded text, or nil.
    func genrePosition(_ f: [UInt32]) -> Int? {
        for g in vocabulary.titleGenres {
            if let p = Builder.find(g, in: f, from: 0) {
                // "工作情况" / "建设情况" count only as the last words of the line.
                if g.last == .scalar("况") && p + g.count != f.count { continue }
                return p
            }
        }
        return nil
    }

    func isInsideBookTitle(_ f: [UInt32], _ p: Int) -> Bool {
        var depth = 0
        for i in 0..<min(p, f.count) {
            if f[i] == .leftBookTitleMark { depth += 1 } else if f[i] == .rightBookTitleMark { depth = max(0, depth - 1) }
        }
        return depth > 0
    }

    /// Whether a title text starts with its own unit rather than with 关于 / a year / the domain word.
    func namesItsOwnUnit(_ s: Int, _ e: Int) -> Bool {
        let f = normalized(s, e)
        if Builder.hasPrefix(f, pGuanYu) { return false }
        if let c = f.first, Chars.asciiDigit(c) != nil { return false }
        if vocabulary.titleDomains.contains(where: { Builder.hasPrefix(f, $0) }) { return false }
        return true
    }

    func wrappedTitle(_ l: Int, _ nx: Int) -> TitleSpan? {
        let (s0, e) = t.trimmed(l)
        let s = skipResidue(s0, e)
        guard e - s >= 4, e - s <= 40 else { return nil }
        for i in s..<e where Punctuation.isSentenceOrItemEnd(t.sc[i]) || t.sc[i] == .comma || t.sc[i] == .colon { return nil }
        let f1 = normalized(s, e)
        let hasDomain1 = vocabulary.titleDomains.contains { Builder.find($0, in: f1, from: 0) != nil }
        guard Builder.find(pGuanYu, in: f1, from: 0) != nil || hasDomain1, genrePosition(f1) == nil else { return nil }
        let (s2, e2) = t.trimmed(nx)
        guard e2 - s2 <= 40, e2 > s2 else { return nil }
        for i in s2..<e2 where Punctuation.isSentenceOrItemEnd(t.sc[i]) || t.sc[i] == .comma || t.sc[i] == .colon { return nil }
        let f2 = normalized(s2, e2)
        guard genrePosition(f2) != nil else { return nil }
        guard hasDomain1 || vocabulary.titleDomains.contains(where: { Builder.find($0, in: f2, from: 0) != nil }) else { return nil }
        return TitleSpan(first: l, last: nx, start: s, end: e2)
    }

    /// A "标题：……" chrome line whose value reads as a title.
    func chromeTitle(upTo limit: Int) -> (Int, Int, Int)? {
        for l in 0..<limit where kinds[l] == .chrome {
            guard let (s, e) = chromeTitleValue(l) else { continue }
            let f = normalized(s, e)
            if vocabulary.titleDomains.contains(where: { Builder.find($0, in: f, from: 0) != nil }), genrePosition(f) != nil { return (l, s, e) }
        }
        return nil
    }

    mutating func setTitle(_ span: TitleSpan) {
        let (s0, _) = t.trimmed(span.first)
        var text = t.string(span.start, span.first == span.last ? span.end : t.trimmed(span.first).1)
        if span.last != span.first { text += t.string(t.trimmed(span.last).0, span.end) }
        report.header.title = Title(range: t.byteRange(span.start, span.end), residue: span.start > s0 ? t.byteRange(s0, span.start) : nil,
                                    line: t.physical(span.first), lastLine: t.physical(span.last), text: text)
        for l in span.first...span.last { kinds[l] = .title }
    }

    /// Lines above the title: 发文机关标志, 发文字号, 签发人 — and, from `coverFrom`, a covering letter.
    mutating func classifyAboveTitle(_ title: TitleSpan, coverFrom: Int?) {
        for l in 0..<title.first where kinds[l] != .blank && kinds[l] != .chrome {
            let (s, e) = t.trimmed(l)
            if let dn = docNumber(s, e) {
                report.header.docNumber = Field(range: t.byteRange(dn.0, dn.1), line: t.physical(l), text: t.string(dn.0, dn.1))
                kinds[l] = .docNumber
                if let sg = signer(s, e) { report.header.signer = Field(range: t.byteRange(sg.0, sg.1), line: t.physical(l), text: t.string(sg.0, sg.1)) }
                continue
            }
            if let sg = signer(s, e) {
                report.header.signer = Field(range: t.byteRange(sg.0, sg.1), line: t.physical(l), text: t.string(sg.0, sg.1))
                kinds[l] = .signer
                continue
            }
            if let c = coverFrom, l >= c {
                if report.header.recipient == nil, let r = recipient(s, e) {
                    report.header.recipient = Field(range: t.byteRange(s, r), line: t.physical(l), text: t.string(s, r))
                    kinds[l] = .recipient
                } else {
                    kinds[l] = .coverLetter
                }
                continue
            }
            if isOrganizationLine(l) {
                kinds[l] = .organization
                report.header.organizationLines.append(t.byteRange(s, e))
            } else {
                // Neither an organ nor a field: material the page put above the report.
                kinds[l] = .chrome
            }
        }
    }

    /// A line that is a date and nothing else (a covering letter's 成文日期).
    func isDateLine(_ l: Int) -> Bool {
        let (s, e) = t.trimmed(l)
        guard e - s <= 24, let d = dateIn(s, e) else { return false }
        return d.0 == s && d.1 == e
    }

    /// An organisation name standing alone (发文机关标志, a signature): short, no punctuation or digits,
    /// ending with an organ suffix. Joint names separated by spaces or 、 are fine.
    func isOrganizationLine(_ l: Int) -> Bool {
        let (s, e) = t.trimmed(l)
        return isOrganizationName(s, e)
    }

    /// The end of an occasion note ("2025年3月17日在××旗第十六届人民代表大会" / "常务委员会第二十四次会议上")
    /// starting at line `l`, or nil.
    func occasionEnd(_ l: Int, limit: Int) -> Int? {
        let (s0, e) = t.trimmed(l)
        var s = s0
        if s < e, t.sc[s] == .leftParenthesis || t.sc[s] == .asciiLeftParenthesis { s += 1 }
        guard let d = dateIn(s, min(e, s + 16)), d.0 == s else { return nil }
        var i = d.1
        while i < e && Chars.isBlank(t.sc[i]) { i += 1 }
        guard t.matches(pZai, at: i, end: e) else { return nil }
        var end = l + 1
        let endsWithShang = { (line: Int) -> Bool in
            var (a, b) = self.t.trimmed(line)
            while b > a, Chars.isClosingMark(self.t.sc[b - 1]) { b -= 1 }
            return b > a && self.t.sc[b - 1] == .scalar("上")
        }
        if !endsWithShang(l) {
            var k = l + 1
            while k < limit && kinds[k] == .blank { k += 1 }
            if k < limit, endsWithShang(k), t.trimmed(k).1 - t.trimmed(k).0 <= 40 { end = k + 1 }
        }
        return end
    }

    /// If `s..<e` is a 主送机关 line ("××县人民政府：", "主任、各位副主任、委员："), the end of the organ
    /// names (before the colon); nil otherwise.
    func recipient(_ s: Int, _ e: Int) -> Int? {
        guard e - s >= 2, e - s <= 50 else { return nil }
        let last = t.sc[e - 1]
        guard last == .colon || last == .asciiColon else { return nil }
        var end = e - 1
        while end > s && Chars.isBlank(t.sc[end - 1]) { end -= 1 }
        guard end > s, MarkerScanner.scan(t, s, e) == nil else { return nil }
        let f = normalized(s, end)
        if Builder.find(pRuXia, in: f, from: 0) != nil { return nil }
        if f.contains(where: { $0 == .fullStop || $0 == .semicolon || Chars.asciiDigit($0) != nil }) { return nil }
        let listed = f.contains(.enumerationComma) || f.contains(.comma) || f.contains(.asciiComma)
        let organ = vocabulary.recipientEndings.contains { $0.count <= f.count && Builder.hasPrefix(f, $0, at: f.count - $0.count) }
        return listed || organ ? end : nil
    }

    /// Skips conversion residue such as "[bookmark: _GoBack]" and zero-width characters at the start.
    func skipResidue(_ s0: Int, _ e: Int) -> Int {
        var s = s0
        while s < e {
            let c = t.sc[s]
            if c == .asciiLeftBracket { // [
                var j = s + 1
                while j < e && t.sc[j] != .asciiRightBracket && j - s < 80 { j += 1 }
                if j < e && t.sc[j] == .asciiRightBracket { s = j + 1; continue }
                return s
            }
            if Chars.isBlank(c) || c == .byteOrderMark { s += 1; continue }
            return s
        }
        return s
    }

    /// 发文字号: 机关代字 + 〔年份〕 + 序号 + 号 (with the bracket variants drafters type).
    /// The brackets around the year of a 发文字号: 〔〕 as GB/T 9704 has it, and what drafters type instead.
    static let docNumberYearOpens = ScalarList([.leftTortoiseShellBracket, .asciiLeftBracket, .fullwidthLeftSquareBracket, .asciiLeftParenthesis,
                                                 .leftParenthesis, .leftLenticularBracket, .scalar("〖")])
    static let docNumberYearCloses = ScalarList([.rightTortoiseShellBracket, .asciiRightBracket, .fullwidthRightSquareBracket, .asciiRightParenthesis,
                                                  .rightParenthesis, .rightLenticularBracket, .scalar("〗")])

    func docNumber(_ s: Int, _ e: Int) -> (Int, Int)? {
        guard e - s <= 60 else { return nil }
        var i = s
        while i < e {
            let c = t.sc[i]
            if Self.docNumberYearOpens.contains(c) {
                var j = i + 1
                var digits = 0
                while j < e, Chars.asciiDigit(t.sc[j]) != nil { j += 1; digits += 1 }
                if (digits == 4 || digits == 2), j < e {
                    let cl = t.sc[j]
                    if Self.docNumberYearCloses.contains(cl) {
                        var k = j + 1
                        if k < e && t.sc[k] == .scalar("第") { k += 1 }
                        var nd = 0
                        while k < e, Chars.asciiDigit(t.sc[k]) != nil { k += 1; nd += 1 }
                        if nd > 0, k < e, t.sc[k] == .scalar("号"), i > s {
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
        guard i < e, t.sc[i] == .colon || t.sc[i] == .asciiColon else { return nil }
        i += 1
        while i < e && Chars.isBlank(t.sc[i]) { i += 1 }
        var j = e
        while j > i && Chars.isBlank(t.sc[j - 1]) { j -= 1 }
        return i < j ? (i, j) : nil
    }
}
