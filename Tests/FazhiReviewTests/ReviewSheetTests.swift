import FazhiJSON
import FazhiParser
@testable import FazhiReview
import XCTest

final class ReviewSheetTests: XCTestCase {
    /// The rows of the rendered matrix, each as its cells' text (tags stripped).
    func matrixRows(_ html: String) -> [[String]] {
        guard let start = html.range(of: "<table class=\"matrix\">"), let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex),
              let body = html.range(of: "<tbody>", range: start.upperBound..<end.lowerBound) else { return [] }
        let rows = html[body.upperBound..<end.lowerBound].components(separatedBy: "<tr ").dropFirst()
        return rows.map { row in
            row.components(separatedBy: "<td").dropFirst().map { cell in
                var text = ""
                var inTag = true  // the rest of the opening <td ...> tag
                for c in cell {
                    if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
                }
                return text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    func testTheSheetOfTheFixtureFolderShowsTheMatrixWorstFirst() {
        let sheet = Fixtures.sheet(previous: "2023")
        let html = ReviewHTML.render(sheet, generator: "fazhi test")
        let rows = matrixRows(html)
        XCTAssertEqual(rows.count, 5)
        // 序号, 单位+文件, 年度, five parts, 成文日期, 公开期限, 错误, 警告, 提示, 雷同
        XCTAssertTrue(rows.allSatisfy { $0.count == 14 }, "\(rows.map(\.count))")
        // 石桥镇 lacks the leadership part, has an error and is late: first.
        XCTAssertTrue(rows[0][1].hasPrefix("青禾县石桥镇"), rows[0][1])
        XCTAssertEqual(rows[0][2], "2024")
        XCTAssertEqual(rows[0][3], "✓单列")
        XCTAssertEqual(rows[0][5], "✗缺少")
        XCTAssertEqual(rows[0][7], "○未写", "the other part is not required")
        XCTAssertEqual(rows[0][8], "2025年4月18日")
        XCTAssertEqual(rows[0][9], "✗ 逾期18天")
        XCTAssertEqual(rows[0][10], String(sheet.entries[0].counts.error))
        XCTAssertGreaterThanOrEqual(sheet.entries[0].counts.error, 1)
        // The complete reports have all five parts as their own sections.
        let yunxi = rows.first { $0[1].hasPrefix("青禾县云溪镇") }!
        XCTAssertEqual(Array(yunxi[3...7]), Array(repeating: "✓单列", count: 5))
        XCTAssertEqual(yunxi[9], "✓ 按期")
        XCTAssertTrue(yunxi[13].hasPrefix("4") || yunxi[13].hasPrefix("3"), "copied share with last year: \(yunxi[13])")
        XCTAssertTrue(yunxi[13].contains("安排照搬上年"))
        // 柳塘街道 wrote the leadership part inside the measures and left out the shortcomings.
        let liutang = rows.first { $0[1].hasPrefix("青禾县柳塘街道") }!
        XCTAssertEqual(liutang[4], "✗缺少")
        XCTAssertEqual(liutang[5], "◐合并")
        XCTAssertEqual(liutang[6], "✓单列", "下一步工作打算 is the plans part")
        XCTAssertTrue(html.contains("title=\"党政主要负责人履行第一责任人职责情况：合并（在“2024年推进法治政府建设的主要举措和成效”中）"), "the merged cell says where")
        let baisha = rows.first { $0[1].hasPrefix("青禾县白沙乡") }!
        XCTAssertEqual(baisha[8], "—")
        XCTAssertEqual(baisha[9], "？ 无成文日期")
        XCTAssertEqual(baisha[13], "0%")
        // Worst first throughout.
        for (a, b) in zip(sheet.entries, sheet.entries.dropFirst()) { XCTAssertFalse(ReviewSheet.worseFirst(b, a)) }
        // Overall figures.
        XCTAssertEqual(sheet.summary.reports, 5)
        XCTAssertEqual(sheet.summary.partsComplete, 3)
        XCTAssertEqual(sheet.summary.late, 1)
        XCTAssertEqual(sheet.summary.undetermined, 1)
        XCTAssertEqual(sheet.summary.withCopies, 2)
        XCTAssertEqual(Set(sheet.summary.defects.prefix(2).map(\.key)), ["missing-part:leadership", "missing-part:shortcomings"])
        XCTAssertEqual(sheet.summary.parts.first { $0.id == "leadership" }.map { [$0.separate, $0.merged, $0.mentioned, $0.missing] }, [3, 1, 0, 1])
        XCTAssertTrue(html.contains("<svg"), "the chart")
        XCTAssertTrue(html.contains("缺少“党政主要负责人履行第一责任人职责情况”"))
    }

    func testFindingsAreGroupedByRuleWithTheRulesExplanationAndTheSentence() {
        let sheet = Fixtures.sheet()
        let html = ReviewHTML.render(sheet)
        let shiqiao = sheet.entries[0]
        XCTAssertTrue(shiqiao.path.hasSuffix("石桥镇.txt"))
        // The report's article, then its rule groups.
        let article = section(html, from: "<article class=\"report\" id=\"r-1\">", to: "</article>")
        let groups = article.components(separatedBy: "<section class=\"rule\">").dropFirst()
        let rules = groups.compactMap { g -> String? in
            guard let a = g.range(of: "<code>"), let b = g.range(of: "</code>") else { return nil }
            return String(g[a.upperBound..<b.lowerBound])
        }
        XCTAssertEqual(rules.count, Set(rules).count, "one group per rule")
        XCTAssertEqual(Set(rules), Set(shiqiao.findings.map(\.rule)))
        XCTAssertEqual(rules.first, "missing-part", "the group with an error comes first")
        let missing = groups.first { $0.contains("<code>missing-part</code>") }!
        XCTAssertTrue(missing.contains(RuleTitles.title("missing-part")))
        XCTAssertTrue(missing.contains("依据："), "the rule's source is named")
        XCTAssertEqual(missing.components(separatedBy: "<li>").count - 1, shiqiao.findings.filter { $0.rule == "missing-part" }.count)
        // The late date: the sentence with the flagged words marked.
        let late = groups.first { $0.contains("<code>late-report</code>") }!
        XCTAssertTrue(late.contains("<mark>2025年4月18日</mark>"), late)
        // A fix is shown with the sentence as it would read.
        let withFix = shiqiao.findings.first { $0.fixTitle != nil }
        XCTAssertNotNil(withFix)
        if let f = withFix { XCTAssertTrue(article.contains(HTMLText.escape("建议：\(f.fixTitle!)"))) }
    }

    func testAFixPreviewShowsTheCorrectedSentence() {
        let text = "××镇人民政府关于2024年度法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n截止目前全镇已办结信访事项12件。\n特此报告。\n"
        let e = Fixtures.entry("a.txt", text)
        let f = e.findings.first { $0.rule == "confusable" }
        XCTAssertNotNil(f, "\(e.findings.map(\.rule))")
        guard let f else { return }
        XCTAssertEqual(f.context.flagged, "截止目前")
        XCTAssertEqual(f.context.before, "")
        XCTAssertEqual(f.context.after, "全镇已办结信访事项12件。")
        XCTAssertEqual(f.line, 3)
        XCTAssertEqual(f.place, "第3行第1字")
        XCTAssertEqual(f.fixed?.map(\.text).joined(), "截至目前全镇已办结信访事项12件。")
        XCTAssertEqual(f.fixed?.filter(\.marked).map(\.text), ["截至目前"])
    }

    func testNothingFromAReportCanInjectMarkup() {
        let hostile = """
        青禾县<b>红</b>镇人民政府
        关于2024年度法治政府建设情况的报告

        青禾县人民政府：
        一、2024年推进法治政府建设的主要举措和成效
        （一）<script>alert("x")</script>全年开展执法检查12余次，"><img src=x onerror=alert(1)>并在&lt;公告栏&gt;公示。
        （二）镇里把溪口村的老祠堂改造成法治文化小院，墙上绘了二十幅民法典漫画，每月逢十举办一次“板凳课堂”，由司法所干部和驻村律师轮流讲解土地流转、赡养老人、邻里排水纠纷中常见的<u>法律</u>问题，全年累计听课群众一千二百余人次。
        二、2024年推进法治政府建设存在的不足和原因
        问题是<iframe src="http://example.invalid/">，原因是'引号'。
        特此报告。
        2025年3月1日
        """
        let sheet = Fixtures.sheet(extra: [("2024/<script>x</script>&'\".txt", hostile)])
        let html = ReviewHTML.render(sheet)
        // The sheet has no script, no image, no frame and one stylesheet of its own.
        let lower = html.lowercased()
        for tag in ["<script", "<img", "<iframe"] { XCTAssertFalse(lower.contains(tag), tag) }
        XCTAssertEqual(lower.components(separatedBy: "<style").count - 1, 1)
        // The words are there, escaped, in the matrix, the findings and the copied passage alike.
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        XCTAssertTrue(html.contains("<mark>&amp;lt;</mark>公告栏&amp;gt;"), "an entity in the report stays text")
        XCTAssertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;&amp;&#39;&quot;.txt"), "the file name")
        XCTAssertTrue(html.contains("<mark>&lt;u&gt;</mark>") || html.contains("&lt;u&gt;法律&lt;/u&gt;"), "inside a copied passage")
        let hostileEntry = sheet.entries.first { $0.path.contains("<script>") }!
        XCTAssertFalse(hostileEntry.copy.matches.isEmpty, "the planted passage makes the hostile text appear in the copy table")
        // Every < in the file opens one of the sheet's own tags.
        let allowed: Set<String> = ["!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "h5", "p", "nav", "a",
                                    "section", "div", "b", "span", "svg", "g", "text", "rect", "defs", "pattern", "line", "circle", "table", "thead",
                                    "tbody", "tr", "th", "td", "small", "br", "article", "ul", "li", "ol", "code", "blockquote", "mark", "ins", "footer"]
        var tags = Set<String>()
        var rest = Substring(lower)
        while let lt = rest.firstIndex(of: "<") {
            var name = rest[rest.index(after: lt)...].prefix { $0 != " " && $0 != ">" && $0 != "\n" }
            if name.hasPrefix("/") { name = name.dropFirst() }
            tags.insert(String(name))
            rest = rest[rest.index(after: lt)...]
        }
        XCTAssertTrue(tags.isSubset(of: allowed), "unexpected tags: \(tags.subtracting(allowed))")
        // <b> is allowed only in the cards, never around report text.
        XCTAssertFalse(html.contains("<b>红</b>"))
    }

    func testJSONHasTheDocumentedShape() throws {
        let sheet = Fixtures.sheet(previous: "2023")
        let j = try JSON.parse(ReviewJSON.render(sheet, generator: "fazhi 0.1.0").serializedString(pretty: true))
        XCTAssertEqual(j["version"]?.intValue, 1)
        XCTAssertEqual(j["generator"]?.stringValue, "fazhi 0.1.0")
        XCTAssertEqual(j["deadline"]?.stringValue, "04-01")
        XCTAssertEqual(j["columns"]?.arrayValue?.compactMap { $0["id"]?.stringValue }, ["measures", "shortcomings", "leadership", "plans", "other"])
        let keys = j.objectValue.map { Array($0.keys) }
        XCTAssertEqual(keys, ["version", "generator", "deadline", "copyDetection", "columns", "summary", "reports", "pairs", "previous", "skipped", "unreadable"])
        let reports = j["reports"]?.arrayValue ?? []
        XCTAssertEqual(reports.count, 5)
        let first = reports[0]
        XCTAssertEqual(first.objectValue.map { Array($0.keys) },
                       ["rank", "path", "unit", "year", "yearSource", "parts", "partsComplete", "date", "deadline", "closing", "counts", "copy", "findings"])
        XCTAssertEqual(first["rank"]?.intValue, 1)
        XCTAssertEqual(first["unit"]?["name"]?.stringValue, "青禾县石桥镇")
        XCTAssertEqual(first["deadline"]?["status"]?.stringValue, "late")
        XCTAssertEqual(first["deadline"]?["date"]?.stringValue, "2025-04-01")
        XCTAssertEqual(first["deadline"]?["daysLate"]?.intValue, 18)
        XCTAssertEqual(first["parts"]?[2]?["presence"]?.stringValue, "missing")
        XCTAssertEqual(first["partsComplete"]?.boolValue, false)
        let finding = first["findings"]?[0]
        XCTAssertNotNil(finding?["context"]?["flagged"]?.stringValue)
        XCTAssertNotNil(finding?["line"]?.intValue)
        let yunxi = reports.first { $0["path"]?.stringValue?.hasSuffix("2024/云溪镇.txt") == true }!
        XCTAssertEqual(yunxi["copy"]?["planRepeat"]?["previous"]?["year"]?.intValue, 2023)
        let passage = yunxi["copy"]?["passages"]?[0]
        XCTAssertNotNil(passage?["text"]?.stringValue)
        XCTAssertNotNil(passage?["otherText"]?.stringValue)
        XCTAssertNotNil(passage?["other"]?["previous"]?.boolValue)
        XCTAssertEqual(j["previous"]?.arrayValue?.count, 1)
        XCTAssertEqual(j["summary"]?["reports"]?.intValue, 5)
        XCTAssertEqual(j["copyDetection"]?["k"]?.intValue, CopyParameters.default.k)
    }

    func testCSVOpensInExcel() {
        var sheet = Fixtures.sheet()
        sheet.entries[1].unit = .init(name: "=HYPERLINK(\"http://x\",\"点\")", kind: "镇")
        let csv = ReviewCSV.render(sheet)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}序号,单位,文件,年度,主要举措和成效,"), "UTF-8 BOM and the header")
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        XCTAssertEqual(lines.count, 1 + 5 + 1, "header, five rows, and the empty string after the last CRLF")
        XCTAssertEqual(lines.last, "")
        XCTAssertFalse(csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        XCTAssertTrue(lines[1].hasPrefix("1,青禾县石桥镇,"))
        XCTAssertTrue(lines[1].contains(",缺少,"))
        XCTAssertTrue(lines[1].contains(",逾期,18,"))
        XCTAssertTrue(lines[2].contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点\"\")\""), "a formula is defused and quoted: \(lines[2])")
        XCTAssertEqual(ReviewCSV.field("a,b"), "\"a,b\"")
        XCTAssertEqual(ReviewCSV.field("-1"), "'-1")
        XCTAssertEqual(ReviewCSV.field("普通"), "普通")
    }

    func testGeneratedSheetsAreRecognisedAndReportsAreNot() {
        let sheet = Fixtures.sheet()
        XCTAssertTrue(ReviewOutput.isGeneratedSheet(ReviewHTML.render(sheet)))
        XCTAssertTrue(ReviewOutput.isGeneratedSheet(ReviewJSON.render(sheet).serializedString(pretty: true)))
        XCTAssertTrue(ReviewOutput.isGeneratedSheet(ReviewJSON.render(sheet).serializedString(pretty: false)))
        XCTAssertTrue(ReviewOutput.isGeneratedSheet(ReviewCSV.render(sheet)))
        XCTAssertTrue(ReviewOutput.isGeneratedSheet(String(ReviewCSV.render(sheet).dropFirst())))
        XCTAssertFalse(ReviewOutput.isGeneratedSheet(Fixtures.text("2024/云溪镇.txt")))
        XCTAssertFalse(ReviewOutput.isGeneratedSheet("<!DOCTYPE html><html><body>mine</body></html>"))
        XCTAssertFalse(ReviewOutput.isGeneratedSheet("{\"a\": 1}"))
    }

    func testTheDeadlineIsTheDayBeforeTheGivenDateOfTheFollowingYear() {
        func status(_ y: Int?, _ date: (Int, Int, Int)?, _ d: Deadline = .publication) -> DeadlineStatus {
            d.status(reportYear: y, date: date.map { ReviewEntry.DateCell(text: "", year: $0.0, month: $0.1, day: $0.2) })
        }
        XCTAssertEqual(status(2024, (2025, 3, 31)), .onTime(deadline: CivilDate(2025, 4, 1)))
        XCTAssertEqual(status(2024, (2025, 4, 1)), .late(deadline: CivilDate(2025, 4, 1), days: 1))
        XCTAssertEqual(status(2024, (2025, 5, 1)), .late(deadline: CivilDate(2025, 4, 1), days: 31))
        XCTAssertEqual(status(2024, (2024, 12, 28)), .onTime(deadline: CivilDate(2025, 4, 1)))
        XCTAssertEqual(status(2024, (2023, 12, 28)), .implausible(deadline: CivilDate(2025, 4, 1)))
        XCTAssertEqual(status(2024, nil), .noDate)
        XCTAssertEqual(status(2024, (2025, 2, 30)), .noDate, "not a day")
        XCTAssertEqual(status(nil, (2025, 2, 3)), .noYear)
        // A county office that wants the reports by 1 March (2024 is a leap year: 29 February is the last day).
        let march = Deadline("03-01")!
        XCTAssertEqual(status(2023, (2024, 2, 29), march), .onTime(deadline: CivilDate(2024, 3, 1)))
        XCTAssertEqual(status(2023, (2024, 3, 2), march), .late(deadline: CivilDate(2024, 3, 1), days: 2))
        XCTAssertEqual(Deadline("4-1"), Deadline.publication)
        for bad in ["13-01", "02-29", "04-31", "0401", "04-01-01", "", "aa-bb", "004-01"] { XCTAssertNil(Deadline(bad), bad) }
        XCTAssertEqual(CivilDate(2025, 4, 18).dayNumber - CivilDate(2025, 3, 31).dayNumber, 18)
        XCTAssertEqual(CivilDate(1970, 1, 1).dayNumber, 0)
    }

    func testThePrintStylesheetAndTheFontsNeedNothingFromOutside() {
        let html = ReviewHTML.render(Fixtures.sheet())
        XCTAssertTrue(html.contains("@page { size: A4 landscape"))
        XCTAssertTrue(html.contains("thead { display: table-header-group; }"))
        XCTAssertFalse(html.contains("@font-face"))
        XCTAssertFalse(html.contains("@import"))
        XCTAssertFalse(html.contains("url(http"))
        XCTAssertFalse(html.contains("src="))
        // The only URLs are the SVG namespace and the pattern references.
        let urls = html.components(separatedBy: "http").count - 1
        XCTAssertEqual(urls, html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
    }

    func section(_ s: String, from: String, to: String) -> String {
        guard let a = s.range(of: from), let b = s.range(of: to, range: a.upperBound..<s.endIndex) else { return "" }
        return String(s[a.upperBound..<b.lowerBound])
    }
}
