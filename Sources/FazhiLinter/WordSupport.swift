import FazhiKnowledge
import FazhiText

/// A 《…》 span: `outer` includes the marks, `inner` is the title between them.
public struct BookTitleSpan: Sendable, Equatable {
    public var outer: TextRange
    public var inner: TextRange
}

/// Shared helpers of the knowledge-based word rules (confusable, term-form, unknown-law, anachronism).
enum WordSupport {
    // 《 U+300A = E3 80 8A, 》 U+300B = E3 80 8B.

    /// Every 《…》 span whose closing 》 is on the same line, found by a byte scan. Nested 《》 (and 〈〉,
    /// which are ordinary bytes here) are allowed: each matched pair gives a span, inner ones first.
    static func bookTitles(in text: SourceText) -> [BookTitleSpan] {
        var out: [BookTitleSpan] = []
        text.bytes.withUnsafeBufferPointer { p in
            guard let b = p.baseAddress else { return }
            let n = p.count
            var stack: [Int] = []
            var i = 0
            while i < n {
                let c = b[i]
                if c == 0x0A {
                    stack.removeAll(keepingCapacity: true)
                } else if c == 0xE3 && i + 2 < n && b[i + 1] == 0x80 {
                    if b[i + 2] == 0x8A {
                        stack.append(i)
                        i += 3
                        continue
                    } else if b[i + 2] == 0x8B, let open = stack.popLast() {
                        out.append(BookTitleSpan(outer: TextRange(open, i + 3), inner: TextRange(open + 3, i)))
                        i += 3
                        continue
                    }
                }
                i += 1
            }
        }
        return out
    }

    /// The same spans as `bookTitles(in:)`, read from the index of marks (《, 》 and line feeds are all in it).
    static func bookTitles(marks: MarkIndex) -> [BookTitleSpan] {
        var out: [BookTitleSpan] = []
        var stack: [Int] = []
        let offs = marks.offsets, vals = marks.values
        for k in 0..<offs.count {
            switch vals[k] {
            case 0x0A: stack.removeAll(keepingCapacity: true)
            case 0x300A: stack.append(offs[k])
            case 0x300B:
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

    static let historyBefore: Set<UInt32> = [0x539F /* 原 */, 0x65E7 /* 旧 */]
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
                if v != 0x300A && v != 0x201C && v != 0x22 { break }
                i -= len
            }
            // The rest of the clause, up to 60 bytes.
            var e = range.end
            let limit = min(p.count, range.end + 60)
            while e < limit {
                let (v, len) = Scalars.decode(p, e)
                if v == 0x3002 || v == 0xFF1B || v == 0x0A || v == 0xFF0C || v == 0x3001 { break }  // 。；\n ，、
                if e + len > limit { break }
                e += len
            }
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
