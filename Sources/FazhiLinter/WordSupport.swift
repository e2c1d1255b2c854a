import FazhiKnowledge
import FazhiText

/// A 《…》 span: `outer` includes the marks, `inner` is the title between them.
public struct BookTitleSpan: Sendable, Equatable {
    public var outer: TextRange
    public var inner: TextRange
}

/// Shared helpers of the knowledge-based word rules (confusable, term-form, unknown-law, anachronism).
enum WordSupport {
    /// Every 《…》 span whose closing 》 is on the same line, read from the index of marks (《, 》 and line
    /// feeds are all in it). Nested 《》 (and 〈〉, which are ordinary marks here) are allowed: each matched
    /// pair gives a span, inner ones first.
    static func bookTitles(marks: MarkIndex) -> [BookTitleSpan] {
        var out: [BookTitleSpan] = []
        var stack: [Int] = []
        let offs = marks.offsets, vals = marks.values
        for k in 0..<offs.count {
            switch vals[k] {
            case .lineFeed: stack.removeAll(keepingCapacity: true)
            case .leftBookTitleMark: stack.append(offs[k])
            case .rightBookTitleMark:
                if let open = stack.popLast() {
                    let i = offs[k]
                    out.append(BookTitleSpan(outer: TextRange(open, i + 3), inner: TextRange(open + 3, i)))
                }
            default: break
            }
        }
        return out
    }

    /// The span among `spans` that contains `range` (innermost first), if any.
    static func span(containing range: TextRange, in spans: [BookTitleSpan]) -> BookTitleSpan? {
        var best: BookTitleSpan?
        for s in spans where s.inner.start <= range.start && range.end <= s.inner.end {
            if best == nil || s.inner.end - s.inner.start < best!.inner.end - best!.inner.start { best = s }
        }
        return best
    }

    static let historyBefore: Set<UInt32> = [.scalar("原"), .scalar("旧")]
    static let historyAfter = ["废止", "失效", "取代", "替代", "修订前", "停止执行", "废除", "收官", "验收", "总结"]

    /// Whether the mention at `range` is written as history rather than as a current basis: 原《信访条例》,
    /// 旧…, or a word such as 废止/取代/失效 later in the same clause.
    static func isWrittenAsHistory(_ range: TextRange, in text: SourceText) -> Bool {
        let b = text.bytes
        return b.withUnsafeBufferPointer { p -> Bool in
            var i = range.start
            // Up to two scalars before (skipping an opening quote or 《).
            for _ in 0..<2 where i > 0 {
                let (v, len) = Scalars.decodeBefore(p, i)
                if historyBefore.contains(v) { return true }
                if v != .leftBookTitleMark && v != .leftDoubleQuote && v != .asciiQuote { break }
                i -= len
            }
            // The rest of the clause, up to 60 bytes.
            let e = Clauses.end(in: p, from: range.end, limit: min(p.count, range.end + 60), at: .listItem)
            guard e > range.end else { return false }
            let tail = String(decoding: UnsafeBufferPointer(rebasing: p[range.end..<e]), as: UTF8.self)
            return historyAfter.contains { tail.contains($0) }
        }
    }

    /// The linter severity of a knowledge severity name.
    static func severity(_ name: String) -> Severity? { Severity(rawValue: name) }

    /// Whether the configuration sets this rule's severity explicitly (then per-entry severities yield).
    static func configOverrides(_ ctx: LintContext, _ id: String) -> Bool { ctx.config.severities[id] != nil }

    /// Concatenated scalar count of a string (for comparing the lengths of forms).
    static func scalarCount(_ s: String) -> Int { s.unicodeScalars.count }
}

extension WordSupport {
    /// Whether a word match lies inside a 《…》 title that names a known document (its wording is the
    /// document's own and must be quoted as is) or a known wrong name (`unknown-law` reports it).
    static func isInsideKnownTitle(_ range: TextRange, spans: [BookTitleSpan], text: SourceText, knowledge: Knowledge) -> Bool {
        guard let s = span(containing: range, in: spans) else { return false }
        return isKnownTitle(text.string(s.inner), knowledge: knowledge)
    }

    /// The same through the lint run's cache (shared knowledge only).
    static func isInsideKnownTitle(_ range: TextRange, _ ctx: LintContext) -> Bool {
        let titles = ctx.cache.bookTitles
        guard !titles.isEmpty, let s = titles.span(containing: range) else { return false }
        return ctx.cache.isKnownTitle(ctx.source.string(s.inner))
    }

    /// Whether a title names a catalogue document or a known wrong name (a lookup, no classification).
    static func isKnownTitle(_ name: String, knowledge: Knowledge) -> Bool {
        knowledge.law(named: name) != nil || knowledge.laws.misnomer(named: name) != nil
    }
}
