import FazhiKnowledge
import FazhiParser
import FazhiText
import XCTest

final class HeaderTests: XCTestCase {
    func testUplinkHeaderWithDocNumberSignerTitleRecipientOpening() {
        let text = """
        青禾县云溪镇人民政府文件

        云政文〔2025〕3号          签发人：李明

        青禾县云溪镇人民政府
        关于2024年度法治政府建设情况的报告

        青禾县人民政府：
        2024年，我镇坚持依法行政。现将有关情况报告如下：
        一、主要举措和成效
        """
        let r = ReportParser().parse(text)
        XCTAssertEqual(r.header.docNumber?.text, "云政文〔2025〕3号")
        XCTAssertEqual(r.header.signer?.text, "李明")
        // The organ on its own line directly above "关于……的报告" is the first line of a wrapped title.
        XCTAssertEqual(r.header.title?.text, "青禾县云溪镇人民政府关于2024年度法治政府建设情况的报告")
        XCTAssertEqual(r.header.title?.line, 4)
        XCTAssertEqual(r.header.title?.lastLine, 5)
        XCTAssertEqual(r.header.recipient?.text, "青禾县人民政府")
        XCTAssertEqual(r.header.organizationLines.map { r.text($0) }, ["青禾县云溪镇人民政府文件"])
        XCTAssertEqual(r.year, 2024)
        XCTAssertEqual(r.unit?.name, "青禾县云溪镇")
        XCTAssertEqual(r.unit?.kind, .town)
        let opening = try! XCTUnwrap(r.header.opening)
        XCTAssertTrue(r.text(r.paragraphs[opening].range).hasPrefix("2024年，我镇"))
        XCTAssertEqual(r.lines[2].kind, .docNumber)
    }

    func testTitleAfterConversionResidueAndDocNumberVariants() {
        let r = ReportParser().parse("[bookmark: _GoBack]关于2023年度法治政府建设情况的报告\n区委、区政府：\n一、主要做法\n")
        XCTAssertEqual(r.header.title?.text, "关于2023年度法治政府建设情况的报告")
        XCTAssertEqual(r.header.title.flatMap { $0.residue }.map { r.text($0) }, "[bookmark: _GoBack]")
        XCTAssertEqual(r.header.recipient?.text, "区委、区政府")
        let r2 = ReportParser().parse("某委文[2024]第02号\n关于2024年度法治政府建设情况的报告\n")
        XCTAssertEqual(r2.header.docNumber?.text, "某委文[2024]第02号")
    }

    func testTitleWrappedOverTwoLinesAndYearFromOpeningWhenTitleHasNone() {
        let r = ReportParser().parse("青禾县云溪镇人民政府关于2024年度法治政府\n建设情况的报告\n县政府：\n")
        XCTAssertEqual(r.header.title?.text, "青禾县云溪镇人民政府关于2024年度法治政府建设情况的报告")
        XCTAssertEqual(r.header.title?.lastLine, 1)
        XCTAssertEqual(r.unit?.name, "青禾县云溪镇")
        let r2 = ReportParser().parse("云溪街道法治政府建设情况报告\n\n2023年，街道党工委坚持依法行政。\n一、主要举措\n")
        XCTAssertEqual(r2.year, 2023)
        XCTAssertEqual(r2.unit?.kind, .subdistrict)
    }

    func testUnitKinds() {
        let cases: [(String, UnitKind, String)] = [
            ("中共沁水县松坪乡委员会", .township, "沁水县松坪乡"),
            ("青禾县司法局", .department, "青禾县司法局"),
            ("青禾县人民政府", .county, "青禾县"),
            ("云溪街道办事处", .subdistrict, "云溪街道"),
            ("临川市人民政府", .city, "临川市"),
        ]
        for (org, kind, name) in cases {
            let r = ReportParser().parse("\(org)\n关于2024年度法治政府建设情况的报告\n")
            XCTAssertEqual(r.unit?.kind, kind, org)
            XCTAssertEqual(r.unit?.name, name, org)
        }
    }
}

final class HeadingTests: XCTestCase {
    func testFourLevelsTreeAndRunOnText() {
        let text = """
        关于2024年度法治政府建设情况的报告
        一、主要举措和成效
        （一）加强组织领导。镇党委召开专题会议4次。
        1.健全制度。制定议事规则。
        （1）细化清单
        （2）落实责任
        2.强化考核
        （二）规范执法
        二、存在的不足和原因
        """
        let r = ReportParser().parse(text)
        XCTAssertEqual(r.roots.count, 2)
        let one = r.headings[r.roots[0]]
        XCTAssertEqual(one.marker, "一、")
        XCTAssertEqual(one.level, 1)
        XCTAssertEqual(one.parts, ["measures"])
        XCTAssertEqual(one.children.count, 2)
        let a = r.headings[one.children[0]]
        XCTAssertEqual(a.text, "加强组织领导")
        XCTAssertEqual(a.runOnRange.map { r.text($0) }, "镇党委召开专题会议4次。")
        XCTAssertEqual(a.children.count, 2)
        let h1 = r.headings[a.children[0]]
        XCTAssertEqual(h1.marker, "1.")
        XCTAssertEqual(h1.level, 3)
        XCTAssertEqual(h1.children.map { r.headings[$0].text }, ["细化清单", "落实责任"])
        XCTAssertEqual(r.headings[a.children[1]].number, 2)
        XCTAssertEqual(r.headings[r.roots[1]].parts, ["shortcomings"])
        // Sections end where the next sibling starts.
        XCTAssertTrue(r.text(a.sectionRange).hasSuffix("2.强化考核\n"))
    }

    func testVariantsDraftersType() {
        let text = """
        一. 主要举措
        (一)半角括号
        （二）、多余顿号
        1、顿号序号
        2) 半角右括号
        （1） 空格
        ⑵ 单字符括号
        十一、序号过十
        """
        let r = ReportParser().parse(text)
        let byMarker = Dictionary(uniqueKeysWithValues: r.headings.map { ($0.marker, $0) })
        XCTAssertEqual(byMarker["一."]?.markerIssues, [.wrongDelimiter(found: ".", expected: "、"), .spaceAfterMarker(byMarker["一."]!.markerIssues.last.flatMap { if case .spaceAfterMarker(let r) = $0 { return r } else { return nil } } ?? TextRange(0, 0))])
        XCTAssertEqual(byMarker["(一)"]?.markerIssues, [.halfwidthBrackets])
        XCTAssertEqual(byMarker["(一)"]?.level, 2)
        XCTAssertEqual(byMarker["（二）、"]?.markerIssues, [.extraDelimiter("、")])
        XCTAssertEqual(byMarker["1、"]?.markerIssues, [.wrongDelimiter(found: "、", expected: ".")])
        XCTAssertEqual(byMarker["2)"]?.level, 3)
        XCTAssertEqual(byMarker["（1）"]?.level, 4)
        XCTAssertEqual(byMarker["（1）"]?.text, "空格")
        XCTAssertEqual(byMarker["⑵"]?.level, 4)
        XCTAssertEqual(byMarker["十一、"]?.number, 11)
        XCTAssertEqual(byMarker["十一、"]?.level, 1)
    }

    func testLookAlikesAreNotHeadings() {
        let text = """
        一是加强学习，二是规范执法。
        2023年，全镇共办理案件30件。
        3.5万元用于普法阵地建设。
        一项制度得到落实。
        十佳调解员评选完成。
        """
        let r = ReportParser().parse(text)
        XCTAssertTrue(r.headings.isEmpty, r.headings.map(\.marker).joined(separator: ","))
    }

    func testSkippedLevelStaysUnderNearestRealParent() {
        let r = ReportParser().parse("三、党政主要负责人履行第一责任人职责情况\n（1） 强化领导\n（2）完善机制\n四、2025年工作安排\n")
        let three = r.headings[r.roots[0]]
        XCTAssertEqual(three.parts, ["leadership"])
        XCTAssertEqual(three.children.count, 2)
        XCTAssertEqual(r.headings[three.children[0]].depth, 1)
        XCTAssertEqual(r.headings[r.roots[1]].parts, ["plans"])
    }

    func testOneHeadingCoversTwoPartsAndLocalPartCoversNone() {
        let r = ReportParser().parse("三、存在的问题及下一步打算\n四、意见建议\n五、履行法院生效裁判情况\n")
        XCTAssertEqual(r.headings[r.roots[0]].parts, ["shortcomings", "plans"])
        XCTAssertEqual(r.headings[r.roots[1]].parts, [])
        XCTAssertEqual(r.headings[r.roots[2]].parts, [])
    }

    func testPseudoHeadings() {
        let text = """
        一、主要做法和成效
        全年开展普法活动20场。
        存在的问题：
        培训不够，原因是经费少。
        下一步工作打算
        加强培训。
        """
        let r = ReportParser().parse(text)
        let pseudo = r.headings.filter(\.isPseudo)
        XCTAssertEqual(pseudo.map(\.text), ["存在的问题", "下一步工作打算"])
        XCTAssertEqual(pseudo.map(\.parts), [["shortcomings"], ["plans"]])
        XCTAssertTrue(r.hasPart("shortcomings"))
        // "具体如下：" is a lead-in, not a pseudo-heading.
        XCTAssertTrue(ReportParser().parse("一、主要做法\n具体如下：\n").headings.allSatisfy { !$0.isPseudo })
    }

    func testHeadingTextWithoutRunOnOrEndPunctuation() {
        let r = ReportParser().parse("（三）营商环境持续优化！全年新增市场主体120户。\n")
        XCTAssertEqual(r.headings.first?.text, "营商环境持续优化")
        XCTAssertEqual(r.headings.first.flatMap { $0.runOnRange }.map { r.text($0) }, "全年新增市场主体120户。")
    }
}

final class BodyTests: XCTestCase {
    func testEnumerationsAreItemsNotHeadingsAlsoAtParagraphStart() {
        let text = """
        二、存在的不足和原因
        一是学习不深入；二是执法不规范；四是宣传不到位。
        三、下一步打算
        一是抓学习。
        二是抓执法。
        """
        let r = ReportParser().parse(text)
        XCTAssertEqual(r.headings.count, 2)
        XCTAssertEqual(r.enumerations.map(\.ordinal), [1, 2, 4, 1, 2])
        XCTAssertEqual(r.enumerations.map(\.group), [1, 1, 1, 2, 2])
        XCTAssertEqual(r.text(r.enumerations[1].range), "二是执法不规范；")
        XCTAssertEqual(r.enumerations[3].line, 3)
        // 统一是 / 唯一是 are not markers.
        XCTAssertTrue(ReportParser().parse("制度统一是关键，唯一是标准。").enumerations.isEmpty)
    }

    func testBrokenLinesAreContinuationsNeverHeadings() {
        let text = """
        一、主要举措和成效
        全镇共调处矛盾纠纷48件，调处成功率达到
        100%，群众满意度持续提升。
        新的一段。
        　　缩进的新段落，
        二、存在的不足和原因
        """
        let r = ReportParser().parse(text)
        XCTAssertEqual(r.headings.count, 2)
        XCTAssertEqual(r.paragraphs.count, 3)
        XCTAssertEqual(r.paragraphs[0].firstLine, 1)
        XCTAssertEqual(r.paragraphs[0].lastLine, 2)
        XCTAssertEqual(r.paragraphs[0].breaks.count, 1)
        XCTAssertEqual(r.lines[2].kind, .continuation)
        XCTAssertEqual(r.paragraphs[0].heading, 0)
        // An indented line starts a new paragraph even after an unfinished one.
        XCTAssertEqual(r.paragraphs[2].firstLine, 4)
    }

    func testClosingBlock() {
        let text = """
        四、2025年工作安排
        继续加强培训。

        特此报告。

        附件：1.法治政府建设工作台账

        青禾县云溪镇人民政府
        2025年2月20日
        （此件公开发布）
        """
        let r = ReportParser().parse(text)
        XCTAssertEqual(r.closing.closingPhrase.map { r.text($0) }, "特此报告。")
        XCTAssertEqual(r.closing.signatures.map { r.text($0) }, ["青禾县云溪镇人民政府"])
        XCTAssertEqual(r.closing.date?.year, 2025)
        XCTAssertEqual(r.closing.date?.month, 2)
        XCTAssertEqual(r.closing.date?.day, 20)
        XCTAssertEqual(r.closing.notes.count, 1)
        XCTAssertEqual(r.closing.attachments.count, 1)
        XCTAssertEqual(r.lines[3].kind, .closingPhrase)
        // The body ends where the closing starts: the plans section does not swallow it.
        XCTAssertFalse(r.text(r.headings[0].sectionRange).contains("特此报告"))
    }

    func testDateStyles() {
        func date(_ s: String) -> DateValue? { ReportParser().parse("特此报告。\n云溪镇人民政府\n\(s)\n").closing.date }
        XCTAssertEqual(date("2025年03月06日")?.zeroPadded, true)
        XCTAssertEqual(date("二〇二五年三月六日")?.chineseNumerals, true)
        XCTAssertEqual(date("二〇二五年三月六日")?.year, 2025)
        XCTAssertEqual(date("二〇二五年三月六日")?.day, 6)
        XCTAssertEqual(date("2025.3.6")?.numericForm, true)
        XCTAssertEqual(date("2025-03-06")?.month, 3)
        XCTAssertEqual(date("2025年3月6日")?.zeroPadded, false)
    }
}

final class RobustnessTests: XCTestCase {
    func testEmptyAndDegenerateInputs() {
        for s in ["", "\n", "\r\n\r\n", "一、", "（", "1.", "特此报告", "　　", "\u{FEFF}", "一、\n二、\n"] {
            let r = ReportParser().parse(s)
            for h in r.headings { XCTAssertLessThanOrEqual(h.sectionRange.end, r.source.count) }
        }
    }

    func testBinaryGarbageAndInvalidUTF8() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let bytes = (0..<Int(rng.next() % 400)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let r = ReportParser().parse(SourceText(bytes: bytes))
            XCTAssertEqual(r.lines.count, r.source.lineCount)
            for p in r.paragraphs { XCTAssertLessThanOrEqual(p.range.end, r.source.count) }
        }
    }

    func testManyHeadingsAndOneHugeLine() {
        var s = ""
        for i in 0..<10_000 { s += "（\(i % 100 + 1)）第\(i)项\n" }
        let r = ReportParser().parse(s)
        XCTAssertEqual(r.headings.count, 10_000)
        let line = String(repeating: "依法行政，", count: 200_000) // ~3 MB on one line
        let r2 = ReportParser().parse(line)
        XCTAssertEqual(r2.paragraphs.count, 1)
        let only = String(repeating: "一、标题\n", count: 2000)
        XCTAssertEqual(ReportParser().parse(only).roots.count, 2000)
    }

    func testMixedLineEndingsAndAstralCharacters() {
        let r = ReportParser().parse("关于2024年度法治政府建设情况的报告\r\n一、😀主要举措和成效\r（一）𠀀规范执法\n")
        XCTAssertEqual(r.headings.count, 2)
        XCTAssertEqual(r.headings[0].text, "😀主要举措和成效")
        XCTAssertEqual(r.headings[1].line, 2)
        XCTAssertEqual(r.text(r.headings[1].textRange), "𠀀规范执法")
    }
}

/// Deterministic random numbers for tests.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

final class ParserRegressionTests: XCTestCase {
    func testTitleEndingWithFullStopAndLeadInIsNotTitle() {
        let r = ReportParser().parse("关于2024年度法治政府建设情况的报告。\n县政府：\n2024年，我镇依法行政。现将法治政府建设情况报告如下：\n一、主要举措\n")
        XCTAssertEqual(r.header.title?.line, 0)
        XCTAssertTrue(r.yearFromTitle)
        let r2 = ReportParser().parse("县政府：\n2023年，我镇深入推进法治建设，现将法治政府建设情况报告如下：\n一、主要举措\n")
        XCTAssertNil(r2.header.title)
        XCTAssertEqual(r2.year, 2023)
        XCTAssertFalse(r2.yearFromTitle)
    }

    func testPseudoHeadingOfAnotherPartIsARoot() {
        let r = ReportParser().parse("一、主要举措和成效\n开展普法20场。\n存在的问题：\n培训不够。\n")
        XCTAssertEqual(r.roots.count, 2)
        XCTAssertFalse(r.text(r.headings[0].sectionRange).contains("培训不够"))
        // A label of the same part stays a child.
        let r2 = ReportParser().parse("三、存在的问题和下一步打算\n存在的问题：\n培训不够。\n")
        XCTAssertEqual(r2.roots.count, 1)
    }

    func testDateWithSpaces() {
        let r = ReportParser().parse("特此报告。\n云溪镇人民政府\n2025年 3月 6日\n")
        XCTAssertEqual(r.closing.date?.day, 6)
    }
}

final class ChineseNumeralsTests: XCTestCase {
    func testStringAndValueRoundTrip() {
        XCTAssertEqual(ChineseNumerals.string(1), "一")
        XCTAssertEqual(ChineseNumerals.string(10), "十")
        XCTAssertEqual(ChineseNumerals.string(21), "二十一")
        XCTAssertEqual(ChineseNumerals.string(105), "一百零五")
        XCTAssertEqual(ChineseNumerals.string(110), "一百一十")
        for n in 1...999 { XCTAssertEqual(ChineseNumerals.value(ChineseNumerals.string(n)), n, "\(n)") }
        XCTAssertNil(ChineseNumerals.value("一一"))
        XCTAssertNil(ChineseNumerals.value("法治"))
        XCTAssertEqual(ChineseNumerals.marker(level: 2, number: 12), "（十二）")
    }
}
