import Foundation
import FazhiText

// What a 《…》 title names, decided from the name alone before anything is looked up: a national law, an
// administrative regulation, a Party regulation or central document, a judicial interpretation, a local or
// internal document, a book or newspaper, a campaign. Only the first two claim a place in the catalogue
// (laws.json lists them all); the rest are judged only when the catalogue knows them or they are one slip
// away from a name it knows. The word lists are data (citations.json); this file is the order in which
// they are applied.

/// The kind of document a citation names.
public enum CitationCategory: String, CaseIterable, Sendable {
    case nationalLaw, administrativeRegulation, departmentalRule, partyRegulation, centralDocument
    case judicialInterpretation, localRegulation, localDocument, otherDocument, nationalStandard
    case publication, campaign, unclassified

    /// Chinese label for hovers and explanations.
    public var label: String {
        switch self {
        case .nationalLaw: return "国家法律"
        case .administrativeRegulation: return "行政法规"
        case .departmentalRule: return "部门规章或部门文件"
        case .partyRegulation: return "党内法规"
        case .centralDocument: return "中央文件"
        case .judicialInterpretation: return "司法解释"
        case .localRegulation: return "地方性法规或地方政府规章"
        case .localDocument: return "地方或本单位文件"
        case .otherDocument: return "文件（名称中未写明发文机关）"
        case .nationalStandard: return "国家标准"
        case .publication: return "书籍或报刊"
        case .campaign: return "活动、栏目或提法"
        case .unclassified: return "未能归类"
        }
    }

    /// The category of a catalogue entry.
    public init(kind: LawKind?) {
        switch kind {
        case .law: self = .nationalLaw
        case .administrativeRegulation: self = .administrativeRegulation
        case .partyRegulation: self = .partyRegulation
        case .normativeDocument: self = .centralDocument
        case .departmentalRule: self = .departmentalRule
        case .judicialInterpretation: self = .judicialInterpretation
        case .localRegulation: self = .localRegulation
        case .nationalStandard: self = .nationalStandard
        case .none: self = .unclassified
        }
    }

    /// Claims to be a national law or an administrative regulation, every one of which the catalogue lists:
    /// not finding it is worth a diagnostic.
    public var claimsCatalogueEntry: Bool { self == .nationalLaw || self == .administrativeRegulation }

    /// May have been issued at national level (or its issuer is not named): a name one slip away from a
    /// catalogue name is reported; anything else is left alone.
    public var mayBeNational: Bool {
        switch self {
        case .nationalLaw, .administrativeRegulation, .departmentalRule, .partyRegulation, .centralDocument,
             .judicialInterpretation, .otherDocument, .nationalStandard: return true
        case .localRegulation, .localDocument, .publication, .campaign, .unclassified: return false
        }
    }
}

/// citations.json: the words that show what kind of document a title names (schema in docs/knowledge.md).
public struct CitationsFile: Codable, Sendable {
    public static let fileName = "citations.json"
    public var version: Int = 1
    public var nationalPrefixes: [String] = []
    public var lawSuffixes: [String] = []
    public var notLawSuffixes: [String] = []
    public var regulationSuffixes: [String] = []
    public var documentSuffixes: [String] = []
    public var unitDocumentSuffixes: [String] = []
    public var publicationSuffixes: [String] = []
    public var publicationPrefixes: [String] = []
    public var publicationNames: [String] = []
    public var campaignSuffixes: [String] = []
    public var centralIssuers: [String] = []
    public var partyPrefixes: [String] = []
    public var judicialIssuers: [String] = []
    public var departmentEndings: [String] = []
    public var provinces: [String] = []
    public var placeCharacters: [String] = []
    public var unitWords: [String] = []
    public var genericPlaceWords: [String] = []
    public var genericFollowers: [String] = []
    public var localMarkers: [String] = []
    public var localScopePrefixes: [String] = []
    public var partyOrganPrefixes: [String] = []
    public var selfPrefixes: [String] = []
    public var selfUnits: [String] = []
    public var localPlanHeads: [String] = []
    public var nationalScopes: [String] = []
    public var placeholderMarks: [String] = []

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 0
        nationalPrefixes = try c.strs(.nationalPrefixes); lawSuffixes = try c.strs(.lawSuffixes)
        notLawSuffixes = try c.strs(.notLawSuffixes); regulationSuffixes = try c.strs(.regulationSuffixes)
        documentSuffixes = try c.strs(.documentSuffixes); unitDocumentSuffixes = try c.strs(.unitDocumentSuffixes)
        publicationSuffixes = try c.strs(.publicationSuffixes); publicationPrefixes = try c.strs(.publicationPrefixes)
        publicationNames = try c.strs(.publicationNames); campaignSuffixes = try c.strs(.campaignSuffixes)
        centralIssuers = try c.strs(.centralIssuers); partyPrefixes = try c.strs(.partyPrefixes)
        judicialIssuers = try c.strs(.judicialIssuers); departmentEndings = try c.strs(.departmentEndings)
        provinces = try c.strs(.provinces); placeCharacters = try c.strs(.placeCharacters); unitWords = try c.strs(.unitWords)
        genericPlaceWords = try c.strs(.genericPlaceWords); genericFollowers = try c.strs(.genericFollowers)
        localMarkers = try c.strs(.localMarkers); localScopePrefixes = try c.strs(.localScopePrefixes)
        partyOrganPrefixes = try c.strs(.partyOrganPrefixes)
        selfPrefixes = try c.strs(.selfPrefixes); selfUnits = try c.strs(.selfUnits)
        localPlanHeads = try c.strs(.localPlanHeads); nationalScopes = try c.strs(.nationalScopes)
        placeholderMarks = try c.strs(.placeholderMarks)
    }
}

extension CitationsFile: KnowledgeFile {}

/// Classifies 《…》 titles with the word lists of citations.json.
public struct CitationClassifier: Sendable {
    /// The form a title's ending shows.
    enum Form { case law, notLaw, regulation, document, unitDocument, publication, campaign }

    public let file: CitationsFile
    /// Every suffix with its form, longest first, so that 学习纲要 wins over 纲要 and 通报 over 报.
    private let suffixes: [(suffix: String, form: Form)]
    private let placeChars: Set<Character>
    private let followers: Set<Character>
    private let genericPlaces: Set<String>

    public init(file: CitationsFile) {
        self.file = file
        var s: [(String, Form)] = []
        s += file.lawSuffixes.map { ($0, .law) }
        s += file.notLawSuffixes.map { ($0, .notLaw) }
        s += file.regulationSuffixes.map { ($0, .regulation) }
        s += file.documentSuffixes.map { ($0, .document) }
        s += file.unitDocumentSuffixes.map { ($0, .unitDocument) }
        s += file.publicationSuffixes.map { ($0, .publication) }
        s += file.campaignSuffixes.map { ($0, .campaign) }
        // Longest first, file order among equals (lengths counted once: Character counting is not free).
        let lengths = s.map { $0.0.unicodeScalars.count }
        suffixes = s.indices.filter { lengths[$0] > 0 }
            .sorted { lengths[$0] != lengths[$1] ? lengths[$0] > lengths[$1] : $0 < $1 }
            .map { (suffix: s[$0].0, form: s[$0].1) }
        placeChars = Set(file.placeCharacters.compactMap(\.first))
        followers = Set(file.genericFollowers.compactMap(\.first))
        genericPlaces = Set(file.genericPlaceWords)
    }

    /// The category of a title (with or without 《》).
    public func category(of raw: String) -> CitationCategory {
        let n = LawNames.normalize(raw)
        guard !n.isEmpty, !file.placeholderMarks.contains(where: { !$0.isEmpty && n.contains($0) }) else { return .unclassified }
        let base = Self.strippingParentheticals(n)
        guard base.count >= 2 else { return .unclassified }
        if file.publicationNames.contains(base) { return .publication }
        let form = self.form(of: base)
        // A bare kind word (《条例》, 《规定》) refers back to a title named earlier.
        if let f = form, f.suffix == base { return .unclassified }
        if file.publicationPrefixes.contains(where: { base.hasPrefix($0) }) { return .publication }
        guard let (_, shape) = form else { return .unclassified }
        switch shape {
        case .publication: return .publication
        case .campaign: return .campaign
        case .notLaw: return .unclassified
        default: break
        }
        if file.judicialIssuers.contains(where: { base.hasPrefix($0) }) { return .judicialInterpretation }
        let national = file.nationalPrefixes.contains { base.hasPrefix($0) }
        let local = !national && isLocal(base)
        let central = file.centralIssuers.contains { base.hasPrefix($0) }
        let party = file.partyPrefixes.contains { base.hasPrefix($0) }
        switch shape {
        case .law:
            return local ? .localRegulation : .nationalLaw
        case .regulation:
            if local { return .localRegulation }
            return party ? .partyRegulation : .administrativeRegulation
        case .document:
            if local { return .localDocument }
            if central { return .centralDocument }
            if isDepartmentIssued(base) { return .departmentalRule }
            return party ? .partyRegulation : .otherDocument
        case .unitDocument:
            if central { return .centralDocument }
            if !local && isDepartmentIssued(base) { return .departmentalRule }
            return .localDocument
        case .notLaw, .publication, .campaign:
            return .unclassified
        }
    }

    /// Whether a title claims to be a national document (a law, regulation, Party regulation or central
    /// document, or a document whose issuer is not named): the old `isLikelyNationalLawName`.
    public func mayBeNational(_ raw: String) -> Bool { category(of: raw).mayBeNational }

    /// The longest known suffix of a name and the form it shows.
    func form(of base: String) -> (suffix: String, form: Form)? {
        for s in suffixes where base.hasSuffix(s.suffix) { return s }
        return nil
    }

    /// The name without trailing parentheticals: （试行）, （2021—2025年）, （修订）.
    static func strippingParentheticals(_ n: String) -> String {
        var base = n
        while base.hasSuffix("）"), let open = base.lastIndex(of: "（"), open != base.startIndex { base = String(base[..<open]) }
        return base
    }

    /// Issued by a ministry or bureau named before 关于 (公安部关于…的规定).
    func isDepartmentIssued(_ base: String) -> Bool {
        guard let r = base.range(of: "关于") else { return false }
        let issuer = base[..<r.lowerBound]
        guard issuer.count >= 2 && issuer.count <= 16 else { return false }
        return file.departmentEndings.contains { !$0.isEmpty && issuer.hasSuffix($0) }
    }

    /// Whether a name belongs to a locality or a unit: it opens with a place (重庆市…, 北屏乡…, 黔江区…), a unit
    /// (县政府…, 本单位…, 市交通运输局关于…), a year (2024年…), a scope (全县…), or is a local plan (法治下陆建设规划).
    public func isLocal(_ name: String) -> Bool {
        let n = name
        let chars = Array(n)
        guard let first = chars.first else { return false }
        let head = String(chars.prefix(12))
        if file.localMarkers.contains(where: { !$0.isEmpty && head.contains($0) }) { return true }
        if file.localScopePrefixes.contains(where: { !$0.isEmpty && n.hasPrefix($0) }) { return true }
        // 2024年…, 2023年度…
        if chars.count > 4, chars[0...3].allSatisfy({ $0.isASCII && $0.isNumber }), chars[4] == "年" { return true }
        // 本镇…, 我县…, 本单位…
        for p in file.selfPrefixes where !p.isEmpty && n.hasPrefix(p) {
            let rest = n.dropFirst(p.count)
            if let c = rest.first, placeChars.contains(c) { return true }
            if file.selfUnits.contains(where: { !$0.isEmpty && rest.hasPrefix($0) }) { return true }
        }
        // 重庆市…, 四川省…, 广西壮族自治区…
        for p in file.provinces where !p.isEmpty && n.hasPrefix(p) {
            let rest = n.dropFirst(p.count)
            if rest.hasPrefix("省") || rest.hasPrefix("市") || rest.prefix(8).contains("自治区") { return true }
        }
        if placeChars.contains(first) {
            let rest = n.dropFirst()
            // 县政府…, 镇党委…, 区司法局…
            if file.unitWords.contains(where: { !$0.isEmpty && rest.hasPrefix($0) }) { return true }
            // 市交通运输局关于…
            if isDepartmentIssued(n) { return true }
        }
        if isLocalPlan(n) { return true }
        // 中共××县委…: the Party committee of a place.
        for p in file.partyOrganPrefixes where !p.isEmpty && n.hasPrefix(p) && n.count > p.count + 1 {
            if isLocal(String(n.dropFirst(p.count))) { return true }
        }
        // A place name: 1–6 Han characters then a place character (北屏乡…, 渝北区…), or …街道.
        let limit = min(chars.count - 1, 6)
        if limit >= 1 {
            for k in 1...limit {
                let c = chars[k]
                if c == "街" && k + 1 < chars.count && chars[k + 1] == "道" && k >= 2 { return true }
                guard placeChars.contains(c), k + 1 < chars.count else { continue }
                if genericPlaces.contains(String([chars[k - 1], c])) { continue }
                if k >= 2 && genericPlaces.contains(String([chars[k - 2], chars[k - 1]])) { continue }
                if followers.contains(chars[k + 1]) { continue }
                if chars[0..<k].allSatisfy({ $0.unicodeScalars.allSatisfy { Scalars.isHan($0.value) } }) { return true }
            }
        }
        return false
    }

    /// 法治下陆建设规划, 平安××建设实施方案: a head word, a place of two to four characters, then 建设.
    func isLocalPlan(_ n: String) -> Bool {
        for h in file.localPlanHeads where !h.isEmpty && n.hasPrefix(h) {
            let rest = Array(n.dropFirst(h.count))
            guard rest.count > 4 else { continue }
            for k in 2...min(4, rest.count - 2) where rest[k] == "建" && rest[k + 1] == "设" {
                let place = String(rest[0..<k])
                if file.nationalScopes.contains(place) { return false }
                return place.unicodeScalars.allSatisfy { Scalars.isHan($0.value) }
            }
        }
        return false
    }
}

extension KnowledgeValidation {
    public static func validate(_ file: CitationsFile) -> [String] {
        var p: [String] = []
        let f = CitationsFile.fileName
        if file.version != 1 { p.append("\(f)：version 应为 1，实为 \(file.version)") }
        let lists: [(String, [String])] = [
            ("lawSuffixes", file.lawSuffixes), ("regulationSuffixes", file.regulationSuffixes), ("documentSuffixes", file.documentSuffixes),
            ("unitDocumentSuffixes", file.unitDocumentSuffixes), ("publicationSuffixes", file.publicationSuffixes),
            ("centralIssuers", file.centralIssuers), ("provinces", file.provinces), ("placeCharacters", file.placeCharacters),
        ]
        for (name, xs) in lists where xs.isEmpty { p.append("\(f)：\(name) 为空") }
        let all: [(String, [String])] = lists + [
            ("notLawSuffixes", file.notLawSuffixes), ("publicationPrefixes", file.publicationPrefixes), ("campaignSuffixes", file.campaignSuffixes),
            ("partyPrefixes", file.partyPrefixes), ("judicialIssuers", file.judicialIssuers), ("departmentEndings", file.departmentEndings),
            ("unitWords", file.unitWords), ("genericPlaceWords", file.genericPlaceWords), ("localMarkers", file.localMarkers),
            ("localScopePrefixes", file.localScopePrefixes), ("partyOrganPrefixes", file.partyOrganPrefixes), ("selfPrefixes", file.selfPrefixes), ("selfUnits", file.selfUnits),
            ("localPlanHeads", file.localPlanHeads), ("nationalScopes", file.nationalScopes), ("placeholderMarks", file.placeholderMarks),
        ]
        for (name, xs) in all {
            for x in xs where blank(x) { p.append("\(f) \(name)：含空字符串") }
        }
        for (name, xs) in [("placeCharacters", file.placeCharacters), ("genericFollowers", file.genericFollowers)] {
            for x in xs where x.count != 1 { p.append("\(f) \(name)：“\(x)” 应为单个字符") }
        }
        // The same suffix with two forms would make the classification depend on file order.
        var seen: [String: String] = [:]
        for (name, xs) in [("lawSuffixes", file.lawSuffixes), ("notLawSuffixes", file.notLawSuffixes),
                           ("regulationSuffixes", file.regulationSuffixes), ("documentSuffixes", file.documentSuffixes),
                           ("unitDocumentSuffixes", file.unitDocumentSuffixes), ("publicationSuffixes", file.publicationSuffixes),
                           ("campaignSuffixes", file.campaignSuffixes)] {
            for x in xs {
                if let other = seen[x], other != name { p.append("\(f)：后缀“\(x)”同时出现在 \(other) 和 \(name) 中") }
                seen[x] = name
            }
        }
        return p
    }
}

extension CitationsFile { public func validate() -> [String] { KnowledgeValidation.validate(self) } }
