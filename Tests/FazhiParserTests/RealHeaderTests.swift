import FazhiKnowledge
import FazhiParser
import FazhiText
import XCTest

// How published reports begin, as drafters and reviewers copy them: web-page chrome, titles in their many
// shapes, the unit and the year. Every text here is invented (units like 云溪镇 do not matter); each case
// has a twin or a near miss that must not be read the other way.

private func parse(_ lines: String...) -> Report { ReportParser().parse(lines.joined(separator: "\n") + "\n") }

private let body = ["2024年，云溪镇坚持依法行政，扎实推进法治政府建设。现将有关情况报告如下：", "一、主要举措和成效", "全年召开专题会议4次。"]

final class WebChromeTests: XCTestCase {
    func testBreadcrumbAndMetadataBulletsAreChrome() {
        let r = ReportParser().parse(([
            "您当前的位置：首页 > 政务公开 > 法治政府建设年度报告",
            "",
            "  • 11500000000000000X/2025-00001",
            "  • 法制",
            "  • 青禾县云溪镇",
            "  • 2025-02-14",
            "",
            "云溪镇2024年法治政府建设工作报告",
        ] + body).joined(separator: "\n"))
        XCTAssertEqual(r.header.title?.line, 7)
        XCTAssertEqual(r.unit?.name, "云溪镇")
        XCTAssertEqual(r.year, 2024)
        XCTAssertNil(r.header.recipient)
        XCTAssertEqual(r.lines.indices.filter { r.lines[$0].kind == .chrome }, [0, 2, 3, 4, 5])
    }

    func testPipeTableMetadataIsChromeAndNeverTheUnit() {
        let r = ReportParser().parse(([
            "索 引 号: | abc123/2025-0000012 | 公开目录: | 法治政府建设 |",
            "成文日期: | 2025-02-14 | 发布日期: | 2025-02-14 |",
            "发布机构: | 青禾区丰乐街道 |",
            "2024年，丰乐街道在区委、区政府的坚强领导下，扎实推进法治政府建设。",
            "一、主要举措和成效",
        ]).joined(separator: "\n"))
        XCTAssertNil(r.header.title)
        XCTAssertEqual(r.unit?.name, "丰乐街道", "from the opening sentence, not from 发布机构")
        XCTAssertEqual(r.unit?.kind, .subdistrict)
        XCTAssertEqual(r.year, 2024, "not 2025 from the publication date")
        XCTAssertEqual((0..<3).map { r.lines[$0].kind }, [.chrome, .chrome, .chrome])
    }

    func testBracketedMetadataListWithDocNumberIsChrome() {
        let r = ReportParser().parse(([
            "- [ 索引号 ] 11500000000000000R/2026-00004",
            "- [ 发文字号 ] 云委文〔2026〕3号",
            "- [ 发布机构 ] 青禾县云溪乡人民政府",
            "- [ 成文日期 ] 2026-02-12",
            "青禾县云溪乡人民政府2025年法治政府建设情况报告",
            "- 日期:2026-02-12",
            "大",
            "中",
            "小",
            "2025年，云溪乡坚持依法行政。现将有关情况报告如下：",
            "一、主要工作及成效",
        ]).joined(separator: "\n"))
        XCTAssertEqual(r.header.title?.line, 4)
        XCTAssertNil(r.header.docNumber, "a 文号 inside the page's metadata is not the report's header")
        XCTAssertEqual(r.unit?.name, "青禾县云溪乡")
        XCTAssertEqual(r.year, 2025)
        XCTAssertEqual([5, 6, 7, 8].map { r.lines[$0].kind }, [.chrome, .chrome, .chrome, .chrome])
        XCTAssertEqual(r.lines[9].kind, .paragraph)
    }

    func testSourceLineAndFontWidgetsNeverBecomeTheRecipient() {
        let r = parse("云溪镇2024年度法治政府建设工作情况报告", "", "来源:       发布日期:2025-03-30     点击数: 人次", "", "【字体：大 中 小】【打印】【关闭】",
                      body[0], body[1], body[2])
        XCTAssertNil(r.header.recipient)
        XCTAssertEqual(r.header.title?.line, 0)
        XCTAssertEqual(r.lines[2].kind, .chrome)
        XCTAssertEqual(r.lines[4].kind, .chrome)
        let opening = try! XCTUnwrap(r.header.opening)
        XCTAssertTrue(r.text(r.paragraphs[opening].range).hasPrefix("2024年，云溪镇"))
    }

    func testPageTitleWithMetadataOnTheSameLineIsChrome() {
        let r = parse("当前位置:首页 > 政府信息公开 > 其他", "县教育局2024年法治政府建设年度报告 发布日期:2025-02-28 信息来源: 县教育局", "",
                      "县教育局2024年法治政府建设年度报告", "", "2024年，县教育局坚持依法治教。", "一、主要举措和成效")
        XCTAssertEqual(r.header.title?.line, 3)
        XCTAssertEqual(r.lines[1].kind, .chrome)
        XCTAssertEqual(r.unit?.name, "县教育局")
        XCTAssertEqual(r.unit?.kind, .department)
    }

    func testTitleOnlyInAMetadataLine() {
        let r = parse("标题: 青禾县交通运输局2025年度法治政府建设情况报告", "索引号: 113700000000000000/2026-0001 文号:",
                      "2025年，青禾县交通运输局坚持依法行政。", "一、主要举措和成效")
        XCTAssertEqual(r.header.title?.text, "青禾县交通运输局2025年度法治政府建设情况报告")
        XCTAssertEqual(r.unit?.name, "青禾县交通运输局")
        XCTAssertNil(r.header.recipient, "索引号 …… 文号: is not a recipient")
    }

    func testWebResidueAfterTheReportIsChromeAndTheClosingStillFound() {
        let r = parse("云溪镇2024年度法治政府建设情况报告", body[0], body[1], body[2], "特此报告。", "云溪镇人民政府", "2025年2月20日",
                      "", "相关链接", "【打印本页】【关闭窗口】")
        XCTAssertNotNil(r.closing.date)
        XCTAssertNotNil(r.closing.closingPhrase)
        XCTAssertEqual(r.lines[8].kind, .chrome)
        XCTAssertEqual(r.lines[9].kind, .chrome)
    }

    /// Near misses: sentences that start like metadata are report text.
    func testSentencesThatLookLikeMetadataAreNotChrome() {
        let r = parse("时间：2024年全年，来源于群众的诉求全部办结。", "一、主要举措和成效", "全年召开会议4次。")
        XCTAssertEqual(r.lines[0].kind, .paragraph)
        let r2 = parse("云溪镇2024年度法治政府建设情况报告", "县委、县政府：", "大力推进依法行政，全镇法治水平明显提升。", "一、主要举措和成效")
        XCTAssertEqual(r2.lines[2].kind, .paragraph)
        XCTAssertEqual(r2.header.recipient?.text, "县委、县政府")
    }
}

final class TitleShapeTests: XCTestCase {
    func testJointTitleOfTwoOrgansGivesTheGovernmentUnit() {
        let r = parse("中共云溪镇委员会 云溪镇人民政府关于2024年度法治政府建设情况的报告", body[0], body[1])
        XCTAssertEqual(r.unit?.name, "云溪镇", "never 云溪镇委")
        XCTAssertEqual(r.unit?.kind, .town)
        XCTAssertEqual(r.year, 2024)
        let dept = parse("中共青禾县教育局委员会 青禾县教育局 关于2023年法治政府建设情况的报告", "2023年，县教育系统坚持依法治教。", "一、主要举措和成效")
        XCTAssertEqual(dept.unit?.name, "青禾县教育局")
        XCTAssertEqual(dept.unit?.kind, .department)
    }

    func testOrganLineAboveTheTitleIsItsFirstLine() {
        let r = parse("云溪乡人民政府", "关于法治政府建设的情况报告", "2025年，云溪乡坚持依法行政。", "一、强化组织保障，夯实法治根基")
        XCTAssertEqual(r.header.title?.line, 0)
        XCTAssertEqual(r.header.title?.lastLine, 1)
        XCTAssertEqual(r.unit?.name, "云溪乡")
        XCTAssertEqual(r.year, 2025, "from the opening: the title names none")
        let dept = parse("青禾县应急管理局", "2025年法治政府建设报告", "青禾县应急管理局坚持以习近平法治思想为统揽。", "一、推进法治政府建设的主要举措和成效")
        XCTAssertEqual(dept.header.title?.line, 0)
        XCTAssertEqual(dept.unit?.name, "青禾县应急管理局")
        XCTAssertEqual(dept.year, 2025)
    }

    func testTwoIssuerLinesAreIssuersNotATitle() {
        let r = parse("中共青禾县云溪镇委员会", "青禾县云溪镇人民政府", "关于2024年度法治政府建设情况的报告", "", "县委、县政府：", body[0], body[1])
        XCTAssertEqual(r.header.title?.line, 2)
        XCTAssertEqual(r.header.organizationLines.count, 2)
        XCTAssertEqual(r.unit?.name, "青禾县云溪镇")
    }

    func testRepeatedPageTitleAndIssuerLineBelowIt() {
        let r = parse("云溪镇2024年法治政府建设工作报告", "", "中共青禾县云溪镇委员会", "", "2024年法治政府建设工作报告", "", body[0], body[1])
        XCTAssertEqual(r.header.title?.line, 0)
        XCTAssertNil(r.header.recipient)
        XCTAssertEqual(r.lines[4].kind, .title)
        XCTAssertEqual(r.lines[2].kind, .organization)
        let twice = parse("青禾区人民政府关于2024年法治政府建设情况的报告", "青禾区人民政府关于2024年法治政府建设情况的报告", "2024年，青禾区坚持依法行政。", "一、主要举措和成效")
        XCTAssertEqual(twice.header.title?.line, 0)
        XCTAssertEqual(twice.unit?.name, "青禾区")
        XCTAssertEqual(twice.unit?.kind, .district)
    }

    /// A covering letter (报送函) with its own title, number, recipient, signature and date comes first.
    func testCoveringLetterBeforeTheReport() {
        let r = parse("青禾县卫生健康局关于报送2024年度法治政府建设情况的报告", "青卫〔2025〕3号", "县委、县政府：", "现将我局2024年度法治政府建设情况报送你们，请审阅。",
                      "青禾县卫生健康局", "2025年3月8日", "青禾县卫生健康局2024年度法治政府建设情况报告", "2024年，县卫生健康局坚持依法行政。", "一、2024年度法治政府建设主要情况")
        XCTAssertEqual(r.header.title?.line, 6)
        XCTAssertEqual(r.header.recipient?.text, "县委、县政府")
        XCTAssertEqual(r.header.docNumber?.text, "青卫〔2025〕3号")
        XCTAssertEqual(r.unit?.name, "青禾县卫生健康局")
        XCTAssertEqual(r.year, 2024)
        XCTAssertEqual(r.lines[3].kind, .coverLetter)
    }

    /// A report delivered to a people's congress: the occasion note, then the salutation as recipient.
    func testOccasionNoteAndSalutation() {
        let r = parse("青禾旗人民政府2024年度法治政府建设情况报告", "2025年3月17日在青禾旗第十六届人民代表大会", "常务委员会第二十四次会议上",
                      "主任、各位副主任、委员：", "根据会议安排，现将我旗2024年法治政府建设情况报告如下：", "一、重点工作开展情况")
        XCTAssertEqual(r.header.recipient?.text, "主任、各位副主任、委员")
        XCTAssertEqual([1, 2].map { r.lines[$0].kind }, [.occasion, .occasion])
        XCTAssertEqual(r.year, 2024, "not 2025 from the occasion's date")
        XCTAssertEqual(r.unit?.name, "青禾旗")
        XCTAssertEqual(r.unit?.kind, .county)
    }

    func testTitleWithoutReportGenreWord() {
        let r = parse("青禾省交通运输厅", "2025年法治政府部门建设工作情况", "", "2025年，在省委、省政府坚强领导下，我厅坚持依法行政。", "一、2025工作开展情况")
        XCTAssertEqual(r.header.title?.line, 0)
        XCTAssertEqual(r.unit?.name, "青禾省交通运输厅")
        XCTAssertEqual(r.year, 2025)
    }

    /// Near miss: a lead-in sentence naming 法治 and 报告 is the opening, not a title.
    func testLeadInIsNotATitle() {
        let r = parse("根据《法治政府建设与责任落实督察工作规定》，现将云溪镇2024年度法治政府建设情况报告如下：", "一、主要举措和成效", "略。")
        XCTAssertNil(r.header.title)
        XCTAssertEqual(r.unit?.name, "云溪镇", "named in the lead-in")
        XCTAssertEqual(r.year, 2024)
    }

    /// Traditional characters (a republished copy) and pronunciation glosses from a conversion tool.
    func testTraditionalCharactersAndGlosses() {
        let r = parse("青禾區雲溪鎮2020年度法治政府建設情況報告", "", "2020年，雲溪鎮在區委、區政府的堅強領導下，全面落實依法行政。", "", "一、推進法治政府建設的主要舉措和成效")
        XCTAssertTrue(r.isTraditional)
        XCTAssertEqual(r.unit?.name, "青禾區雲溪鎮")
        XCTAssertEqual(r.unit?.kind, .town)
        XCTAssertEqual(r.headings.first?.parts, ["measures"])
        let g = parse("2022年，應(yīng)急管理部堅持依法行政，全面加強黨的領導。", "一、全面加強黨對法治政府建設(shè)工作的領(lǐng)導(dǎo)", "（一）切實履行法治建設(shè)第一責(zé)任人責(zé)任。部主要負責同志多次主持會議。")
        XCTAssertEqual(g.unit?.name, "應急管理部", "the gloss is dropped, the characters kept")
        XCTAssertEqual(g.unit?.kind, .department)
        XCTAssertEqual(g.headings.first?.parts, ["measures"])
        XCTAssertEqual(g.headings.first?.mergedParts, ["leadership"])
    }
}

final class UnitAndYearTests: XCTestCase {
    func testDepartmentsAtAnyLevelAreDepartments() {
        for (title, name) in [("青禾县司法局2024年度法治政府建设情况报告", "青禾县司法局"),
                              ("青禾市人力资源和社会保障局2024年度法治政府建设情况报告", "青禾市人力资源和社会保障局"),
                              ("青禾省卫生健康委关于2024年度法治政府建设情况的报告", "青禾省卫生健康委"),
                              ("青禾县人民政府办公室2024年法治政府建设情况报告", "青禾县人民政府办公室")] {
            let r = parse(title, "2024年，我局坚持依法行政。", "一、主要举措和成效")
            XCTAssertEqual(r.unit?.name, name, title)
            XCTAssertEqual(r.unit?.kind, .department, title)
        }
    }

    func testPlacesWithOrganEndingsAndParentheticals() {
        for (title, name, kind) in [("青禾区(新城区)人民政府2024年法治政府建设工作报告", "青禾区(新城区)", UnitKind.district),
                                    ("青禾州人民政府关于2024年度法治政府建设情况的报告", "青禾州", .city),
                                    ("丰乐街道办事处2024年法治政府建设工作报告", "丰乐街道", .subdistrict),
                                    ("2024年云溪乡法治政府建设工作报告", "云溪乡", .township)] {
            let r = parse(title, "2024年，全面推进依法行政。", "一、主要举措和成效")
            XCTAssertEqual(r.unit?.name, name, title)
            XCTAssertEqual(r.unit?.kind, kind, title)
        }
    }

    func testUnitFromTheOpeningSentence() {
        for (opening, name, kind) in [("2023年，丰乐街道在区委、区政府的坚强领导下，扎实推进法治建设。", "丰乐街道", UnitKind.subdistrict),
                                      ("2024年，在县委、县政府的正确领导下，青禾县全面贯彻依法治县方略。", "青禾县", .county),
                                      ("2025年，青禾县公安局在县委、县政府和上级公安机关的坚强领导下，推进法治公安建设。", "青禾县公安局", .department),
                                      ("一年来，云溪乡在县委、县政府的正确领导下，深入推进依法行政。", "云溪乡", .township),
                                      ("2024年，市应急管理局全面系统学习习近平法治思想。", "市应急管理局", .department)] {
            let r = parse(opening, "一、主要举措和成效", "略。")
            XCTAssertEqual(r.unit?.name, name, opening)
            XCTAssertEqual(r.unit?.kind, kind, opening)
        }
        // Near miss: the superior organs in the adverbial clause are not the unit.
        XCTAssertNil(parse("2024年，在区委、区政府的坚强领导下，全面推进依法行政。", "一、主要举措和成效").unit)
    }

    func testSelfReferenceResolvedFromOwnDocuments() {
        let r = parse("2025年以来，在市委、市政府的正确领导下，我局坚持依法行政。", "一、主要举措和成效",
                      "三是压实法治建设责任。编撰并公示《青禾市交通运输局关于2024年度法治政府建设情况的报告》。")
        XCTAssertEqual(r.unit?.name, "青禾市交通运输局")
        let brand = parse("2024年，我乡坚持依法行政，明确法治云溪建设的重点任务。", "一、主要举措和成效", "略。")
        XCTAssertEqual(brand.unit?.name, "云溪乡")
        // Near miss: "法治政府建设" names no place.
        XCTAssertNil(parse("2024年，我乡扎实推进法治政府建设。", "一、主要举措和成效", "略。").unit)
    }

    func testYearNeverFromADocumentRangeOrAPublicationDate() {
        let r = parse("根据《法治政府建设实施纲要（2021—2025年）》等要求，现将工作情况报告如下。", "一、2023年总体情况", "2023年，我局坚持依法行政。")
        XCTAssertEqual(r.year, 2023)
        let span = parse("青禾旗人民政府关于2016-2020年度法治政府建设有关情况的报告", "一、强化组织领导", "略。")
        XCTAssertEqual(span.year, 2020, "a five-year review reports on its last year")
        let noNian = parse("丰乐路街道2024法治政府建设年度报告", "2024年，丰乐路街道坚持依法行政。", "一、强化法治思维，筑牢法治根基")
        XCTAssertEqual(noNian.year, 2024)
        let deptOpening = parse("2022年，县人民政府坚持依法行政。", "一、主要举措和成效")
        XCTAssertEqual(deptOpening.year, 2022)
        XCTAssertEqual(deptOpening.yearSource, .opening)
    }
}
