import FazhiKnowledge
import FazhiLinter
import FazhiText
import XCTest

/// A minimal report of a unit and year around a body, so that the parser finds year, unit and parts.
private func report(_ unit: String = "松村镇人民政府", year: Int = 2023, measures: String, plans: String? = nil) -> String {
    var s = "\(unit)关于\(year)年度法治政府建设情况的报告\n一、主要举措和成效\n\(measures)\n"
    if let p = plans { s += "二、\(year + 1)年工作安排\n\(p)\n" }
    return s + "特此报告。\n"
}

final class ConfusableRuleTests: XCTestCase {
    func testFlagsWrongWordWithSafeFixAndPairSeverity() {
        let text = "截止目前，已化解矛盾纠纷86件。认真落实工作布署。其它需要报告的情况。\n"
        let d = lint(text, only: "confusable")
        XCTAssertEqual(flagged(text, d), ["截止目前", "布署", "其它"])
        XCTAssertEqual(d.map(\.severity), [.warning, .error, .info])
        XCTAssertTrue(d[0].message.hasPrefix("应为“截至目前”："), d[0].message)
        XCTAssertTrue(d.allSatisfy { $0.fixes.count == 1 && $0.fixes[0].isSafe })
        XCTAssertEqual(applyingFixes(text, d), "截至目前，已化解矛盾纠纷86件。认真落实工作部署。其他需要报告的情况。\n")
    }

    func testExceptionsAndRightWordsAreNotFlagged() {
        for text in ["截至目前，已化解矛盾纠纷86件。", "在公告栏公布署名文章。", "尤其它的作用不可忽视。", "依法作出决定。", "登录平台帐号。"] {
            XCTAssertEqual(lint(text, only: "confusable").map(\.message), [], text)
        }
    }

    func testConfiguredSeverityWinsOverPairSeverity() {
        var config = LintConfig()
        config.severities["confusable"] = .hint
        let d = lint("认真落实工作布署。", only: "confusable", config: config)
        XCTAssertEqual(d.map(\.severity), [.hint])
    }

    func testEveryPairBehavesOnItsExamples() throws {
        let pairs = Knowledge.shared.confusables.pairs
        try XCTSkipIf(pairs.isEmpty, "confusables.json not present")
        for p in pairs {
            let id = p.ruleKind == .termForm ? "term-form" : "confusable"
            XCTAssertEqual(lint(p.okExample, only: "confusable").map(\.message), [], "okExample flagged: \(p.okExample)")
            XCTAssertEqual(lint(p.okExample, only: "term-form").map(\.message), [], "okExample flagged: \(p.okExample)")
            // A wrong word inside a known wrong title (《…督查工作规定》) is reported once, by unknown-law.
            let bad = lint(p.badExample, only: id) + lint(p.badExample, only: "unknown-law")
            XCTAssertTrue(flagged(p.badExample, bad).contains { $0.contains(p.wrong) || p.wrong.contains($0) },
                          "\(id) should flag \(p.wrong) in \(p.badExample): \(flagged(p.badExample, bad))")
        }
    }
}

final class TermFormRuleTests: XCTestCase {
    func testFlagsNonStandardTermForms() {
        let text = "坚持和发展新时代枫桥工作经验，深化政务公开，让权利在阳光下运行，坚持严格公正规范文明执法。\n"
        let d = lint(text, only: "term-form")
        XCTAssertEqual(flagged(text, d), ["枫桥工作经验", "让权利在阳光下运行", "严格公正规范文明执法"])
        XCTAssertTrue(d[0].message.hasPrefix("应为“枫桥经验”："), d[0].message)
        XCTAssertEqual(applyingFixes(text, d), "坚持和发展新时代枫桥经验，深化政务公开，让权力在阳光下运行，坚持严格规范公正文明执法。\n")
    }

    func testWrongFormOfTermsFileIsFixedToTheTerm() {
        let text = "深入开展法制宣传教育。"
        let d = lint(text, only: "term-form")
        XCTAssertEqual(flagged(text, d), ["法制宣传教育"])
        XCTAssertEqual(d.first?.fixes.first?.edits.first?.newText, "法治宣传教育")
        XCTAssertEqual(d.first?.fixes.first?.isSafe, true)
    }

    func testNearMissesAreNotFlagged() {
        for text in ["坚持严格规范公正文明执法。", "坚持和发展新时代“枫桥经验”。", "执法公式化的问题得到纠正。", "开展法制宣传日活动。",
                     "维护群众合法权利。", "推进“八五”普法。", "落实行政执法三项制度。"] {
            XCTAssertEqual(lint(text, only: "term-form").map(\.message), [], text)
        }
    }
}

final class UnknownLawRuleTests: XCTestCase {
    func testMisnomerWithOneSuggestionHasSafeFix() {
        let text = "依据《信访法》依法分类处理信访诉求。"
        let d = lint(text, only: "unknown-law")
        XCTAssertEqual(flagged(text, d), ["《信访法》"])
        XCTAssertEqual(d[0].severity, .warning)
        XCTAssertTrue(d[0].message.contains("《信访工作条例》"), d[0].message)
        XCTAssertEqual(d[0].fixes.map(\.isSafe), [true])
        XCTAssertEqual(applyingFixes(text, d), "依据《信访工作条例》依法分类处理信访诉求。")
    }

    func testMisnomerWithSeveralSuggestionsHasUnsafeFixes() {
        let d = lint("贯彻《人民调解条例》。", only: "unknown-law")
        XCTAssertEqual(d.count, 1)
        XCTAssertGreaterThanOrEqual(d[0].fixes.count, 2)
        XCTAssertTrue(d[0].fixes.allSatisfy { !$0.isSafe })
    }

    func testRepealedLawCitedAsCurrent() {
        let text = report(measures: "严格落实《信访条例》，依法处理信访事项。")
        let d = lint(text, only: "unknown-law")
        XCTAssertEqual(flagged(text, d), ["《信访条例》"])
        XCTAssertEqual(d[0].severity, .warning)
        XCTAssertTrue(d[0].message.hasPrefix("《信访条例》已于2022年5月1日被《信访工作条例》取代"), d[0].message)
        XCTAssertEqual(d[0].fixes.first?.edits.first?.newText, "信访工作条例")
        XCTAssertEqual(d[0].fixes.first?.isSafe, false)
    }

    func testRepealedLawInAReportOnAYearBeforeTheRepealIsFineExceptInThePlans() {
        // 信访条例 was in force throughout 2021; its successor was issued in February 2022, while the 2021
        // report was written: the measures may cite it, the plans for 2022 should name the successor.
        XCTAssertEqual(lint(report(year: 2021, measures: "严格落实《信访条例》。"), only: "unknown-law").map(\.message), [])
        let p = lint(report(year: 2021, measures: "开展信访工作。", plans: "严格落实《信访条例》。"), only: "unknown-law")
        XCTAssertEqual(p.map(\.severity), [.info])
        XCTAssertEqual(p.first?.fixes.first?.edits.first?.newText, "信访工作条例")
        let m = lint(report(year: 2022, measures: "组织学习《民法通则》。"), only: "unknown-law")
        XCTAssertEqual(m.map(\.severity), [.warning])
        XCTAssertTrue(m[0].message.contains("《民法典》"), m[0].message)
    }

    func testRepealedLawWrittenAsHistoryIsFine() {
        for text in ["原《信访条例》已废止，全面贯彻《信访工作条例》。", "《信访条例》已被取代。"] {
            XCTAssertEqual(lint(report(measures: text), only: "unknown-law").map(\.message), [], text)
        }
    }

    func testUnknownNationalName() {
        let text = "学习《中华人民共和国乡村治理法》。"
        let d = lint(text, only: "unknown-law")
        XCTAssertEqual(flagged(text, d), ["《中华人民共和国乡村治理法》"])
        XCTAssertTrue(d[0].message.hasPrefix("未找到名为《中华人民共和国乡村治理法》的法律法规"), d[0].message)
        XCTAssertTrue(d[0].fixes.allSatisfy { !$0.isSafe })
    }

    func testOutlineIsJudgedAgainstTheReportYear() {
        let cite = "贯彻落实《法治政府建设实施纲要（2015—2020年）》。"
        // In force throughout 2020, and its successor came after the 2020 report was written.
        XCTAssertEqual(lint(report(year: 2020, measures: cite, plans: cite), only: "unknown-law").map(\.message), [])
        // Replaced in August 2021: a note in the 2021 measures, a warning in the 2021 plans and in any later report.
        XCTAssertEqual(lint(report(year: 2021, measures: cite), only: "unknown-law").map(\.severity), [.info])
        XCTAssertEqual(lint(report(year: 2021, measures: "开展学习。", plans: cite), only: "unknown-law").map(\.severity), [.warning])
        let d = lint(report(year: 2022, measures: cite), only: "unknown-law")
        XCTAssertEqual(d.map(\.severity), [.warning])
        XCTAssertTrue(d[0].message.contains("《法治政府建设实施纲要（2021—2025年）》"), d[0].message)
        XCTAssertEqual(d[0].fixes.first?.edits.first?.newText, "法治政府建设实施纲要（2021—2025年）")
    }

    func testPlansMayAnticipateTheSuccessor() {
        // The 2021 outline appeared in August 2021, after the 2020 report was written: plans may look forward to it.
        let t = report(year: 2020, measures: "贯彻落实《法治政府建设实施纲要（2015—2020年）》。", plans: "谋划贯彻即将印发的《法治政府建设实施纲要（2021—2025年）》。")
        XCTAssertEqual(lint(t, only: "unknown-law").map(\.message) + lint(t, only: "anachronism").map(\.message), [])
        // Cited as in force in the measures of that year it is an error, reported once (by `anachronism`).
        let u = report(year: 2020, measures: "贯彻落实《法治政府建设实施纲要（2021—2025年）》。")
        XCTAssertEqual(lint(u, only: "unknown-law").map(\.message), [])
        XCTAssertEqual(lint(u, only: "anachronism").map(\.severity), [.error])
    }

    func testDocumentIssuedAfterTheReportWasWritten() {
        // 信访工作条例 (2022-02-25) in a 2020 report: `anachronism` reports the anchor, this rule stays silent.
        XCTAssertEqual(lint(report(year: 2020, measures: "全面贯彻《信访工作条例》。"), only: "unknown-law").map(\.message), [])
        // Issued while the 2021 report was being written: a note in the measures, nothing in the plans.
        XCTAssertEqual(lint(report(year: 2021, measures: "全面贯彻《信访工作条例》。"), only: "unknown-law").map(\.severity), [.info])
        XCTAssertEqual(lint(report(year: 2021, measures: "开展信访工作。", plans: "全面贯彻《信访工作条例》。"), only: "unknown-law").map(\.message), [])
    }

    func testSlipsInNamesOfCatalogueDocuments() {
        let t = report(measures: "依据《有组织犯罪法》开展常态化扫黑除恶，落实《法治政府建设实施纲要(20212025年)》。")
        let d = lint(t, only: "unknown-law")
        XCTAssertEqual(flagged(t, d), ["《有组织犯罪法》", "《法治政府建设实施纲要(20212025年)》"])
        XCTAssertEqual(d.map(\.severity), [.warning, .warning])
        XCTAssertEqual(d.map { $0.fixes.first?.edits.first?.newText }, ["反有组织犯罪法", "法治政府建设实施纲要（2021—2025年）"])
    }

    func testRealRegulationsPartyDocumentsAndLocalDocumentsAreNeverWarnings() {
        for text in ["依照《行政机关公务员处分条例》处理违纪人员。", "深入贯彻《全面深化法治领域改革纲要（2023—2027年）》。",
                     "制定《法治云溪建设规划（2021—2025年）》。", "修订《行政执法考评办法》和《区司法局行政执法考评办法》。",
                     "执行《城南街道机关考勤管理规定》。", "订阅《法治日报》，学习《习近平法治思想学习纲要》《论坚持全面依法治国》。",
                     "执行《深圳经济特区灾害事故应急处置条例》。", "按照《中共云溪县委全面依法治县委员会2024年工作要点》。",
                     "学习《国务院关于加强法治政府建设的意见》《关于加强法治政府建设的意见》。", "该《条例》明确了职责。"] {
            let d = lint(report(measures: text), only: "unknown-law")
            XCTAssertTrue(d.allSatisfy { $0.severity == .info || $0.severity == .hint }, "\(text): \(d.map(\.message))")
        }
        // An unknown name with the form of a State Council regulation: at most a note asking to check it.
        let d = lint(report(measures: "执行《中华人民共和国村镇客运条例》。"), only: "unknown-law")
        XCTAssertEqual(d.map(\.severity), [.info])
        XCTAssertTrue(d[0].message.contains("请核对名称"), d[0].message)
    }

    func testRealShortLocalBookAndBrokenTitlesAreFine() {
        for text in ["组织学习《民法典》和《中华人民共和国行政处罚法》《行政处罚法》。",
                     "贯彻《重庆市安全生产条例》，修订《北屏乡行政规范性文件管理办法》《××镇议事规则制度》。",
                     "订阅《法治日报》，学习《习近平法治思想学习纲要》。",
                     "印发《万州区贯彻落实〈重庆市法治政府建设实施方案（2021—2025 年）〉的任务分工清单》。",
                     "学习《中华人民共和国\n宪法》。", "《》", "《信访法"] {
            XCTAssertEqual(lint(text, only: "unknown-law").map(\.message), [], text)
        }
    }
}

final class UnitMismatchRuleTests: XCTestCase {
    func testTownReportWithWordsOfOtherUnits() {
        let text = report(measures: "制定完善依法治街实施方案，全乡共排查纠纷60起，本街道和我乡均已落实，推进依法治街道。")
        let d = lint(text, only: "unit-mismatch")
        XCTAssertEqual(flagged(text, d), ["依法治街", "全乡", "本街道", "我乡", "依法治街道"])
        XCTAssertTrue(d.allSatisfy { $0.severity == .warning && $0.fixes.count == 1 && !$0.fixes[0].isSafe })
        XCTAssertTrue(applyingFixes(text, d).contains("制定完善依法治镇实施方案，全镇共排查纠纷60起，本镇和我镇均已落实，推进依法治镇。"))
    }

    func testTownshipSubdistrictAndCountyReports() {
        let t1 = report("北屏乡人民政府", measures: "我镇严格落实重大行政决策程序，全镇依法治镇工作扎实。")
        XCTAssertEqual(flagged(t1, lint(t1, only: "unit-mismatch")), ["我镇", "全镇", "依法治镇"])
        let t2 = report("城关街道办事处", measures: "我镇、我乡经验值得借鉴。")
        XCTAssertEqual(flagged(t2, lint(t2, only: "unit-mismatch")), ["我镇", "我乡"])
        let t3 = report("××县人民政府", measures: "我镇严格落实重大行政决策程序。指导各镇（街道）开展依法治镇工作，全镇干部参训。")
        XCTAssertEqual(flagged(t3, lint(t3, only: "unit-mismatch")), ["我镇"])
    }

    func testCollectiveTermsAndUnknownUnitsAreFine() {
        let t1 = report(measures: "我镇深化乡镇综合行政执法改革，健全乡村治理体系，推动镇街联动、各镇（街道）协同，本乡本土人才回引，全镇村干部参训。")
        XCTAssertEqual(lint(t1, only: "unit-mismatch").map(\.message), [])
        let t2 = report("北屏乡人民政府", measures: "我乡统筹乡镇综合行政执法，完善全乡镇村两级网格，健全镇（街道）联动。")
        XCTAssertEqual(lint(t2, only: "unit-mismatch").map(\.message), [])
        XCTAssertEqual(lint("一、主要举措\n我乡全镇依法治街。\n", only: "unit-mismatch").map(\.message), [], "unit unknown")
    }
}

final class AnachronismRuleTests: XCTestCase {
    func testEventAfterTheWritingWindowIsAnError() {
        let text = report(year: 2024, measures: "深入学习贯彻二十届四中全会精神。")
        let d = lint(text, only: "anachronism")
        XCTAssertEqual(flagged(text, d), ["二十届四中全会"])
        XCTAssertEqual(d[0].severity, .error)
        XCTAssertEqual(d[0].message, "二十届四中全会于2025年10月召开，2024年度报告不应引用")
        let e = lint(report(year: 2022, measures: "全面贯彻《信访工作条例》。"), only: "anachronism")
        XCTAssertEqual(e.map(\.message), [], "信访工作条例 (2022-02) is within the 2021 report's window only from 2022: fine for 2022")
        let f = lint(report(year: 2020, measures: "全面贯彻《信访工作条例》。"), only: "anachronism")
        XCTAssertEqual(f.map(\.severity), [.error])
    }

    func testEventsWithinTheWindowAreFine() {
        for (y, text) in [(2024, "深入学习贯彻党的二十大和二十届二中、三中全会精神，扎实推进“八五”普法。"),
                          (2025, "深入学习贯彻党的二十届四中全会精神。"),
                          (2020, "“七五”普法顺利通过总结验收。"),
                          (2021, "七五普法圆满收官，八五普法开局良好。"),
                          (2023, "巩固拓展主题教育成果。")] {
            XCTAssertEqual(lint(report(year: y, measures: text), only: "anachronism").map(\.message), [], text)
        }
    }

    func testOutdatedItemsCitedAsCurrent() {
        let t = report(year: 2023, measures: "扎实推进七五普法。")
        let d = lint(t, only: "anachronism")
        XCTAssertEqual(flagged(t, d), ["七五普法"])
        XCTAssertEqual(d[0].severity, .warning)
        XCTAssertEqual(d[0].fixes.first?.edits.first?.newText, "“八五”普法")
        let g = report(year: 2021, measures: "努力建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。")
        XCTAssertEqual(lint(g, only: "anachronism").map(\.severity), [.warning])
        let h = report(year: 2020, measures: "努力建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府。")
        XCTAssertEqual(lint(h, only: "anachronism").map(\.severity), [.error])
        let i = report(year: 2019, measures: "努力建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。")
        XCTAssertEqual(lint(i, only: "anachronism").map(\.message), [])
    }

    func testRepealedTitlesAreLeftToUnknownLawAndUnknownYearIsSkipped() {
        XCTAssertEqual(lint(report(year: 2023, measures: "严格落实《信访条例》。"), only: "anachronism").map(\.message), [])
        XCTAssertEqual(lint(report(year: 2023, measures: "严格落实信访条例。"), only: "anachronism").map(\.severity), [.warning])
        XCTAssertEqual(lint("深入学习贯彻党的二十届四中全会精神。", only: "anachronism").map(\.message), [])
    }

    func testPlansMayAnticipateButNotCite() {
        let ok = report(year: 2024, measures: "深入学习贯彻党的二十大精神。", plans: "以优异成绩迎接二十届四中全会召开。")
        XCTAssertEqual(lint(ok, only: "anachronism").map(\.message), [])
        let bad = report(year: 2024, measures: "以优异成绩迎接二十届四中全会召开。")
        XCTAssertEqual(lint(bad, only: "anachronism").count, 1, "anticipation is only allowed in the plans part")
        let cite = report(year: 2024, measures: "深入学习贯彻党的二十大精神。", plans: "深入学习贯彻二十届四中全会精神。")
        XCTAssertEqual(lint(cite, only: "anachronism").count, 1)
    }
}

final class CoverageRuleTests: XCTestCase {
    static let full = "镇党委理论学习中心组专题学习习近平法治思想。严格落实重大行政决策程序。规范综合行政执法。开展人民调解。深入推进“八五”普法。"

    func testOneHintPerMissingCoreArea() {
        let text = report(measures: "镇党委理论学习中心组专题学习习近平法治思想。严格落实重大行政决策程序。规范综合行政执法。")
        let d = lint(text, only: "coverage")
        XCTAssertEqual(d.count, 2)
        XCTAssertEqual(flagged(text, d), ["主要举措和成效", "主要举措和成效"])
        XCTAssertTrue(d.allSatisfy { $0.severity == .hint })
        XCTAssertTrue(d[0].message.contains("社会矛盾纠纷预防调处化解") || d[1].message.contains("社会矛盾纠纷预防调处化解"))
        XCTAssertEqual(Set(d.compactMap(\.data)), ["A7", "A10"])
    }

    func testUnfinishedReportIsNotJudged() {
        // Without a closing the text may be a draft: coverage waits until it is finished.
        let draft = report(measures: "镇党委理论学习中心组专题学习习近平法治思想。").replacingOccurrences(of: "特此报告。\n", with: "")
        XCTAssertEqual(lint(draft, only: "coverage").map(\.message), [])
    }

    func testCoveredAreasQuotedKeywordsAndMissingPart() {
        XCTAssertEqual(lint(report(measures: Self.full), only: "coverage").map(\.message), [])
        XCTAssertEqual(lint("关于2023年度法治政府建设情况的报告\n一、存在的不足和原因\n培训不足。\n", only: "coverage").map(\.message), [])
        XCTAssertEqual(lint("无标题的文字。", only: "coverage").map(\.message), [])
        // Keywords outside the measures part do not count.
        let t = report(measures: "镇党委理论学习中心组专题学习习近平法治思想。严格落实重大行政决策程序。规范综合行政执法。开展人民调解。",
                       plans: "深入推进“八五”普法。")
        XCTAssertEqual(lint(t, only: "coverage").compactMap(\.data), ["A10"])
    }
}

final class WordRulesRobustnessTests: XCTestCase {
    func testOddInputsGiveRangesInsideTheText() {
        let ids = ["confusable", "term-form", "unknown-law", "unit-mismatch", "anachronism", "coverage"]
        let texts = ["", "《", "》《", "《《信访法》", "《信访法", "依法治", "我乡", "\n\n一、\n", "松村镇关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n我乡",
                     "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n二十届四中全会", "截止目前", "《》《〈〉》"]
        for t in texts {
            let n = SourceText(t).count
            for id in ids {
                for d in lint(t, only: id) {
                    XCTAssertTrue(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= n, "\(id) on \(t)")
                    for f in d.fixes { for e in f.edits { XCTAssertTrue(e.range.end <= n, "\(id) fix on \(t)") } }
                }
            }
        }
    }
}
