import FazhiText
// Layouts other than one paragraph per line.
//
// A report reaches Fazhi in several shapes that should all give the same model as its tidy version:
// - one paragraph per line (the tidy form);
// - Word's "save as text", with a blank line after every paragraph (double spacing);
// - text copied from a PDF, with sentences broken over two lines, sometimes with a blank line between
//   the halves (joined back into paragraphs in Paragraphs.swift);
// - a page flattened into a few very long lines, paragraphs separated only by their indentation and
//   headings following the previous sentence directly ("……成效。二、存在的不足……").
// This file handles the last one by splitting such lines into logical lines before anything else runs.

extension ScalarText {
    /// Lines shorter than this are never split: a tidy paragraph may well contain "。2.完善……" items.
    static let flattenedMinimum = 240

    /// Splits physical lines that hold several paragraphs or headings into logical lines.
    mutating func splitFlattenedLines() {
        var cuts: [[Int]] = Array(repeating: [], count: lineStart.count)
        var any = false
        for l in 0..<lineStart.count where lineEnd[l] - lineStart[l] >= ScalarText.flattenedMinimum {
            let c = flattenedCuts(lineStart[l], lineEnd[l])
            if !c.isEmpty { cuts[l] = c; any = true }
        }
        guard any else { return }
        var ls: [Int] = [], le: [Int] = [], phys: [Int] = []
        ls.reserveCapacity(lineStart.count + 16)
        for l in 0..<lineStart.count {
            var s = lineStart[l]
            for c in cuts[l] {
                ls.append(s); le.append(c); phys.append(l)
                s = c
            }
            ls.append(s); le.append(lineEnd[l]); phys.append(l)
        }
        lineStart = ls
        lineEnd = le
        physLine = phys
    }

    /// Where a long line `s..<e` should be split, or [] when it reads as one paragraph.
    ///
    /// A cut goes before a structural heading marker (一、（一）1.（1）) that follows the end of a
    /// sentence, before a run of two or more spaces that follows the end of a sentence (an indented new
    /// paragraph), and around the closing (特此报告。 / 署名 / 成文日期). The line counts as flattened
    /// only when it has at least two first- or second-level heading cuts, or one such cut and two
    /// indentation cuts: a single long paragraph with an inline "。2.……" list is left alone.
    func flattenedCuts(_ s: Int, _ e: Int) -> [Int] {
        // A tight first pass: a flattened line has at least two places where a sentence end is followed by a
        // bracket or a numeral (a heading may start there), or by an ideographic space (indentation).
        var candidates = 0
        var k = s
        while k + 1 < e {
            let c = sc[k]
            if c == .fullStop || c == .semicolon || c == .colon || c == .exclamationMark || c == .questionMark {
                let n = sc[k + 1]
                if n == .leftParenthesis || n == .asciiLeftParenthesis || n == .ideographicSpace || Chars.isChineseNumeral(n) || Chars.asciiDigit(n) != nil { candidates += 1 }
            } else if c == .ideographicSpace && sc[k + 1] == .ideographicSpace && k > s {
                candidates += 1
            }
            k += 1
        }
        guard candidates >= 2 else { return [] }
        var headingCuts: [Int] = []
        var majorHeadings = 0
        var indentCuts: [Int] = []
        // Inside a heading whose text has not reached a sentence end yet.
        var openHeading = MarkerScanner.scan(self, s, e).map { isHeadingMarker($0, e) } ?? false
        var i = s + 1
        while i < e {
            let c = sc[i]
            // An indentation run: two or more blanks after a sentence end (or a closing mark after one), or
            // ideographic spaces anywhere — nobody types two of those inside a sentence, while two ASCII spaces
            // do stand between the halves of a heading ("加强组织领导  构建……").
            if Chars.isBlank(c) {
                var j = i
                var ideographic = false
                while j < e && Chars.isBlank(sc[j]) { if sc[j] == .ideographicSpace { ideographic = true }; j += 1 }
                if j - i >= 2, j < e, ideographic || endsSentence(before: i, from: s) {
                    if let m = MarkerScanner.scan(self, j, e), isHeadingMarker(m, e) {
                        headingCuts.append(j)
                        if m.level <= 2 { majorHeadings += 1 }
                        openHeading = true
                    } else {
                        indentCuts.append(j)
                        openHeading = false
                    }
                }
                i = j
                continue
            }
            // A heading marker right after a sentence end ("……成效。二、存在的不足"), or a bracketed sub-heading
            // marker right after a heading that has not ended a sentence ("一、主要举措和成效（一）强化……").
            let afterHeading = c == .leftParenthesis || c == .asciiLeftParenthesis ? openHeading : false
            if endsSentence(before: i, from: s) || afterHeading, let m = MarkerScanner.scan(self, i, e), isHeadingMarker(m, e) {
                headingCuts.append(i)
                if m.level <= 2 { majorHeadings += 1 }
                openHeading = true
                i = m.end
                continue
            }
            if Punctuation.isSentenceOrItemEnd(c) { openHeading = false }
            i += 1
        }
        guard majorHeadings >= 2 || (majorHeadings >= 1 && indentCuts.count >= 2) else { return [] }
        var cuts = Array(Set(headingCuts + indentCuts + closingCuts(s, e))).sorted()
        cuts.removeAll { $0 <= s || $0 >= e }
        return cuts
    }

    /// A marker that starts a heading: followed by Han text or a year ("一、2024年……"), not by 是 (一是).
    func isHeadingMarker(_ m: MarkerMatch, _ e: Int) -> Bool {
        var k = m.end
        while k < e && Chars.isBlank(sc[k]) { k += 1 }
        guard k < e else { return false }
        if Chars.asciiDigit(sc[k]) != nil {
            // A year: four digits and 年.
            var j = k
            while j < e && Chars.asciiDigit(sc[j]) != nil { j += 1 }
            return j - k == 4 && j < e && sc[j] == .scalar("年")
        }
        return Scalars.isHan(sc[k]) && sc[k] != MarkerScanner.shi
    }

    /// Whether the text just before `i` (after skipping blanks and closing marks) ends a sentence, or the
    /// text of a heading run into the line (`Punctuation.isHeadingTextEnd`: ： too).
    func endsSentence(before i: Int, from s: Int) -> Bool {
        var k = i - 1
        while k >= s && Chars.isBlank(sc[k]) { k -= 1 }
        while k >= s && Chars.isClosingMark(sc[k]) { k -= 1 }
        guard k >= s else { return false }
        return Punctuation.isHeadingTextEnd(sc[k])
    }

    /// Cuts around a closing run into a flattened line: before and after 特此报告。, and before a date
    /// that ends the line (with the signature before it on its own).
    func closingCuts(_ s: Int, _ e: Int) -> [Int] {
        var cuts: [Int] = []
        let teCi = u("特此报告")
        var i = s
        while let p = find(teCi, from: i, to: e) {
            if p > s { cuts.append(p) }
            var k = p + teCi.count
            while k < e && (Chars.isTerminal(sc[k]) || sc[k] == .exclamationMark || sc[k] == .asciiExclamationMark) { k += 1 }
            if k < e { cuts.append(k) }
            i = p + teCi.count
        }
        // A date at the very end, preceded by blanks: "……人民政府　2025年2月20日".
        var te = e
        while te > s && Chars.isBlank(sc[te - 1]) { te -= 1 }
        if te - s > 8, sc[te - 1] == .scalar("日") {
            var k = te - 1
            while k > s && te - k < 16 && !Chars.isBlank(sc[k - 1]) { k -= 1 }
            if k > s && Chars.isBlank(sc[k - 1]) {
                cuts.append(k)
                // The signature before the date, after the last sentence end.
                var j = k - 1
                while j > s && Chars.isBlank(sc[j]) { j -= 1 }
                var sigStart = j
                while sigStart > s && !Chars.isBlank(sc[sigStart - 1]) && !Chars.isTerminal(sc[sigStart - 1]) && j - sigStart < 30 { sigStart -= 1 }
                if sigStart > s && sigStart < j { cuts.append(sigStart) }
            }
        }
        return cuts
    }

    func isBlankLine(_ l: Int) -> Bool {
        let (s, e) = trimmed(l)
        return s >= e
    }
}
