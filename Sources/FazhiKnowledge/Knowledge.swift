import Foundation
import FazhiText

/// A value computed once, on first use, under a lock.
final class LazyPart<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?
    private var error: KnowledgeError?
    private var millis: Double?
    private let make: @Sendable () -> (T, KnowledgeError?)

    init(_ make: @escaping @Sendable () -> (T, KnowledgeError?)) { self.make = make }

    func get() -> T {
        lock.lock()
        defer { lock.unlock() }
        if let v = value { return v }
        let clock = ContinuousClock()
        let t0 = clock.now
        let (v, e) = make()
        let d = clock.now - t0
        millis = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        value = v
        error = e
        return v
    }

    /// (loaded, error, milliseconds).
    var state: (Bool, KnowledgeError?, Double?) {
        lock.lock()
        defer { lock.unlock() }
        return (value != nil, error, millis)
    }
}

/// How long loading each part took (decode + index/automaton build), in milliseconds; nil when the
/// part has not been loaded yet.
public struct KnowledgeLoadTimings: Sendable, CustomStringConvertible {
    public var laws: Double?
    public var terms: Double?
    public var phrases: Double?
    public var confusables: Double?
    public var anchors: Double?
    public var citations: Double?
    public var figures: Double?

    public init(laws: Double? = nil, terms: Double? = nil, phrases: Double? = nil, confusables: Double? = nil, anchors: Double? = nil,
                citations: Double? = nil, figures: Double? = nil) {
        self.laws = laws; self.terms = terms; self.phrases = phrases; self.confusables = confusables; self.anchors = anchors
        self.citations = citations; self.figures = figures
    }

    public var total: Double { [laws, terms, phrases, confusables, anchors, citations, figures].reduce(0) { $0 + ($1 ?? 0) } }

    public var description: String {
        func f(_ v: Double?) -> String { v.map { String(format: "%.2f ms", $0) } ?? "—" }
        return "laws \(f(laws)), terms \(f(terms)), phrases \(f(phrases)), confusables \(f(confusables)), anchors \(f(anchors)), "
            + "citations \(f(citations)), figures \(f(figures)); total \(String(format: "%.2f ms", total))"
    }
}

/// The knowledge facade: laws, terms, phrases, confusables and time anchors, each loaded lazily and
/// thread-safely on first use. A file that is missing or broken yields an empty part and a recorded
/// `KnowledgeError` (see `loadErrors`); nothing here crashes.
public final class Knowledge: Sendable {
    /// The knowledge shipped in the resource folder.
    public static let shared = Knowledge()

    private let lawsPart: LazyPart<LawIndex>
    private let termsPart: LazyPart<TermIndex>
    private let phrasesPart: LazyPart<PhraseIndex>
    private let confusablesPart: LazyPart<ConfusableIndex>
    private let anchorsPart: LazyPart<AnchorIndex>
    private let citationsPart: LazyPart<CitationClassifier>
    private let figuresPart: LazyPart<FigureVocabulary>

    /// Loads from the resource folder (`KnowledgeResources`).
    public convenience init() {
        self.init(dataProvider: { KnowledgeResources.data($0) })
    }

    /// Loads from in-memory files keyed by file name (`laws.json`, …); a missing file gives an empty part.
    public convenience init(files: [String: Data]) {
        self.init(dataProvider: { files[$0] })
    }

    /// Loads each file through `dataProvider(fileName)` on first use.
    public init(dataProvider: @escaping @Sendable (String) -> Data?) {
        @Sendable func load<F: KnowledgeFile>(_ type: F.Type, empty: F) -> (F, KnowledgeError?) {
            guard let d = dataProvider(F.fileName) else {
                return (empty, KnowledgeError(file: F.fileName, message: "找不到知识库文件（可设置环境变量 FAZHI_RESOURCES 指向资源目录）"))
            }
            do { return (try F.load(data: d), nil) } catch let e as KnowledgeError { return (empty, e) } catch {
                return (empty, KnowledgeError(file: F.fileName, message: "\(error)"))
            }
        }
        lawsPart = LazyPart {
            let (f, e) = load(LawsFile.self, empty: LawsFile(laws: []))
            return (LawIndex(file: f), e)
        }
        termsPart = LazyPart {
            let (f, e) = load(TermsFile.self, empty: TermsFile(terms: []))
            return (TermIndex(file: f), e)
        }
        phrasesPart = LazyPart {
            let (f, e) = load(PhrasesFile.self, empty: PhrasesFile(phrases: []))
            return (PhraseIndex(file: f), e)
        }
        confusablesPart = LazyPart {
            let (f, e) = load(ConfusablesFile.self, empty: ConfusablesFile(pairs: []))
            return (ConfusableIndex(file: f), e)
        }
        anchorsPart = LazyPart {
            let (f, e) = load(AnchorsFile.self, empty: AnchorsFile(anchors: []))
            return (AnchorIndex(file: f), e)
        }
        // The two vocabularies below describe how reports are written, not what a user configures: a
        // Knowledge built from in-memory files without them uses the shipped ones.
        @Sendable func loadShipped<F: KnowledgeFile>(_ type: F.Type, empty: F) -> (F, KnowledgeError?) {
            if dataProvider(F.fileName) != nil { return load(type, empty: empty) }
            if let d = KnowledgeResources.data(F.fileName), let f = try? F.load(data: d) { return (f, nil) }
            return load(type, empty: empty)
        }
        citationsPart = LazyPart {
            let (f, e) = loadShipped(CitationsFile.self, empty: CitationsFile())
            return (CitationClassifier(file: f), e)
        }
        figuresPart = LazyPart {
            let (f, e) = loadShipped(FiguresFile.self, empty: FiguresFile())
            return (FigureVocabulary(file: f), e)
        }
    }

    // MARK: Parts

    public var laws: LawIndex { lawsPart.get() }
    public var terms: TermIndex { termsPart.get() }
    public var phrases: PhraseIndex { phrasesPart.get() }
    public var confusables: ConfusableIndex { confusablesPart.get() }
    public var anchors: AnchorIndex { anchorsPart.get() }
    /// What kind of document a 《…》 title names (citations.json).
    public var citations: CitationClassifier { citationsPart.get() }
    /// The words that tie counts and rates together (figures.json).
    public var figures: FigureVocabulary { figuresPart.get() }

    /// Loads every part now (for servers that want no latency on the first request, and benchmarks).
    @discardableResult
    public func warmUp() -> KnowledgeLoadTimings {
        _ = laws; _ = terms; _ = phrases; _ = confusables; _ = anchors; _ = citations; _ = figures
        return loadTimings
    }

    /// Load time of each part loaded so far.
    public var loadTimings: KnowledgeLoadTimings {
        KnowledgeLoadTimings(laws: lawsPart.state.2, terms: termsPart.state.2, phrases: phrasesPart.state.2,
                             confusables: confusablesPart.state.2, anchors: anchorsPart.state.2,
                             citations: citationsPart.state.2, figures: figuresPart.state.2)
    }

    /// Errors met while loading the parts loaded so far (call `warmUp()` first to see all).
    public var loadErrors: [KnowledgeError] {
        [lawsPart.state.1, termsPart.state.1, phrasesPart.state.1, confusablesPart.state.1, anchorsPart.state.1,
         citationsPart.state.1, figuresPart.state.1].compactMap { $0 }
    }

    /// Validation problems of every part (loads everything).
    public func validationProblems() -> [String] {
        KnowledgeValidation.validate(LawsFile(laws: laws.laws, misnomers: laws.misnomers))
            + KnowledgeValidation.validate(TermsFile(terms: terms.terms))
            + KnowledgeValidation.validate(PhrasesFile(phrases: phrases.phrases))
            + KnowledgeValidation.validate(ConfusablesFile(pairs: confusables.pairs))
            + KnowledgeValidation.validate(AnchorsFile(anchors: anchors.anchors))
            + KnowledgeValidation.validate(citations.file)
            + KnowledgeValidation.validate(figures.file)
    }

    // MARK: Laws

    /// Looks a document name up (with or without 《》, 中华人民共和国, dash and bracket variants).
    public func lookupLaw(_ name: String) -> LawLookup { laws.lookup(name) }

    /// The known law a name denotes, or nil.
    public func law(named name: String) -> Law? { laws.resolve(name) }

    public func law(id: String) -> Law? { laws.law(id: id) }

    /// Whether an unknown title may name a national document (see `CitationClassifier`).
    public func isLikelyNationalLawName(_ name: String) -> Bool { citations.mayBeNational(name) }

    /// Completion after 《: by full name and short forms.
    public func lawPrefixSearch(_ prefix: String, limit: Int = 20) -> [Law] { laws.prefixSearch(prefix, limit: limit) }

    // MARK: Terms

    public func term(named name: String) -> Term? { terms.term(named: name) }
    public func term(withWrongForm form: String) -> Term? { terms.term(withWrongForm: form) }
    public func termMatches(in text: SourceText, range: TextRange? = nil) -> [TermMatch] { terms.matches(in: text, range: range) }
    public func termWrongFormMatches(in text: SourceText, range: TextRange? = nil) -> [TermMatch] {
        terms.wrongFormMatches(in: text, range: range)
    }

    // MARK: Phrases

    public func phrases(for context: String) -> [Phrase] { phrases.phrases(for: context) }
    public func phrasePrefixSearch(_ prefix: String, context: String? = nil, limit: Int = 50) -> [Phrase] {
        phrases.prefixSearch(prefix, context: context, limit: limit)
    }

    // MARK: Confusables

    public func confusableMatches(in text: SourceText, range: TextRange? = nil) -> [ConfusableMatch] {
        confusables.matches(in: text, range: range)
    }

    // MARK: Anchors

    public func anchorMatches(in text: SourceText, range: TextRange? = nil) -> [AnchorMatch] { anchors.matches(in: text, range: range) }
    public func anchor(id: String) -> Anchor? { anchors.anchor(id: id) }
}
