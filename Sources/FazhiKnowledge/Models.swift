import Foundation

// Codable models of the knowledge files (see docs/knowledge.md).
//
// Decoding is lenient about *missing* fields: a required string that is absent decodes as "" and a
// required list as [], so one incomplete entry does not take the whole file down; the validators report
// it instead. A field of the wrong JSON type still fails the load (with its coding path in the error).
// Dates and enum-like fields are kept as the strings written in the file; typed views are computed.

extension KeyedDecodingContainer {
    func str(_ key: Key) throws -> String { try decodeIfPresent(String.self, forKey: key) ?? "" }
    func optStr(_ key: Key) throws -> String? { try decodeIfPresent(String.self, forKey: key) }
    func strs(_ key: Key) throws -> [String] { try decodeIfPresent([String].self, forKey: key) ?? [] }
    func optStrs(_ key: Key) throws -> [String]? { try decodeIfPresent([String].self, forKey: key) }
}

// MARK: - laws.json

public enum LawKind: String, CaseIterable, Sendable, Codable {
    case law = "法律"
    case administrativeRegulation = "行政法规"
    case partyRegulation = "党内法规"
    case normativeDocument = "规范性文件"
    case departmentalRule = "部门规章"
    case judicialInterpretation = "司法解释"
    case localRegulation = "地方性法规"
    case nationalStandard = "国家标准"
}

public enum LawStatus: String, CaseIterable, Sendable, Codable {
    case inForce = "现行有效"
    case repealed = "已废止"
    case expired = "已失效"
}

public struct Law: Codable, Sendable, Hashable {
    public var id: String
    /// Official full name without 《》.
    public var name: String
    /// Short forms drafters write, without 《》.
    public var short: [String]
    /// One of `LawKind` raw values.
    public var kind: String
    public var issuer: String
    public var adopted: String
    public var amended: [String]?
    public var effective: String?
    /// One of `LawStatus` raw values.
    public var status: String
    public var replacedBy: String?
    public var docNumber: String?
    public var note: String?
    /// When it stopped being in force (repeal, expiry or the successor's commencement), if known.
    public var repealed: String?
    /// Where each fact comes from (official database listing, gazette number, the document's own text).
    /// Read from laws.json only when asked for (explain, hover, validation): most of the file's bytes are
    /// sources, and a cold start never needs them.
    public var sources: [String]? {
        get { sourcesStorage.value }
        set { sourcesStorage = LawSources(newValue) }
    }
    var sourcesStorage: LawSources
    /// How often annual reports cite it: 1 = cited by almost every report; larger = rarer; nil = not ranked.
    public var citedRank: Int?

    enum CodingKeys: String, CodingKey {
        case id, name, short, kind, issuer, adopted, amended, effective, status, replacedBy, docNumber, note, repealed, sources, citedRank
    }

    public init(id: String, name: String, short: [String] = [], kind: String = LawKind.law.rawValue, issuer: String = "", adopted: String = "",
                amended: [String]? = nil, effective: String? = nil, status: String = LawStatus.inForce.rawValue,
                replacedBy: String? = nil, docNumber: String? = nil, note: String? = nil,
                repealed: String? = nil, sources: [String]? = nil, citedRank: Int? = nil) {
        self.id = id; self.name = name; self.short = short; self.kind = kind; self.issuer = issuer
        self.adopted = adopted; self.amended = amended; self.effective = effective; self.status = status
        self.replacedBy = replacedBy; self.docNumber = docNumber; self.note = note
        self.repealed = repealed; self.sourcesStorage = LawSources(sources); self.citedRank = citedRank
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(short, forKey: .short)
        try c.encode(kind, forKey: .kind); try c.encode(issuer, forKey: .issuer); try c.encode(adopted, forKey: .adopted)
        try c.encodeIfPresent(amended, forKey: .amended); try c.encodeIfPresent(effective, forKey: .effective)
        try c.encode(status, forKey: .status); try c.encodeIfPresent(replacedBy, forKey: .replacedBy)
        try c.encodeIfPresent(docNumber, forKey: .docNumber); try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(repealed, forKey: .repealed); try c.encodeIfPresent(sources, forKey: .sources)
        try c.encodeIfPresent(citedRank, forKey: .citedRank)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.str(.id); name = try c.str(.name); short = try c.strs(.short); kind = try c.str(.kind)
        issuer = try c.str(.issuer); adopted = try c.str(.adopted); amended = try c.optStrs(.amended)
        effective = try c.optStr(.effective); status = try c.str(.status); replacedBy = try c.optStr(.replacedBy)
        docNumber = try c.optStr(.docNumber); note = try c.optStr(.note)
        repealed = try c.optStr(.repealed); sourcesStorage = LawSources(try c.optStrs(.sources))
        citedRank = try c.decodeIfPresent(Int.self, forKey: .citedRank)
    }

    public var lawKind: LawKind? { LawKind(rawValue: kind) }
    public var lawStatus: LawStatus? { LawStatus(rawValue: status) }
    public var isInForce: Bool { lawStatus == .inForce }
    public var adoptedDate: KnowledgeDate? { KnowledgeDate(adopted) }
    public var effectiveDate: KnowledgeDate? { effective.flatMap(KnowledgeDate.init) }
    public var amendedDates: [KnowledgeDate] { (amended ?? []).compactMap(KnowledgeDate.init) }
    /// The name as cited: `《name》`.
    public var citation: String { "《\(name)》" }
    public var repealedDate: KnowledgeDate? { repealed.flatMap(KnowledgeDate.init) }

    /// Whether the document could be cited as current in a report on `year` (written early in `year + 1`).
    public func status(inReportYear year: Int) -> LawYearStatus {
        let yearEnd = KnowledgeDate(year: year, month: 12, day: 31)
        if let a = adoptedDate, a.isCertainlyAfter(yearEnd) { return .notYetAdopted }
        if let r = repealedDate {
            // Repealed before the reported year began, or on its first day (民法通则 and the others the 民法典
            // replaced stopped on 2021-01-01): it was not in force at any time that year.
            if r.isCertainlyBefore(KnowledgeDate(year: year, month: 1, day: 2)) { return .noLongerInForce }
            return .inForce
        }
        return isInForce ? .inForce : .noLongerInForce
    }
}

/// A document's standing in the year a report covers.
public enum LawYearStatus: Sendable, Equatable {
    case notYetAdopted
    case inForce
    case noLongerInForce
}

/// A name drafters write that matches no real document (or an outdated one cited as current).
public struct Misnomer: Codable, Sendable, Hashable {
    public var name: String
    /// Full or short names of the real documents meant.
    public var suggest: [String]
    /// Why it is wrong, in Chinese.
    public var reason: String

    public init(name: String, suggest: [String], reason: String) {
        self.name = name; self.suggest = suggest; self.reason = reason
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.str(.name); suggest = try c.strs(.suggest); reason = try c.str(.reason)
    }
}

public struct LawsFile: Codable, Sendable {
    public static let fileName = "laws.json"
    public var version: Int
    public var laws: [Law]
    public var misnomers: [Misnomer]
    /// Short forms knowingly shared by more than one document (a lookup picks the one in force); any
    /// other short form naming two documents is a validation error.
    public var ambiguousShort: [String]

    public init(version: Int = 1, laws: [Law], misnomers: [Misnomer] = [], ambiguousShort: [String] = []) {
        self.version = version; self.laws = laws; self.misnomers = misnomers; self.ambiguousShort = ambiguousShort
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 0
        laws = try c.decodeIfPresent([Law].self, forKey: .laws) ?? []
        misnomers = try c.decodeIfPresent([Misnomer].self, forKey: .misnomers) ?? []
        ambiguousShort = try c.decodeIfPresent([String].self, forKey: .ambiguousShort) ?? []
    }
}

// MARK: - terms.json

public struct Term: Codable, Sendable, Hashable {
    /// Standard written form.
    public var term: String
    public var aliases: [String]?
    public var explanation: String
    public var source: String
    public var wrongForms: [String]?
    /// Coverage area id (`A1`…) of the default profile.
    public var area: String?
    /// A fixed formula's components in order: the term is `parts` joined by `joiner`, then `tail`
    /// (严格/规范/公正/文明 + 执法). Doublings, swaps and (with at least `minParts`) omissions are flagged.
    public var parts: [String]?
    public var joiner: String?
    public var tail: String?
    public var minParts: Int?
    /// Shortened forms that, introduced as the term is, stand for it (法治思想 → 习近平法治思想).
    public var truncations: [Truncation]?

    public init(term: String, aliases: [String]? = nil, explanation: String, source: String, wrongForms: [String]? = nil, area: String? = nil,
                parts: [String]? = nil, joiner: String? = nil, tail: String? = nil, minParts: Int? = nil, truncations: [Truncation]? = nil) {
        self.term = term; self.aliases = aliases; self.explanation = explanation; self.source = source
        self.wrongForms = wrongForms; self.area = area
        self.parts = parts; self.joiner = joiner; self.tail = tail; self.minParts = minParts; self.truncations = truncations
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        term = try c.str(.term); aliases = try c.optStrs(.aliases); explanation = try c.str(.explanation)
        source = try c.str(.source); wrongForms = try c.optStrs(.wrongForms); area = try c.optStr(.area)
        parts = try c.optStrs(.parts); joiner = try c.optStr(.joiner); tail = try c.optStr(.tail)
        minParts = try c.decodeIfPresent(Int.self, forKey: .minParts)
        truncations = try c.decodeIfPresent([Truncation].self, forKey: .truncations)
    }

    /// The term and its aliases.
    public var forms: [String] { [term] + (aliases ?? []) }
}

/// A shortened form of a term and the words around it that show it stands for the term.
public struct Truncation: Codable, Sendable, Hashable {
    /// The shortened form (`法治思想`).
    public var form: String
    /// Words right before the form that introduce the term (学习、贯彻、以…).
    public var before: [String]
    /// Words right after the form that show the same (指引、为指导…).
    public var after: [String]
    /// Words right after the form that give it another, ordinary meaning (观念、意识…): never flagged.
    public var notAfter: [String]

    public init(form: String, before: [String], after: [String] = [], notAfter: [String] = []) {
        self.form = form; self.before = before; self.after = after; self.notAfter = notAfter
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        form = try c.str(.form); before = try c.strs(.before); after = try c.strs(.after); notAfter = try c.strs(.notAfter)
    }
}

public struct TermsFile: Codable, Sendable {
    public static let fileName = "terms.json"
    public var version: Int
    public var terms: [Term]

    public init(version: Int = 1, terms: [Term]) { self.version = version; self.terms = terms }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 0
        terms = try c.decodeIfPresent([Term].self, forKey: .terms) ?? []
    }
}

// MARK: - phrases.json

public enum PhraseContext: String, CaseIterable, Sendable, Codable {
    case title, recipient, opening, measures, shortcomings, leadership, plans, other, closing, any
}

public struct Phrase: Codable, Sendable, Hashable {
    public var label: String
    public var text: String
    /// LSP snippet with `${1:年份}` placeholders; nil when the phrase has none.
    public var snippet: String?
    /// `PhraseContext` raw values.
    public var contexts: [String]

    public init(label: String, text: String, snippet: String? = nil, contexts: [String]) {
        self.label = label; self.text = text; self.snippet = snippet; self.contexts = contexts
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.str(.label); text = try c.str(.text); snippet = try c.optStr(.snippet); contexts = try c.strs(.contexts)
    }

    /// Whether the phrase belongs in `context` (a phrase for `any` belongs everywhere).
    public func fits(_ context: String) -> Bool {
        context == PhraseContext.any.rawValue || contexts.contains(context) || contexts.contains(PhraseContext.any.rawValue)
    }
}

public struct PhrasesFile: Codable, Sendable {
    public static let fileName = "phrases.json"
    public var version: Int
    public var phrases: [Phrase]

    public init(version: Int = 1, phrases: [Phrase]) { self.version = version; self.phrases = phrases }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 0
        phrases = try c.decodeIfPresent([Phrase].self, forKey: .phrases) ?? []
    }
}

// MARK: - confusables.json

public enum ConfusableRule: String, CaseIterable, Sendable, Codable {
    case confusable
    case termForm = "term-form"
}

public struct ConfusablePair: Codable, Sendable, Hashable {
    public var wrong: String
    public var right: String
    public var reason: String
    /// `error`, `warning` or `info`.
    public var severity: String
    public var exceptions: [String]?
    public var okExample: String
    public var badExample: String
    /// `confusable` (default when nil) or `term-form`.
    public var rule: String?

    public init(wrong: String, right: String, reason: String, severity: String = "warning", exceptions: [String]? = nil,
                okExample: String, badExample: String, rule: String? = nil) {
        self.wrong = wrong; self.right = right; self.reason = reason; self.severity = severity
        self.exceptions = exceptions; self.okExample = okExample; self.badExample = badExample; self.rule = rule
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        wrong = try c.str(.wrong); right = try c.str(.right); reason = try c.str(.reason); severity = try c.str(.severity)
        exceptions = try c.optStrs(.exceptions); okExample = try c.str(.okExample); badExample = try c.str(.badExample)
        rule = try c.optStr(.rule)
    }

    public var ruleKind: ConfusableRule? { rule.map { ConfusableRule(rawValue: $0) } ?? .confusable }
}

public struct ConfusablesFile: Codable, Sendable {
    public static let fileName = "confusables.json"
    public var version: Int
    public var pairs: [ConfusablePair]

    public init(version: Int = 1, pairs: [ConfusablePair]) { self.version = version; self.pairs = pairs }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 0
        pairs = try c.decodeIfPresent([ConfusablePair].self, forKey: .pairs) ?? []
    }
}

// MARK: - anchors.json

public enum AnchorKind: String, CaseIterable, Sendable, Codable {
    case congress, plenum, meeting, pufa, outline, law, campaign, slogan
    /// A formula of the guiding line (新理念新思想新战略, 十九大和十九届历次全会): current through the year it was superseded.
    case formula
    /// The former name of a body or a newspaper (法制日报): current through the year it was renamed.
    case renamed
}

public struct Anchor: Codable, Sendable, Hashable {
    public var id: String
    public var phrases: [String]
    /// `AnchorKind` raw value.
    public var kind: String
    public var date: String
    public var until: String?
    public var supersededBy: String?
    public var note: String

    public init(id: String, phrases: [String], kind: String, date: String, until: String? = nil, supersededBy: String? = nil, note: String) {
        self.id = id; self.phrases = phrases; self.kind = kind; self.date = date; self.until = until
        self.supersededBy = supersededBy; self.note = note
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.str(.id); phrases = try c.strs(.phrases); kind = try c.str(.kind); date = try c.str(.date)
        until = try c.optStr(.until); supersededBy = try c.optStr(.supersededBy); note = try c.str(.note)
    }

    public var anchorKind: AnchorKind? { AnchorKind(rawValue: kind) }
    public var startDate: KnowledgeDate? { KnowledgeDate(date) }
    public var untilDate: KnowledgeDate? { until.flatMap(KnowledgeDate.init) }
}

public struct AnchorsFile: Codable, Sendable {
    public static let fileName = "anchors.json"
    public var version: Int
    public var anchors: [Anchor]

    public init(version: Int = 1, anchors: [Anchor]) { self.version = version; self.anchors = anchors }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 0
        anchors = try c.decodeIfPresent([Anchor].self, forKey: .anchors) ?? []
    }
}

// MARK: - Loading

/// A knowledge file type that can be loaded from `Data` or from the resource folder.
public protocol KnowledgeFile: Decodable, Sendable {
    static var fileName: String { get }
    /// Decodes the file from `data`; throws `KnowledgeError` with the file name. The default uses
    /// JSONDecoder; laws.json, by far the largest file, has its own byte-level loader (LawsLoader.swift).
    static func load(data: Data) throws -> Self
}

extension LawsFile: KnowledgeFile {}
extension TermsFile: KnowledgeFile {}
extension PhrasesFile: KnowledgeFile {}
extension ConfusablesFile: KnowledgeFile {}
extension AnchorsFile: KnowledgeFile {}

extension KnowledgeFile {
    /// Decodes the file from `data`; throws `KnowledgeError` with the file name.
    public static func load(data: Data) throws -> Self {
        try KnowledgeResources.decode(Self.self, data: data, name: fileName)
    }

    /// Loads the file from the resource folder; throws `KnowledgeError` when absent or broken.
    public static func loadResource() throws -> Self {
        guard let d = KnowledgeResources.data(fileName) else {
            throw KnowledgeError(file: fileName, message: "找不到知识库文件（可设置环境变量 FAZHI_RESOURCES 指向资源目录）")
        }
        return try load(data: d)
    }

    /// Whether the resource file exists.
    public static var resourceExists: Bool { KnowledgeResources.data(fileName) != nil }
}
