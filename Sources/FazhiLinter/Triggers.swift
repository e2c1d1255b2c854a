import FazhiKnowledge
import FazhiText

/// Words (or patterns) a rule's check starts from. A rule declares its lists (`Rule.triggers`) in its own
/// file; a lint run finds every list of every rule in one pass over the text (`TriggerScan`), and a rule
/// reads the matches of the lists it declared, and only those (`LintContext.matches(_:)`).
///
/// A list is an object: rules that start from the same words declare the same list (the figure words of
/// `rate-mismatch` and `part-exceeds-total`, the confusable pairs of `confusable` and `term-form`) and it is
/// scanned once. Its patterns are computed when the first lint assembles the scan, so a list drawn from
/// the knowledge files loads them only then.
public final class TriggerList: Sendable {
    /// Names the list in messages and tests (unique in the catalogue).
    public let name: String
    let makeMatcher: @Sendable () -> MultiPatternMatcher

    /// Literal words, each with the payload its matches carry (a rule's enum raw value, say).
    public init(_ name: String, words: @escaping @Sendable () -> [(word: String, payload: Int)]) {
        self.name = name
        makeMatcher = { MultiPatternMatcher(words().map { ($0.word, $0.payload) }) }
    }

    /// The patterns of a matcher built elsewhere (a knowledge index's own): matches carry that matcher's
    /// pattern indexes and payloads, so the index reads them as if it had scanned alone.
    public init(_ name: String, matcher: @escaping @Sendable () -> MultiPatternMatcher) {
        self.name = name
        makeMatcher = matcher
    }
}

/// Lists drawn whole from the knowledge files, for the rules that share them.
extension TriggerList {
    /// Every wrong string of confusables.json and its exceptions (payload: pair × 2 + 1 for an exception).
    static let confusables = TriggerList("confusables.json") { Knowledge.shared.confusables.matcher }
    /// Every wrong form of terms.json (payload: the term's index).
    static let termWrongForms = TriggerList("terms.json wrongForms") { Knowledge.shared.terms.wrongFormMatcher }
    /// The components of the fixed formulas of terms.json.
    static let formulaParts = TriggerList("terms.json formula parts") { Knowledge.shared.terms.formulas.partMatcher }
    /// The shortened forms of terms.json.
    static let formulaTruncations = TriggerList("terms.json truncations") { Knowledge.shared.terms.formulas.truncationMatcher }
    /// Every phrase of anchors.json (payload: the anchor's index).
    static let anchors = TriggerList("anchors.json") { Knowledge.shared.anchors.matcher }
}

extension LintContext {
    /// Every occurrence of a word of `list` in the whole text (overlapping ones included), in order of end
    /// offset, as the list's own matcher reports it. `list` must be one the running rule declared.
    public func matches(_ list: TriggerList) -> [MultiPatternMatcher.Match] {
        assert(declared == nil || declared!.contains(ObjectIdentifier(list)),
               "a rule reads the trigger list “\(list.name)” without declaring it in `triggers`")
        return cache.matches(list)
    }

    /// This context as `rule` sees it: in debug builds, reading a list it did not declare stops the test
    /// run, so a rule's file always says what the rule looks for.
    @inline(__always)
    func checking(_ rule: any Rule) -> LintContext {
        #if DEBUG
            var c = self
            c.declared = rule.triggers.map(ObjectIdentifier.init)
            return c
        #else
            return self
        #endif
    }
}
