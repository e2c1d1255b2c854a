import FazhiKnowledge
import FazhiLinter
import FazhiText
import XCTest

/// A minimal report of a year around a body, so that the parser finds year, unit and parts.
private func report(year: Int, measures: String, plans: String? = nil) -> String {
    var s = "云溪镇人民政府关于\(year)年度法治政府建设情况的报告\n一、主要举措和成效\n\(measures)\n"
    if let p = plans { s += "二、\(year + 1)年工作安排\n\(p)\n" }
    return s
}

/// Fixed formulas written whole (`term-form`), 法制/法治 by context, spelling variants, and formulas whose
/// currency depends on the report year (`anachronism`).
final class FormulaRulesTests: XCTestCase {
    func testDoubledSwappedAndTruncatedFormulas() {
        let t = "坚持严格规范公正文明规范执法，推进严格规范文明执法，做到公正规范严格文明执法，带头尊法守法学法用法。\n"
        let d = lint(t, only: "term-form")
        XCTAssertEqual(flagged(t, d), ["严格规范公正文明规范执法", "严格规范文明执法", "公正规范严格文明执法", "尊法守法学法用法"])
        XCTAssertTrue(d[0].message.contains("“规范”重复"), d[0].message)
        XCTAssertTrue(d[1].message.contains("缺少“公正”"), d[1].message)
        XCTAssertTrue(d[2].message.contains("词序有误"), d[2].message)
        XCTAssertEqual(d.map { $0.fixes.first?.isSafe }, [true, false, true, true])
        XCTAssertEqual(applyingFixes(t, d), "坚持严格规范公正文明执法，推进严格规范公正文明执法，做到严格规范公正文明执法，带头尊法学法守法用法。\n")
    }

    func testSevenAttributesWrittenWhole() {
        let bad = "建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信的法治政府。\n"
        let d = lint(bad, only: "term-form")
        XCTAssertEqual(d.count, 1)
        XCTAssertTrue(d[0].message.contains("缺少“人民满意”"), d[0].message)
        for ok in ["建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府。\n",
                   // The 2015 version is `anachronism`'s business, not a truncation of the 2021 one.
                   "建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。\n",
                   "推进科学立法、严格执法、公正司法、全民守法。\n", "规范执法、文明执法，规范公正文明，严格规范执法。\n",
                   "学法用法，尊法学法守法用法，用法规范。\n",
                   // Shortened at an end, the compound is another accepted phrase.
                   "进一步规范公正文明执法，坚持严格规范公正执法。\n"] {
            XCTAssertEqual(lint(ok, only: "term-form").map(\.message), [], ok)
        }
    }

    func testFazhiSixiangStandingAloneMeansTheGuidingThought() {
        let t = "深入学习贯彻法治思想，以法治思想为指导，在法治思想指引下开展工作。\n"
        let d = lint(t, only: "term-form")
        XCTAssertEqual(flagged(t, d), ["法治思想", "法治思想", "法治思想"])
        XCTAssertTrue(d.allSatisfy { $0.fixes.first?.edits.first?.newText == "习近平法治思想" && $0.fixes.first?.isSafe == false })
        for ok in ["深入学习贯彻习近平法治思想。", "学习习近平总书记法治思想的重要论述。", "增强干部法治思维和法治思想观念。",
                   "学习法治思想意识培养方法。", "组织学习《习近平法治思想学习纲要》。", "中国古代法治思想源远流长。", "提升法治思维能力。",
                   // A generic sense next to other learning: not the guiding thought.
                   "提升应用法治思想和法学理论谋划工作的能力。", "运用法治思想解决问题。"] {
            XCTAssertEqual(lint(ok, only: "term-form").map(\.message), [], ok)
        }
    }

    func testFazhiAndFazhiByContext() {
        let t = "推进法制政府建设和法制建设，学习法制思想，建设法制乡村。\n"
        XCTAssertEqual(flagged(t, lint(t, only: "term-form")), ["法制政府", "法制建设", "法制思想", "法制乡村"])
        let ok = "健全重大执法决定法制审核制度，发挥司法局法制机构作用，县政府法制办、执法单位法制员参加，转载《法制日报》2019年的报道。\n"
        XCTAssertEqual(lint(ok, only: "term-form").map(\.message) + lint(ok, only: "confusable").map(\.message), [])
    }

    func testSpellingVariantsOfNamesAndVerbs() {
        let t = "推进“八·五”普法，“八.五”普法宣传，八.五普法工作，总结“七·五”普法。依法做出决定，及时做出答复，做出调整。\n"
        let tf = lint(t, only: "term-form")
        XCTAssertEqual(flagged(t, tf), ["“八·五”", "“八.五”", "八.五普法", "“七·五”"])
        let cf = lint(t, only: "confusable")
        XCTAssertEqual(flagged(t, cf), ["做出决定", "做出答复", "做出调整"])
        XCTAssertEqual(cf.map(\.severity), [.warning, .warning, .info])
        XCTAssertEqual(lint("推进“八五”普法，依法作出决定，做出成绩。\n", only: "term-form").map(\.message)
                       + lint("推进“八五”普法，依法作出决定。\n", only: "confusable").map(\.message), [])
    }

    func testFormulasOfTheGuidingLineByReportYear() {
        let xin = "深入学习贯彻习近平总书记全面依法治国新理念新思想新战略。"
        XCTAssertEqual(lint(report(year: 2020, measures: xin), only: "anachronism").map(\.message), [], "still current through 2020")
        let d = lint(report(year: 2021, measures: xin), only: "anachronism")
        XCTAssertEqual(d.map(\.severity), [.warning])
        XCTAssertEqual(d.first?.fixes.first?.edits.first?.newText, "习近平法治思想")
        let lici = "深入学习贯彻党的十九大和十九届历次全会精神。"
        XCTAssertEqual(lint(report(year: 2022, measures: lici), only: "anachronism").map(\.message), [])
        let e = lint(report(year: 2023, measures: lici), only: "anachronism")
        XCTAssertEqual(e.map(\.severity), [.warning])
        XCTAssertEqual(e.first?.fixes.first?.edits.first?.newText, "二十大和二十届历次全会")
        XCTAssertEqual(applyingFixes(report(year: 2023, measures: lici), e), report(year: 2023, measures: "深入学习贯彻二十大和二十届历次全会精神。"))
        // 七五 in a 2021 report's measures is outdated; its wrap-up is not.
        XCTAssertEqual(lint(report(year: 2021, measures: "扎实推进七五普法。"), only: "anachronism").map(\.severity), [.warning])
        XCTAssertEqual(lint(report(year: 2021, measures: "七五普法通过总结验收。"), only: "anachronism").map(\.message), [])
        XCTAssertEqual(lint(report(year: 2020, measures: "扎实推进七五普法。"), only: "anachronism").map(\.message), [])
    }

    func testRenamedNewspaperIsANoteAfterTheRenaming() {
        XCTAssertEqual(lint(report(year: 2019, measures: "在《法制日报》刊发经验。"), only: "anachronism").map(\.message), [])
        let d = lint(report(year: 2022, measures: "在《法制日报》刊发经验。"), only: "anachronism")
        XCTAssertEqual(d.map(\.severity), [.info])
        XCTAssertEqual(d.first?.fixes.first?.edits.first?.newText, "法治日报")
    }

    func testNinthPufaIsNeverNamed() {
        // The successor of 八五 was not known when the knowledge was written: no anchor asserts its name.
        XCTAssertNil(Knowledge.shared.anchors.anchors.first { a in a.phrases.contains { $0.contains("九五") } })
        XCTAssertNil(Knowledge.shared.anchors.anchors.first { $0.id == "pufa-8" }?.supersededBy)
        XCTAssertEqual(lint(report(year: 2026, measures: "扎实推进“八五”普法总结，谋划“九五”普法。"), only: "anachronism").map(\.message), [])
    }
}
