import Foundation

/// Severity names shared by the knowledge files and the linter.
public enum SeverityName: String, Codable, Sendable, CaseIterable {
    case error, warning, info, hint
}

/// A report profile: the parts a report must contain and the topic areas for coverage.
public struct Profile: Codable, Sendable {
    public struct Part: Codable, Sendable {
        public var id: String
        public var official: String
        /// *optional*: what the regulation asks of this part, in plain words (hover, completion docs).
        public var guidance: String?
        public var short: String
        /// *optional*: the heading to insert for a missing part; `{year}` is the report year, `{next}` the year after.
        public var heading: String?
        public var required: Bool
        public var severity: SeverityName
        /// Alternatives; each is a list of substrings that must all occur, in order.
        public var match: [[String]]
        public var exclude: [String]?

        public init(id: String, official: String, guidance: String? = nil, short: String, heading: String? = nil, required: Bool, severity: SeverityName, match: [[String]], exclude: [String]? = nil) {
            self.id = id; self.official = official; self.guidance = guidance; self.short = short; self.heading = heading; self.required = required
            self.severity = severity; self.match = match; self.exclude = exclude
        }

        /// Whether a heading text covers this part.
        /// The heading text for this part in a report on `year` (unknown year: 20××).
        public func headingText(year: Int?) -> String {
            let h = heading ?? short
            return h.replacingOccurrences(of: "{year}", with: year.map(String.init) ?? "20××")
                .replacingOccurrences(of: "{next}", with: year.map { String($0 + 1) } ?? "20××")
        }

        /// Whether a heading's words name this part: none of the exclusions occurs and all pieces of one
        /// alternative occur in order. Compared on scalars after folding both sides with `MatchNormalizer`
        /// (traditional characters, pronunciation glosses), so a republished traditional heading matches.
        public func matches(_ heading: String) -> Bool {
            let fold = MatchNormalizer.shared
            let h = fold.normalize(heading.unicodeScalars.map(\.value))
            for ex in exclude ?? [] {
                let x = fold.normalize(ex.unicodeScalars.map(\.value))
                if !x.isEmpty && Profile.find(x, in: h, from: 0) != nil { return false }
            }
            for alt in match {
                var pos = 0
                var ok = !alt.isEmpty
                for piece in alt {
                    let x = fold.normalize(piece.unicodeScalars.map(\.value))
                    if x.isEmpty { continue }
                    if let at = Profile.find(x, in: h, from: pos) { pos = at + x.count } else { ok = false; break }
                }
                if ok { return true }
            }
            return false
        }
    }

    /// First index of `p` in `a` at or after `from` (plain scalar search).
    public static func find(_ p: [UInt32], in a: [UInt32], from: Int) -> Int? {
        guard !p.isEmpty, a.count >= p.count else { return nil }
        var i = from
        while i + p.count <= a.count {
            if a[i] == p[0] {
                var k = 1
                while k < p.count && a[i + k] == p[k] { k += 1 }
                if k == p.count { return i }
            }
            i += 1
        }
        return nil
    }

    public struct Area: Codable, Sendable {
        public var id: String
        public var name: String
        public var keywords: [String]
    }

    /// Words that tell a report of this kind from other documents (see `ReportDetection` in the parser).
    public struct Detection: Codable, Sendable {
        /// The subject: a title or opening naming one of these is about the report's topic.
        public var topics: [String]
        /// The genre: a title naming a topic and one of these is a report's title.
        public var genres: [String]
        /// Phrases a report's opening or body uses and other documents rarely do.
        public var signals: [String]

        public init(topics: [String], genres: [String], signals: [String]) {
            self.topics = topics; self.genres = genres; self.signals = signals
        }
    }

    public var id: String
    public var name: String
    /// *optional*: the document the parts come from.
    public var source: String?
    public var parts: [Part]
    public var areas: [Area]
    /// *optional*: how to recognise a report of this profile; the default profile's is used when absent.
    public var detection: Detection?

    /// The ids of the parts a heading covers, in profile order. A heading may cover several parts
    /// ("存在的问题及下一步打算"); a local part no profile knows covers none.
    public func parts(covering heading: String) -> [String] {
        parts.filter { $0.matches(heading) }.map(\.id)
    }

    public func part(_ id: String) -> Part? { parts.first { $0.id == id } }
}

struct ProfilesFile: Codable {
    var version: Int
    var profiles: [Profile]
}

public enum Profiles {
    /// Profiles shipped with Fazhi (empty when the resources cannot be found).
    public static let builtin: [Profile] = (try? load()) ?? []

    public static func load() throws -> [Profile] {
        guard let d = KnowledgeResources.data("profiles.json") else {
            throw KnowledgeError(file: "profiles.json", message: "找不到知识库文件（可设置环境变量 FAZHI_RESOURCES 指向资源目录）")
        }
        return try read(d)
    }

    /// The default annual-report profile. Falls back to a minimal built-in copy of the five parts
    /// so that parsing never depends on finding the resource folder.
    public static let `default`: Profile = builtin.first { $0.id == "default" } ?? fallback

    public static func named(_ id: String) -> Profile? { builtin.first { $0.id == id } }

    static let fallback = Profile(
        id: "default", name: "法治政府建设年度报告",
        parts: [
            .init(id: "measures", official: "上一年度推进法治政府建设的主要举措和成效", short: "主要举措和成效", required: true, severity: .error, match: [["举措"], ["做法"], ["成效"]], exclude: ["第一责任人", "不足", "问题", "安排", "打算"]),
            .init(id: "shortcomings", official: "上一年度推进法治政府建设存在的不足和原因", short: "存在的不足和原因", required: true, severity: .error, match: [["不足"], ["存在", "问题"]]),
            .init(id: "leadership", official: "上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况", short: "党政主要负责人履行第一责任人职责情况", required: true, severity: .error, match: [["第一责任人"], ["主要负责", "履"]]),
            .init(id: "plans", official: "下一年度推进法治政府建设的主要安排", short: "下一年度主要安排", required: true, severity: .error, match: [["下一年度"], ["下一步"], ["安排"], ["打算"]], exclude: ["第一责任人"]),
            .init(id: "other", official: "其他需要报告的情况", short: "其他需要报告的情况", required: false, severity: .info, match: [["其他需要报告"]]),
        ],
        areas: [],
        detection: .init(topics: ["法治政府建设", "法治政府", "法治建设", "依法行政"], genres: ["报告", "总结", "情况"],
                         signals: ["第一责任人", "主要举措", "存在的不足", "下一年度", "特此报告"]))
}
