import FazhiText

/// How copy detection is tuned. The defaults are documented in docs/review.md.
public struct CopyParameters: Sendable {
    /// Shingle length in normalised characters (about one short clause).
    public var k = 10
    /// Winnowing window: any shared passage of `w + k - 1` characters or more is seen.
    public var w = 10
    /// A passage is reported when it spans at least this many normalised characters…
    public var minChars = 30
    /// …and at least this many of its matching characters, in both reports, lie outside standard wording
    /// and outside text that many reports share.
    public var minOwnChars = 24
    /// Exact matches this close (in both reports) form one passage with the words in between marked as
    /// changed: a copied paragraph whose unit name or figures were edited stays one passage.
    public var mergeGap = 12
    /// A fingerprint found in more than `commonFraction` × reports (at least `commonMinimum`, at most
    /// `commonMaximum`) reports is common wording of the folder (a county template, a slogan the knowledge
    /// base lacks), not copying. The cap keeps the work linear: a fingerprint gives at most
    /// commonMaximum × (commonMaximum − 1) / 2 pairs, however large the folder.
    public var commonMinimum = 6
    public var commonMaximum = 20
    public var commonFraction = 0.05
    /// The plans section counts as a repeat of last year's when this share of it is found there.
    public var planRepeatShare = 0.3
    /// Shingle length for comparing a unit's plans with its plans of the year before: long enough that
    /// stock phrases of a few words do not add up to a repeat, short enough to survive edited figures.
    public var planK = 16

    public init() {}
    public static let `default` = CopyParameters()

    /// Reports above which a fingerprint is common.
    public func commonThreshold(reports: Int) -> Int {
        min(max(commonMinimum, commonMaximum), max(commonMinimum, Int((commonFraction * Double(reports)).rounded(.up))))
    }
}

/// One report prepared for copy detection: its normalised body, which characters are standard wording,
/// its winnowed fingerprints and its plans section. Built independently per report (in parallel).
public struct CopyDocument: Sendable {
    /// The report's text (kept to show passages) and the part of it compared (the body, without title,
    /// recipient and signature).
    public let source: SourceText
    public let body: TextRange
    /// A report from an earlier year (`--previous`): compared with the folder, never reviewed itself.
    public let isPrevious: Bool
    public let unitName: String?
    public let year: Int?
    /// Normalised characters of the body (`CopyText`).
    public let chars: [UInt16]
    /// Per character: bit 0 set when it lies inside standard wording (`Boilerplate`).
    public internal(set) var flags: [UInt8]
    public let fingerprints: [Winnowing.Fingerprint]
    /// The plans section(s) as ranges of `chars`.
    public let plans: [Range<Int>]

    static let boilerplateFlag: UInt8 = 1
    static let commonFlag: UInt8 = 2

    public init(source: SourceText, body: TextRange, plans: [TextRange] = [], unitName: String?, year: Int?,
                isPrevious: Bool = false, parameters: CopyParameters = .default, boilerplate: Boilerplate) {
        self.source = source
        self.body = body
        self.isPrevious = isPrevious
        self.unitName = unitName
        self.year = year
        let k = parameters.k
        let norm = CopyText.normalize(source, body, offsets: !plans.isEmpty)
        chars = norm.chars
        self.plans = plans.compactMap { r -> Range<Int>? in
            let lo = CopyDocument.lowerBound(norm.starts, UInt32(max(0, r.start)))
            let hi = CopyDocument.lowerBound(norm.starts, UInt32(max(0, r.end)))
            return hi > lo ? lo..<hi : nil
        }
        let hashes = Winnowing.shingles(chars, k: k)
        // Mark the characters under boilerplate shingles with a difference array: linear, whatever k is.
        var cover = [Int32](repeating: 0, count: chars.count + 1)
        var isStandard = [Bool](repeating: false, count: hashes.count)
        if boilerplate.count > 0 {
            for (i, h) in hashes.enumerated() where boilerplate.contains(h) {
                isStandard[i] = true
                cover[i] += 1
                cover[i + k] -= 1
            }
        }
        var f = [UInt8](repeating: 0, count: chars.count)
        var run: Int32 = 0
        for i in 0..<chars.count {
            run += cover[i]
            if run > 0 { f[i] = CopyDocument.boilerplateFlag }
        }
        flags = f
        fingerprints = Winnowing.winnow(hashes, w: parameters.w) { isStandard[$0] }
    }

    static func lowerBound(_ a: [UInt32], _ x: UInt32) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let m = (lo + hi) >> 1
            if a[m] < x { lo = m + 1 } else { hi = m }
        }
        return lo
    }

    /// Byte ranges of normalised ranges of this document (for showing passages).
    public func byteRanges(_ ranges: [Range<Int>]) -> [TextRange] {
        let norm = CopyText.normalize(source, body, offsets: true)
        return ranges.map { r in
            guard !r.isEmpty, r.upperBound <= norm.starts.count else { return TextRange(body.start, body.start) }
            return TextRange(Int(norm.starts[r.lowerBound]), Int(norm.ends[r.upperBound - 1]))
        }
    }
}

import FazhiParser

extension CopyDocument {
    /// The copy document of a parsed report: its body (title, recipient and closing left out) and its plans
    /// section (a section of its own or inside another part; a sentence when only mentioned).
    public init(report: Report, isPrevious: Bool = false, parameters: CopyParameters = .default, boilerplate: Boilerplate) {
        self.init(source: report.source, body: report.bodyRange, plans: CopyDocument.planRanges(report),
                  unitName: report.unit?.name, year: report.year, isPrevious: isPrevious,
                  parameters: parameters, boilerplate: boilerplate)
    }

    /// Where the plans for the next year are written.
    public static func planRanges(_ report: Report, part: String = "plans") -> [TextRange] {
        guard let st = report.status(of: part) else { return [] }
        switch st.presence {
        case .separate, .merged:
            let sections = st.headings.filter { $0 < report.headings.count }.map { report.headings[$0].sectionRange }
            if !sections.isEmpty { return sections }
            return st.evidence.map { [$0] } ?? []
        case .mentioned:
            return st.evidence.map { [$0] } ?? []
        case .missing:
            return []
        }
    }
}
