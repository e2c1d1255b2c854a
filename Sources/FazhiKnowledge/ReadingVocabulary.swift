import Foundation

/// Words the parser reads a report's layout by (`Resources/reading.json`): web-page chrome copied along with
/// a published report, the suffixes that name a reporting unit and its kind, self-references (我镇、我局), the
/// words that end the subject of an opening sentence, the words a title is recognised by.
///
/// These are facts about how reports and government web pages are written, so they are data; the parser
/// holds only the procedure. An empty vocabulary (resources not found) makes the parser recognise less,
/// never crash.
public struct ReadingVocabulary: Codable, Sendable {
    public struct PlaceSuffix: Codable, Sendable {
        /// The ending of a place name (`街道`, `镇`, `自治县`).
        public var suffix: String
        /// Unit kind: 镇、乡、街道、县、区、市 or 省.
        public var kind: String
        public init(suffix: String, kind: String) { self.suffix = suffix; self.kind = kind }
    }

    public struct OrganEnding: Codable, Sendable {
        /// The ending that names the organ of a place rather than the place (`人民政府`, `办事处`, `委`).
        public var ending: String
        /// *optional*: a Party committee (中共××镇委员会, ××镇党委).
        public var party: Bool?
        /// *optional*: counts only directly after a place name (镇委、县委员会 — not 卫健委).
        public var afterPlace: Bool?
    }

    public struct SelfReference: Codable, Sendable {
        public var word: String
        public var kind: String
        public init(word: String, kind: String) { self.word = word; self.kind = kind }
    }

    public var version: Int
    /// Labels of page metadata (发布日期、来源、索引号 …) that make a header line web-page chrome.
    public var chromeKeys: [String]
    /// Metadata labels whose value is the document's title (标题：…).
    public var chromeTitleKeys: [String]
    /// Words of page widgets (字号 大 中 小、打印、分享到 …): a line made only of these is chrome.
    public var chromeWidgets: [String]
    /// Words that start a breadcrumb (当前位置) and the home link it starts from (首页).
    public var breadcrumbMarkers: [String]
    public var breadcrumbHome: [String]
    /// A title names the domain (法治 …) and the genre (报告 …).
    public var titleDomains: [String]
    public var titleGenres: [String]
    /// Endings of place names and the kind of unit each names.
    public var placeSuffixes: [PlaceSuffix]
    /// Endings of department and office names at any level (局、委、厅、办公室 …): units of kind 部门.
    public var departmentSuffixes: [String]
    /// Endings that name a place's organ; stripped from a unit's name.
    public var organEndings: [OrganEnding]
    public var partyPrefixes: [String]
    /// Organs a report names as its superiors (在区委、区政府的领导下), never the reporting unit.
    public var superiorOrgans: [String]
    public var selfReferences: [SelfReference]
    /// Words that end the subject of the opening sentence ("汤头街道|在区委……", "市应急管理局|全面……").
    public var subjectStops: [String]
    /// How the 主送机关 before its colon ends (县人民政府、区委、主任、各位委员 …).
    public var recipientEndings: [String]
    /// Generic words after 法治 that are not a place's name in the idiom "法治××建设" (法治政府建设).
    public var brandStops: [String]
    /// First-level headings that give an overview ("总体情况"); measures unless another heading is.
    public var overviewHeadings: [String]

    public static let empty = ReadingVocabulary(
        version: 1, chromeKeys: [], chromeTitleKeys: [], chromeWidgets: [], breadcrumbMarkers: [], breadcrumbHome: [],
        titleDomains: ["法治", "法制", "依法行政"], titleGenres: ["报告", "总结"], placeSuffixes: [], departmentSuffixes: [],
        organEndings: [], partyPrefixes: [],
        superiorOrgans: [], selfReferences: [], subjectStops: [], recipientEndings: [], brandStops: [], overviewHeadings: [])

    /// The shipped vocabulary (empty when the resources cannot be found or read).
    public static let shared: ReadingVocabulary = (try? load()) ?? .empty

    public static func load() throws -> ReadingVocabulary {
        try KnowledgeResources.decode(ReadingVocabulary.self, from: "reading.json")
    }

    /// Problems a test should fail on: unknown kinds, a strip that is not a suffix of its suffix, duplicates.
    public func problems() -> [String] {
        var out: [String] = []
        let kinds: Set<String> = ["镇", "乡", "街道", "县", "区", "市", "省", "部门"]
        var seen = Set<String>()
        for p in placeSuffixes {
            if !kinds.contains(p.kind) || p.kind == "部门" { out.append("placeSuffixes: 类别“\(p.kind)”不是地方（\(p.suffix)）") }
            if !seen.insert(p.suffix).inserted { out.append("placeSuffixes: 重复“\(p.suffix)”") }
        }
        for d in departmentSuffixes where !seen.insert(d).inserted && !organEndings.contains(where: { $0.ending == d }) {
            out.append("departmentSuffixes: 与其他词尾重复“\(d)”")
        }
        for o in organEndings where o.ending.isEmpty { out.append("organEndings: 空词尾") }
        for r in selfReferences where !kinds.contains(r.kind) { out.append("selfReferences: 未知类别“\(r.kind)”（\(r.word)）") }
        for (name, list) in [("chromeKeys", chromeKeys), ("chromeWidgets", chromeWidgets), ("subjectStops", subjectStops)] {
            if list.contains(where: \.isEmpty) { out.append("\(name): 含空字符串") }
        }
        return out
    }
}
