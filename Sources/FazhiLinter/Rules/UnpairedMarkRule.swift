import FazhiParser
import FazhiText

/// `unpaired-mark`: paired marks (“” ‘’ 《》 （） 【】 〔〕 〈〉) must balance within a paragraph.
struct UnpairedMarkRule: Rule {
    let metadata = RuleMetadata(
        id: "unpaired-mark",
        category: .punctuation,
        defaultSeverity: .error,
        title: "成对标点不配对",
        rationale: "引号、书名号、括号、方头括号、六角括号等标号必须成对使用，前后配对。缺少一半，或把后引号当前引号用（”枫桥经验”），都是明显的排版错误。",
        source: "GB/T 15834-2011《标点符号用法》4.1（引号）、4.8（括号）、4.15（书名号）",
        examples: [
            RuleExample("坚持和发展新时代”枫桥经验”，化解矛盾纠纷。\n", triggers: true, note: "后引号用作前引号"),
            RuleExample("深入学习《中华人民共和国行政复议法，提升依法行政能力。\n", triggers: true, note: "书名号缺后半"),
            RuleExample("深入学习《中华人民共和国行政复议法》（2023年修订），坚持“枫桥经验”。\n", triggers: false),
        ],
        fixable: true)

    private static let opens: [UInt32: UInt32] = [
        .leftDoubleQuote: .rightDoubleQuote, .leftSingleQuote: .rightSingleQuote, .leftBookTitleMark: .rightBookTitleMark,
        .leftParenthesis: .rightParenthesis, .leftLenticularBracket: .rightLenticularBracket,
        .leftTortoiseShellBracket: .rightTortoiseShellBracket, .leftSingleBookTitleMark: .rightSingleBookTitleMark,
        .asciiLeftParenthesis: .asciiRightParenthesis,
    ]
    private static let closes: [UInt32: UInt32] = Dictionary(uniqueKeysWithValues: opens.map { ($0.value, $0.key) })

    /// Parentheses pair across widths: a half-width ) may close a （ (halfwidth-punctuation reports the width).
    @inline(__always) private static func kind(_ v: UInt32) -> UInt32 {
        v == .asciiLeftParenthesis ? .leftParenthesis : (v == .asciiRightParenthesis ? .rightParenthesis : v)
    }

    private static func name(_ open: UInt32) -> String {
        switch open {
        case .leftDoubleQuote: return "双引号"
        case .leftSingleQuote: return "单引号"
        case .leftBookTitleMark, .leftSingleBookTitleMark: return "书名号"
        case .leftParenthesis, .asciiLeftParenthesis: return "括号"
        case .leftLenticularBracket: return "方头括号"
        case .leftTortoiseShellBracket: return "六角括号"
        default: return "标号"
        }
    }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        var spans: [TextRange] = ctx.report.paragraphs.map(\.range)
        for li in ctx.report.lines where li.kind != .blank && li.kind != .paragraph && li.kind != .continuation && !li.range.isEmpty {
            if li.kind == .heading, let h = li.heading {
                spans.append(TextRange(max(li.range.start, ctx.report.headings[h].markerRange.end), li.range.end))
            } else {
                spans.append(li.range)
            }
        }
        for span in spans { checkSpan(ctx, span, &sink) }
    }

    private func checkSpan(_ ctx: LintContext, _ span: TextRange, _ sink: inout DiagnosticSink) {
        var stack: [(v: UInt32, off: Int, len: Int, misused: Bool)] = []
        var found: [(TextRange, String, Fix?)] = []
        func visit(_ v: UInt32, _ off: Int, _ len: Int) {
            if Self.opens[v] != nil {
                // “X“: a second opening double/single quote while one is open closes it.
                if (v == .leftDoubleQuote || v == .leftSingleQuote), let top = stack.last, top.v == v {
                    stack.removeLast()
                    let want = Self.opens[v]!
                    found.append((TextRange(off, off + len), "这里应为后引号“\(String(UnicodeScalar(want)!))”",
                                  Fix(title: "改为后引号", edits: [TextEdit(range: TextRange(off, off + len), newText: String(UnicodeScalar(want)!))])))
                    return
                }
                stack.append((v, off, len, false))
                return
            }
            guard let open = Self.closes[v] else { return }
            let k = Self.kind(open)
            if let idx = stack.lastIndex(where: { Self.kind($0.v) == k }) {
                // Openings above the match are unclosed.
                for u in stack[(idx + 1)...] {
                    found.append((TextRange(u.off, u.off + u.len), "\(Self.name(u.v))“\(String(UnicodeScalar(u.v)!))”缺少对应的后半", nil))
                }
                stack.removeSubrange(idx...)
                return
            }
            // 1) a) ① item labels use a lone closing parenthesis.
            let prev = ctx.scalar(before: off).0
            if k == .leftParenthesis, FormatScan.digit(prev) != nil || FormatScan.isASCIILetter(prev) || FormatScan.isChineseNumeral(prev) { return }
            if v == .rightDoubleQuote || v == .rightSingleQuote {
                // ”X”: the closing quote stands where an opening one belongs.
                let open = String(UnicodeScalar(Self.closes[v]!)!)
                stack.append((Self.closes[v]!, off, len, true)) // treat it as an opening so the next ” closes it
                found.append((TextRange(off, off + len), "后引号用在了前面，应为前引号“\(open)”",
                              Fix(title: "改为前引号", edits: [TextEdit(range: TextRange(off, off + len), newText: open)])))
                return
            }
            found.append((TextRange(off, off + len), "\(Self.name(open))“\(String(UnicodeScalar(v)!))”缺少对应的前半", nil))
        }
        // The marks come from the per-lint index of non-Han, non-alphanumeric scalars.
        let marks = ctx.cache.marks
        let offs = marks.offsets, vals = marks.values
        var k = marks.first(atOrAfter: span.start)
        while k < offs.count && offs[k] < span.end {
            let v = vals[k]
            switch v {
            case .asciiLeftParenthesis, .asciiRightParenthesis: visit(v, offs[k], 1)
            case .leftDoubleQuote, .rightDoubleQuote, .leftSingleQuote, .rightSingleQuote, .leftBookTitleMark, .rightBookTitleMark,
                 .leftParenthesis, .rightParenthesis, .leftLenticularBracket, .rightLenticularBracket, .leftTortoiseShellBracket,
                 .rightTortoiseShellBracket, .leftSingleBookTitleMark, .rightSingleBookTitleMark:
                if offs[k] + 3 <= span.end { visit(v, offs[k], 3) }
            default: break
            }
            k += 1
        }
        for u in stack {
            if u.misused {
                // A closing quote pushed as an opening and never closed: a plain stray mark; drop its fix.
                if let k = found.firstIndex(where: { $0.0.start == u.off }) {
                    found[k] = (found[k].0, "引号“\(String(UnicodeScalar(Self.opens[u.v]!)!))”缺少对应的前半", nil)
                }
                continue
            }
            found.append((TextRange(u.off, u.off + u.len), "\(Self.name(u.v))“\(String(UnicodeScalar(u.v)!))”缺少对应的后半", nil))
        }
        for (r, msg, fix) in found.sorted(by: { $0.0.start < $1.0.start }) {
            sink.report(r, msg, fixes: fix.map { [$0] } ?? [])
        }
    }
}
