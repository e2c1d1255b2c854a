import FazhiParser
import FazhiText
import XCTest

// Which part each section stands for, by what the heading says and where it stands and what it holds.
// Wordings are the kinds real reports use; the texts are invented.

private func report(year: Int = 2024, _ headings: [String], closing: Bool = true) -> Report {
    var lines = ["云溪镇人民政府关于\(year)年度法治政府建设情况的报告", "\(year)年，云溪镇坚持依法行政。"]
    for h in headings { lines.append(h); lines.append("略。") }
    if closing { lines += ["特此报告。", "云溪镇人民政府", "\(year + 1)年2月20日"] }
    return ReportParser().parse(lines.joined(separator: "\n") + "\n")
}

private func status(_ r: Report) -> [String: PartPresence] {
    Dictionary(uniqueKeysWithValues: r.partStatus.map { ($0.id, $0.presence) })
}

final class PartWordingTests: XCTestCase {
    func testMeasuresWordings() {
        for h in ["一、基本情况", "一、主要措施", "一、主要成效", "一、工作开展情况", "一、工作完成情况", "一、总体情况", "一、主要做法及成效",
                  "一、法治政府建设完成情况", "一、2024年工作情况", "一、2024年度推进法治政府建设的主要举措和成效", "一、上一年度推进法治政府建设的主要举措和成效",
                  "一、2024年度法治政府建设主要情况", "一、重点工作开展情况", "一、2024年度工作举措"] {
            let r = report([h, "二、存在的不足和原因"])
            XCTAssertEqual(r.headings[0].parts, ["measures"], h)
        }
    }

    func testPlansWordings() {
        for h in ["三、2025年工作措施", "三、下一步工作打算", "三、工作思路", "三、2025年工作安排", "三、下一年度推进法治政府建设的主要安排"] {
            let r = report([ "一、主要举措和成效", "二、存在的不足和原因", h])
            XCTAssertEqual(r.headings[2].parts, ["plans"], h)
        }
        // Near miss: "工作举措" naming the reported year is the measures, not the plans.
        XCTAssertEqual(report(["一、2024年度工作举措"]).headings[0].parts, ["measures"])
    }

    func testShortcomingsWordings() {
        for h in ["二、存在的主要问题及原因", "二、存在的差距和不足", "二、短板和弱项", "二、存在的不足和原因"] {
            XCTAssertEqual(report(["一、主要举措和成效", h]).headings[1].parts, ["shortcomings"], h)
        }
    }

    func testTraditionalHeading() {
        let r = report(["一、2024年度推進法治政府建設的主要舉措和成效", "二、存在的不足和原因"])
        XCTAssertEqual(r.headings[0].parts, ["measures"])
    }
}

final class PartPositionTests: XCTestCase {
    /// Thematic first-level headings with no umbrella heading are the measures (by position).
    func testThematicHeadingsFormTheMeasures() {
        let r = report(["一、强化组织领导，夯实法治基础", "二、坚持依法决策，提高决策水平", "三、存在的不足和原因", "四、2025年工作安排"])
        XCTAssertEqual(r.headings[0].parts, ["measures"])
        XCTAssertTrue(r.headings[0].partsInferred)
        XCTAssertEqual(r.headings[1].parts, ["measures"])
        XCTAssertEqual(status(r)["measures"], .separate)
        XCTAssertEqual(r.headings[2].partsInferred, false)
    }

    /// An overview before an explicit measures heading is a preamble (other), not the measures.
    func testOverviewBeforeMeasuresIsOther() {
        let r = report(["一、2024年总体情况", "二、主要做法及成效", "三、存在的问题"])
        XCTAssertEqual(r.headings[0].parts, ["other"])
        XCTAssertEqual(r.headings[1].parts, ["measures"])
        // Alone, the overview is the measures.
        XCTAssertEqual(report(["一、2024年度工作总体情况", "二、存在的问题"]).headings[0].parts, ["measures"])
    }

    /// Leadership first is a form many reports use.
    func testLeadershipFirst() {
        let r = report(["一、党政主要负责人履行推进法治建设第一责任人职责情况", "二、主要举措及成效", "三、存在的不足和原因", "四、2025年工作安排"])
        XCTAssertEqual(r.headings.map(\.parts), [["leadership"], ["measures"], ["shortcomings"], ["plans"]])
        XCTAssertTrue(r.partStatus.filter { $0.id != "other" }.allSatisfy { $0.presence == .separate })
    }

    /// A heading naming the year after the reported one is the plans, whatever its words.
    func testNextYearHeadingIsThePlans() {
        let r = report(["一、主要举措和成效", "二、存在的不足和原因", "三、2025年重点工作"])
        XCTAssertEqual(r.headings[2].parts, ["plans"])
    }
}

final class MergedPartTests: XCTestCase {
    func testLeadershipAsSubheadingIsMerged() {
        for sub in ["（一）党政主要负责人履行推进法治建设第一责任人职责", "3.压实第一责任人职责"] {
            let r = report(["一、主要举措和成效", sub, "二、存在的不足和原因", "三、2025年工作安排"])
            let st = r.partStatus.first { $0.id == "leadership" }!
            XCTAssertEqual(st.presence, .merged, sub)
            XCTAssertEqual(st.container, 0, sub)
            XCTAssertEqual(r.headings[0].mergedParts, ["leadership"], sub)
            XCTAssertEqual(r.headings[1].parts, ["leadership"], sub)
        }
    }

    func testLeadershipAsParagraphIsMerged() {
        let text = """
        云溪镇人民政府关于2024年度法治政府建设情况的报告
        一、主要举措和成效
        （一）加强组织领导
        镇党委书记认真履行推进法治建设第一责任人职责，带头学法述法。
        二、存在的不足和原因
        略，原因是经费不足。
        三、2025年工作安排
        略。
        """
        let r = ReportParser().parse(text)
        let st = r.partStatus.first { $0.id == "leadership" }!
        XCTAssertEqual(st.presence, .merged)
        XCTAssertEqual(st.container, 0)
        XCTAssertNotNil(st.evidence)
        // Near miss: only the opening mentions it — mentioned, not merged.
        let opening = "云溪镇人民政府关于2024年度法治政府建设情况的报告\n2024年，镇党委书记切实履行第一责任人职责。\n一、主要举措和成效\n略。\n"
        XCTAssertEqual(ReportParser().parse(opening).partStatus.first { $0.id == "leadership" }?.presence, .mentioned)
    }

    func testShortcomingsSubheadingUnderMeasuresIsMerged() {
        let r = report(["一、主要举措和成效", "（五）存在的问题", "二、2025年工作安排"])
        XCTAssertEqual(r.partStatus.first { $0.id == "shortcomings" }?.presence, .merged)
        XCTAssertEqual(r.roots.count, 2, "the sub-heading stays under the measures")
    }

    func testAbsentPartIsMissingAndWordsAreMentions() {
        let r = report(["一、主要举措和成效", "二、2025年工作安排"])
        XCTAssertEqual(status(r)["shortcomings"], .missing)
        XCTAssertTrue(r.isComplete)
        XCTAssertFalse(report(["一、主要举措和成效"], closing: false).isComplete)
    }
}
