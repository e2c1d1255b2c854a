import FazhiLinter
import FazhiParser
import FazhiText
import XCTest

/// Layouts other than one paragraph per line must give the same model and the same findings as the tidy
/// text they came from: Word's double-spaced "save as text", text copied from a PDF (sentences broken over
/// two lines, with or without a blank line between the halves), full-width indentation, headings run into
/// their first sentence, and a report flattened into a few long lines. Where a PDF copy really cut a
/// sentence, `broken-line` says so — and only there.
final class LayoutTwinTests: XCTestCase {
    /// An invented report (our own words), with a few real defects so that findings can be compared.
    static let tidyLines: [String] = [
        "青禾县云溪镇人民政府关于2024年度法治政府建设情况的报告",
        "县委、县政府：",
        "2024年，云溪镇在县委、县政府的领导下，坚持以习近平法治思想为指导，扎实推进法治政府建设各项工作，全镇依法行政水平稳步提升。现将有关情况报告如下：",
        "一、2024年推进法治政府建设的主要举措和成效",
        "（一）强化组织领导。镇党委每季度专题研究法治政府建设，全年召开专题会议4次，研究解决行政执法、矛盾化解等方面的具体问题，形成问题清单并逐项销号。",
        "（二）规范行政决策。严格落实重大行政决策程序，截止目前，提交党政联席会议集体讨论的事项全部经过合法性审查，法律顾问列席会议12次。",
        "（三）化解矛盾纠纷。坚持和发展新时代“枫桥经验”，全年受理矛盾纠纷40件，调解成功38件，群众满意度持续提高,没有发生因矛盾激化引发的案件。",
        "二、党政主要负责人履行推进法治建设第一责任人职责情况",
        "镇党委书记带头学法述法，对重大执法决定法制审核工作亲自过问，把法治建设成效纳入年度考核，全年主持召开法治专题会议2次。",
        "三、存在的不足和原因",
        "一是部分干部运用法治思维解决问题的能力不强，主要原因是学法的形式比较单一；二是执法队伍中的专业人员偏少，原因是编制有限。",
        "四、2025年工作安排",
        "继续抓好领导干部会前学法，推进乡镇综合行政执法规范化建设，健全矛盾纠纷多元化解机制，提升基层治理法治化水平。",
        "特此报告。",
        "青禾县云溪镇人民政府",
        "2025年2月20日",
    ]
    static var tidy: String { tidyLines.joined(separator: "\n") + "\n" }

    /// What a reader sees of a report's structure: title, unit, year, headings with their parts, the
    /// number of paragraphs, the closing.
    struct Shape: Equatable, CustomStringConvertible {
        var title: String?
        var unit: String?
        var year: Int?
        var recipient: String?
        var headings: [String]
        var paragraphs: Int
        var closingPhrase: String?
        var date: String?
        var parts: [String]
        var description: String {
            "title=\(title ?? "nil") unit=\(unit ?? "nil") year=\(year.map(String.init) ?? "nil") recipient=\(recipient ?? "nil")\n"
                + headings.joined(separator: "\n") + "\nparagraphs=\(paragraphs) closing=\(closingPhrase ?? "nil") date=\(date ?? "nil") parts=\(parts)"
        }
    }

    static func shape(_ text: String) -> Shape {
        let r = ReportParser().parse(text)
        return Shape(title: r.header.title?.text, unit: r.unit?.name, year: r.year, recipient: r.header.recipient?.text,
                     headings: r.headings.map { "\($0.level) \($0.marker.trimmingCharacters(in: .whitespaces))\($0.text) \($0.parts)" },
                     paragraphs: r.paragraphs.count,
                     closingPhrase: r.closing.closingPhrase.map { r.text($0) }, date: r.closing.date.map { r.text($0.range) },
                     parts: r.partStatus.map { "\($0.id):\($0.presence.rawValue)" })
    }

    /// Findings as rule + message (positions differ between layouts), without broken-line.
    static func findings(_ text: String) -> [String] {
        Linter().lint(SourceText(text)).1.filter { $0.rule != "broken-line" }
            .map { "\($0.rule) \($0.severity) \($0.message)" }.sorted()
    }

    static func brokenLines(_ text: String) -> Int {
        Linter().lint(SourceText(text)).1.filter { $0.rule == "broken-line" }.count
    }

    func testTidyReportIsReadAsIntended() {
        let s = Self.shape(Self.tidy)
        XCTAssertEqual(s.title, "青禾县云溪镇人民政府关于2024年度法治政府建设情况的报告")
        XCTAssertEqual(s.unit, "青禾县云溪镇")
        XCTAssertEqual(s.year, 2024)
        XCTAssertEqual(s.recipient, "县委、县政府")
        XCTAssertEqual(s.headings.count, 7)
        XCTAssertEqual(s.paragraphs, 4, "the opening and the bodies of parts two to four; the others run on after their headings")
        XCTAssertEqual(s.closingPhrase, "特此报告。")
        XCTAssertEqual(s.date, "2025年2月20日")
        XCTAssertEqual(s.parts, ["measures:separate", "shortcomings:separate", "leadership:separate", "plans:separate", "other:missing"])
        // The defects planted: 截止目前, a half-width comma, and 法制审核 (correct) must not be flagged as 法制.
        let f = Self.findings(Self.tidy)
        XCTAssertTrue(f.contains { $0.hasPrefix("confusable") }, "\(f)")
        XCTAssertTrue(f.contains { $0.hasPrefix("halfwidth-punctuation") }, "\(f)")
        XCTAssertEqual(Self.brokenLines(Self.tidy), 0)
    }

    /// Word's "save as text": a blank line after every paragraph.
    func testDoubleSpacedTextGivesTheSameReport() {
        let double = Self.tidyLines.joined(separator: "\n\n") + "\n"
        XCTAssertEqual(Self.shape(double), Self.shape(Self.tidy))
        XCTAssertEqual(Self.findings(double), Self.findings(Self.tidy))
        XCTAssertEqual(Self.brokenLines(double), 0)
    }

    /// Full-width indentation of every paragraph (and CRLF line ends).
    func testIndentedCRLFTextGivesTheSameReport() {
        let indented = Self.tidyLines.enumerated().map { i, l in i >= 2 && i < 13 && !l.hasPrefix("一") && !l.hasPrefix("二") && !l.hasPrefix("三") && !l.hasPrefix("四") ? "　　" + l : l }
            .joined(separator: "\r\n") + "\r\n"
        XCTAssertEqual(Self.shape(indented), Self.shape(Self.tidy))
        XCTAssertEqual(Self.findings(indented), Self.findings(Self.tidy))
    }

    /// Text copied from a PDF: long paragraphs broken every 28 characters, between two Han characters.
    static func pdfBroken(blankBetween: Bool) -> (text: String, cuts: Int) {
        var out: [String] = []
        var cuts = 0
        for (i, line) in tidyLines.enumerated() {
            let scalars = Array(line.unicodeScalars)
            guard i >= 2, scalars.count > 40, !line.hasPrefix("一、") else { out.append(line); continue }
            var start = 0
            var k = 28
            while k < scalars.count - 6 {
                // Cut only between two Han characters that are not numerals, as a PDF line end would.
                let a = scalars[k - 1].value, b = scalars[k].value
                let han = { (v: UInt32) in v >= 0x4E00 && v <= 0x9FFF && !"一二三四五六七八九十".unicodeScalars.contains(where: { $0.value == v }) }
                if han(a) && han(b) {
                    out.append(String(String.UnicodeScalarView(scalars[start..<k])))
                    if blankBetween { out.append("") }
                    cuts += 1
                    start = k
                    k += 28
                } else {
                    k += 1
                }
            }
            out.append(String(String.UnicodeScalarView(scalars[start...])))
        }
        return (out.joined(separator: "\n") + "\n", cuts)
    }

    func testPDFLineBreaksGiveTheSameReportAndBrokenLineFindings() {
        for blank in [false, true] {
            let (pdf, cuts) = Self.pdfBroken(blankBetween: blank)
            XCTAssertGreaterThan(cuts, 5)
            XCTAssertEqual(Self.shape(pdf), Self.shape(Self.tidy), "blank between halves: \(blank)")
            XCTAssertEqual(Self.findings(pdf), Self.findings(Self.tidy), "blank between halves: \(blank)")
            // Every cut was inside a sentence: each is a broken-line finding, and its fix restores the tidy text.
            XCTAssertEqual(Self.brokenLines(pdf), cuts, "blank between halves: \(blank)")
            let d = Linter().lint(SourceText(pdf)).1.filter { $0.rule == "broken-line" }
            XCTAssertEqual(applyingFixes(pdf, d), Self.tidy, "blank between halves: \(blank)")
        }
    }

    /// A page flattened into a few long lines: the title and recipient on their own lines, the body in one
    /// line with paragraphs separated by their full-width indentation, headings right after a sentence.
    func testFlattenedReportGivesTheSameReport() {
        let body = Self.tidyLines[2..<13].enumerated().map { i, l in
            (l.hasPrefix("一、") || l.hasPrefix("二、") || l.hasPrefix("三、") || l.hasPrefix("四、") || l.hasPrefix("（")) ? l : "　　" + l
        }.joined()
        let closing = "　　特此报告。　　青禾县云溪镇人民政府　　2025年2月20日"
        let flat = Self.tidyLines[0] + "\n" + Self.tidyLines[1] + "\n" + body + closing + "\n"
        XCTAssertEqual(ReportParser().parse(flat).lines.count, 4, "three physical lines (and the empty last)")
        let a = Self.shape(flat), b = Self.shape(Self.tidy)
        XCTAssertEqual(a.headings, b.headings)
        XCTAssertEqual(a.parts, b.parts)
        XCTAssertEqual(a.closingPhrase, b.closingPhrase)
        XCTAssertEqual(a.date, b.date)
        XCTAssertEqual(a, b)
        XCTAssertEqual(Self.findings(flat), Self.findings(Self.tidy))
        XCTAssertEqual(Self.brokenLines(flat), 0)
    }

    /// A long tidy paragraph with an inline "。2.……" list is one paragraph, not a flattened report.
    func testLongParagraphWithInlineListIsNotSplit() {
        let para = String(repeating: "镇里围绕依法行政开展了多项工作，取得了明显成效。", count: 8) + "1.加强学习培训。2.规范执法程序。3.强化监督检查。"
        let text = "一、主要举措和成效\n" + para + "\n"
        let r = ReportParser().parse(text)
        XCTAssertEqual(r.headings.count, 1)
        XCTAssertEqual(r.paragraphs.count, 1)
    }

    /// A heading with its first sentence on the same line is a heading with run-on body text.
    func testHeadingRunIntoItsFirstSentence() {
        let runOn = Self.tidy.replacingOccurrences(of: "二、党政主要负责人履行推进法治建设第一责任人职责情况\n",
                                                   with: "二、党政主要负责人履行推进法治建设第一责任人职责情况。")
        let r = ReportParser().parse(runOn)
        let h = r.headings.first { $0.marker == "二、" }
        XCTAssertEqual(h?.parts, ["leadership"])
        XCTAssertNotNil(h?.runOnRange)
        XCTAssertEqual(r.partStatus.map(\.presence), ReportParser().parse(Self.tidy).partStatus.map(\.presence))
    }
}

/// Rules that read structure use the parser's recognition: a part found by position or merged is a part
/// for every rule, and a wrong unit or year read from page chrome never reaches them.
final class StructureRecognitionRuleTests: XCTestCase {
    func testReportYearChecksAMeasuresHeadingFoundByWording() {
        let text = """
        云溪镇人民政府关于2025年度法治政府建设情况的报告
        县委、县政府：
        2025年，云溪镇坚持依法行政。现将有关情况报告如下：
        一、2024年法治政府建设基本情况
        全年召开专题会议4次。
        二、存在的不足和原因
        培训不足，原因是经费有限。
        特此报告。

        """
        let d = lint(text, only: "report-year")
        XCTAssertEqual(flagged(text, d), ["2024年"])
        XCTAssertTrue(lint(text.replacingOccurrences(of: "一、2024年", with: "一、2025年"), only: "report-year").isEmpty)
    }

    func testDoubleSpacedClosingIsStillChecked() {
        let double = LayoutTwinTests.tidyLines.map { $0 == "特此报告。" ? "特此报告！" : $0 }.joined(separator: "\n\n") + "\n"
        XCTAssertEqual(lint(double, only: "closing-phrase").count, 1)
        XCTAssertEqual(lint(LayoutTwinTests.tidyLines.joined(separator: "\n\n") + "\n", only: "closing-phrase").count, 0)
    }

    func testSiteNameInChromeNeverBecomesTheUnit() {
        let text = """
        青禾市人民政府门户网站
        当前位置：首页 > 政务公开 > 法治政府建设
        发布时间：2025-01-29　来源：云溪乡人民政府
        云溪乡2024年度法治政府建设情况报告
        2024年，我乡坚持依法行政，全乡法治水平明显提升。
        一、主要举措和成效
        我乡全年召开专题会议4次。

        """
        let r = ReportParser().parse(text)
        XCTAssertEqual(r.unit?.name, "云溪乡")
        XCTAssertNil(r.header.recipient)
        // With the unit right, 我乡 is the unit's own word.
        XCTAssertTrue(lint(text, only: "unit-mismatch").isEmpty)
        // Page chrome draws no finding but the one hint that names it.
        let all = Linter().lint(SourceText(text)).1
        XCTAssertEqual(all.filter { r.lines[r.source.line(of: $0.range.start)].kind == .chrome }.map(\.rule), ["web-page-residue"])
    }

    func testMergedLeadershipSubheadingIsCheckedForContent() {
        let text = """
        云溪镇人民政府关于2024年度法治政府建设情况的报告
        一、主要举措和成效
        （一）履行推进法治建设第一责任人职责情况
        （二）规范执法
        全年开展执法检查10次。

        """
        XCTAssertEqual(flagged(text, lint(text, only: "empty-part")), ["履行推进法治建设第一责任人职责情况"])
    }
}
