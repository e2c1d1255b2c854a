import Foundation
import FazhiText

// A 《…》 title examined against the catalogue, and a catalogue document judged against the year a report
// covers. Used by the `unknown-law` rule, the hover on a citation and `fazhi explain`.

/// What a 《…》 title was found to be.
public struct CitationExamination: Sendable {
    public enum Match: Sendable {
        /// A catalogue document; `writtenShort` when the title is not its full official name.
        case known(Law, writtenShort: Bool)
        /// A known wrong name, with the real documents meant.
        case misnomer(Misnomer, suggestions: [Law])
        /// Not in the catalogue. `close` is a catalogue document one slip away (one character added,
        /// dropped or changed, or a year span written without its dash), when the title may be national.
        case unknown(close: Law?)
    }

    public var name: String
    public var category: CitationCategory
    public var match: Match

    public var law: Law? { if case .known(let l, _) = match { return l } else { return nil } }
}

/// A document's standing in the year a report covers. The report on year Y is written by 31 March of Y+1:
/// what was issued by then can be known to it, what took effect only later cannot be cited as in force.
public enum CitationStanding: Sendable, Equatable {
    case inForce
    /// Issued after the report was written: it cannot be cited.
    case notYetIssued(KnowledgeDate)
    /// Issued after the reported year, while the report was being written.
    case issuedAfterYear(KnowledgeDate)
    /// No longer in force when the year began (date unknown when nil).
    case endedBefore(KnowledgeDate?)
    /// Stopped being in force during the year.
    case endedDuring(KnowledgeDate)
    /// In force all year, but replaced afterwards by a successor published before the report was written.
    case successorKnownAtWriting(KnowledgeDate)
}

extension Knowledge {
    /// Classifies a title and looks it up; the close-name search runs only for unknown titles that may be national.
    public func examineCitation(_ name: String) -> CitationExamination {
        let index = laws
        if let law = index.resolve(name) {
            let short = LawNames.normalize(name) != LawNames.normalize(law.name)
            return CitationExamination(name: name, category: CitationCategory(kind: law.lawKind), match: .known(law, writtenShort: short))
        }
        let category = citations.category(of: name)
        if let m = index.misnomer(named: name) {
            var seen = Set<String>()
            let sugg = m.suggest.compactMap { index.resolve($0) }.filter { seen.insert($0.id).inserted }
            return CitationExamination(name: name, category: category, match: .misnomer(m, suggestions: sugg))
        }
        let close = category.mayBeNational ? closeCatalogueName(name) : nil
        return CitationExamination(name: name, category: category, match: .unknown(close: close))
    }

    /// A catalogue document whose name (full or short) is one slip away from `name`: one character added,
    /// dropped or changed (not a digit changed in a well-formed year, which names another edition), or the
    /// same year span written without its dash (（20212025年）).
    public func closeCatalogueName(_ name: String) -> Law? {
        let q = Array(LawNames.key(name).unicodeScalars.map(\.value))
        guard q.count >= 4 else { return nil }
        let qFolded = Self.foldingYearSpans(q)
        for law in laws.suggestions(for: name, limit: 5) {
            for form in [law.name] + law.short {
                let k = Array(LawNames.key(form).unicodeScalars.map(\.value))
                guard abs(k.count - q.count) <= 2 else { continue }
                if Self.isOneSlip(q, k) || (qFolded != q && qFolded == Self.foldingYearSpans(k)) { return law }
            }
        }
        return nil
    }

    /// One insertion, deletion or substitution, where a substitution must not be one digit for another.
    static func isOneSlip(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        guard a != b, abs(a.count - b.count) <= 1 else { return false }
        var i = 0
        while i < a.count && i < b.count && a[i] == b[i] { i += 1 }
        var ja = a.count, jb = b.count
        while ja > i && jb > i && a[ja - 1] == b[jb - 1] { ja -= 1; jb -= 1 }
        let da = ja - i, db = jb - i
        guard da <= 1 && db <= 1 else { return false }
        if da == 1 && db == 1 { return !(LawNames.isDigit(a[i]) && LawNames.isDigit(b[i])) }
        return true
    }

    /// Key scalars without the dashes and 年 of year spans, so that （2021—2025年） and （20212025年） agree.
    static func foldingYearSpans(_ s: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(s.count)
        for (i, v) in s.enumerated() {
            let prevDigit = i > 0 && LawNames.isDigit(s[i - 1])
            if prevDigit && (v == 0x2014 || v == 0x5E74) { continue }  // — 年
            out.append(v)
        }
        return out
    }

    /// The document that replaced `law`, when the catalogue knows it.
    public func successor(of law: Law) -> Law? { law.replacedBy.flatMap { laws.resolve($0) } }

    /// When `law` stopped being in force: its own repeal date, else when its successor took effect (or was
    /// issued), else the last year of the period in its name (（2018—2022年）); nil while in force or unknown.
    public func endDate(of law: Law) -> KnowledgeDate? {
        if let r = law.repealedDate { return r }
        guard !law.isInForce else { return nil }
        if let s = successor(of: law), let d = s.effectiveDate ?? s.adoptedDate { return d }
        return Self.periodEnd(law.name)
    }

    /// The last year of a 四位—四位 span in a name.
    static func periodEnd(_ name: String) -> KnowledgeDate? {
        let s = Array(LawNames.normalize(name).unicodeScalars.map(\.value))
        var i = s.count - 1
        while i >= 8 {
            if s[i - 4] == 0x2014 && (0..<4).allSatisfy({ LawNames.isDigit(s[i - $0]) }) {
                let y = (0..<4).reduce(0) { $0 * 10 + Int(s[i - 3 + $1] - 0x30) }
                return KnowledgeDate(year: y)
            }
            i -= 1
        }
        return nil
    }

    /// How a report on `year` may cite `law`.
    public func standing(of law: Law, inReportYear year: Int) -> CitationStanding {
        let yearStart = KnowledgeDate(year: year, month: 1, day: 1)
        let yearEnd = KnowledgeDate(year: year, month: 12, day: 31)
        let windowEnd = KnowledgeDate(year: year + 1, month: 3, day: 31)
        if let a = law.adoptedDate {
            if a.isCertainlyAfter(windowEnd) { return .notYetIssued(a) }
            if a.isCertainlyAfter(yearEnd) { return .issuedAfterYear(a) }
        }
        guard !law.isInForce || law.repealedDate != nil else { return .inForce }
        guard let end = endDate(of: law) else { return law.isInForce ? .inForce : .endedBefore(nil) }
        // Every reading of the end date falls on or before 1 January: not in force at all that year.
        if end.latest <= yearStart.earliest { return .endedBefore(end) }
        if !end.isCertainlyAfter(yearEnd) { return .endedDuring(end) }
        if let s = successor(of: law), let sa = s.adoptedDate, !sa.isCertainlyAfter(windowEnd) { return .successorKnownAtWriting(end) }
        return .inForce
    }
}

extension CitationStanding {
    /// One line for hovers: the standing in the year, with the date and the successor when known.
    public func summary(successor: Law?) -> String {
        let by = successor.map { "被\($0.citation)取代" } ?? "废止或失效"
        switch self {
        case .inForce: return "有效"
        case .notYetIssued(let d): return "尚未出台（\(d.chinese)才印发或公布）"
        case .issuedAfterYear(let d): return "报告年度之后出台（\(d.chinese)）"
        case .endedBefore(let d): return "已失效（" + (d.map { "\($0.chinese)起" } ?? "") + by + "）"
        case .endedDuring(let d): return "年内失效（\(d.chinese)起\(by)）"
        case .successorKnownAtWriting(let d): return "有效（\(d.chinese)起\(by)，下一年度应以新文件为依据）"
        }
    }

    /// Whether the document was not in force (at all or for part of) the year.
    public var isOutdated: Bool {
        switch self {
        case .endedBefore, .endedDuring: return true
        default: return false
        }
    }
}
