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
    特此报告。
    ××镇人民政府
    2025年2月20日

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

    /// Without a closing the report may be a draft or a truncated copy: an absent part is only info.
    func testUnfinishedReportGetsNoError() {
        let draft = complete.components(separatedBy: "特此报告。")[0].replacingOccurrences(of: "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头述法。\n", with: "")
        let d = lint(draft, only: "missing-part")
        XCTAssertEqual(d.filter { $0.severity >= .warning }.count, 0, d.map(\.message).joined())
        XCTAssertTrue(d.contains { $0.data == "leadership" && $0.severity == .info })
    }

    /// The duty written as a sub-heading or a paragraph inside the measures: present, merged (info).
    func testMergedLeadershipIsInfoNotError() {
        let merged = complete.replacingOccurrences(of: "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头述法。\n",
                                                   with: "").replacingOccurrences(of: "全年召开专题会议4次。\n", with: "（一）加强组织领导\n全年召开专题会议4次。\n（二）履行推进法治建设第一责任人职责\n镇党委书记带头述法。\n")
        let d = lint(merged, only: "missing-part").filter { $0.data == "leadership" }
        XCTAssertEqual(d.map(\.severity), [.info])
        XCTAssertTrue(d[0].message.contains("未单列"), d[0].message)
        let paragraph = complete.replacingOccurrences(of: "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头述法。\n",
                                                      with: "").replacingOccurrences(of: "全年召开专题会议4次。\n", with: "全年召开专题会议4次。镇党委书记认真履行推进法治建设第一责任人职责，带头述法。\n")
        XCTAssertEqual(lint(paragraph, only: "missing-part").filter { $0.data == "leadership" }.map(\.severity), [.info])
    }

    /// Words about a part without a section: warning in a finished report, never error.
    func testMentionedPartIsAWarning() {
        let text = complete.replacingOccurrences(of: "三、存在的不足和原因\n法治培训覆盖面不广，原因是经费保障不足。\n", with: "")
            .replacingOccurrences(of: "全年召开专题会议4次。", with: "全年召开专题会议4次，针对存在的问题及时整改。")
        let d = lint(text, only: "missing-part").filter { $0.data == "shortcomings" }
        XCTAssertEqual(d.map(\.severity), [.warning])
    }

    /// Thematic first-level headings with no umbrella heading are the measures.
    func testThematicHeadingsAreTheMeasures() {
        let text = complete.replacingOccurrences(of: "一、2024年法治政府建设主要举措和成效\n全年召开专题会议4次。\n",
                                                 with: "一、强化组织领导，夯实法治基础\n全年召开专题会议4次。\n")
        XCTAssertTrue(lint(text, only: "missing-part").filter { $0.data == "measures" }.isEmpty)
    }

    /// A user who turns the rule down keeps the relative order: merged stays below the configured level.
    func testConfiguredSeverityShiftsRelativeFindings() {
        var c = LintConfig()
        c.severities["missing-part"] = .some(.warning)
        let noLeadership = complete.replacingOccurrences(of: "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头述法。\n", with: "")
        let d = lint(noLeadership, only: "missing-part", config: c)
        XCTAssertEqual(d.first { $0.data == "leadership" }?.severity, .warning)
        XCTAssertEqual(d.first { $0.data == "other" }?.severity, .hint)
    }
}

/// Builds a report text from a title, optional recipient and body lines.
private func doc(_ lines: String...) -> String { lines.joined(separator: "\n") + "\n" }

private let T24 = "××镇人民政府关于2024年度法治政府建设情况的报告"
private let R = "××县人民政府："
private let OPEN = "2024年，我镇扎实推进法治政府建设。现将有关情况报告如下："

final class PartOrderRuleTests: XCTestCase {
    func testPlansBeforeShortcomingsIsFlaggedOnTheLaterHeading() {
        let text = doc(T24, "一、主要举措和成效", "略。", "二、2025年工作安排", "略。", "三、存在的不足和原因", "略，原因是经费不足。")
        let d = lint(text, only: "part-order")
        XCTAssertEqual(flagged(text, d), ["存在的不足和原因"])
        XCTAssertEqual(d.first?.related.map { SourceText(text).string($0.range) }, ["2025年工作安排"])
        XCTAssertTrue(d.first!.message.contains("存在的不足和原因"))
    }

    func testShortcomingsBeforeMeasures() {
        let text = doc(T24, "一、存在的问题", "略。", "二、主要做法和成效", "略。")
        XCTAssertEqual(flagged(text, lint(text, only: "part-order")), ["主要做法和成效"])
    }

    func testLeadershipAfterPlansIsFlagged() {
        let text = doc(T24, "一、主要举措和成效", "略。", "二、下一步工作打算", "略。", "三、主要负责人履行第一责任人职责情况", "略。")
        XCTAssertEqual(flagged(text, lint(text, only: "part-order")), ["主要负责人履行第一责任人职责情况"])
    }

    func testAcceptedOrders() {
        // Leadership first, after measures, or after shortcomings; unknown local parts anywhere.
        for text in [
            doc(T24, "一、党政主要负责人履行推进法治建设第一责任人职责情况", "略。", "二、主要举措和成效", "略。", "三、存在的不足和原因", "略。", "四、2025年工作安排", "略。"),
            doc(T24, "一、主要举措和成效", "略。", "二、主要负责人履职情况", "略。", "三、存在的不足和原因", "略。", "四、2025年工作安排", "略。", "五、其他需要报告的情况", "无。"),
            doc(T24, "一、主要举措和成效", "略。", "二、存在的不足和原因", "略。", "三、主要负责人履行第一责任人职责情况", "略。", "四、履行法院生效裁判情况", "无。", "五、2025年工作安排", "略。"),
            doc(T24, "一、主要做法和成效", "略。", "二、主要负责人履行第一责任人职责情况", "略。", "三、存在的问题及下一步打算", "略。"),
        ] {
            XCTAssertEqual(lint(text, only: "part-order").count, 0, text)
        }
    }
}

final class EmptyPartRuleTests: XCTestCase {
    func testHeadingFollowedByHeading() {
        let text = doc(T24, "一、主要举措和成效", "略。", "二、存在的不足和原因", "   ", "三、2025年工作安排", "略。")
        XCTAssertEqual(flagged(text, lint(text, only: "empty-part")), ["存在的不足和原因"])
    }

    func testLastPartWithNothingAndOtherPartHint() {
        let text = doc(T24, "一、主要举措和成效", "略。", "二、其他需要报告的情况")
        let d = lint(text, only: "empty-part")
        XCTAssertEqual(flagged(text, d), ["其他需要报告的情况"])
        XCTAssertTrue(d[0].message.contains("无"))
    }

    func testEmptyBeforeClosing() {
        let text = doc(T24, "一、主要举措和成效", "略。", "二、2025年工作安排", "特此报告。", "××镇人民政府", "2025年3月6日")
        XCTAssertEqual(flagged(text, lint(text, only: "empty-part")), ["2025年工作安排"])
    }

    func testNotEmpty() {
        for text in [
            doc(T24, "一、主要举措和成效", "1.召开会议。全年召开4次。"),
            doc(T24, "一、主要举措和成效", "（一）加强领导", "全年召开4次。"),
            doc(T24, "一、其他需要报告的情况", "无"),
            doc(T24, "一、主要举措和成效。全年召开会议4次。"),
        ] {
            XCTAssertEqual(lint(text, only: "empty-part").count, 0, text)
        }
    }
}

final class MissingCauseRuleTests: XCTestCase {
    func testProblemsOnly() {
        let text = doc(T24, "一、存在的不足和原因", "（一）培训不够。覆盖面不广。", "（二）队伍薄弱。人员偏少。", "二、2025年工作安排", "略。")
        XCTAssertEqual(flagged(text, lint(text, only: "missing-cause")), ["存在的不足和原因"])
    }

    func testProblemsOnlyUnderAPseudoHeading() {
        let text = doc(T24, "一、主要举措和成效", "略。", "存在的问题：", "培训覆盖面不广。", "二、2025年工作安排", "略。")
        XCTAssertEqual(flagged(text, lint(text, only: "missing-cause")), ["存在的问题"])
    }

    func testCauseWordsAreAccepted() {
        for cause in ["究其原因，经费保障不足。", "这主要是由于经费保障不足。", "客观上经费不足，主观上重视不够。", "受编制所限，人员偏少。", "受疫情影响，培训次数减少。", "人员流动导致培训效果打折扣。"] {
            let text = doc(T24, "一、存在的不足和原因", "培训覆盖面不广。" + cause, "二、2025年工作安排", "略。")
            XCTAssertEqual(lint(text, only: "missing-cause").count, 0, cause)
        }
    }

    func testEmptySectionIsLeftToEmptyPart() {
        let text = doc(T24, "一、存在的不足和原因", "二、2025年工作安排", "略。")
        XCTAssertEqual(lint(text, only: "missing-cause").count, 0)
    }
}

final class MissingRecipientRuleTests: XCTestCase {
    func testMissingUnderFormalTitle() {
        let text = doc(T24, OPEN, "一、主要举措和成效", "略。")
        let d = lint(text, only: "missing-recipient")
        XCTAssertEqual(flagged(text, d), [T24])
        XCTAssertTrue(d[0].fixes.isEmpty)
    }

    func testHalfWidthColonIsFixed() {
        let text = doc(T24, "××县人民政府:", OPEN)
        let d = lint(text, only: "missing-recipient")
        XCTAssertEqual(flagged(text, d), [":"])
        XCTAssertEqual(applyingFixes(text, d), doc(T24, "××县人民政府：", OPEN))
        XCTAssertTrue(d[0].fixes[0].isSafe)
    }

    func testRecipientWithoutColonGetsOne() {
        let text = doc(T24, "", "中共××县委、××县人民政府", OPEN)
        let d = lint(text, only: "missing-recipient")
        XCTAssertEqual(flagged(text, d), ["中共××县委、××县人民政府"])
        XCTAssertEqual(applyingFixes(text, d), doc(T24, "", "中共××县委、××县人民政府：", OPEN))
    }

    func testNotFlagged() {
        for text in [
            doc(T24, R, OPEN),
            doc(T24, "", "县委、县政府：", OPEN),
            doc("××镇2024年法治政府建设情况报告", "2024年，我镇扎实推进法治政府建设。"),
            doc("一、主要举措和成效", "略。"),
        ] {
            XCTAssertEqual(lint(text, only: "missing-recipient").count, 0, text)
        }
    }
}

final class TitleFormatRuleTests: XCTestCase {
    func diags(_ title: String, above: [String] = []) -> (String, [Diagnostic]) {
        let text = doc(above + [title, R, OPEN] as [String])
        return (text, lint(text, only: "title-format"))
    }
    private func doc(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    func testMissingIssuer() {
        let (text, d) = diags("关于2024年度法治政府建设情况的报告")
        XCTAssertEqual(flagged(text, d), ["关于2024年度法治政府建设情况的报告"])
        XCTAssertTrue(d[0].message.contains("发文机关"))
    }

    func testMissingYearAndGenre() {
        let (_, d) = diags("××镇人民政府关于法治政府建设情况的报告")
        XCTAssertEqual(d.count, 1)
        XCTAssertTrue(d[0].message.contains("年度"))
        let (_, g) = diags("××镇人民政府2024年度法治政府建设工作总结")
        XCTAssertEqual(g.count, 1)
        XCTAssertTrue(g[0].message.contains("总结"))
    }

    func testDoubledGenreAndPrepositions() {
        let (text, d) = diags("××镇人民政府关于上报2024年度法治政府建设情况的报告")
        XCTAssertEqual(flagged(text, d), ["上报"])
        XCTAssertEqual(applyingFixes(text, d), doc(["××镇人民政府关于2024年度法治政府建设情况的报告", R, OPEN]))
        let (text2, d2) = diags("××镇人民政府关于对2024年度法治政府建设情况的报告")
        XCTAssertEqual(flagged(text2, d2), ["对"])
        XCTAssertEqual(applyingFixes(text2, d2), doc(["××镇人民政府关于2024年度法治政府建设情况的报告", R, OPEN]))
    }

    func testEndPunctuationIsInfoWithFix() {
        let (text, d) = diags("××镇人民政府关于2024年度法治政府建设情况的报告!")
        XCTAssertEqual(flagged(text, d), ["!"])
        XCTAssertEqual(d[0].severity, .info)
        XCTAssertEqual(applyingFixes(text, d), doc([T24, R, OPEN]))
    }

    func testGoodTitles() {
        XCTAssertEqual(diags(T24).1.count, 0)
        XCTAssertEqual(diags("关于2024年度法治政府建设情况的报告", above: ["中共××镇委员会", "××镇人民政府"]).1.count, 0)
        XCTAssertEqual(diags("××县2024年法治政府建设情况报告").1.count, 0)
        XCTAssertEqual(diags("××县人民政府关于××县2024年度法治政府建设工作总结的报告").1.count, 0)
    }
}

final class OpeningLeadInRuleTests: XCTestCase {
    func testFullStopAfterRuXia() {
        let text = doc(T24, R, "2024年，我镇扎实推进法治政府建设，现将有关情况报告如下。", "一、主要举措和成效", "略。")
        let d = lint(text, only: "opening-lead-in")
        XCTAssertEqual(flagged(text, d), ["。"])
        XCTAssertEqual(applyingFixes(text, d), doc(T24, R, "2024年，我镇扎实推进法治政府建设，现将有关情况报告如下：", "一、主要举措和成效", "略。"))
    }

    func testNoPunctuationAfterRuXia() {
        let text = doc(T24, R, "2024年，我镇扎实推进法治政府建设。现将有关情况汇报如下", "一、主要举措和成效", "略。")
        let d = lint(text, only: "opening-lead-in")
        XCTAssertEqual(flagged(text, d), ["如下"])
        XCTAssertTrue(applyingFixes(text, d).contains("汇报如下：\n"))
    }

    func testMissingLeadInOffersUnsafeFix() {
        let text = doc(T24, R, "2024年，我镇扎实推进法治政府建设。全年工作成效明显。", "一、主要举措和成效", "略。")
        let d = lint(text, only: "opening-lead-in")
        XCTAssertEqual(flagged(text, d), ["全年工作成效明显。"])
        XCTAssertEqual(d[0].fixes.first?.isSafe, false)
        XCTAssertTrue(applyingFixes(text, d).contains("成效明显。现将有关情况报告如下：\n"))
    }

    func testNotFlagged() {
        for text in [
            doc(T24, R, OPEN, "一、主要举措和成效", "略。"),
            doc("××县2024年法治政府建设情况报告", "2024年，我县扎实推进法治政府建设。", "一、主要举措和成效", "略。"),
            doc(T24, R, "一、主要举措和成效", "略。"),
        ] {
            XCTAssertEqual(lint(text, only: "opening-lead-in").count, 0, text)
        }
    }
}

final class ClosingPhraseRuleTests: XCTestCase {
    let body = ["一、主要举措和成效", "全年召开专题会议4次。"]
    func text(_ closing: String...) -> String { (["××镇人民政府关于2024年度法治政府建设情况的报告"] + body + closing).joined(separator: "\n") + "\n" }

    func testWrongOrMissingPunctuation() {
        for (phrase, shown, fixed) in [("特此报告！", "特此报告！", "特此报告。"), ("特此报告：", "特此报告：", "特此报告。"),
                                       ("特此报告", "特此报告", "特此报告。"), ("特此报告  ", "特此报告", "特此报告。  ")] {
            let t = text(phrase, "××镇人民政府", "2025年3月6日")
            let d = lint(t, only: "closing-phrase")
            XCTAssertEqual(flagged(t, d), [shown], phrase)
            XCTAssertEqual(applyingFixes(t, d), text(fixed, "××镇人民政府", "2025年3月6日"), phrase)
            XCTAssertEqual(d.first?.severity, .warning)
        }
    }

    func testRequestClosingsAreErrors() {
        let t = text("妥否，请批示。", "××镇人民政府", "2025年3月6日")
        let d = lint(t, only: "closing-phrase")
        XCTAssertEqual(flagged(t, d), ["妥否，请批示。"])
        XCTAssertEqual(d[0].severity, .error)
        XCTAssertEqual(d[0].fixes.first?.isSafe, false)
        XCTAssertEqual(applyingFixes(t, d), text("特此报告。", "××镇人民政府", "2025年3月6日"))

        let t2 = text("以上报告，请审批。", "××镇人民政府", "2025年3月6日")
        let d2 = lint(t2, only: "closing-phrase")
        XCTAssertEqual(flagged(t2, d2), ["请审批。"])
        XCTAssertEqual(d2[0].severity, .error)
    }

    func testNotFlagged() {
        for t in [
            text("特此报告。", "××镇人民政府", "2025年3月6日"),
            text("××镇人民政府", "2025年3月6日"),
            text("重大决策均按程序提请审批，经集体讨论后报请批准。", "××镇人民政府", "2025年3月6日"),
        ] {
            XCTAssertEqual(lint(t, only: "closing-phrase").count, 0, t)
        }
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
