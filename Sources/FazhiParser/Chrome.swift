import FazhiKnowledge
import FazhiText

// Web-page chrome: what a drafter or reviewer copies along with a report published on a government web
// site — breadcrumbs (当前位置：首页 > …), page metadata (发布时间、来源、索引号 tables in their many
// layouts), widgets (字号 大 中 小、打印、分享到) and the site's own lines. Chrome belongs to no header
// field and draws no findings (the linter drops findings inside chrome lines).

extension Builder {
    /// Scalars that decorate metadata lines and lists on web pages: bullets, table pipes, brackets, dashes.
    @inline(__always) static func isDecoration(_ c: UInt32) -> Bool {
        switch c {
        case .scalar("•"), .middleDot, .scalar("▪"), .scalar("●"), .scalar("■"), .scalar("◆"), .scalar("‧"), .scalar("|"), .scalar("｜"),
             .asciiHyphen, .scalar("*"), .asciiLeftBracket, .asciiRightBracket, .leftLenticularBracket, .rightLenticularBracket,
             .fullwidthLeftSquareBracket, .fullwidthRightSquareBracket, .emDash, .asciiGreaterThan, .scalar("＞"), .scalar("»"), .scalar("›"):
            return true
        default:
            return Chars.isBlank(c)
        }
    }

    /// List bullets of web pages (•, ·, ▪, ●, ■, ◆, -, *).
    @inline(__always) static func isBullet(_ c: UInt32) -> Bool {
        switch c {
        case .scalar("•"), .middleDot, .scalar("▪"), .scalar("●"), .scalar("■"), .scalar("◆"), .scalar("‧"), .asciiHyphen, .scalar("*"): return true
        default: return false
        }
    }

    /// Whether logical line `l` is web-page chrome. `beforeTitle`: the line stands above the report title,
    /// where short bullet items (• 法制、• 2020-05-07) are the page's metadata values.
    func isChrome(_ l: Int, beforeTitle: Bool) -> Bool {
        let (s0, e) = t.trimmed(l)
        // Chrome is short: a long line is report text whatever it contains.
        guard s0 < e, e - s0 <= 200 else { return false }
        // Page metadata and widgets are not sentences (checked before any folding).
        for i in s0..<e where Punctuation.isSentenceOrItemEnd(t.sc[i]) { return false }
        let v = vocabulary
        var s = s0
        let startsWithBullet = Builder.isBullet(t.sc[s0])
        while s < e && Builder.isDecoration(t.sc[s]) { s += 1 }
        if s >= e { return true } // only bullets, pipes or dashes
        let folded = normalized(s, e)
        // Breadcrumbs: 当前位置：首页 > …, 首页 >> 政务公开 >> …
        for m in v.breadcrumbMarkers where Builder.find(m, in: folded, from: 0) != nil { return true }
        for h in v.breadcrumbHome where Builder.hasPrefix(folded, h) {
            if folded.contains(.asciiGreaterThan) || folded.contains(.scalar("＞")) || folded.contains(.scalar("»")) || folded.contains(.scalar("›")) { return true }
        }
        // Metadata: "发布日期：2021-03-30", "索 引 号: | …", "- [ 发文字号 ] …", or a line that carries such a
        // label after other text ("市教育局……年度报告 发布日期:2024-02-29 信息来源: …").
        if let key = metadataKey(folded, at: 0), key > 0 { return true }
        if hasInlineMetadata(folded) { return true }
        // Widgets: the whole line is made of widget words and separators.
        if isWidgetLine(folded) { return true }
        // Short bullet values above the title: "• 铜梁区永嘉镇", "• 2020-05-07".
        if beforeTitle && startsWithBullet && folded.count <= 40 && !folded.contains(where: { $0 == .fullStop || $0 == .comma }) { return true }
        return false
    }

    /// If a metadata label starts at `i` (spaces inside the label allowed: 索 引 号), the index after the
    /// label and its colon / bracket / pipe; nil otherwise. Returns 0 for "no".
    func metadataKey(_ f: [UInt32], at i: Int) -> Int? {
        // Most lines start with no label's first character: answered before any allocation.
        var first = i
        while first < f.count && Chars.isBlank(f[first]) { first += 1 }
        guard first < f.count, vocabulary.chromeKeyStarts.mayContain(f[first]) else { return nil }
        // Drop spaces for the label comparison ("索 引 号", "文  号").
        var compact: [UInt32] = []
        var map: [Int] = []
        var k = i
        while k < f.count && compact.count < 8 {
            if !Chars.isBlank(f[k]) { compact.append(f[k]); map.append(k) }
            k += 1
        }
        for key in vocabulary.chromeKeys where Builder.hasPrefix(compact, key) {
            var j = map[key.count - 1] + 1
            while j < f.count && Chars.isBlank(f[j]) { j += 1 }
            if j >= f.count { return key.count > 1 ? j : nil }
            let c = f[j]
            switch c {
            case .asciiColon, .colon, .asciiRightBracket, .rightLenticularBracket, .scalar("|"), .fullwidthRightSquareBracket: return j + 1
            default: break
            }
            // "索引号 11152525…" / "成文日期 2021-03-29": a label, spaces, then a value with digits.
            if j > map[key.count - 1] + 1, key.count >= 3, j < f.count, Chars.asciiDigit(f[j]) != nil { return j }
        }
        return nil
    }

    /// A label such as 发布日期 / 信息来源 / 浏览次数 standing after a space inside the line, followed by a colon.
    func hasInlineMetadata(_ f: [UInt32]) -> Bool {
        var i = 1
        while i < f.count {
            if Chars.isBlank(f[i - 1]) && !Chars.isBlank(f[i]) {
                if let end = metadataKey(f, at: i), end > i {
                    // Require a real colon after the label (not a bare "时间 2022"), and a label of 2+ characters.
                    let c = f[end - 1]
                    if c == .asciiColon || c == .colon { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// A line made only of widget words (大 中 小、打印、分享到、相关词条 …), separators and colons.
    func isWidgetLine(_ f: [UInt32]) -> Bool {
        var i = 0
        var words = 0
        outer: while i < f.count {
            let c = f[i]
            if Builder.isDecoration(c) || c == .asciiColon || c == .colon || c == .leftLenticularBracket || c == .rightLenticularBracket
                || c == .enumerationComma || c == .comma || c == .asciiSlash {
                i += 1
                continue
            }
            guard vocabulary.chromeWidgetStarts.mayContain(c) else { return false }
            for w in vocabulary.chromeWidgets where Builder.hasPrefix(f, w, at: i) {
                i += w.count
                words += 1
                continue outer
            }
            return false
        }
        return words > 0
    }

    /// The value of a "标题：……" metadata line, as scalar bounds in the text, or nil.
    func chromeTitleValue(_ l: Int) -> (Int, Int)? {
        let (s0, e) = t.trimmed(l)
        var s = s0
        while s < e && Builder.isDecoration(t.sc[s]) { s += 1 }
        for key in vocabulary.chromeTitleKeys where t.matches(key, at: s, end: e) {
            var i = s + key.count
            while i < e && Chars.isBlank(t.sc[i]) { i += 1 }
            guard i < e, t.sc[i] == .asciiColon || t.sc[i] == .colon else { continue }
            i += 1
            while i < e && Builder.isDecoration(t.sc[i]) { i += 1 }
            var j = e
            while j > i && Builder.isDecoration(t.sc[j - 1]) { j -= 1 }
            return j > i ? (i, j) : nil
        }
        return nil
    }

    static func hasPrefix(_ a: [UInt32], _ p: [UInt32], at i: Int = 0) -> Bool {
        guard i >= 0, i + p.count <= a.count else { return false }
        for k in 0..<p.count where a[i + k] != p[k] { return false }
        return true
    }

    static func find(_ p: [UInt32], in a: [UInt32], from: Int) -> Int? {
        guard !p.isEmpty, a.count >= p.count else { return nil }
        var i = from
        while i + p.count <= a.count {
            if a[i] == p[0] && hasPrefix(a, p, at: i) { return i }
            i += 1
        }
        return nil
    }
}
