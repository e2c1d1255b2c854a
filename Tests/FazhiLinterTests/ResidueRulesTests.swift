import FazhiLinter
import FazhiText
import XCTest

final class ResidueRulesTests: XCTestCase {
    // MARK: conversion-artifact

    func testConversionArtifactsAreDeleted() {
        let t = "[bookmark: _GoBack]关于2024年度法治政府建设情况的报告\n推进{.underline}依法😀行政。<br>\n依\u{200B}法行政\u{000C}，&nbsp;（此处插入图片）𠀀\n"
        let d = lint(t, only: "conversion-artifact")
        XCTAssertEqual(flagged(t, d), ["[bookmark: _GoBack]", "{.underline}", "<br>", "\u{200B}", "\u{000C}", "&nbsp;", "（此处插入图片）"])
        XCTAssertTrue(d.allSatisfy { $0.severity == .error })
        XCTAssertEqual(applyingFixes(t, d), "关于2024年度法治政府建设情况的报告\n推进依法😀行政。\n依法行政，𠀀\n")
    }

    func testReplacementCharacterHasUnsafeFix() {
        let t = "推进依\u{FFFD}行政。\n"
        let d = lint(t, only: "conversion-artifact")
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(d[0].fixes.first?.isSafe, false)
    }

    func testConversionNearMisses() {
        let t = "详见[附件1]，其中A<B，{重点}工作，满意率98%。\n"
        XCTAssertEqual(lint(t, only: "conversion-artifact").count, 0)
    }

    // MARK: placeholder

    func testPlaceholders() {
        let t = "XX镇全年办理案件××件，○○同志😀，开展活动【待填】次，【 】，TODO补充，此处填写名称，日期（ ）。\n"
        let d = lint(t, only: "placeholder")
        XCTAssertEqual(flagged(t, d), ["XX", "××", "○○", "【待填】", "【 】", "TODO", "此处填写", "（ ）"])
        XCTAssertTrue(d.allSatisfy { $0.severity == .warning && $0.fixes.isEmpty })
    }

    func testPendingFillIsReportedOnce() {
        let t = "案件数待填写，请及时填写报表。\n"
        XCTAssertEqual(flagged(t, lint(t, only: "placeholder")), ["待填写"])
    }

    func testOmittedTextAndInsertionNotes() {
        let t = "三、存在的不足和原因\n（略）\n开展活动【待补充】次，[此处插入本年度数据]，［此处插入］，数据(略)。\n"
        let d = lint(t, only: "placeholder")
        XCTAssertEqual(flagged(t, d), ["（略）", "【待补充】", "[此处插入本年度数据]", "［此处插入］", "(略)"])
        XCTAssertTrue(d[0].message.contains("省略标记"), d[0].message)
    }

    func testOmissionNotesReferencesAndModelNumbersAreFine() {
        let t = "附件（略），图片（略），统计表格（略），详见附表（略）。参见文献[1]，型号XX-200和XX100，宣传页[ ]。此处插入图片。\n"
        XCTAssertEqual(lint(t, only: "placeholder").map(\.message), [])
        XCTAssertEqual(lint("附件：1.工作台账（略）\n　　附件2.工作清单（略）\n", only: "placeholder").map(\.message), [])
    }

    func testPlaceholderNearMisses() {
        let t = "展板规格2×3米，二〇〇八年，XXL码，【重要】事项，Mexico City。\n"
        XCTAssertEqual(lint(t, only: "placeholder").count, 0)
    }

    // MARK: broken-line

    func testBrokenLineIsJoined() {
        let t = "一、主要举措\n全年共组织专题学习12次，覆盖机关干部和村😀\n社区干部300余人。\n"
        let d = lint(t, only: "broken-line")
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(applyingFixes(t, d), "一、主要举措\n全年共组织专题学习12次，覆盖机关干部和村😀社区干部300余人。\n")
    }

    func testBrokenNumberMessage() {
        let t = "一、主要举措\n全年共办理案件12\n3件。\n"
        let d = lint(t, only: "broken-line")
        XCTAssertEqual(d.count, 1)
        XCTAssertTrue(d[0].message.contains("数字"))
    }

    func testBrokenLineNearMisses() {
        let t = "一、主要举措\n全年共组织专题学习12次。\n　　覆盖机关干部和村\n社区干部300余人。\n".replacingOccurrences(of: "　　覆盖机关干部和村\n社区", with: "覆盖机关干部和村社区")
        XCTAssertEqual(lint(t, only: "broken-line").count, 0)
        XCTAssertEqual(lint("一、主要举措\n一是健全制度\n二是加强培训。\n", only: "broken-line").count, 0)
    }
}
