import Dispatch
import FazhiLinter
import FazhiParser
import FazhiText

/// Everything the reviewer's sheet shows, in the order it shows it: the reports worst first with their
/// copy figures, the overall figures, the pairs of reports that share most, and what could not be read.
public struct ReviewSheet: Sendable {
    public var entries: [ReviewEntry]
    /// The matrix columns: the parts of the reports' profiles, in profile order.
    public var columns: [Column]
    public var summary: ReviewSummary
    /// Pairs of reports sharing passages, most shared characters first.
    public var pairs: [PairFigures]
    /// Reports of earlier years compared with (--previous).
    public var previous: [OtherReport]
    /// Files not read: documents in other formats found in the folders, and files that failed to load
    /// (each with its Chinese message).
    public var skipped: [String]
    public var unreadable: [String]
    public var deadline: Deadline
    public var parameters: CopyParameters
    /// A fingerprint shared by more than this many reports was treated as common wording.
    public var commonThreshold: Int
    /// What copy detection did, for `fazhi review --timings` and docs/performance.md.
    public var stats = Stats()

    public struct Stats: Sendable {
        public var fingerprints = 0
        public var seeds = 0
        public var passages = 0
        /// Seconds in copy detection (fingerprint sort, seeds, extension), in plan comparison, and in
        /// cutting the passages' texts out of the reports.
        public var detection = 0.0
        public var planRepeats = 0.0
        public var passageTexts = 0.0
    }

    public struct Column: Sendable, Equatable {
        public var id: String
        public var short: String
        public var required: Bool
    }

    /// Copy figures for one pair of reports.
    public struct PairFigures: Sendable {
        public var first: OtherReport
        public var second: OtherReport
        public var passages: Int
        public var chars: Int
    }

    /// At most this many passages are kept per report (the longest); the copied share counts them all.
    public static let matchesPerReport = 40
    /// Pairs listed in the overview.
    public static let pairsListed = 30

    /// Builds the sheet. `documents` holds one `CopyDocument` per entry, in the same order; `previous`
    /// the documents of earlier years with their descriptions.
    public static func build(entries input: [ReviewEntry], documents: [CopyDocument],
                             previous: [(report: OtherReport, document: CopyDocument)] = [],
                             skipped: [String] = [], unreadable: [String] = [],
                             deadline: Deadline = .publication, parameters: CopyParameters = .default) -> ReviewSheet {
        precondition(input.count == documents.count, "one copy document per entry")
        var entries = input
        let all = documents + previous.map(\.document)
        var stats = Stats()
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap() -> Double {
            let now = DispatchTime.now().uptimeNanoseconds
            defer { clock = now }
            return Double(now - clock) / 1e9
        }
        let result = CopyDetector.detect(all, parameters: parameters)
        stats.detection = lap()
        let repeats = PlanRepeat.find(all, parameters: parameters)
        stats.planRepeats = lap()
        let others: [OtherReport] = entries.map {
            OtherReport(path: $0.path, unit: $0.unit?.name, year: $0.year, isPrevious: false)
        } + previous.map(\.report)
        let views = PassageViews(documents: all, result: result, keep: matchesPerReport, upTo: entries.count)
        for i in entries.indices {
            var figures = CopyFigures()
            figures.share = result.copiedShare(i)
            figures.copiedChars = result.copiedChars[i]
            figures.totalChars = result.totalChars[i]
            figures.matches = views.matches(of: i, others: others)
            if let r = repeats[i] { figures.planRepeat = PlanRepeatInfo(previous: others[r.previous], share: r.share) }
            entries[i].copy = figures
        }
        stats.passageTexts = lap()
        stats.fingerprints = result.fingerprintCount
        stats.seeds = result.seedCount
        stats.passages = result.passages.count
        var pairTotals: [Int: (passages: Int, chars: Int)] = [:]
        for p in result.passages {
            let key = p.a * all.count + p.b
            pairTotals[key, default: (0, 0)].passages += 1
            pairTotals[key, default: (0, 0)].chars += p.matched
        }
        let pairs = pairTotals.map { key, v in
            PairFigures(first: others[key / all.count], second: others[key % all.count], passages: v.passages, chars: v.chars)
        }.sorted { ($0.chars, $1.first.path, $1.second.path) > ($1.chars, $0.first.path, $0.second.path) }

        var columns: [Column] = []
        for e in entries {
            for p in e.parts where !columns.contains(where: { $0.id == p.id }) {
                columns.append(Column(id: p.id, short: p.short, required: p.required))
            }
        }
        entries.sort(by: worseFirst)
        return ReviewSheet(entries: entries, columns: columns, summary: ReviewSummary(entries, columns: columns),
                           pairs: Array(pairs.prefix(pairsListed)), previous: previous.map(\.report),
                           skipped: skipped, unreadable: unreadable, deadline: deadline, parameters: parameters,
                           commonThreshold: result.commonThreshold, stats: stats)
    }

    /// Worst first: more missing required parts, then more errors, then late, then more warnings, then a
    /// larger copied share, then more notes; the path breaks ties so the order is stable.
    public static func worseFirst(_ x: ReviewEntry, _ y: ReviewEntry) -> Bool {
        let kx = (x.missingRequired.count, x.counts.error, x.deadline.isLate ? 1 : 0, x.counts.warning)
        let ky = (y.missingRequired.count, y.counts.error, y.deadline.isLate ? 1 : 0, y.counts.warning)
        if kx != ky { return kx > ky }
        if x.copy.share != y.copy.share { return x.copy.share > y.copy.share }
        if x.counts.notes != y.counts.notes { return x.counts.notes > y.counts.notes }
        return x.path < y.path
    }
}

/// The overall figures.
public struct ReviewSummary: Sendable {
    public var reports = 0
    /// Reports with every required part (own section or inside another part).
    public var partsComplete = 0
    /// Reports that end like a finished report (特此报告, a signature or a date).
    public var withClosing = 0
    public var onTime = 0
    public var late = 0
    /// No date, no year or an implausible date: the deadline cannot be judged.
    public var undetermined = 0
    /// Reports with at least one passage found in another report.
    public var withCopies = 0
    public var planRepeats = 0
    public var counts = ReviewEntry.Counts()
    /// The most frequent defects: how many reports have each, most first.
    public var defects: [Defect] = []
    /// Per part: how many reports have it in each standing.
    public var parts: [PartTally] = []

    public struct Defect: Sendable, Equatable {
        /// A rule id, or missing-part:<part id> for a required part that is missing or only mentioned.
        public var key: String
        public var title: String
        public var reports: Int
        public var findings: Int
    }

    public struct PartTally: Sendable, Equatable {
        public var id: String
        public var short: String
        public var required = true
        public var separate = 0
        public var merged = 0
        public var mentioned = 0
        public var missing = 0
    }

    /// Defects listed (and charted).
    public static let defectsListed = 12

    public init() {}

    public init(_ entries: [ReviewEntry], columns: [ReviewSheet.Column]) {
        reports = entries.count
        var defectReports: [String: Int] = [:]
        var defectFindings: [String: Int] = [:]
        var titles: [String: String] = [:]
        var tallies = columns.map { PartTally(id: $0.id, short: $0.short, required: $0.required) }
        for e in entries {
            if e.partsComplete { partsComplete += 1 }
            if e.hasClosing { withClosing += 1 }
            switch e.deadline {
            case .onTime: onTime += 1
            case .late: late += 1
            default: undetermined += 1
            }
            if !e.copy.matches.isEmpty { withCopies += 1 }
            if e.copy.planRepeat != nil { planRepeats += 1 }
            counts.error += e.counts.error
            counts.warning += e.counts.warning
            counts.info += e.counts.info
            counts.hint += e.counts.hint
            var seen = Set<String>()
            // Missing parts come from the matrix cells (the missing-part rule's findings say the same).
            for f in e.findings where f.severity >= .warning && f.rule != "missing-part" {
                defectFindings[f.rule, default: 0] += 1
                if seen.insert(f.rule).inserted { defectReports[f.rule, default: 0] += 1 }
            }
            for p in e.missingRequired {
                let key = "missing-part:\(p.id)"
                titles[key] = p.presence == .missing ? "缺少“\(p.short)”" : "“\(p.short)”仅被提及、没有成段"
                defectReports[key, default: 0] += 1
                defectFindings[key, default: 0] += 1
            }
            for p in e.parts {
                guard let t = tallies.firstIndex(where: { $0.id == p.id }) else { continue }
                switch p.presence {
                case .separate: tallies[t].separate += 1
                case .merged: tallies[t].merged += 1
                case .mentioned: tallies[t].mentioned += 1
                case .missing: tallies[t].missing += 1
                }
            }
        }
        parts = tallies
        defects = defectReports.map { key, n in
            Defect(key: key, title: titles[key] ?? RuleTitles.title(key), reports: n, findings: defectFindings[key] ?? n)
        }.sorted { ($0.reports, $0.findings, $1.key) > ($1.reports, $1.findings, $0.key) }
        defects = Array(defects.prefix(ReviewSummary.defectsListed))
    }
}

/// Rule titles and explanations from the rules' own metadata.
public enum RuleTitles {
    static let byId: [String: RuleMetadata] = {
        var m: [String: RuleMetadata] = [:]
        for r in RuleCatalog.all { m[r.metadata.id] = r.metadata }
        return m
    }()

    public static func metadata(_ id: String) -> RuleMetadata? { byId[id] }
    public static func title(_ id: String) -> String { byId[id]?.title ?? id }
}

/// Turns passages into what the sheet shows: the text on both sides, pieces that differ marked.
struct PassageViews {
    let documents: [CopyDocument]
    let result: CopyResult
    /// Per document: byte ranges of every normalised range needed, computed once per document.
    var byteRanges: [[Range<Int>: TextRange]]

    init(documents: [CopyDocument], result: CopyResult, keep: Int, upTo reviewed: Int) {
        self.documents = documents
        self.result = result
        var needed = [[Range<Int>]](repeating: [], count: documents.count)
        for d in 0..<reviewed {
            for n in result.passagesOf[d].prefix(keep) {
                let p = result.passages[n]
                needed[p.a].append(p.rangeA)
                needed[p.b].append(p.rangeB)
                for s in p.segments {
                    needed[p.a].append(s.startA..<(s.startA + s.length))
                    needed[p.b].append(s.startB..<(s.startB + s.length))
                }
            }
        }
        byteRanges = needed.enumerated().map { d, ranges in
            guard !ranges.isEmpty else { return [:] }
            let unique = Array(Set(ranges))
            return Dictionary(uniqueKeysWithValues: zip(unique, documents[d].byteRanges(unique)))
        }
    }

    func matches(of d: Int, others: [OtherReport]) -> [CopyMatch] {
        result.passagesOf[d].prefix(ReviewSheet.matchesPerReport).map { n in
            let p = result.passages[n]
            let v = p.view(from: d)
            let here = pieces(d, v.range, v.segments.map { $0.0..<($0.0 + $0.2) })
            let there = pieces(v.other, v.otherRange, v.segments.map { $0.1..<($0.1 + $0.2) })
            let hereStart = byteRanges[d][v.range]?.start ?? 0
            let thereStart = byteRanges[v.other][v.otherRange]?.start ?? 0
            return CopyMatch(other: others[v.other], chars: v.range.count, matched: p.matched,
                             line: documents[d].source.line(of: hereStart) + 1,
                             otherLine: documents[v.other].source.line(of: thereStart) + 1,
                             here: here, there: there)
        }
    }

    /// The passage's text in document `d`: matching segments plain, the words between them marked.
    func pieces(_ d: Int, _ range: Range<Int>, _ segments: [Range<Int>]) -> [Piece] {
        let src = documents[d].source
        guard let whole = byteRanges[d][range] else { return [] }
        var out: [Piece] = []
        var pos = whole.start
        for seg in segments.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            guard let r = byteRanges[d][seg] else { continue }
            let start = max(r.start, pos)
            if start > pos { out.append(Piece(src.string(TextRange(pos, start)), marked: true)) }
            if r.end > start { out.append(Piece(src.string(TextRange(start, r.end)), marked: false)) }
            pos = max(pos, r.end)
        }
        if whole.end > pos { out.append(Piece(src.string(TextRange(pos, whole.end)), marked: true)) }
        return out
    }
}
