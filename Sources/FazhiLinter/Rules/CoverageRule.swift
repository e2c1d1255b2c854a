import Foundation
import FazhiKnowledge
import FazhiParser
import FazhiText

/// `coverage`: the measures part touches none of the keywords of a core topic area of the profile.
///
/// Decisions (domain reference §2.5): the ten areas follow the 2021—2025 纲要's chapters plus 普法.
/// Township reports are not expected to cover 突发事件应对 (A6) or 数字法治政府 (A9) deeply, and the
/// areas present in every township report seen are A1 (党的领导), A4 (行政决策), A5 (行政执法),
/// A7 (矛盾纠纷化解) and A10 (普法): only their absence is a signal worth a hint, for every kind of
/// unit. A profile whose areas use none of these ids (a user's own profile) has all its areas checked.
/// Matching ignores quotation marks and 书名号 (“八五”普法 counts as 八五普法). No measures part, no hint.
struct CoverageRule: Rule {
    let metadata = RuleMetadata(
        id: "coverage",
        category: .coverage,
        defaultSeverity: .hint,
        title: "主要举措未涉及重点工作领域",
        rationale: "《法治政府建设实施纲要（2021—2025年）》把法治政府建设分为党的领导、政府职能、依法行政制度、行政决策、行政执法、突发事件应对、矛盾纠纷化解、权力监督、数字法治政府等方面，普法和法治社会建设也是每份基层报告都有的内容。其中党的领导、重大行政决策、行政执法、矛盾纠纷化解和普法是乡镇报告普遍涉及的领域：“主要举措和成效”部分一项都没有提到，往往是遗漏，值得核对。突发事件应对和数字法治政府对乡镇不作要求。只检查写完的报告（有“特此报告”、署名或成文日期）：起草中的报告尚未写到的方面不提示。",
        source: "《法治政府建设实施纲要（2021—2025年）》（中发〔2021〕33号）各部分任务；配置文件 profiles.json 的领域关键词",
        examples: [
            RuleExample("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n镇党委理论学习中心组专题学习习近平法治思想。严格落实重大行政决策程序。规范综合行政执法。\n特此报告。\n", triggers: true, note: "未涉及矛盾纠纷化解和普法"),
            RuleExample("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n镇党委理论学习中心组专题学习习近平法治思想。严格落实重大行政决策程序。规范综合行政执法。开展人民调解。深入推进“八五”普法。\n特此报告。\n", triggers: false),
            RuleExample("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n镇党委理论学习中心组专题学习习近平法治思想。\n", triggers: false, note: "报告尚未写完（没有结尾），不作判断"),
            RuleExample("关于2023年度法治政府建设情况的报告\n一、存在的不足和原因\n法治培训覆盖面不广。\n", triggers: false, note: "没有主要举措部分"),
        ],
        fixable: false)

    static let coreAreas: Set<String> = ["A1", "A4", "A5", "A7", "A10"]

    /// Matchers per profile, keyed by the profile's area ids and keywords.
    final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var matchers: [String: MultiPatternMatcher] = [:]
        func matcher(for areas: [Profile.Area]) -> MultiPatternMatcher {
            var key = ""
            for a in areas { key += a.id + "\u{1}" + a.keywords.joined(separator: "\u{2}") + "\u{3}" }
            lock.lock()
            defer { lock.unlock() }
            if let m = matchers[key] { return m }
            var pats: [(pattern: String, payload: Int)] = []
            for (i, a) in areas.enumerated() {
                for k in a.keywords { let n = CoverageRule.stripped(k); if !n.isEmpty { pats.append((n, i)) } }
            }
            let m = MultiPatternMatcher(pats)
            matchers[key] = m
            return m
        }
    }
    static let cache = Cache()
    /// Bytes of the text copied and scanned at a time.
    static let window = 32 * 1024

    /// Quotation marks and title marks, which matching ignores.
    @inline(__always) static func isIgnored(_ v: UInt32) -> Bool { Punctuation.isQuotationOrTitleMark(v) }

    /// The lead bytes of the full-width quotation marks (“ ” ‘ ’) and of the title marks (《 》 〈 〉 「 」): the
    /// byte scan decodes only the scalars they start.
    static let quoteLead = Scalars.utf8Lead(.leftDoubleQuote), titleLead = Scalars.utf8Lead(.leftBookTitleMark)

    static func stripped(_ s: String) -> String {
        var v = String.UnicodeScalarView()
        for u in s.unicodeScalars where !isIgnored(u.value) { v.append(u) }
        return String(v)
    }

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let r = ctx.report
        let profile = r.profile
        // A draft or a truncated copy has not covered everything yet: judge only a finished report.
        guard !profile.areas.isEmpty, r.isComplete else { return }
        let measures = r.headings(covering: "measures")
        guard let first = measures.first else { return }
        var checked = profile.areas.filter { Self.coreAreas.contains($0.id) }
        if checked.isEmpty { checked = profile.areas }
        // The text of the measures sections (outermost ones only), without quotes and title marks.
        var ranges: [TextRange] = []
        for i in measures {
            let s = r.headings[i].sectionRange
            if ranges.contains(where: { $0.start <= s.start && s.end <= $0.end }) { continue }
            ranges.removeAll { s.start <= $0.start && $0.end <= s.end }
            ranges.append(s)
        }
        // The sections are streamed through the matcher in windows (quotes and title marks dropped, a line
        // break after each section), and the scan stops as soon as every area has been seen.
        let matcher = Self.cache.matcher(for: checked)
        var hit = [Bool](repeating: false, count: checked.count)
        var remaining = checked.count
        var state = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.window + 1)
        let quoteLead = Self.quoteLead, titleLead = Self.titleLead
        ctx.source.bytes.withUnsafeBufferPointer { p in
            ranges: for s in ranges {
                var w = max(0, s.start)
                let e = min(s.end, p.count)
                repeat {
                    var we = min(e, w + Self.window)
                    while we < e && we > w && UTF8.isContinuation(p[we]) { we -= 1 }
                    buffer.removeAll(keepingCapacity: true)
                    var i = w
                    var run = i  // start of the bytes not yet copied
                    while i < we {
                        let c = p[i]
                        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                            buffer.append(contentsOf: p[run..<i]); i += 1; run = i
                        } else if (c == quoteLead || c == titleLead) && i + 2 < we && Self.isIgnored(Scalars.decode(p, i).0) {
                            buffer.append(contentsOf: p[run..<i]); i += 3; run = i
                        } else {
                            i += 1
                        }
                    }
                    buffer.append(contentsOf: p[run..<we])
                    if we == e { buffer.append(UInt8(ascii: "\n")) }
                    let more = buffer.withUnsafeBufferPointer { bp in
                        matcher.scanChunk(bp, state: &state) { m in
                            if !hit[m.payload] { hit[m.payload] = true; remaining -= 1 }
                            return remaining > 0
                        }
                    }
                    if !more { break ranges }
                    w = we
                } while w < e
            }
        }
        guard remaining > 0 else { return }
        let h = r.headings[first]
        let anchor = h.textRange.end > h.textRange.start ? h.textRange : h.lineRange
        for (i, a) in checked.enumerated() where !hit[i] {
            let examples = a.keywords.prefix(4).map { "“\($0)”" }.joined(separator: "、")
            sink.report(anchor, "“主要举措和成效”部分未涉及“\(a.name)”方面的工作（如\(examples)等），请核对是否遗漏", data: a.id)
        }
    }
}
