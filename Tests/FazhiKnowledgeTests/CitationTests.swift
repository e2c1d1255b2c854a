import FazhiText
import XCTest
@testable import FazhiKnowledge

/// `CitationClassifier` (what a title names), `examineCitation` (catalogue lookup and close names) and
/// `standing(of:inReportYear:)` (currency in the reported year), on the shipped citations.json and laws.json.
final class CitationClassifierTests: XCTestCase {
    let k = Knowledge.shared

    func category(_ name: String) -> CitationCategory { k.citations.category(of: name) }

    func testCategoriesByName() throws {
        try XCTSkipIf(!CitationsFile.resourceExists, "citations.json not present")
        let expected: [(String, CitationCategory)] = [
            // National laws and regulations claim a catalogue entry.
            ("中华人民共和国乡镇管理法", .nationalLaw), ("乡村振兴促进法", .nationalLaw), ("行政处罚法（修订）", .nationalLaw),
            ("行政机关公务员处分条例", .administrativeRegulation), ("中华人民共和国道路运输条例", .administrativeRegulation),
            ("城市市容和环境卫生管理条例", .administrativeRegulation), ("村庄和集镇规划建设管理条例", .administrativeRegulation),
            // Party regulations and central documents.
            ("中国共产党巡视工作条例", .partyRegulation), ("国务院关于加强法治政府建设的意见", .centralDocument),
            ("中共中央办公厅 国务院办公厅关于进一步加强基层治理的意见", .centralDocument),
            ("全面深化法治领域改革纲要（2023—2027年）", .otherDocument), ("关于加强法治政府建设的意见", .otherDocument),
            ("公安部关于修改部分规章的决定", .departmentalRule),
            ("最高人民法院关于适用《中华人民共和国行政诉讼法》的解释", .judicialInterpretation),
            // Local and internal documents.
            ("法治下陆建设规划（2021—2025年）", .localDocument), ("法治浙江建设规划", .localDocument),
            ("行政执法考评办法", .localDocument), ("城南街道机关考勤管理规定", .localDocument),
            ("重庆市安全生产条例", .localRegulation), ("深圳经济特区灾害事故应急处置条例", .localRegulation),
            ("北屏乡行政规范性文件管理办法", .localDocument), ("市交通运输局关于印发工作方案的通知", .localDocument),
            ("2025年普法责任清单", .localDocument), ("全县法治政府建设工作要点", .localDocument), ("本单位合同管理办法", .localDocument),
            ("政府工作报告", .localDocument), ("关于学习法治思想的通报", .otherDocument),
            // Books, newspapers, campaigns, back references and templates.
            ("法治日报", .publication), ("习近平法治思想学习纲要", .publication), ("论坚持全面依法治国", .publication),
            ("习近平谈治国理政", .publication), ("宪法学习读本", .publication), ("求是", .publication),
            ("违纪行为典型案例", .publication), ("宪法宣传周", .campaign),
            ("条例", .unclassified), ("××镇××制度", .unclassified), ("枫桥式工作法", .unclassified),
        ]
        for (name, want) in expected { XCTAssertEqual(category(name), want, name) }
    }

    func testNationalCategoriesAndCatalogueKinds() {
        XCTAssertTrue(CitationCategory.nationalLaw.claimsCatalogueEntry)
        XCTAssertFalse(CitationCategory.centralDocument.claimsCatalogueEntry)
        XCTAssertTrue(CitationCategory.otherDocument.mayBeNational)
        XCTAssertFalse(CitationCategory.localDocument.mayBeNational)
        XCTAssertEqual(CitationCategory(kind: .partyRegulation), .partyRegulation)
        XCTAssertEqual(CitationCategory(kind: .normativeDocument), .centralDocument)
    }

    func testExaminationFindsKnownWrongAndCloseNames() throws {
        try XCTSkipIf(!LawsFile.resourceExists, "laws.json not present")
        guard case .known(let l, let short) = k.examineCitation("行政处罚法").match else { return XCTFail("行政处罚法") }
        XCTAssertEqual(l.name, "中华人民共和国行政处罚法")
        XCTAssertTrue(short)
        guard case .misnomer(_, let s) = k.examineCitation("信访法").match else { return XCTFail("信访法") }
        XCTAssertEqual(s.map(\.name), ["信访工作条例"])
        // One character dropped, and a year span without its dash: close to a catalogue name.
        XCTAssertEqual(k.examineCitation("有组织犯罪法").close?.name, "中华人民共和国反有组织犯罪法")
        XCTAssertEqual(k.examineCitation("法治政府建设实施纲要(20212025年)").close?.name, "法治政府建设实施纲要（2021—2025年）")
        // Another period is another edition, and two characters changed is another document.
        XCTAssertNil(k.examineCitation("法治政府建设实施纲要（2026—2030年）").close)
        XCTAssertNil(k.examineCitation("关于加强法治政府建设的意见").close)
        XCTAssertNil(k.examineCitation("行政机关公务员处分条例").close)
    }

    func testOneSlip() {
        func s(_ x: String) -> [UInt32] { x.unicodeScalars.map(\.value) }
        XCTAssertTrue(Knowledge.isOneSlip(s("有组织犯罪法"), s("反有组织犯罪法")))
        XCTAssertTrue(Knowledge.isOneSlip(s("行政处法"), s("行政处罚法")))
        XCTAssertTrue(Knowledge.isOneSlip(s("行政处伐法"), s("行政处罚法")))
        XCTAssertFalse(Knowledge.isOneSlip(s("纲要（2021—2035）"), s("纲要（2021—2025）")))
        XCTAssertFalse(Knowledge.isOneSlip(s("行政处罚法"), s("行政处罚法")))
        XCTAssertFalse(Knowledge.isOneSlip(s("法治政府"), s("法治乡村")))
    }

    func testStandingInTheReportYear() throws {
        try XCTSkipIf(!LawsFile.resourceExists, "laws.json not present")
        func law(_ n: String) throws -> Law { try XCTUnwrap(k.law(named: n), n) }
        let old = try law("法治政府建设实施纲要（2015—2020年）")
        // In force for the whole of 2020; its successor appeared in August 2021, after the 2020 report was written.
        XCTAssertEqual(k.standing(of: old, inReportYear: 2020), .inForce)
        XCTAssertEqual(k.standing(of: old, inReportYear: 2021), .endedDuring(KnowledgeDate(year: 2021, month: 8)))
        XCTAssertEqual(k.standing(of: old, inReportYear: 2022), .endedBefore(KnowledgeDate(year: 2021, month: 8)))
        let xinfang = try law("信访条例")
        XCTAssertEqual(k.standing(of: xinfang, inReportYear: 2021), .successorKnownAtWriting(KnowledgeDate(year: 2022, month: 5, day: 1)))
        XCTAssertEqual(k.standing(of: xinfang, inReportYear: 2022), .endedDuring(KnowledgeDate(year: 2022, month: 5, day: 1)))
        XCTAssertEqual(k.standing(of: xinfang, inReportYear: 2023), .endedBefore(KnowledgeDate(year: 2022, month: 5, day: 1)))
        // Repealed on the first day of the year: not in force at all that year.
        XCTAssertEqual(k.standing(of: try law("民法通则"), inReportYear: 2021), .endedBefore(KnowledgeDate(year: 2021, month: 1, day: 1)))
        let newer = try law("信访工作条例")
        XCTAssertEqual(k.standing(of: newer, inReportYear: 2020), .notYetIssued(KnowledgeDate(year: 2022, month: 2, day: 25)))
        XCTAssertEqual(k.standing(of: newer, inReportYear: 2021), .issuedAfterYear(KnowledgeDate(year: 2022, month: 2, day: 25)))
        XCTAssertEqual(k.standing(of: newer, inReportYear: 2022), .inForce)
        XCTAssertEqual(Knowledge.periodEnd("乡村振兴战略规划（2018—2022年）"), KnowledgeDate(year: 2022))
        XCTAssertNil(Knowledge.periodEnd("信访工作条例"))
    }
}

extension CitationExamination {
    var close: Law? { if case .unknown(let c) = match { return c } else { return nil } }
}
