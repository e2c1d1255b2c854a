import FazhiKnowledge
import FazhiText

// Paragraphs (lines joined where a break was stray) and inline enumerations (一是……二是……).

extension Builder {
    /// Logical paragraphs: runs of lines joined where a line break was stray. A break is stray when the
    /// earlier line does not end a sentence and the next is not indented and does not start an item; a
    /// single blank line between the halves is crossed too when the earlier line is long and ends mid-
    /// sentence (text copied from a PDF; Word's double-spaced "save as text").
    mutating func findParagraphs(from start: Int, to end: Int) {
        var l = start
        var currentHeading: Int?
        while l < end {
            if kinds[l] == .heading {
                currentHeading = lineHeading[l]
                l = continueRunOn(of: l, to: end) + 1
                continue
            }
            guard kinds[l] == .paragraph else { l += 1; continue }
            let first = l
            var breaks: [Int] = []
            let last = joinContinuations(from: l, to: end) { b, _ in breaks.append(b) }
            let startByte = t.off(t.lineStart[first])
            let beforeHeadings = report.headings.first.map { $0.lineRange.start > startByte } ?? true
            let isOpening = report.header.opening == nil && report.paragraphs.isEmpty && beforeHeadings
            report.paragraphs.append(Paragraph(range: t.byteRange(t.lineStart[first], t.lineEnd[last]), firstLine: t.physical(first),
                                               lastLine: t.physical(last), breaks: breaks, heading: currentHeading, isOpening: isOpening))
            if isOpening { report.header.opening = report.paragraphs.count - 1 }
            l = last + 1
        }
    }

    /// A heading's run-on text cut by a stray line break ("（一）强化组织领导。镇党委每季度专题研究法治政府建" /
    /// "设，……"): the lines that continue it become part of it. Returns the last line of the heading.
    mutating func continueRunOn(of l: Int, to end: Int) -> Int {
        guard let h = lineHeading[l], report.headings[h].runOnRange != nil else { return l }
        var breaks: [Int] = []
        var lines: [Int] = []
        let last = joinContinuations(from: l, to: end) { b, k in
            breaks.append(b)
            lines.append(k)
        }
        for k in lines { lineHeading[k] = h }
        report.headings[h].runOnBreaks += breaks
        if last > l, let r = report.headings[h].runOnRange {
            report.headings[h].runOnRange = TextRange(r.start, t.off(t.lineEnd[last]))
        }
        return last
    }

    /// Marks the lines that continue line `first` after stray breaks (at most one blank line between the
    /// halves) as continuations; `joined(b, k)` gets the offset of each break and the line it joined. Returns
    /// the last line joined (or `first`).
    mutating func joinContinuations(from first: Int, to end: Int, _ joined: (Int, Int) -> Void) -> Int {
        var last = first
        while true {
            var k = last + 1
            var blanks = 0
            while k < end, kinds[k] == .blank, blanks < 1 { k += 1; blanks += 1 }
            guard k < end, kinds[k] == .paragraph, continues(prev: last, next: k) else { break }
            if blanks > 0 && !continuesAcrossBlank(prev: last) { break }
            joined(t.off(t.trimmed(last).1), k)
            kinds[k] = .continuation
            last = k
        }
        return last
    }

    /// Whether line `next` continues the paragraph of line `prev` after a stray line break.
    func continues(prev: Int, next: Int) -> Bool {
        let (ps, pe) = t.trimmed(prev)
        guard pe > ps else { return false }
        // Two logical lines cut from one physical line were cut at a paragraph boundary.
        if t.physical(prev) == t.physical(next) { return false }
        // A new paragraph starts with indentation.
        if t.lineStart[next] < t.lineEnd[next], Chars.isBlank(t.sc[t.lineStart[next]]) { return false }
        var last = t.sc[pe - 1]
        if Chars.isClosingMark(last), pe - 2 >= ps { last = t.sc[pe - 2] }
        if Chars.isTerminal(last) { return false }
        let (ns, ne) = t.trimmed(next)
        if ns < ne, MarkerScanner.enumeration(t, ns, ne) != nil { return false }
        return true
    }

    /// A blank line between two halves of a sentence: the earlier line is long and stops in the middle
    /// of a sentence (on a character, a digit, a comma or 、), not on a closing mark or a colon.
    func continuesAcrossBlank(prev: Int) -> Bool {
        let (ps, pe) = t.trimmed(prev)
        guard pe - ps >= 16 else { return false }
        let last = t.sc[pe - 1]
        return Scalars.isHan(last) || Chars.asciiDigit(last) != nil || last == .comma || last == .enumerationComma || last == .asciiComma
    }

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
                if !items.isEmpty { items.removeAll(keepingCapacity: true) } // (most paragraphs have none)
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

    /// The UTF-8 bytes of 是, searched for by its last byte.
    static let shiUTF8: (UInt8, UInt8, UInt8) = {
        let b = Array("是".utf8)
        return (b[0], b[1], b[2])
    }()

    /// Inline enumeration markers (一是, 二是, 十一是) in the bytes `s..<e`: 1–3 Chinese numerals right
    /// after the start or a boundary (sentence punctuation, comma, line break, space, “) and followed by 是.
    /// Found from each 是 backwards; same result as scanning forward scalar by scalar.
    static func enumerationMarkers(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int,
                                   _ items: inout [(ord: Int, ms: Int, me: Int, len: Int, first: UInt32)]) {
        let shiBytes = Self.shiUTF8
        var x = s + 2
        while true {
            x = ByteSearch.first(shiBytes.2, in: p, from: x, to: e)
            if x >= e { return }
            defer { x += 1 }
            guard p[x - 1] == shiBytes.1, p[x - 2] == shiBytes.0 else { continue }
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
                let atBoundary = Chars.isTerminal(prev) || prev == .comma || prev == .lineFeed || prev == .carriageReturn || Chars.isBlank(prev) || prev == .leftDoubleQuote
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
        case .ideographicZero: return "〇是"
        case .scalar("零"): return "零是"
        case .scalar("一"): return "一是"
        case .scalar("二"): return "二是"
        case .scalar("两"): return "两是"
        case .scalar("三"): return "三是"
        case .scalar("四"): return "四是"
        case .scalar("五"): return "五是"
        case .scalar("六"): return "六是"
        case .scalar("七"): return "七是"
        case .scalar("八"): return "八是"
        case .scalar("九"): return "九是"
        case .scalar("十"): return "十是"
        case .scalar("百"): return "百是"
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

}
