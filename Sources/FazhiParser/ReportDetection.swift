// Is this document a rule-of-law government report at all? Editors open every .txt and .md file; a
// README or a meeting note must not be covered in findings meant for a report. The decision is domain
// logic, so it lives here and the server only applies it.
import FazhiKnowledge
import FazhiText

/// The answer of `ReportDetection.assess`: whether to check the document, and why (in Chinese, shown to
/// the user in the editor's status line).
public struct ReportVerdict: Sendable, Equatable {
    public var isReport: Bool
    public var reason: String

    public init(isReport: Bool, reason: String) {
        self.isReport = isReport
        self.reason = reason
    }
}

public enum ReportDetection {
    /// Only the head of a document is searched for topic and signal words: a report names its subject in
    /// the title and the opening, and the window keeps the check constant-time on long files.
    public static let headBytes = 8192

    /// Judges a parsed document. A report is recognised by any one of:
    /// 1. a title (or, without one, the first line) naming the topic and the genre (法治政府建设 … 报告);
    /// 2. two or more top-level headings that cover parts of the profile (主要举措和成效, 存在的不足 …);
    /// 3. the topic named near the top together with one part heading or two report phrases
    ///    (第一责任人, 特此报告 …).
    /// A draft with only a title and one heading passes by (1); a README or a note passes none.
    public static func assess(_ report: Report) -> ReportVerdict {
        let words = report.profile.detection ?? Profiles.default.detection ?? Profile.Detection(topics: [], genres: [], signals: [])
        let text = report.source
        if firstNonBlankLine(text) == nil {
            return ReportVerdict(isReport: false, reason: "文档为空")
        }

        // 1. The title.
        let title = report.header.title?.text ?? firstNonBlankLine(text) ?? ""
        let topicInTitle = words.topics.first { title.contains($0) }
        if let topic = topicInTitle, let genre = words.genres.first(where: { title.contains($0) }) {
            return ReportVerdict(isReport: true, reason: "标题含“\(topic)”和“\(genre)”，按法治政府建设报告检查")
        }

        // 2. Part headings.
        var parts: [String] = []
        for h in report.headings where !h.isPseudo && h.depth == 0 {
            for id in h.parts where !parts.contains(id) { parts.append(id) }
        }
        let partNames = parts.compactMap { report.profile.part($0)?.short }
        if parts.count >= 2 {
            return ReportVerdict(isReport: true, reason: "有报告必备部分的标题（\(partNames.prefix(3).joined(separator: "、"))），按法治政府建设报告检查")
        }

        // 3. The topic near the top, with a part heading or report phrases.
        let head = text.string(TextRange(0, scalarBoundary(text, atMost: headBytes)))
        let topic = topicInTitle ?? words.topics.first { head.contains($0) }
        let signals = words.signals.filter { head.contains($0) }
        if let topic {
            if let part = partNames.first {
                return ReportVerdict(isReport: true, reason: "开头提到“\(topic)”，并有“\(part)”部分，按法治政府建设报告检查")
            }
            if signals.count >= 2 {
                return ReportVerdict(isReport: true, reason: "开头提到“\(topic)”，并有“\(signals[0])”“\(signals[1])”等报告用语，按法治政府建设报告检查")
            }
            return ReportVerdict(isReport: false, reason: "虽提到“\(topic)”，但没有报告的标题、开头或必备部分的标题，不作检查")
        }
        return ReportVerdict(isReport: false, reason: "没有法治政府建设报告的标题、开头或必备部分的标题，不作检查")
    }

    /// The first line with visible text, without Markdown heading marks and surrounding spaces.
    static func firstNonBlankLine(_ text: SourceText) -> String? {
        var line = 0
        while line < text.lineCount {
            let r = text.lineRange(line)
            if r.start >= headBytes { return nil }
            var s = Substring(text.string(r))
            while let c = s.first, c == "#" || c == " " || c == "　" || c == "\t" || c == "\u{FEFF}" { s = s.dropFirst() }
            while let c = s.last, c == " " || c == "　" || c == "\t" { s = s.dropLast() }
            if !s.isEmpty { return String(s) }
            line += 1
        }
        return nil
    }

    /// The largest offset ≤ `limit` that starts a scalar (so the head never ends inside a character).
    static func scalarBoundary(_ text: SourceText, atMost limit: Int) -> Int {
        var e = min(limit, text.count)
        while e > 0 && e < text.count && UTF8.isContinuation(text.bytes[e]) { e -= 1 }
        return e
    }
}
