import FazhiText

/// A structural-numbering marker found at the start of a line.
struct MarkerMatch {
    var level: Int
    var number: Int
    /// Scalar bounds of the marker as written (numeral, brackets and delimiter).
    var start: Int
    var end: Int
    var issues: [MarkerIssue]
}

enum MarkerScanner {
    static let fullOpen: UInt32 = .leftParenthesis, fullClose: UInt32 = .rightParenthesis
    static let halfOpen: UInt32 = .asciiLeftParenthesis, halfClose: UInt32 = .asciiRightParenthesis
    static let dunhao: UInt32 = .enumerationComma // 、
    static let shi: UInt32 = .scalar("是")

    /// Recognises a GB/T 9704 numbering marker (and the variants drafters type) at scalar `s`.
    /// `e` is the end of the line content. Returns nil for enumerations (一是), years (2023年),
    /// decimals (3.5) and other look-alikes.
    static func scan(_ t: ScalarText, _ s: Int, _ e: Int) -> MarkerMatch? {
        guard s < e else { return nil }
        let c = t.sc[s]
        // Level 2 / 4: bracketed numerals.
        if c == fullOpen || c == halfOpen {
            var i = s + 1
            while i < e && Chars.isBlank(t.sc[i]) { i += 1 }
            let numStart = i
            var isChinese = false
            if i < e, Chars.isChineseNumeral(t.sc[i]) {
                isChinese = true
                while i < e && Chars.isChineseNumeral(t.sc[i]) { i += 1 }
            } else {
                while i < e && Chars.asciiDigit(t.sc[i]) != nil { i += 1 }
            }
            let numEnd = i
            guard numEnd > numStart, numEnd - numStart <= 4 else { return nil }
            while i < e && Chars.isBlank(t.sc[i]) { i += 1 }
            guard i < e, t.sc[i] == fullClose || t.sc[i] == halfClose else { return nil }
            let close = t.sc[i]
            i += 1
            guard let n = isChinese ? Chars.chineseNumberValue(t.sc[numStart..<numEnd]) : asciiValue(t, numStart, numEnd) else { return nil }
            var issues: [MarkerIssue] = []
            if c == halfOpen || close == halfClose { issues.append(.halfwidthBrackets) }
            if numStart != s + 1 || t.sc[numEnd] != close { /* spaces inside brackets */ issues.append(.halfwidthBrackets) }
            // A delimiter after a bracketed ordinal is superfluous: （一）、
            if i < e, let d = delimiter(t.sc[i]) {
                issues.append(.extraDelimiter(d))
                i += 1
            }
            guard i < e || true else { return nil }
            return MarkerMatch(level: isChinese ? 2 : 4, number: n, start: s, end: i, issues: dedupe(issues))
        }
        // Level 1: Chinese numeral + 、
        if Chars.isChineseNumeral(c) {
            var i = s
            while i < e && Chars.isChineseNumeral(t.sc[i]) && i - s < 4 { i += 1 }
            guard i < e, let n = Chars.chineseNumberValue(t.sc[s..<i]) else { return nil }
            let d = t.sc[i]
            if d == dunhao {
                return MarkerMatch(level: 1, number: n, start: s, end: i + 1, issues: [])
            }
            // Variants: 一. 一． 一， 一, 一) 一：
            if d == .asciiPeriod || d == .fullwidthFullStop || d == .comma || d == .asciiComma || d == .colon || d == .asciiColon {
                // "一，" often starts ordinary prose ("一，是…" is rare); require text after and a short-ish line.
                if d == .comma || d == .asciiComma {
                    guard e - i < 60 else { return nil }
                }
                guard i + 1 < e, !Chars.isBlank(t.sc[i + 1]) || i + 2 < e else { return nil }
                let found = String(Character(Unicode.Scalar(d)!))
                return MarkerMatch(level: 1, number: n, start: s, end: i + 1, issues: [.wrongDelimiter(found: found, expected: "、")])
            }
            if d == halfClose || d == fullClose {
                return MarkerMatch(level: 1, number: n, start: s, end: i + 1, issues: [.wrongDelimiter(found: String(Character(Unicode.Scalar(d)!)), expected: "、")])
            }
            // 一 + space + text: a marker typed with a space instead of 、 (short heading lines only).
            if Chars.isBlank(d) && i + 1 < e && e - s < 50 && !(t.sc[i + 1] == shi) {
                var j = i
                while j < e && Chars.isBlank(t.sc[j]) { j += 1 }
                if j < e && Scalars.isHan(t.sc[j]) && !Chars.isChineseNumeral(t.sc[j]) {
                    return MarkerMatch(level: 1, number: n, start: s, end: i, issues: [.wrongDelimiter(found: " ", expected: "、")])
                }
            }
            return nil
        }
        // Level 3: Arabic numeral + .
        if Chars.asciiDigit(c) != nil {
            var i = s
            while i < e && Chars.asciiDigit(t.sc[i]) != nil { i += 1 }
            guard i - s <= 3, i < e, let n = asciiValue(t, s, i) else { return nil }
            let d = t.sc[i]
            let next: UInt32? = i + 1 < e ? t.sc[i + 1] : nil
            if d == .asciiPeriod || d == .fullwidthFullStop { // . ．
                // 3.5 / 2023.12 are numbers, not markers; 1. at the end of a line is not a heading.
                if let nx = next, Chars.asciiDigit(nx) != nil { return nil }
                guard next != nil else { return nil }
                var issues: [MarkerIssue] = []
                if let nx = next, nx == dunhao { issues.append(.extraDelimiter("、")); return MarkerMatch(level: 3, number: n, start: s, end: i + 2, issues: issues) }
                return MarkerMatch(level: 3, number: n, start: s, end: i + 1, issues: issues)
            }
            if d == dunhao || d == .comma || d == .asciiComma {
                guard let nx = next, Chars.asciiDigit(nx) == nil else { return nil }
                if d != dunhao && e - i > 60 { return nil }
                let found = String(Character(Unicode.Scalar(d)!))
                return MarkerMatch(level: 3, number: n, start: s, end: i + 1, issues: [.wrongDelimiter(found: found, expected: ".")])
            }
            if d == halfClose || d == fullClose {
                let found = String(Character(Unicode.Scalar(d)!))
                return MarkerMatch(level: 3, number: n, start: s, end: i + 1, issues: [.wrongDelimiter(found: found, expected: ".")])
            }
            return nil
        }
        // ⑴…⒇: single-scalar parenthesised digits, a level-4 look-alike.
        if c >= .scalar("⑴") && c <= .scalar("⒇") {
            let n = Int(c - .scalar("⑴")) + 1
            return MarkerMatch(level: 4, number: n, start: s, end: s + 1, issues: [.wrongDelimiter(found: String(Character(Unicode.Scalar(c)!)), expected: "（\(n)）")])
        }
        return nil
    }

    static func asciiValue(_ t: ScalarText, _ s: Int, _ e: Int) -> Int? {
        var n = 0
        for i in s..<e {
            guard let d = Chars.asciiDigit(t.sc[i]) else { return nil }
            n = n * 10 + d
        }
        return n > 0 ? n : nil
    }

    static func delimiter(_ v: UInt32) -> String? {
        switch v {
        case dunhao: return "、"
        case .asciiPeriod: return "."
        case .fullwidthFullStop: return "．"
        case .comma: return "，"
        case .asciiComma: return ","
        default: return nil
        }
    }

    static func dedupe(_ a: [MarkerIssue]) -> [MarkerIssue] {
        var out: [MarkerIssue] = []
        for x in a where !out.contains(x) { out.append(x) }
        return out
    }

    /// Recognises an inline enumeration marker "一是" / "二是" at `i`; returns (ordinal, end).
    static func enumeration(_ t: ScalarText, _ i: Int, _ e: Int) -> (Int, Int)? {
        var j = i
        while j < e && Chars.isChineseNumeral(t.sc[j]) && j - i < 3 { j += 1 }
        guard j > i, j < e, t.sc[j] == shi, let n = Chars.chineseNumberValue(t.sc[i..<j]) else { return nil }
        return (n, j + 1)
    }
}
