import FazhiKnowledge
import FazhiText

// The body: GB/T 9704 headings (一、（一）1.（1） and the variants drafters type) linked into a tree with a
// stack, and labelled pseudo-headings ("存在的问题：") standing in for a part heading.

extension Builder {
    mutating func parseBody(from start: Int, to end: Int) {
        guard start < end else { return }
        var stack: [(eff: Int, idx: Int)] = [] // eff = 2 × level; pseudo headings sit at parent's + 1
        for l in start..<end where kinds[l] != .blank && kinds[l] != .chrome {
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
                                               lineRange: t.byteRange(t.lineStart[l], t.lineEnd[l]), line: t.physical(l), isPseudo: true,
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
        while te < e && !Punctuation.isSentenceOrItemEnd(t.sc[te]) { te += 1 }
        var textEnd = te
        if te < e {
            var rs = te + 1
            while rs < e && (Chars.isClosingMark(t.sc[rs]) || Chars.isBlank(t.sc[rs])) { rs += 1 }
            if rs < e { runOn = t.byteRange(rs, e) }
        }
        while textEnd > ts && Chars.isBlank(t.sc[textEnd - 1]) { textEnd -= 1 }
        let text = t.string(ts, textEnd)
        let idx = report.headings.count
        // What the heading's own words name; `recognizeParts` decides what the heading stands for.
        // A sub-heading is only asked about the parts that can be merged into another (the measures' own
        // sub-headings name "举措""成效" in passing).
        let parts = partsNamed(ts, textEnd, mergeableOnly: parent != nil)
        report.headings.append(Heading(level: m.level, marker: t.string(m.start, m.end), markerRange: t.byteRange(m.start, m.end),
                                       number: m.number, markerIssues: issues, textRange: t.byteRange(ts, textEnd), text: text,
                                       runOnRange: runOn, lineRange: t.byteRange(t.lineStart[l], t.lineEnd[l]), line: t.physical(l),
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
        if last == .colon || last == .asciiColon { end = e - 1 } else if Chars.isTerminal(last) || last == .comma { return nil }
        for i in s..<end {
            let c = t.sc[i]
            if c == .fullStop || c == .comma || c == .semicolon || c == .colon { return nil }
        }
        let parts = partsNamed(s, end)
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

}
