import Foundation
import FazhiText

extension SourceText {
    /// `range` clamped to the text and widened to scalar boundaries (whole text when nil).
    func clampedRange(_ range: TextRange?) -> Range<Int> {
        guard let r = range else { return 0..<count }
        var s = min(max(0, r.start), count)
        var e = min(max(s, r.end), count)
        while s > 0 && s < count && (bytes[s] & 0xC0) == 0x80 { s -= 1 }
        while e < count && (bytes[e] & 0xC0) == 0x80 { e += 1 }
        return s..<e
    }
}

// MARK: - Terms

/// A term of art found in a text.
public struct TermMatch: Sendable, Hashable {
    public var term: Term
    public var range: TextRange
    /// The form found: the term itself, an alias, or (for wrong-form matches) the wrong form.
    public var form: String

    public init(term: Term, range: TextRange, form: String) {
        self.term = term; self.range = range; self.form = form
    }
}

/// Terms of art: lookup by name, alias or wrong form; hover matching in text.
public struct TermIndex: Sendable {
    public let terms: [Term]
    private let byForm: [String: Int]
    private let byWrongForm: [String: Int]
    /// Term and alias patterns; payload = term index.
    public let matcher: MultiPatternMatcher
    /// Wrong-form patterns; payload = term index.
    public let wrongFormMatcher: MultiPatternMatcher
    /// Fixed formulas (`parts`) and shortened forms (`truncations`).
    public let formulas: FormulaIndex

    public init(file: TermsFile) { self.init(terms: file.terms) }

    public init(terms: [Term]) {
        self.terms = terms
        var forms: [String: Int] = [:], wrong: [String: Int] = [:]
        var pats: [(pattern: String, payload: Int)] = [], wpats: [(pattern: String, payload: Int)] = []
        for (i, t) in terms.enumerated() {
            for f in t.forms where !f.isEmpty {
                if forms[f] == nil { forms[f] = i }
                pats.append((f, i))
            }
            for w in t.wrongForms ?? [] where !w.isEmpty {
                if wrong[w] == nil { wrong[w] = i }
                wpats.append((w, i))
            }
        }
        byForm = forms; byWrongForm = wrong
        matcher = MultiPatternMatcher(pats)
        wrongFormMatcher = MultiPatternMatcher(wpats)
        formulas = FormulaIndex(terms: terms)
    }

    /// The term written exactly as `name` (its standard form or an alias; quotes “” are ignored).
    public func term(named name: String) -> Term? {
        if let i = byForm[name] { return terms[i] }
        let trimmed = name.trimmingCharacters(in: ["“", "”", "\"", "‘", "’", "'", " ", "　"])
        return byForm[trimmed].map { terms[$0] }
    }

    /// The term of which `form` is a known wrong form.
    public func term(withWrongForm form: String) -> Term? { byWrongForm[form].map { terms[$0] } }

    /// Terms and aliases in the text, leftmost-longest, non-overlapping (for hover and coverage).
    public func matches(in text: SourceText, range: TextRange? = nil) -> [TermMatch] {
        let r = text.clampedRange(range)
        return matcher.matches(in: text, range: TextRange(r.lowerBound, r.upperBound), leftmostLongest: true).map {
            TermMatch(term: terms[$0.payload], range: $0.textRange, form: matcher.patterns[$0.pattern])
        }
    }

    /// Known wrong forms of terms in the text, leftmost-longest, non-overlapping.
    public func wrongFormMatches(in text: SourceText, range: TextRange? = nil) -> [TermMatch] {
        wrongFormMatcher.matches(in: text, range: range, leftmostLongest: true).map {
            TermMatch(term: terms[$0.payload], range: $0.textRange, form: wrongFormMatcher.patterns[$0.pattern])
        }
    }
}

// MARK: - Phrases

/// Standard phrasing for completion.
public struct PhraseIndex: Sendable {
    public let phrases: [Phrase]

    public init(file: PhrasesFile) { self.init(phrases: file.phrases) }
    public init(phrases: [Phrase]) { self.phrases = phrases }

    /// Phrases for a context (`PhraseContext` raw value), including those marked `any`, in file order.
    public func phrases(for context: String) -> [Phrase] { phrases.filter { $0.fits(context) } }

    /// Phrases whose label or text starts with `prefix` (first), then those containing it; restricted to
    /// `context` when given. An empty prefix lists the context's phrases.
    public func prefixSearch(_ prefix: String, context: String? = nil, limit: Int = 50) -> [Phrase] {
        let pool = context.map { phrases(for: $0) } ?? phrases
        guard !prefix.isEmpty else { return Array(pool.prefix(max(0, limit))) }
        var first: [Phrase] = [], second: [Phrase] = []
        for p in pool {
            if p.label.hasPrefix(prefix) || p.text.hasPrefix(prefix) { first.append(p) }
            else if p.label.contains(prefix) || p.text.contains(prefix) { second.append(p) }
        }
        return Array((first + second).prefix(max(0, limit)))
    }
}

// MARK: - Confusables

/// A wrong word found in a text.
public struct ConfusableMatch: Sendable, Hashable {
    public var pair: ConfusablePair
    /// Index of the pair in the file.
    public var pairIndex: Int
    public var range: TextRange

    public init(pair: ConfusablePair, pairIndex: Int, range: TextRange) {
        self.pair = pair; self.pairIndex = pairIndex; self.range = range
    }
}

/// Wrong → right words, matched with one automaton over all wrong strings and exceptions.
public struct ConfusableIndex: Sendable {
    public let pairs: [ConfusablePair]
    /// Patterns: wrong strings (payload = pair index × 2) and exceptions (payload = pair index × 2 + 1).
    public let matcher: MultiPatternMatcher
    /// How far an exception can reach beyond the wrong string it contains, in bytes.
    private let reach: Int

    public init(file: ConfusablesFile) { self.init(pairs: file.pairs) }

    public init(pairs: [ConfusablePair]) {
        self.pairs = pairs
        var pats: [(pattern: String, payload: Int)] = []
        var reach = 0
        for (i, p) in pairs.enumerated() where !p.wrong.isEmpty {
            pats.append((p.wrong, i * 2))
            for e in p.exceptions ?? [] where !e.isEmpty {
                pats.append((e, i * 2 + 1))
                reach = max(reach, e.utf8.count - p.wrong.utf8.count)
            }
        }
        self.reach = reach
        matcher = MultiPatternMatcher(pats)
    }

    /// Wrong words in `range` (the whole text when nil). A match lying inside an occurrence of one of
    /// its pair's exceptions is dropped (exceptions may extend beyond `range`). Overlapping matches of
    /// different pairs are resolved leftmost-longest, so fixes never conflict.
    public func matches(in text: SourceText, range: TextRange? = nil) -> [ConfusableMatch] {
        let r = text.clampedRange(range)
        guard !r.isEmpty else { return [] }
        var lo = max(0, r.lowerBound - reach), hi = min(text.count, r.upperBound + reach)
        let b = text.bytes
        while lo > 0 && (b[lo] & 0xC0) == 0x80 { lo -= 1 }
        while hi < b.count && (b[hi] & 0xC0) == 0x80 { hi += 1 }
        var wrongs: [MultiPatternMatcher.Match] = []
        var exceptions: [Int: [Range<Int>]] = [:]
        b.withUnsafeBufferPointer { p in
            matcher.forEachMatch(in: p, range: lo..<hi) { m in
                if m.payload & 1 == 1 {
                    exceptions[m.payload >> 1, default: []].append(m.range)
                } else if m.start >= r.lowerBound && m.end <= r.upperBound {
                    wrongs.append(m)
                }
            }
        }
        if !exceptions.isEmpty {
            wrongs.removeAll { m in
                exceptions[m.payload >> 1]?.contains { $0.lowerBound <= m.start && m.end <= $0.upperBound } ?? false
            }
        }
        return MultiPatternMatcher.leftmostLongest(wrongs).map {
            ConfusableMatch(pair: pairs[$0.payload >> 1], pairIndex: $0.payload >> 1, range: $0.textRange)
        }
    }

    /// Convenience for a plain string.
    public func matches(in string: String) -> [ConfusableMatch] { matches(in: SourceText(string)) }
}

// MARK: - Anchors

/// A time anchor mentioned in a text.
public struct AnchorMatch: Sendable, Hashable {
    public var anchor: Anchor
    public var range: TextRange
    /// The phrase found.
    public var phrase: String
    /// Index of the anchor in its `AnchorIndex` (for the dates parsed at load), when known.
    public var anchorIndex: Int?

    public init(anchor: Anchor, range: TextRange, phrase: String, anchorIndex: Int? = nil) {
        self.anchor = anchor; self.range = range; self.phrase = phrase; self.anchorIndex = anchorIndex
    }
}

/// Time anchors for the anachronism rule.
public struct AnchorIndex: Sendable {
    public let anchors: [Anchor]
    private let byId: [String: Int]
    /// Phrase patterns; payload = anchor index.
    public let matcher: MultiPatternMatcher
    /// `startDate` and `untilDate` of each anchor, parsed once at load.
    public let startDates: [KnowledgeDate?]
    public let untilDates: [KnowledgeDate?]

    public init(file: AnchorsFile) { self.init(anchors: file.anchors) }

    public init(anchors: [Anchor]) {
        self.anchors = anchors
        var ids: [String: Int] = [:]
        var pats: [(pattern: String, payload: Int)] = []
        for (i, a) in anchors.enumerated() {
            if ids[a.id] == nil { ids[a.id] = i }
            for p in a.phrases where !p.isEmpty { pats.append((p, i)) }
        }
        byId = ids
        matcher = MultiPatternMatcher(pats)
        startDates = anchors.map(\.startDate)
        untilDates = anchors.map(\.untilDate)
    }

    public func anchor(id: String) -> Anchor? { byId[id].map { anchors[$0] } }

    /// Anchor phrases in the text, leftmost-longest, non-overlapping.
    public func matches(in text: SourceText, range: TextRange? = nil) -> [AnchorMatch] {
        let r = text.clampedRange(range)
        return matcher.matches(in: text, range: TextRange(r.lowerBound, r.upperBound), leftmostLongest: true).map {
            AnchorMatch(anchor: anchors[$0.payload], range: $0.textRange, phrase: matcher.patterns[$0.pattern], anchorIndex: $0.payload)
        }
    }
}
