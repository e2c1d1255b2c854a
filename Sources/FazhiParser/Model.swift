import FazhiKnowledge
import FazhiText

// The report model. Every range is a half-open range of UTF-8 byte offsets into `Report.source`.
// Headings form a tree stored flat (document order) with parent/children indices.

public struct Report: Sendable {
    public let source: SourceText
    public let profile: Profile
    /// One entry per source line, in order.
    public internal(set) var lines: [LineInfo] = []
    public internal(set) var header = Header()
    /// All headings (real and pseudo) in document order.
    public internal(set) var headings: [Heading] = []
    /// Indices of the top-level headings.
    public internal(set) var roots: [Int] = []
    /// Logical paragraphs: runs of lines joined where a line break was stray (PDF/Word copy).
    public internal(set) var paragraphs: [Paragraph] = []
    /// Inline enumerations (一是……二是……) in paragraphs and run-on heading bodies.
    public internal(set) var enumerations: [EnumerationItem] = []
    public internal(set) var closing = Closing()
    /// The reported year (from the title, else the opening paragraph) and where it was read.
    public internal(set) var year: Int?
    public internal(set) var yearRange: TextRange?
    /// Whether the year was read from the title (else from the opening paragraph or a heading).
    public internal(set) var yearFromTitle = false
    /// Where the year was read (nil when no year was found).
    public internal(set) var yearSource: YearSource?
    /// The year when it was read from the title, the opening or a part heading — not guessed from the
    /// body. Rules that judge the text against the year use this one.
    public var confidentYear: Int? { yearSource == .body ? nil : year }
    public internal(set) var unit: ReportUnit?
    /// The standing of each part of the profile, in profile order (see `PartStatus`).
    public internal(set) var partStatus: [PartStatus] = []
    /// Whether the text uses traditional characters (republished on a mirror site); matching folds them.
    public internal(set) var isTraditional = false
    /// Where a report flattened into long lines was cut into paragraphs and headings (byte offsets of the
    /// logical lines that begin inside a physical line, ascending). The spaces before such an offset are
    /// indentation, not stray spaces.
    public internal(set) var logicalLineStarts: [Int] = []

    /// Whether `offset` begins a logical line inside a physical one (binary search).
    public func isLogicalLineStart(_ offset: Int) -> Bool {
        var lo = 0, hi = logicalLineStarts.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if logicalLineStarts[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < logicalLineStarts.count && logicalLineStarts[lo] == offset
    }

    public init(source: SourceText, profile: Profile) {
        self.source = source
        self.profile = profile
    }

    /// The text of a range.
    public func text(_ r: TextRange) -> String { source.string(r) }

    /// Indices of headings (any level) whose own text covers `part`. Top-level headings first.
    public func headings(covering part: String) -> [Int] {
        headings.indices.filter { headings[$0].parts.contains(part) }
    }

    /// Whether the part has a heading of its own (top-level, a pseudo-heading, or a first-level heading
    /// placed by position), as opposed to merged into another part, mentioned, or missing.
    public func hasPart(_ part: String) -> Bool { status(of: part)?.presence == .separate }

    /// The standing of one part.
    public func status(of part: String) -> PartStatus? { partStatus.first { $0.id == part } }

    /// Whether the text reads as finished: it ends with a closing (特此报告, a signature or a date).
    /// A report without one may be a draft or a truncated copy, so absences prove little.
    public var isComplete: Bool {
        closing.closingPhrase != nil || closing.date != nil || !closing.signatures.isEmpty
    }

    /// Headings that own a part none of their ancestors owns, in document order: the top-level part
    /// headings and the sub-headings of merged parts ("（一）履行第一责任人职责情况" under the measures).
    public internal(set) var partSections: [Int] = []

    /// Byte range of the body: from the first heading (or opening paragraph) to the closing. (The review's
    /// copy detection reads it; it went out with the dead code while the review was being merged.)
    public var bodyRange: TextRange {
        let s = header.opening.map { paragraphs[$0].range.start } ?? headings.first?.lineRange.start ?? 0
        let e = closing.start ?? source.count
        return TextRange(min(s, e), e)
    }

    /// The heading whose section contains `offset`, deepest first.
    ///
    /// Sections nest like the tree (a heading's section holds exactly its descendants' sections), so
    /// the deepest section containing `offset` belongs to the last heading starting at or before
    /// `offset` or to one of its ancestors: a binary search and a walk up the parents.
    public func innermostHeading(at offset: Int) -> Int? {
        var lo = 0, hi = headings.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if headings[mid].lineRange.start <= offset { lo = mid + 1 } else { hi = mid }
        }
        var i = lo - 1
        while i >= 0 {
            if headings[i].sectionRange.contains(offset) || headings[i].lineRange.contains(offset) { return i }
            guard let p = headings[i].parent else { return nil }
            i = p
        }
        return nil
    }

    /// The canonical parts that apply at `offset` (of the top-level heading above it).
    public func parts(at offset: Int) -> [String] {
        guard var i = innermostHeading(at: offset) else { return [] }
        while true {
            if !headings[i].parts.isEmpty { return headings[i].parts }
            guard let p = headings[i].parent else { return [] }
            i = p
        }
    }
}

public enum LineKind: String, Sendable {
    case blank
    /// Web-page chrome copied with a published report (breadcrumbs, 发布时间/来源, 索引号 tables, widgets).
    case chrome
    /// A covering letter (报送函) that precedes the report's own title.
    case coverLetter
    /// The occasion of a report delivered at a meeting ("2025年3月17日在……会议上").
    case occasion
    /// 发文机关标志 (e.g. 中共××镇委员会 / ××镇人民政府 above the title)
    case organization
    case docNumber
    case signer
    case title
    case recipient
    case heading
    case paragraph
    /// A line that continues the previous paragraph after a stray line break.
    case continuation
    /// 特此报告
    case closingPhrase
    case attachment
    /// 署名 (机关名称) in the closing
    case signature
    /// 成文日期
    case date
    /// 附注 such as （此件公开发布）
    case note
    /// 抄送 / 印发 lines
    case distribution
}

public struct LineInfo: Sendable {
    public var kind: LineKind
    /// Content range, without the line terminator.
    public var range: TextRange
    public var heading: Int?
    public var paragraph: Int?
}

/// A labelled header value (发文字号, 签发人, 主送机关).
public struct Field: Sendable {
    /// The value itself (e.g. `某委文〔2024〕2号`, the signer's name, the recipient without the colon).
    public var range: TextRange
    public var line: Int
    public var text: String
}

public struct Title: Sendable {
    /// The title text, without conversion residue before it.
    public var range: TextRange
    /// Residue on the same line before the title (e.g. `[bookmark: _GoBack]`).
    public var residue: TextRange?
    /// First line of the title; a title may wrap onto a second line.
    public var line: Int
    public var lastLine: Int
    public var text: String
}

public struct Header: Sendable {
    public var organizationLines: [TextRange] = []
    public var docNumber: Field?
    public var signer: Field?
    public var title: Title?
    public var recipient: Field?
    /// Index into `Report.paragraphs` of the opening paragraph (before the first heading).
    public var opening: Int?
}

public enum MarkerIssue: Sendable, Equatable {
    /// Half-width parentheses where full-width are standard: (一) → （一）.
    case halfwidthBrackets
    /// A wrong delimiter after the numeral, e.g. 1、 for 1. or 一. for 一、; `expected` is the standard one.
    case wrongDelimiter(found: String, expected: String)
    /// A delimiter that should not be there at all, e.g. （一）、
    case extraDelimiter(String)
    /// Space characters between the marker and the heading text.
    case spaceAfterMarker(TextRange)
}

public struct Heading: Sendable {
    /// GB/T 9704 level from the marker's form: 1 一、, 2 （一）, 3 1., 4 （1）; 0 for a labelled pseudo-heading.
    public var level: Int
    /// The marker as written (e.g. `一、`, `（一）`, `1.`), empty for pseudo-headings.
    public var marker: String
    public var markerRange: TextRange
    /// The numeral's value (一 → 1, 十一 → 11), nil for pseudo-headings.
    public var number: Int?
    public var markerIssues: [MarkerIssue]
    /// The heading text without the marker and without run-on body text.
    public var textRange: TextRange
    public var text: String
    /// Body text that follows the heading on the same line ("1.加强领导。全年召开……"), with the lines it
    /// continues on when a stray line break cut it (text copied from a PDF).
    public var runOnRange: TextRange?
    /// Offsets where a stray line break inside the run-on text was joined (end of the earlier line's content).
    public var runOnBreaks: [Int] = []
    /// The whole line.
    public var lineRange: TextRange
    public var line: Int
    /// A labelled line such as "存在的问题：" standing in for a heading.
    public var isPseudo: Bool
    /// Canonical parts this heading stands for: named by its own words (from the profile), or, for a
    /// first-level heading with a theme of its own ("一、强化组织领导"), given by its place among the
    /// part headings (`partsInferred`).
    public var parts: [String]
    /// Whether `parts` were given by position rather than by the heading's words.
    public var partsInferred = false
    /// Parts without a heading of their own that this (top-level) section holds: a sub-heading or a
    /// paragraph about the first-responsible-person duty inside the measures, for example.
    public var mergedParts: [String] = []
    public var parent: Int?
    public var children: [Int]
    /// Depth in the tree (0 for roots).
    public var depth: Int
    /// From the start of the heading line to the start of the next heading at the same or a higher level
    /// (or the closing / end of text).
    public var sectionRange: TextRange
}

public struct Paragraph: Sendable {
    /// From the first line's start to the last line's end (terminators between lines included).
    public var range: TextRange
    public var firstLine: Int
    public var lastLine: Int
    /// Offsets where a stray line break was joined (end of the earlier line's content).
    public var breaks: [Int]
    /// Index of the heading whose section the paragraph is in.
    public var heading: Int?
    public var isOpening: Bool
}

public struct EnumerationItem: Sendable {
    /// 1 for 一是, 2 for 二是, …
    public var ordinal: Int
    /// The marker as written (`一是`).
    public var marker: String
    public var markerRange: TextRange
    /// From the marker to the start of the next item or the end of the paragraph.
    public var range: TextRange
    /// Items of one enumeration share a group number.
    public var group: Int
    public var line: Int
}

public struct DateValue: Sendable {
    public var range: TextRange
    public var line: Int
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// Written with Chinese numerals (二〇二四年…).
    public var chineseNumerals: Bool
    /// Month or day written with a leading zero (03月).
    public var zeroPadded: Bool
    /// Written as 2024.3.5 or 2024-03-05 instead of 年月日.
    public var numericForm: Bool
}

public struct Closing: Sendable {
    /// Start offset of the closing block (特此报告 / 署名 / 日期), if any.
    public var start: Int?
    public var closingPhrase: TextRange?
    public var signatures: [TextRange] = []
    public var date: DateValue?
    public var notes: [TextRange] = []
    public var distribution: [TextRange] = []
    public var attachments: [TextRange] = []
}

public enum UnitKind: String, Sendable, CaseIterable {
    case town = "镇"
    case township = "乡"
    case subdistrict = "街道"
    case county = "县"
    case district = "区"
    case city = "市"
    case province = "省"
    case department = "部门"
    case other = "其他"
}

public struct ReportUnit: Sendable {
    public var name: String
    public var kind: UnitKind
    public var range: TextRange?
    /// Where the name was read.
    public var source: UnitSource?
    /// Whether the name was read from a Party committee (中共××镇委员会) rather than a government organ.
    public var isPartyOrgan = false

    public init(name: String, kind: UnitKind, range: TextRange?, source: UnitSource? = nil) {
        self.name = name
        self.kind = kind
        self.range = range
        self.source = source
    }
}

/// How a part of the profile is present in a report.
public enum PartPresence: String, Sendable {
    /// A heading of its own.
    case separate
    /// Inside another part: a sub-heading or a paragraph about it.
    case merged
    /// Only words about it somewhere (a sentence), no section.
    case mentioned
    /// No trace at all.
    case missing
}

public struct PartStatus: Sendable {
    public var id: String
    public var presence: PartPresence
    /// Headings that stand for the part (its own headings, or the sub-heading it is merged as).
    public var headings: [Int]
    /// The top-level heading whose section holds a merged part.
    public var container: Int?
    /// Where a merged or mentioned part was seen (a sub-heading's text or a sentence).
    public var evidence: TextRange?
}
