import Foundation
import FazhiKnowledge
import FazhiText

/// Per-lint memo of what several rules compute from the same report (《》 spans, the trigger scan,
/// confusable and anchor matches, title lookups). One instance per `LintContext`, so nothing outlives a
/// lint run; every value is computed on first use (rules of one lint run use it one after another, so
/// the lock is never contended).
public final class LintCache: @unchecked Sendable {
    private let lock = NSLock()
    private let source: SourceText
    /// The rules of this lint run: the trigger scan covers their lists.
    private let rules: [any Rule]
    private var titles: BookTitleIndex?
    private var scan: TriggerScan?
    private var scanned: [[MultiPatternMatcher.Match]] = []
    private var confusables: [ConfusableMatch]?
    private var anchors: [AnchorMatch]?
    private var markIndex: MarkIndex?
    /// Whether a 《…》 title names a known document or a known wrong name.
    private var knownTitle: [String: Bool] = [:]
    private var figureFindings: FigureAnalysis.Findings?

    init(source: SourceText, rules: [any Rule]) {
        self.source = source
        self.rules = rules
    }

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

    /// The matches of one trigger list (the scan of every list runs once, on first use); empty for a list
    /// no rule of this run declared.
    func matches(_ list: TriggerList) -> [MultiPatternMatcher.Match] {
        lock.lock()
        defer { lock.unlock() }
        if scan == nil {
            let s = TriggerScan.covering(rules)
            scanned = s.scan(source)
            scan = s
        }
        guard let k = scan!.position[ObjectIdentifier(list)] else { return [] }
        return scanned[k]
    }

    /// A value computed from the report once per lint run: `slot` holds it; `make` runs without the lock
    /// held, so it may read other memos.
    private func memo<T>(_ slot: ReferenceWritableKeyPath<LintCache, T?>, _ make: () -> T) -> T {
        lock.lock()
        if let v = self[keyPath: slot] { lock.unlock(); return v }
        lock.unlock()
        let v = make()
        lock.lock()
        self[keyPath: slot] = v
        lock.unlock()
        return v
    }

    /// `Knowledge.shared.confusableMatches(in:)` over the whole text, from the raw matches of
    /// `TriggerList.confusables`: wrong strings not inside an occurrence of one of their pair's exceptions,
    /// leftmost-longest.
    func confusableMatches(_ raw: () -> [MultiPatternMatcher.Match]) -> [ConfusableMatch] {
        memo(\.confusables) {
            var wrongs: [MultiPatternMatcher.Match] = []
            var exceptions: [Int: [Range<Int>]] = [:]
            for m in raw() {
                if m.payload & 1 == 1 { exceptions[m.payload >> 1, default: []].append(m.range) } else { wrongs.append(m) }
            }
            if !exceptions.isEmpty {
                wrongs.removeAll { m in
                    exceptions[m.payload >> 1]?.contains { $0.lowerBound <= m.start && m.end <= $0.upperBound } ?? false
                }
            }
            let pairs = Knowledge.shared.confusables.pairs
            return MultiPatternMatcher.leftmostLongest(wrongs).map {
                ConfusableMatch(pair: pairs[$0.payload >> 1], pairIndex: $0.payload >> 1, range: $0.textRange)
            }
        }
    }

    /// `Knowledge.shared.anchorMatches(in:)` over the whole text, from the raw matches of `TriggerList.anchors`.
    func anchorMatches(_ raw: () -> [MultiPatternMatcher.Match]) -> [AnchorMatch] {
        memo(\.anchors) {
            let index = Knowledge.shared.anchors
            return MultiPatternMatcher.leftmostLongest(raw()).map {
                AnchorMatch(anchor: index.anchors[$0.payload], range: $0.textRange, phrase: index.matcher.patterns[$0.pattern],
                            anchorIndex: $0.payload)
            }
        }
    }

    /// Rates with their counts and parts larger than their totals (`FigureAnalysis.findings`), computed on
    /// first use.
    func figures(_ ctx: LintContext) -> FigureAnalysis.Findings {
        memo(\.figureFindings) { FigureAnalysis.findings(ctx) }
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

extension LintContext {
    /// The confusable pairs found in the text (for `confusable` and `term-form`, which declare
    /// `TriggerList.confusables`).
    var confusableMatches: [ConfusableMatch] { cache.confusableMatches { matches(.confusables) } }

    /// The time anchors found in the text (for `anachronism` and `unknown-law`, which declare `TriggerList.anchors`).
    var anchorMatches: [AnchorMatch] { cache.anchorMatches { matches(.anchors) } }
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
