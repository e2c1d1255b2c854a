import FazhiKnowledge

/// A set of scalars as 1,024 bits (by the scalar's low ten bits): `mayContain` never misses a member and
/// rarely admits another, so a line whose scalars all fail it is passed over without any further work.
struct ScalarFilter: Sendable {
    private var words = [UInt64](repeating: 0, count: 16)

    init(_ scalars: some Sequence<UInt32>) {
        for c in scalars { words[Int(c & 1023) >> 6] |= 1 << UInt64(c & 63) }
    }

    @inline(__always) func mayContain(_ c: UInt32) -> Bool { words[Int(c & 1023) >> 6] & (1 << UInt64(c & 63)) != 0 }
}

/// The reading vocabulary as scalar arrays, built once.
struct ParserVocabulary: Sendable {
    let chromeKeys: [[UInt32]]
    /// The first scalars of `chromeKeys`: a metadata label can only start with one of them.
    let chromeKeyStarts: ScalarFilter
    let chromeTitleKeys: [[UInt32]]
    let chromeWidgets: [[UInt32]]
    /// The first scalars of `chromeWidgets`.
    let chromeWidgetStarts: ScalarFilter
    let breadcrumbMarkers: [[UInt32]]
    let breadcrumbHome: [[UInt32]]
    let titleDomains: [[UInt32]]
    let titleGenres: [[UInt32]]
    /// Longest first.
    let placeSuffixes: [(suffix: [UInt32], kind: UnitKind)]
    let departmentSuffixes: [[UInt32]]
    let organEndings: [(ending: [UInt32], party: Bool, afterPlace: Bool)]
    let partyPrefixes: [[UInt32]]
    let superiorOrgans: [[UInt32]]
    let selfReferences: [(word: [UInt32], kind: UnitKind)]
    let subjectStops: [[UInt32]]
    let recipientEndings: [[UInt32]]
    let brandStops: [[UInt32]]
    let overviewHeadings: [[UInt32]]

    static let shared = ParserVocabulary(ReadingVocabulary.shared)

    init(_ v: ReadingVocabulary) {
        let fold = MatchNormalizer.shared
        func scalars(_ list: [String]) -> [[UInt32]] { list.map { fold.normalize(u($0)) }.filter { !$0.isEmpty } }
        chromeKeys = scalars(v.chromeKeys).sorted { $0.count > $1.count }
        chromeKeyStarts = ScalarFilter(chromeKeys.compactMap(\.first))
        chromeTitleKeys = scalars(v.chromeTitleKeys)
        chromeWidgets = scalars(v.chromeWidgets).sorted { $0.count > $1.count }
        chromeWidgetStarts = ScalarFilter(chromeWidgets.compactMap(\.first))
        breadcrumbMarkers = scalars(v.breadcrumbMarkers)
        breadcrumbHome = scalars(v.breadcrumbHome)
        titleDomains = scalars(v.titleDomains)
        titleGenres = scalars(v.titleGenres)
        placeSuffixes = v.placeSuffixes.compactMap { p in
            guard let k = UnitKind(rawValue: p.kind), !p.suffix.isEmpty else { return nil }
            return (u(p.suffix), k)
        }.sorted { $0.suffix.count > $1.suffix.count }
        departmentSuffixes = scalars(v.departmentSuffixes).sorted { $0.count > $1.count }
        organEndings = v.organEndings.filter { !$0.ending.isEmpty }.map { (u($0.ending), $0.party ?? false, $0.afterPlace ?? false) }
            .sorted { $0.ending.count > $1.ending.count }
        partyPrefixes = scalars(v.partyPrefixes)
        superiorOrgans = scalars(v.superiorOrgans)
        selfReferences = v.selfReferences.compactMap { r in UnitKind(rawValue: r.kind).map { (u(r.word), $0) } }
        subjectStops = scalars(v.subjectStops).sorted { $0.count > $1.count }
        recipientEndings = scalars(v.recipientEndings).sorted { $0.count > $1.count }
        brandStops = scalars(v.brandStops)
        overviewHeadings = scalars(v.overviewHeadings)
    }
}

