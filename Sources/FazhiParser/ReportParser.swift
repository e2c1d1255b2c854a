import FazhiKnowledge
import FazhiText

/// Parses report text into a `Report`. Linear in the input: every line is classified once, headings
/// are linked with a stack, and paragraphs and enumerations are found in one pass over the body.
///
/// The work is split by concern: `Layout.swift` (flattened and double-spaced text), `Chrome.swift`
/// (web-page chrome), `HeaderParser.swift` (title, fields, recipient), `ClosingParser.swift`,
/// `BodyParser.swift` (the heading tree), `Paragraphs.swift` (paragraphs, 一是 items),
/// `UnitAndYear.swift` and `PartRecognition.swift` (which part each section stands for).
public struct ReportParser: Sendable {
    public let profile: Profile
    public init(profile: Profile = Profiles.default) { self.profile = profile }

    public func parse(_ string: String) -> Report { parse(SourceText(string)) }

    public func parse(_ text: SourceText) -> Report {
        var b = Builder(text: text, profile: profile)
        b.run()
        return b.report
    }
}

/// The state of one parse. Logical-line indices (`l`) and scalar indices are internal; the model it
/// produces speaks of byte ranges and physical lines.
struct Builder {
    var t: ScalarText
    let profile: Profile
    let matcher: PartMatcher
    let vocabulary: ParserVocabulary
    var report: Report
    var kinds: [LineKind]
    var lineHeading: [Int?]
    /// The sentence about the first-responsible-person duty, when no heading names it.
    var leadershipParagraph: TextRange?

    init(text: SourceText, profile: Profile) {
        t = ScalarText(text)
        t.splitFlattenedLines()
        self.profile = profile
        matcher = PartMatcher.matcher(for: profile)
        vocabulary = ParserVocabulary.shared
        report = Report(source: text, profile: profile)
        kinds = Array(repeating: .paragraph, count: t.lineCount)
        lineHeading = Array(repeating: nil, count: t.lineCount)
    }

    mutating func run() {
        let n = t.lineCount
        for l in 0..<n where t.isBlankLine(l) { kinds[l] = .blank }
        report.isTraditional = Builder.looksTraditional(t)
        let closingStart = findClosing()
        let bodyEnd = closingStart ?? n
        let bodyStart = parseHeader(limit: bodyEnd)
        parseBody(from: bodyStart, to: bodyEnd)
        finishTree()
        findParagraphs(from: bodyStart, to: bodyEnd)
        findEnumerations()
        findYearAndUnit()
        recognizeParts()
        report.lines = physicalLines()
        if t.physLine != nil {
            report.logicalLineStarts = (1..<max(1, t.lineCount)).filter { t.physical($0) == t.physical($0 - 1) }.map { t.off(t.lineStart[$0]) }
        }
    }

    /// One `LineInfo` per physical line: the kind, heading and paragraph of the first logical line on it
    /// that is not blank.
    func physicalLines() -> [LineInfo] {
        let n = t.physicalLineCount
        var lines: [LineInfo] = []
        lines.reserveCapacity(n)
        let paragraphs = report.paragraphs
        var pi = 0
        if t.physLine == nil {
            // One logical line per physical line (nothing was flattened): a line's facts are its own.
            for p in 0..<n {
                while pi < paragraphs.count && paragraphs[pi].lastLine < p { pi += 1 }
                let para = pi < paragraphs.count && paragraphs[pi].firstLine <= p ? pi : nil
                lines.append(LineInfo(kind: kinds[p], range: t.byteRange(t.physStart[p], t.physEnd[p]), heading: lineHeading[p], paragraph: para))
            }
            return lines
        }
        var l = 0
        for p in 0..<n {
            // Logical lines on physical line p.
            var kind: LineKind = .blank
            var heading: Int?
            while l < t.lineCount && t.physical(l) == p {
                if kind == .blank && kinds[l] != .blank { kind = kinds[l] }
                if heading == nil { heading = lineHeading[l] }
                l += 1
            }
            while pi < paragraphs.count && paragraphs[pi].lastLine < p { pi += 1 }
            let para = pi < paragraphs.count && paragraphs[pi].firstLine <= p ? pi : nil
            lines.append(LineInfo(kind: kind, range: t.byteRange(t.physStart[p], t.physEnd[p]), heading: heading, paragraph: para))
        }
        return lines
    }

    /// The one walk behind `normalized` and `folded`: each scalar of `s..<e` folded (traditional →
    /// simplified) with the index it came from, pronunciation glosses after a Han character skipped.
    @inline(__always)
    func foldWalk(_ s: Int, _ e: Int, _ emit: (UInt32, Int) -> Void) {
        let fold = MatchNormalizer.shared
        var i = s
        while i < e {
            let v = t.sc[i]
            if (v == .asciiLeftParenthesis || v == .leftParenthesis), i > s, Scalars.isHan(t.sc[i - 1]), let end = MatchNormalizer.glossEnd(t.sc, i, end: e) {
                i = end
                continue
            }
            emit(fold.fold(v), i)
            i += 1
        }
    }

    /// Folded scalars of `s..<e` (traditional → simplified, glosses dropped) for matching.
    func normalized(_ s: Int, _ e: Int) -> [UInt32] {
        guard s < e else { return [] }
        var out: [UInt32] = []
        out.reserveCapacity(e - s)
        foldWalk(s, e) { v, _ in out.append(v) }
        return out
    }

    /// Folded scalars with, for each, the index of the scalar it came from.
    struct Folded {
        var scalars: [UInt32] = []
        var source: [Int] = []
    }

    func folded(_ s: Int, _ e: Int) -> Folded {
        var out = Folded()
        guard s < e else { return out }
        out.scalars.reserveCapacity(e - s)
        out.source.reserveCapacity(e - s)
        foldWalk(s, e) { v, i in
            out.scalars.append(v)
            out.source.append(i)
        }
        return out
    }

    /// The scalars `s..<e` as they are, in the shape of `folded` (for simplified text).
    func identity(_ s: Int, _ e: Int) -> Folded {
        guard s < e else { return Folded() }
        return Folded(scalars: Array(t.sc[s..<e]), source: Array(s..<e))
    }

    /// Whether the text is written in traditional characters: among its first 400 Han characters, more
    /// than one in twenty is one the folding table maps (a republished report is traditional throughout).
    static func looksTraditional(_ t: ScalarText) -> Bool {
        let fold = MatchNormalizer.shared
        var han = 0, traditional = 0
        var i = 0
        while i < t.sc.count && han < 400 {
            let v = t.sc[i]
            if Scalars.isHan(v) {
                han += 1
                if fold.isTraditional(v) { traditional += 1 }
            }
            i += 1
        }
        return han >= 20 && traditional * 20 > han
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.unicodeScalars.first, Chars.isBlank(f.value) { s = Substring(s.unicodeScalars.dropFirst()) }
        while let l = s.unicodeScalars.last, Chars.isBlank(l.value) { s = Substring(s.unicodeScalars.dropLast()) }
        return String(s)
    }
}
