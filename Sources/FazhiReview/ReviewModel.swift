import FazhiLinter
import FazhiParser

/// One report on the reviewer's sheet: what the matrix row shows, its findings in context, and what copy
/// detection found. Holds only strings and numbers, so a folder's report models can be dropped once the
/// entries are built.
public struct ReviewEntry: Sendable {
    public var path: String
    public var unit: Unit?
    public var year: Int?
    /// Where the year was read: 标题, 开头, 标题（部分）, or 正文（推断）.
    public var yearSource: String?
    /// One cell per part of the report's profile, in profile order.
    public var parts: [PartCell]
    /// 成文日期 as written, and its standing against the publication deadline.
    public var date: DateCell?
    public var deadline: DeadlineStatus
    /// Whether the text ends like a finished report (特此报告, a signature or a date).
    public var hasClosing: Bool
    public var counts: Counts
    public var findings: [Finding]
    /// Filled by copy detection.
    public var copy = CopyFigures()

    public struct Unit: Sendable, Equatable {
        public var name: String
        /// `UnitKind` raw value: 镇, 乡, 街道, 县, 区, 市, 省, 部门, 其他.
        public var kind: String
    }

    public struct Counts: Sendable, Equatable {
        public var error = 0
        public var warning = 0
        public var info = 0
        public var hint = 0
        /// info + hint: the sheet's 提示 column.
        public var notes: Int { info + hint }
    }

    public struct DateCell: Sendable, Equatable {
        public var text: String
        public var year: Int?
        public var month: Int?
        public var day: Int?
    }

    /// The unit's name, or the file name when no unit was found.
    public var displayName: String { unit?.name ?? fileName }

    public var fileName: String {
        if let slash = path.lastIndex(of: "/") { return String(path[path.index(after: slash)...]) }
        return path
    }

    /// Required parts that are missing or only mentioned: what the regulation asks and the report lacks.
    public var missingRequired: [PartCell] { parts.filter { $0.required && ($0.presence == .missing || $0.presence == .mentioned) } }

    /// All required parts have a section (of their own or inside another part).
    public var partsComplete: Bool { missingRequired.isEmpty }
}

/// A part's standing in one report.
public struct PartCell: Sendable, Equatable {
    public var id: String
    /// The profile's short name (主要举措和成效).
    public var short: String
    public var required: Bool
    public var presence: PartPresence
    /// The heading(s) standing for the part, as written.
    public var headings: [String]
    /// For a merged part: the heading of the part that holds it.
    public var container: String?
    /// For a merged or mentioned part: the words where it was seen (a sub-heading or a sentence).
    public var evidence: String?
    public var line: Int?

    /// The cell's symbol, readable without colour: ✓ own section, ◐ inside another part, △ only mentioned,
    /// ✗ missing, ○ missing but not required.
    public var symbol: String {
        switch presence {
        case .separate: return "✓"
        case .merged: return "◐"
        case .mentioned: return "△"
        case .missing: return required ? "✗" : "○"
        }
    }

    /// The cell's Chinese label.
    public var label: String {
        switch presence {
        case .separate: return "单列"
        case .merged: return "合并"
        case .mentioned: return "仅提及"
        case .missing: return required ? "缺少" : "未写"
        }
    }
}

/// The 成文日期 against the publication deadline of the year after the reported year.
public enum DeadlineStatus: Sendable, Equatable {
    /// Dated before the deadline.
    case onTime(deadline: CivilDate)
    /// Dated on or after the deadline; `days` after the last day allowed (the day before the deadline).
    case late(deadline: CivilDate, days: Int)
    /// No 成文日期, or one without month and day.
    case noDate
    /// The reported year is not known, so neither is the deadline.
    case noYear
    /// Dated before the reported year began: a typing error, most likely.
    case implausible(deadline: CivilDate)

    public var key: String {
        switch self {
        case .onTime: return "onTime"
        case .late: return "late"
        case .noDate: return "noDate"
        case .noYear: return "noYear"
        case .implausible: return "implausible"
        }
    }

    public var deadline: CivilDate? {
        switch self {
        case .onTime(let d), .late(let d, _), .implausible(let d): return d
        case .noDate, .noYear: return nil
        }
    }

    public var isLate: Bool { if case .late = self { return true } else { return false } }

    /// Chinese label with a symbol (readable in black and white).
    public var label: String {
        switch self {
        case .onTime: return "✓ 按期"
        case .late(_, let days): return "✗ 逾期\(days)天"
        case .noDate: return "？ 无成文日期"
        case .noYear: return "？ 年度不明"
        case .implausible: return "？ 日期早于报告年度"
        }
    }
}

/// One finding, with the sentence it is in.
public struct Finding: Sendable, Equatable {
    public var rule: String
    public var severity: Severity
    public var message: String
    /// 1-based line and column (characters) in the text Fazhi read.
    public var line: Int
    public var column: Int
    /// Where to look, in Chinese: 第12行第5字, or 第24段第32字 in a Word document.
    public var place: String
    /// The sentence around the finding: before, the flagged words, after.
    public var context: Excerpt
    /// The first fix's description (改为“截至目前”) and the sentence as it would read after it.
    public var fixTitle: String?
    public var fixed: [Piece]?
}

/// A sentence split into the flagged words and the words around them.
public struct Excerpt: Sendable, Equatable {
    public var before: String
    public var flagged: String
    public var after: String
    public var text: String { before + flagged + after }
}

/// A run of text, marked or not (changed words in a fix preview, differing words in a copied passage).
public struct Piece: Sendable, Equatable {
    public var text: String
    public var marked: Bool
    public init(_ text: String, marked: Bool) {
        self.text = text
        self.marked = marked
    }
}

/// What copy detection found for one report.
public struct CopyFigures: Sendable {
    /// Share of the body's characters found in another report of the folder or of an earlier year.
    public var share: Double = 0
    public var copiedChars = 0
    public var totalChars = 0
    public var matches: [CopyMatch] = []
    /// This year's plans repeat the same unit's plans of an earlier year.
    public var planRepeat: PlanRepeatInfo?
}

/// A passage shared with another report, both sides.
public struct CopyMatch: Sendable {
    public var other: OtherReport
    /// Normalised characters in the passage (this side) and how many of them match exactly.
    public var chars: Int
    public var matched: Int
    public var line: Int
    public var otherLine: Int
    /// The passage here and there; marked pieces differ between the two.
    public var here: [Piece]
    public var there: [Piece]
}

public struct OtherReport: Sendable, Equatable {
    public var path: String
    public var unit: String?
    public var year: Int?
    /// From the earlier years given with --previous.
    public var isPrevious: Bool

    public init(path: String, unit: String?, year: Int?, isPrevious: Bool) {
        self.path = path
        self.unit = unit
        self.year = year
        self.isPrevious = isPrevious
    }

    public var displayName: String {
        if let u = unit { return u }
        if let slash = path.lastIndex(of: "/") { return String(path[path.index(after: slash)...]) }
        return path
    }
}

public struct PlanRepeatInfo: Sendable {
    public var previous: OtherReport
    public var share: Double
}
