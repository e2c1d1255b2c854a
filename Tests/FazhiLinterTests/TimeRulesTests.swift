import FazhiLinter
import FazhiText
import XCTest

private func doc(_ lines: String...) -> String { lines.joined(separator: "\n") + "\n" }
private let T23 = "××镇人民政府关于2023年度法治政府建设情况的报告"
private let T24 = "××镇人民政府关于2024年度法治政府建设情况的报告"
private let R = "××县人民政府："

final class PlanYearRuleTests: XCTestCase {
    func testPlanHeadingWithReportYear() {
        let text = doc(T23, R, "一、主要举措和成效", "略。", "二、2023年工作安排", "略。")
        let d = lint(text, only: "plan-year")
        XCTAssertEqual(flagged(text, d), ["2023年"])
        XCTAssertEqual(d[0].severity, .error)
        // Related information points at the title's year.
        XCTAssertEqual(d[0].related.map { SourceText(text).string($0.range) }, ["2023"])
        XCTAssertEqual(d[0].fixes.first?.isSafe, false)
        XCTAssertEqual(applyingFixes(text, d), doc(T23, R, "一、主要举措和成效", "略。", "二、2024年工作安排", "略。"))
    }

    func testPlanHeadingWithEarlierOrLaterYear() {
        for heading in ["二、2022年工作打算", "二、2025年推进法治政府建设的主要安排"] {
            let text = doc(T23, "一、主要举措和成效", "略。", heading, "略。")
            XCTAssertEqual(lint(text, only: "plan-year").count, 1, heading)
        }
    }

    func testFirstSentenceOpeningWithWrongYear() {
        let text = doc(T23, "一、主要举措和成效", "略。", "二、下一步工作打算", "2023年，我镇将继续加强法治培训。2024年要巩固成果。")
        XCTAssertEqual(flagged(text, lint(text, only: "plan-year")), ["2023年"])
        let runOn = doc(T23, "一、主要举措和成效", "略。", "二、下一年度工作安排。2023年，我镇将继续加强法治培训。")
        XCTAssertEqual(flagged(runOn, lint(runOn, only: "plan-year")), ["2023年"])
    }

    func testNotFlagged() {
        for text in [
            doc(T23, "一、主要举措和成效", "略。", "二、2024年工作安排", "略。"),
            doc(T23, "一、主要举措和成效", "略。", "二、下一步工作打算", "略。"),
            doc(T23, "一、主要举措和成效", "略。", "二、下一步工作打算", "2024年，我镇将继续加强法治培训。"),
            doc(T23, "一、主要举措和成效", "略。", "二、下一步工作打算", "我镇将在巩固2023年成果的基础上继续努力。"),
            doc(T23, "一、主要举措和成效", "略。", "二、下一步工作打算", "略。", "2022年，我镇曾被评为示范镇。"),
            doc(T23, "一、主要举措和成效", "略。", "二、2024—2025年工作安排", "略。"),
            doc(T23, "一、主要举措和成效", "略。", "二、存在的问题和2024年工作打算", "略。"),
            doc("一、主要举措和成效", "略。", "二、2023年工作安排", "略。"),
        ] {
            XCTAssertEqual(lint(text, only: "plan-year").count, 0, text)
        }
    }
}

final class ReportYearRuleTests: XCTestCase {
    func testOpeningYearMismatch() {
        for (opening, shown) in [("2023年，我镇扎实推进法治政府建设。", "2023年"), ("2023年以来，我镇扎实推进法治政府建设。", "2023年"),
                                 ("我镇2023年度法治政府建设工作成效明显。", "2023年")] {
            let text = doc(T24, R, opening, "一、主要举措和成效", "略。")
            let d = lint(text, only: "report-year")
            XCTAssertEqual(flagged(text, d), [shown], opening)
            XCTAssertEqual(d.first?.related.map { SourceText(text).string($0.range) }, ["2024"])
            XCTAssertTrue(applyingFixes(text, d).contains("2024年"), opening)
        }
    }

    func testOpeningAfterARecipientWithoutColon() {
        let text = doc(T24, "县委、县政府", "2023年以来，我镇扎实推进法治政府建设。", "一、主要举措和成效", "略。")
        XCTAssertEqual(flagged(text, lint(text, only: "report-year")), ["2023年"])
    }

    func testTitleEndingWithFullStopIsStillTheTitle() {
        // The title ends with 。 (flagged by title-format); the opening's year still contradicts it.
        let text = doc("××镇人民政府关于2024年度法治政府建设情况的报告。", "2023年，我镇扎实推进法治政府建设，现将有关情况报告如下", "一、2024年主要举措和成效", "略。")
        XCTAssertEqual(flagged(text, lint(text, only: "report-year")), ["2023年"])
        XCTAssertEqual(flagged(text, lint(text, only: "title-format")), ["。"])
    }

    func testMeasuresHeadingAndFutureYearSentence() {
        let text = doc(T24, "一、2023年法治政府建设主要举措和成效", "略。")
        XCTAssertEqual(flagged(text, lint(text, only: "report-year")), ["2023年"])
        let text2 = doc(T24, "一、主要举措和成效", "全年召开会议4次。2025年，我镇又召开会议2次。")
        XCTAssertEqual(flagged(text2, lint(text2, only: "report-year")), ["2025年"])
    }

    func testNotFlagged() {
        for text in [
            doc(T24, R, "2024年，我镇扎实推进法治政府建设。", "一、主要举措和成效", "略。"),
            doc(T24, R, "在县委领导下，我镇落实2023年督察反馈意见。", "一、主要举措和成效", "略。"),
            doc(T24, "一、主要举措和成效", "与2023年相比，复议案件下降。2021年以来累计培训20次。2022年，我镇被评为示范镇。"),
            doc(T24, "一、主要举措和成效", "2025年1月，我镇召开总结会。"),
            doc("2023年，我镇扎实推进法治政府建设。", "一、主要举措和成效", "略。"),
        ] {
            XCTAssertEqual(lint(text, only: "report-year").count, 0, text)
        }
    }
}

final class DateFormatRuleTests: XCTestCase {
    func closing(_ date: String, title: String = T24) -> String {
        doc(title, "一、主要举措和成效", "全年召开专题会议4次。", "特此报告。", "××镇人民政府", date)
    }

    func testNonStandardFormsAreFixed() {
        for (date, sev) in [("2025年03月06日", Severity.warning), ("2025年3月06日", .warning), ("2025.3.6", .warning), ("2025-03-06", .warning),
                            ("二〇二五年三月六日", .info), ("二0二五年三月六日", .error), ("二O二五年三月六日", .error)] {
            let text = closing(date)
            let d = lint(text, only: "date-format")
            XCTAssertEqual(flagged(text, d), [date], date)
            XCTAssertEqual(d.first?.severity, sev, date)
            XCTAssertEqual(d.first?.fixes.first?.isSafe, true, date)
            XCTAssertEqual(applyingFixes(text, d), closing("2025年3月6日"), date)
        }
    }

    func testYearNotAfterReportedYear() {
        let text = closing("2024年12月20日")
        let d = lint(text, only: "date-format")
        XCTAssertEqual(flagged(text, d), ["2024年12月20日"])
        XCTAssertTrue(d[0].fixes.isEmpty)
        XCTAssertEqual(d[0].related.map { SourceText(text).string($0.range) }, ["2024"])
        XCTAssertEqual(lint(closing("2027年3月6日"), only: "date-format").count, 1)
    }

    func testInvalidDate() {
        let d = lint(closing("2025年2月30日"), only: "date-format")
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(d[0].severity, .error)
    }

    func testNotFlagged() {
        for text in [closing("2025年3月6日"), closing("2025年12月31日"), closing("2024年2月29日", title: "××镇人民政府关于2023年度法治政府建设情况的报告"),
                     doc(T24, "一、主要举措和成效", "2025年03月06日召开会议。")] {
            XCTAssertEqual(lint(text, only: "date-format").count, 0, text)
        }
    }
}

final class LateReportRuleTests: XCTestCase {
    func closing(_ date: String) -> String {
        doc(T24, "一、主要举措和成效", "全年召开专题会议4次。", "特此报告。", "××镇人民政府", date)
    }

    func testLate() {
        for date in ["2025年4月1日", "2025年4月15日", "2025年11月3日", "2025.05.06"] {
            let text = closing(date)
            let d = lint(text, only: "late-report")
            XCTAssertEqual(flagged(text, d), [date], date)
            XCTAssertEqual(d[0].severity, .info)
            XCTAssertTrue(d[0].fixes.isEmpty)
        }
    }

    func testInTime() {
        for date in ["2025年3月31日", "2025年1月10日", "2024年12月30日", "2026年5月1日"] {
            XCTAssertEqual(lint(closing(date), only: "late-report").count, 0, date)
        }
    }

    func testRationaleCitesOnlyArticle24() {
        let m = RuleCatalog.rule("late-report")!.metadata
        XCTAssertTrue(m.source.contains("第二十四条"))
        let articles = (m.source + m.rationale).components(separatedBy: "第").count - 1
        XCTAssertEqual(articles, 1)
    }
}
