import FazhiKnowledge
import FazhiText

// The closing block, read from the end: 特此报告, 附件, 署名, 成文日期, 附注 (此件公开发布), 抄送/印发 —
// after skipping the web page's own lines that follow a published report.

private let pTeCi = u("特此报告"), pTuoFou = u("妥否"), pChaoSong = u("抄送"), pYinFa = u("印发"), pFuJian = u("附件")
private let pLingDaoXiaoZu = u("领导小组"), pWenJian = u("文件")

extension Builder {
    /// Finds the closing block (特此报告, 附件, 署名, 成文日期, 附注, 印发) from the end; returns its first line.
    mutating func findClosing() -> Int? {
        var l = t.lineCount - 1
        var start: Int?
        var sawDate = false, sawSignature = false, sawPhrase = false
        var signatures: [TextRange] = []
        // Page chrome after the report (相关词条、打印本页、责任编辑：……) is skipped first.
        while l >= 0, kinds[l] == .blank || isChrome(l, beforeTitle: false) {
            if kinds[l] != .blank { kinds[l] = .chrome }
            l -= 1
        }
        while l >= 0 {
            if kinds[l] == .blank { l -= 1; continue }
            let (s, e) = t.trimmed(l)
            let len = e - s
            if !sawPhrase, t.matches(pChaoSong, at: s, end: e) || (t.contains(pYinFa, s, e) && len <= 40 && dateIn(s, e) != nil) {
                kinds[l] = .distribution
                report.closing.distribution.insert(t.byteRange(s, e), at: 0)
                start = l; l -= 1; continue
            }
            if !sawPhrase, len <= 40, t.sc[s] == .leftParenthesis || t.sc[s] == .asciiLeftParenthesis,
               t.sc[e - 1] == .rightParenthesis || t.sc[e - 1] == .asciiRightParenthesis, !sawDate || !sawSignature {
                kinds[l] = .note
                report.closing.notes.insert(t.byteRange(s, e), at: 0)
                start = l; l -= 1; continue
            }
            if !sawDate && !sawPhrase, len <= 24, let d = dateIn(s, e), d.1 == e, d.0 == s {
                kinds[l] = .date
                report.closing.date = dateValue(s, e, line: t.physical(l))
                sawDate = true
                start = l; l -= 1; continue
            }
            if !sawPhrase, sawDate || sawSignature || l >= t.lineCount - 4, isOrganizationName(s, e), MarkerScanner.scan(t, s, e) == nil {
                kinds[l] = .signature
                signatures.insert(t.byteRange(s, e), at: 0)
                sawSignature = true
                start = l; l -= 1; continue
            }
            if t.matches(pFuJian, at: s, end: e), s + 2 < e, t.sc[s + 2] == .colon || t.sc[s + 2] == .asciiColon || Chars.asciiDigit(t.sc[s + 2]) != nil {
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
            if let st = start { for k in st..<t.lineCount where kinds[k] != .blank && kinds[k] != .chrome { kinds[k] = .paragraph } }
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
        while j < e, yearDigits < 4, Chars.asciiDigit(t.sc[j]) != nil || Chars.chineseDigit(t.sc[j]) != nil || t.sc[j] == .scalar("O") || t.sc[j] == .scalar("Ｏ") {
            j += 1; yearDigits += 1
        }
        guard yearDigits == 4, j < e else { return nil }
        let sep = t.sc[j]
        if sep == .scalar("年") {
            j += 1
            while j < e, Chars.isBlank(t.sc[j]) { j += 1 }
            var m = 0
            while j < e, m < 3, Chars.asciiDigit(t.sc[j]) != nil || Chars.isChineseNumeral(t.sc[j]) { j += 1; m += 1 }
            guard m > 0, j < e, t.sc[j] == .scalar("月") else { return nil }
            j += 1
            while j < e, Chars.isBlank(t.sc[j]) { j += 1 }
            var d = 0
            while j < e, d < 3, Chars.asciiDigit(t.sc[j]) != nil || Chars.isChineseNumeral(t.sc[j]) { j += 1; d += 1 }
            guard d > 0, j < e, t.sc[j] == .scalar("日") else { return nil }
            return j + 1
        }
        if sep == .asciiPeriod || sep == .asciiHyphen || sep == .fullwidthFullStop || sep == .asciiSlash {
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
            } else if cur.count == 4 && cur.allSatisfy({ Chars.chineseDigit($0) != nil || Chars.asciiDigit($0) != nil || $0 == .scalar("O") || $0 == .scalar("Ｏ") }) {
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
            switch c {
            case .scalar("年"), .scalar("月"), .scalar("日"): flush()
            case .asciiPeriod, .asciiHyphen, .fullwidthFullStop, .asciiSlash: numeric = true; flush()
            default: if !Chars.isBlank(c) { cur.append(c) }
            }
        }
        flush()
        func part(_ k: Int) -> Int? { k < parts.count && parts[k] >= 0 ? parts[k] : nil }
        return DateValue(range: t.byteRange(s, e), line: line, year: part(0), month: part(1), day: part(2),
                         chineseNumerals: chinese, zeroPadded: padded, numericForm: numeric)
    }

    /// An organisation name standing alone (发文机关标志, 署名): short, without sentence punctuation or
    /// digits, ending with an organ suffix of the reading vocabulary (人民政府、办事处、局、镇 …) or 领导小组.
    func isOrganizationName(_ s: Int, _ e: Int) -> Bool {
        let len = e - s
        guard len >= 2, len <= 40 else { return false }
        for i in s..<e {
            let c = t.sc[i]
            if c == .fullStop || c == .comma || c == .semicolon || c == .colon || c == .asciiColon || c == .asciiComma || Chars.asciiDigit(c) != nil { return false }
        }
        var f = normalized(s, e)
        // The 发文机关标志 of a document: "××人民政府文件".
        if f.count > 4, Builder.hasPrefix(f, pWenJian, at: f.count - 2) { f.removeLast(2) }
        if Builder.hasPrefix(f, pLingDaoXiaoZu, at: f.count - pLingDaoXiaoZu.count) { return true }
        return endsUnitName(f, at: f.count, from: 0)
    }

}
