import FazhiParser
import FazhiText

/// `halfwidth-punctuation`: ASCII , ; : ? ! ( ) . " next to Chinese text must be full-width.
struct HalfwidthPunctuationRule: Rule {
    let metadata = RuleMetadata(
        id: "halfwidth-punctuation",
        category: .punctuation,
        defaultSeverity: .warning,
        title: "中文中使用了半角标点",
        rationale: "中文行文应使用全角标点（，；：？！（）。“”），半角标点常见于从表格、英文输入法或网页复制的文字。小数点（3.5）、时刻（8:30）、日期（3.15）、网址和邮箱、纯英文文字以及数字序号后的下脚点不受此限。",
        source: "GB/T 15834-2011《标点符号用法》；GB/T 9704-2012 第9章",
        examples: [
            RuleExample("形成主要领导亲自抓,分管领导具体抓的工作模式。\n", triggers: true),
            RuleExample("修订《议事规则》(2023年版)并印发执行。\n", triggers: true),
            RuleExample("会议于8:30召开，增长3.5%，详见www.gov.cn，联系邮箱fz@gov.cn。\n", triggers: false),
            RuleExample("一、主要举措\n1.加强领导\n成立领导小组，使用Hello, World!演示。\n", triggers: false),
        ],
        fixable: true)

    private static func fullWidth(_ v: UInt32) -> String? {
        switch v {
        case .asciiComma: return "，"
        case .asciiSemicolon: return "；"
        case .asciiColon: return "："
        case .asciiQuestionMark: return "？"
        case .asciiExclamationMark: return "！"
        case .asciiLeftParenthesis: return "（"
        case .asciiRightParenthesis: return "）"
        case .asciiPeriod: return "。"
        default: return nil
        }
    }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let bytes = ctx.source.bytes
        var pairedClose = Set<Int>()
        var doneQuoteLines = Set<Int>()
        // The ASCII marks come from the per-lint index of non-Han, non-alphanumeric scalars.
        let marks = ctx.cache.marks
        for k in 0..<marks.count {
            let v = marks.values[k]
            guard Scalars.isASCII(v) else { continue }  // most marks are full-width: leave them at once
            let i = marks.offsets[k]
            switch v {
            case .asciiComma, .asciiSemicolon, .asciiColon, .asciiQuestionMark, .asciiExclamationMark, .asciiLeftParenthesis,
                 .asciiRightParenthesis, .asciiPeriod, .asciiQuote:
                break
            default: continue
            }
            guard let li = FormatScan.inProse(ctx, i) else { continue }
            if v == .asciiQuote {
                let l = ctx.source.line(of: i)
                if doneQuoteLines.insert(l).inserted { straightQuotes(ctx, li.range, &sink) }
                continue
            }
            if v == .asciiRightParenthesis && pairedClose.contains(i) { continue }
            let line = li.range
            let (p, pStart) = neighborBefore(ctx, i, line)
            let (q, qEnd) = neighborAfter(ctx, i + 1, line)
            let prevDirect = ctx.scalar(before: i).0, nextDirect = i + 1 < line.end ? ctx.scalar(at: i + 1) : 0
            var chineseSide = FormatScan.isChinese(p) || FormatScan.isChinese(q)
            if v != .asciiLeftParenthesis && inEnglishPhrase(ctx, i, line) { continue }
            switch v {
            case .asciiComma: // , — thousands separator 1,000
                if FormatScan.digit(prevDirect) != nil && FormatScan.digit(nextDirect) != nil { continue }
            case .asciiColon: // : — times 8:30, URLs http://
                if FormatScan.digit(prevDirect) != nil && FormatScan.digit(nextDirect) != nil { continue }
                if nextDirect == .asciiSlash { continue }
            case .asciiPeriod: // . — only a clear sentence end after Han: 工作.下一步 / 工作.⏎
                if prevDirect == .asciiPeriod || nextDirect == .asciiPeriod { continue }
                guard Scalars.isHan(prevDirect)
                    && (i + 1 == line.end || Scalars.isHan(nextDirect) || nextDirect == .rightDoubleQuote || nextDirect == .rightParenthesis)
                else { continue }
                chineseSide = true
            case .asciiLeftParenthesis: // ( — pair with its ) on the line; Chinese inside counts too
                let close = matchingClose(bytes, i, line.end)
                if let c = close {
                    if !chineseSide {
                        chineseSide = containsHan(ctx, TextRange(i + 1, c))
                            || FormatScan.isChinese(neighborAfter(ctx, c + 1, line).0)
                    }
                    if chineseSide {
                        pairedClose.insert(c)
                        let (_, ce) = neighborAfter(ctx, c + 1, line)
                        let closeEnd = FormatScan.isChinese(neighborAfter(ctx, c + 1, line).0) ? ce : c + 1
                        let start = FormatScan.isChinese(p) ? pStart : i
                        let end = FormatScan.isChinese(q) ? qEnd : i + 1
                        let edits = [TextEdit(range: TextRange(start, end), newText: "（"), TextEdit(range: TextRange(c, closeEnd), newText: "）")]
                        sink.report(TextRange(i, i + 1), "中文中的括号应使用全角“（）”，不用半角“()”",
                                    fixes: [Fix(title: "改为全角括号", edits: edits)])
                        continue
                    }
                }
            case .asciiRightParenthesis:
                // 1) a) used as an item label: leave to the numbering rules.
                if FormatScan.digit(prevDirect) != nil || FormatScan.isASCIILetter(prevDirect) { if !FormatScan.isChinese(q) { continue } }
            default:
                break
            }
            guard chineseSide, let fw = Self.fullWidth(v) else { continue }
            let start = FormatScan.isChinese(p) ? pStart : i
            let end = FormatScan.isChinese(q) ? qEnd : i + 1
            let ch = String(UnicodeScalar(UInt8(v)))
            sink.report(TextRange(i, i + 1), "中文中应使用全角“\(fw)”，不用半角“\(ch)”",
                        fixes: [Fix(title: "改为“\(fw)”", edits: [TextEdit(range: TextRange(start, end), newText: fw)])])
        }
    }

    /// The scalar before `i` skipping ASCII spaces, and where the skipped spaces start.
    private func neighborBefore(_ ctx: LintContext, _ i: Int, _ line: TextRange) -> (UInt32, Int) {
        var j = i
        while j > line.start {
            let (v, len) = ctx.scalar(before: j)
            if v == .space { j -= len; continue }
            return (v, j)
        }
        return (0, j)
    }

    /// The scalar at or after `i` skipping ASCII spaces, and where the skipped spaces end.
    private func neighborAfter(_ ctx: LintContext, _ i: Int, _ line: TextRange) -> (UInt32, Int) {
        var j = i
        while j < line.end {
            let v = ctx.scalar(at: j)
            if v == .space { j += 1; continue }
            return (v, j)
        }
        return (0, j)
    }

    /// Whether the mark ends an English phrase ("Hello, World!"): the ASCII text before it holds a word gap.
    private func inEnglishPhrase(_ ctx: LintContext, _ i: Int, _ line: TextRange) -> Bool {
        let bytes = ctx.source.bytes
        var j = i - 1
        var sawLetter = false, sawGap = false
        while j >= line.start && UTF8.isASCII(bytes[j]) {
            let c = UInt32(bytes[j])
            if FormatScan.isASCIILetter(c) {
                if sawGap { return true }
                sawLetter = true
            }
            if c == .space && sawLetter { sawGap = true }
            j -= 1
        }
        return false
    }

    private func matchingClose(_ bytes: [UInt8], _ open: Int, _ end: Int) -> Int? {
        var depth = 0
        var j = open
        while j < end {
            if bytes[j] == UInt8(ascii: "(") { depth += 1 } else if bytes[j] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { return j } }
            j += 1
        }
        return nil
    }

    private func containsHan(_ ctx: LintContext, _ r: TextRange) -> Bool {
        var found = false
        ctx.forEachScalar(in: r) { v, _, _ in if !found && Scalars.isHan(v) { found = true } }
        return found
    }

    /// Straight double quotes " in a Chinese line: pair them as “ ” when their number is even.
    private func straightQuotes(_ ctx: LintContext, _ line: TextRange, _ sink: inout DiagnosticSink) {
        var positions: [Int] = []
        var chinese = false
        for j in line.start..<line.end where ctx.source.bytes[j] == UInt8(ascii: "\"") {
            positions.append(j)
            if FormatScan.isChinese(ctx.scalar(before: j).0) || FormatScan.isChinese(ctx.scalar(at: j + 1)) { chinese = true }
        }
        guard chinese else { return }
        let even = positions.count % 2 == 0
        for (k, j) in positions.enumerated() {
            let fw = k % 2 == 0 ? "“" : "”"
            let fixes = even ? [Fix(title: "改为“\(fw)”", edits: [TextEdit(range: TextRange(j, j + 1), newText: fw)])] : []
            sink.report(TextRange(j, j + 1), even ? "中文中应使用弯引号“\(fw)”，不用直引号\"" : "中文中应使用弯引号“”，不用直引号\"", fixes: fixes)
        }
    }
}
