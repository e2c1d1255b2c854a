import FazhiLinter
import FazhiText
import XCTest

final class MissingPartRuleTests: XCTestCase {
    let complete = """
    ××镇人民政府关于2024年度法治政府建设情况的报告
    一、2024年法治政府建设主要举措和成效
    全年召开专题会议4次。
    二、党政主要负责人履行推进法治建设第一责任人职责情况
    镇党委书记带头述法。
    三、存在的不足和原因
    法治培训覆盖面不广，原因是经费保障不足。
    四、2025年工作安排
    继续加强法治培训。

    """

    func testCompleteReportHasNoMissingPart() {
        let d = lint(complete, only: "missing-part")
        XCTAssertEqual(d.filter { $0.severity == .error }.count, 0)
        // Part 5 is optional: reported as info only.
        XCTAssertEqual(d.map(\.data), ["other"])
        XCTAssertEqual(d.first?.severity, .info)
    }

    func testEachRequiredPartIsNamedInOfficialWording() {
        let noLeadership = complete.replacingOccurrences(of: "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头述法。\n", with: "")
        let d = lint(noLeadership, only: "missing-part").filter { $0.severity == .error }
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(d.first?.data, "leadership")
        XCTAssertTrue(d.first!.message.contains("党政主要负责人履行推进法治建设第一责任人职责"))
    }

    func testCombinedHeadingCoversTwoParts() {
        let text = """
        ××镇关于2024年度法治政府建设情况的报告
        一、主要做法和成效
        略。
        二、主要负责人履行第一责任人职责情况
        略。
        三、存在的问题及下一步打算
        问题在于培训少，原因是经费不足。明年将加强培训。

        """
        let d = lint(text, only: "missing-part").filter { $0.severity == .error }
        XCTAssertEqual(d.count, 0, d.map(\.message).joined())
    }

    func testTextWithoutHeadingsIsNotJudged() {
        XCTAssertTrue(lint("", only: "missing-part").isEmpty)
        XCTAssertTrue(lint("只有一段话。", only: "missing-part").isEmpty)
    }
}

final class MissingPartInsertionTests: XCTestCase {
    func testInsertsLeadershipBeforePlansWithItsNumeral() {
        let text = "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n略。\n二、存在的不足和原因\n略，原因是人手少。\n三、2025年工作安排\n略。\n"
        let d = lint(text, only: "missing-part").first { $0.data == "leadership" }!
        let fixed = [TextEdit](d.fixes[0].edits).applied(to: SourceText(text))
        XCTAssertTrue(fixed.contains("原因是人手少。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n（待补充）\n三、2025年工作安排"), fixed)
        XCTAssertFalse(d.fixes[0].isSafe)
        let plans = lint("关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n略。\n", only: "missing-part").first { $0.data == "plans" }!
        let fixed2 = [TextEdit](plans.fixes[0].edits).applied(to: SourceText("关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n略。\n"))
        XCTAssertTrue(fixed2.hasSuffix("略。\n二、2025年推进法治政府建设的主要安排\n（待补充）\n"), fixed2)
    }
}
