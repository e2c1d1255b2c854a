import FazhiParser
import XCTest

/// Report detection: reports of every shape are checked, other text files are left alone, and the reason
/// says which signal decided.
final class ReportDetectionTests: XCTestCase {
    func verdict(_ text: String) -> ReportVerdict { ReportDetection.assess(ReportParser().parse(text)) }

    func testReportsAreRecognised() {
        // A draft with only a title and one heading.
        let draft = verdict("云溪镇人民政府关于2024年度法治政府建设情况的报告\n\n一、主要举措和成效\n")
        XCTAssertTrue(draft.isReport, draft.reason)
        XCTAssertTrue(draft.reason.contains("标题"), draft.reason)
        // A Markdown title.
        XCTAssertTrue(verdict("# 县司法局2024年法治政府建设工作总结\n\n全年……\n").isReport)
        // No title line the parser recognises, but the parts are there.
        let parts = verdict("2024年，我局扎实推进各项工作。\n一、主要举措和成效\n略。\n二、存在的不足和原因\n略。\n")
        XCTAssertTrue(parts.isReport, parts.reason)
        XCTAssertTrue(parts.reason.contains("主要举措和成效"), parts.reason)
        // The topic in the opening and report phrases.
        let opening = verdict("县人民政府：\n今年以来，我镇把法治政府建设摆在重要位置，主要负责人切实履行第一责任人职责。现将有关情况报告如下：\n")
        XCTAssertTrue(opening.isReport, opening.reason)
        // The topic and one part heading.
        XCTAssertTrue(verdict("工作回顾\n我街道持续推进依法行政。\n一、存在的不足和原因\n略。\n").isReport)
    }

    func testOtherDocumentsAreLeftAlone() {
        let readme = verdict("# 项目说明\n\n本仓库存放会议材料。运行 `make` 生成 PDF。\n\n## 目录\n- 一、会议安排\n- 二、参会名单\n")
        XCTAssertFalse(readme.isReport, readme.reason)
        XCTAssertTrue(readme.reason.contains("不作检查"), readme.reason)
        let notes = verdict("周一例会记录\n1. 讨论了下周的值班安排。\n2. 采购办公用品。\n")
        XCTAssertFalse(notes.isReport, notes.reason)
        // Mentioning the topic once is not enough; the reason says so.
        let mention = verdict("学习笔记\n今天学习了法治政府建设的有关文件，体会很深。\n")
        XCTAssertFalse(mention.isReport, mention.reason)
        XCTAssertTrue(mention.reason.contains("法治政府建设"), mention.reason)
        let empty = verdict("\n  \n")
        XCTAssertFalse(empty.isReport)
        XCTAssertEqual(empty.reason, "文档为空")
    }

    func testOnlyTheHeadIsSearched() {
        // The topic far down a long note does not make it a report (the check stays constant-time).
        let filler = String(repeating: "会议纪要正文。\n", count: 2000)
        XCTAssertFalse(verdict("会议纪要\n" + filler + "法治政府建设 第一责任人 特此报告\n").isReport)
    }
}
