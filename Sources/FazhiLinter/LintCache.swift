import Foundation
import FazhiKnowledge
import FazhiText

/// Per-lint memo of what several rules compute from the same report (《》 spans, confusable matches,
/// title lookups). One instance per `LintContext`, so nothing outlives a lint run; every value is
/// computed on first use under a lock (rules of one lint run use it one after another, so the lock is
/// never contended).
public final class LintCache: @unchecked Sendable {
    private let lock = NSLock()
    private let source: SourceText
    private var titles: BookTitleIndex?
    private var confusables: [ConfusableMatch]?
    private var knowledge: [[MultiPatternMatcher.Match]]?
    private var termWrongForms: [TermMatch]?
    private var anchors: [AnchorMatch]?
    private var unitWords: [MultiPatternMatcher.Match]?
    private var markIndex: MarkIndex?
    /// Whether a 《…》 title names a known document or a known wrong name.
    private var knownTitle: [String: Bool] = [:]
    private var figureFindings: FigureAnalysis.Findings?
    private var formulas: (deviations: [FormulaDeviation], truncations: [TruncatedTerm])?

    init(source: SourceText) { self.source = source }

    /// Every 《…》 span of the text (`WordSupport.bookTitles`), with a containment index.
    var bookTitles: BookTitleIndex {
        lock.lock()
        defer { lock.unlock() }
        if let t = titles { return t }
        let t = BookTitleIndex(WordSupport.bookTitles(marks: marksLocked()))
        titles = t
        return t
    }

    /// Offsets and values of the text's non-Han, non-alphanumeric scalars (built on first use).
    var marks: MarkIndex {
        lock.lock()
        defer { lock.unlock() }
        return marksLocked()
    }

    /// `marks`, with the lock held.
    private func marksLocked() -> MarkIndex {
        if let m = markIndex { return m }
        let m = MarkIndex(source)
        markIndex = m
        return m
    }

    /// The matches of one kind of the combined knowledge scan (the scan runs once, on first use).
    /// Call with the lock held.
    private func matches(_ kind: KnowledgeScan.Kind) -> [MultiPatternMatcher.Match] {
        if let k = knowledge { return k[kind.rawValue] }
        let k = KnowledgeScan.shared.scan(source)
        knowledge = k
        return k[kind.rawValue]
    }

    /// `Knowledge.shared.confusableMatches(in:)` over the whole text: wrong strings not inside an
    /// occurrence of one of their pair's exceptions, leftmost-longest.
    var confusableMatches: [ConfusableMatch] {
        lock.lock()
        defer { lock.unlock() }
        if let m = confusables { return m }
        var wrongs: [MultiPatternMatcher.Match] = []
        var exceptions: [Int: [Range<Int>]] = [:]
        for m in matches(.confusable) {
            if m.payload & 1 == 1 { exceptions[m.payload >> 1, default: []].append(m.range) } else { wrongs.append(m) }
        }
        if !exceptions.isEmpty {
            wrongs.removeAll { m in
                exceptions[m.payload >> 1]?.contains { $0.lowerBound <= m.start && m.end <= $0.upperBound } ?? false
            }
        }
        let pairs = Knowledge.shared.confusables.pairs
        let m = MultiPatternMatcher.leftmostLongest(wrongs).map {
            ConfusableMatch(pair: pairs[$0.payload >> 1], pairIndex: $0.payload >> 1, range: $0.textRange)
        }
        confusables = m
        return m
    }

    /// `Knowledge.shared.termWrongFormMatches(in:)` over the whole text.
    var termWrongFormMatches: [TermMatch] {
        lock.lock()
        defer { lock.unlock() }
        if let m = termWrongForms { return m }
        let index = Knowledge.shared.terms
        let m = MultiPatternMatcher.leftmostLongest(matches(.termWrongForm)).map {
            TermMatch(term: index.terms[$0.payload], range: $0.textRange, form: index.wrongFormMatcher.patterns[$0.pattern])
        }
        termWrongForms = m
        return m
    }

    /// `Knowledge.shared.anchorMatches(in:)` over the whole text.
    var anchorMatches: [AnchorMatch] {
        lock.lock()
        defer { lock.unlock() }
        if let m = anchors { return m }
        let index = Knowledge.shared.anchors
        let m = MultiPatternMatcher.leftmostLongest(matches(.anchor)).map {
            AnchorMatch(anchor: index.anchors[$0.payload], range: $0.textRange, phrase: index.matcher.patterns[$0.pattern],
                        anchorIndex: $0.payload)
        }
        anchors = m
        return m
    }

    /// `UnitMismatchRule.matcher`'s leftmost-longest matches over the whole text.
    var unitWordMatches: [MultiPatternMatcher.Match] {
        lock.lock()
        defer { lock.unlock() }
        if let m = unitWords { return m }
        let m = MultiPatternMatcher.leftmostLongest(matches(.unitWord))
        unitWords = m
        return m
    }

    /// Deviations from fixed formulas (`FormulaIndex.deviations`) and shortened terms over the whole text.
    var formulaFindings: (deviations: [FormulaDeviation], truncations: [TruncatedTerm]) {
        lock.lock()
        defer { lock.unlock() }
        if let f = formulas { return f }
        let index = Knowledge.shared.terms.formulas
        let parts = matches(.formulaPart), cuts = matches(.truncation)
        let f = source.bytes.withUnsafeBufferPointer { p in
            (index.deviations(in: p, partMatches: parts), index.truncations(in: p, matches: cuts))
        }
        formulas = f
        return f
    }

    /// Every occurrence of a `KnowledgeScan.Trigger` word (overlapping ones included), in order of end
    /// offset; `payload` is the trigger's raw value.
    var triggers: [MultiPatternMatcher.Match] {
        lock.lock()
        defer { lock.unlock() }
        return matches(.trigger)
    }

    /// Rates with their counts and parts larger than their totals (`FigureAnalysis.findings`), computed on
    /// first use. The analysis reads the trigger scan, so it runs without the lock held.
    func figures(_ ctx: LintContext) -> FigureAnalysis.Findings {
        lock.lock()
        if let f = figureFindings { lock.unlock(); return f }
        lock.unlock()
        let f = FigureAnalysis.findings(ctx)
        lock.lock()
        figureFindings = f
        lock.unlock()
        return f
    }

    /// Memoised `WordSupport.isKnownTitle` for the shared knowledge.
    func isKnownTitle(_ name: String) -> Bool {
        lock.lock()
        if let v = knownTitle[name] { lock.unlock(); return v }
        lock.unlock()
        let v = WordSupport.isKnownTitle(name, knowledge: Knowledge.shared)
        lock.lock()
        knownTitle[name] = v
        lock.unlock()
        return v
    }
}

/// 《…》 spans in the order `WordSupport.bookTitles` gives them, plus an index that finds the innermost
/// span containing a range in O(log n + nesting depth).
struct BookTitleIndex: Sendable {
    let spans: [BookTitleSpan]
    /// Indices into `spans`, sorted by start.
    private let byStart: [Int]
    /// For each position in `byStart`, the position of the span that encloses it (-1 for none).
    private let parent: [Int]

    init(_ spans: [BookTitleSpan]) {
        self.spans = spans
        let order = spans.indices.sorted { spans[$0].outer.start < spans[$1].outer.start }
        var par = [Int](repeating: -1, count: order.count)
        // Spans come from a stack matcher, so they nest and never cross: a stack gives each one's parent.
        var stack: [Int] = []
        for (k, i) in order.enumerated() {
            let s = spans[i].outer
            while let top = stack.last, spans[order[top]].outer.end <= s.start { stack.removeLast() }
            par[k] = stack.last ?? -1
            stack.append(k)
        }
        byStart = order
        parent = par
    }

    var isEmpty: Bool { spans.isEmpty }

    /// The innermost span whose inner range contains `range` (same answer as `WordSupport.span(containing:in:)`).
    func span(containing range: TextRange) -> BookTitleSpan? {
        // Last span starting at or before the range: any span containing the range is it or an ancestor.
        var lo = 0, hi = byStart.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if spans[byStart[mid]].outer.start <= range.start { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1
        while k >= 0 {
            let s = spans[byStart[k]]
            if s.inner.start <= range.start && range.end <= s.inner.end { return s }
            k = parent[k]
        }
        return nil
    }
}
