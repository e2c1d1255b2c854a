import FazhiLinter
import FazhiText
import XCTest

final class NumberingRulesTests: XCTestCase {
    // MARK: numbering-sequence

    func testSequenceGapIsFlaggedWithoutSafeFix() {
        let t = "一、主要举措\n略。\n二、存在的不足\n略。\n四、下一步安排\n略。\n"
        let d = lint(t, only: "numbering-sequence")
        XCTAssertEqual(flagged(t, d), ["四、"])
        XCTAssertTrue(d[0].message.contains("三、"))
        XCTAssertEqual(d[0].fixes.first?.isSafe, false)
    }

    func testSequenceRepeatIsFixedSafely() {
        let t = "一、举措\n（一）加强领导😀\n略。\n（一）完善制度\n略。\n（三）强化监督\n略。\n"
        let d = lint(t, only: "numbering-sequence")
        XCTAssertEqual(flagged(t, d), ["（一）"])
        XCTAssertEqual(d[0].fixes.first?.isSafe, true)
        XCTAssertEqual(applyingFixes(t, d), "一、举措\n（一）加强领导😀\n略。\n（二）完善制度\n略。\n（三）强化监督\n略。\n")
    }

    func testSequenceStartingAtTwoAndArabicLevels() {
        let t = "一、举措\n2.加强领导\n略。\n2.完善制度\n略。\n"
        let d = lint(t, only: "numbering-sequence")
        XCTAssertEqual(flagged(t, d), ["2."])
        XCTAssertEqual(applyingFixes(t, d), "一、举措\n1.加强领导\n略。\n2.完善制度\n略。\n")
    }

    func testSequenceNearMisses() {
        for t in [
            "一、举措\n（一）甲\n略。\n（二）乙\n略。\n二、不足\n（一）丙\n略。\n",
            "一、举措\n1.甲\n略。\n（1）子项\n略。\n2.乙\n略。\n二、不足\n",
            "一、甲\n二、乙\n三、丙\n四、丁\n五、戊\n六、己\n七、庚\n八、辛\n九、壬\n十、癸\n十一、其他\n",
        ] {
            XCTAssertEqual(lint(t, only: "numbering-sequence").count, 0, t)
        }
    }

    // MARK: numbering-level

    func testLevelSkipFromOneToFour() {
        let t = "三、履职情况\n（1） 强化领导\n略。\n（2）完善制度\n略。\n"
        let d = lint(t, only: "numbering-level")
        XCTAssertEqual(flagged(t, d), ["（1）"])
        XCTAssertEqual(d[0].severity, .warning)
    }

    func testLevelSkipFromTwoToFour() {
        let t = "一、举措\n（一）领导\n（1）𠀀项\n略。\n"
        XCTAssertEqual(flagged(t, lint(t, only: "numbering-level")), ["（1）"])
    }

    func testLevelNearMisses() {
        for t in ["一、举措\n1.甲\n略。\n2.乙\n略。\n", "一、举措\n（一）甲\n1.子\n（1）孙\n略。\n", "一、举措\n（一）甲\n略。\n"] {
            XCTAssertEqual(lint(t, only: "numbering-level").count, 0, t)
        }
    }

    // MARK: numbering-style

    func testStyleFixes() {
        let cases: [(String, String, String)] = [
            ("一、举措\n(一)加强领导\n略。\n", "(一)", "一、举措\n（一）加强领导\n略。\n"),
            ("一、举措\n（一）领导\n1、健全制度\n略。\n", "1、", "一、举措\n（一）领导\n1.健全制度\n略。\n"),
            ("一.主要举措\n略。\n", "一.", "一、主要举措\n略。\n"),
            ("一、举措\n（一）、加强领导\n略。\n", "（一）、", "一、举措\n（一）加强领导\n略。\n"),
            ("一、举措\n（1） 😀加强领导\n略。\n", " ", "一、举措\n（1）😀加强领导\n略。\n"),
        ]
        for (t, mark, fixed) in cases {
            let d = lint(t, only: "numbering-style")
            XCTAssertEqual(flagged(t, d), [mark], t)
            XCTAssertEqual(applyingFixes(t, d), fixed, t)
        }
    }

    func testStyleNearMisses() {
        let t = "一、举措\n（一）加强领导\n1.健全制度\n略。\n（1）议事规则\n全年增长3.5%。\n"
        XCTAssertEqual(lint(t, only: "numbering-style").count, 0)
    }

    // MARK: enumeration-sequence

    func testEnumerationGapAndStart() {
        let t = "一、举措\n一是健全制度；二是加强培训；四是强化监督。\n"
        let d = lint(t, only: "enumeration-sequence")
        XCTAssertEqual(flagged(t, d), ["四是"])
        XCTAssertTrue(d[0].message.contains("三是"))
        let t2 = "一、举措\n二是加强培训😀；三是强化监督。\n"
        XCTAssertEqual(flagged(t2, lint(t2, only: "enumeration-sequence")), ["二是"])
    }

    func testEnumerationRepeatFix() {
        let t = "一、举措\n一是健全制度；二是加强培训；二是强化监督；四是严格考核。\n"
        let d = lint(t, only: "enumeration-sequence")
        XCTAssertEqual(flagged(t, d), ["二是"])
        XCTAssertEqual(applyingFixes(t, d), "一、举措\n一是健全制度；二是加强培训；三是强化监督；四是严格考核。\n")
    }

    func testEnumerationNearMisses() {
        for t in ["一、举措\n一是健全制度；二是加强培训；三是强化监督。\n二、不足\n一是培训少；二是经费少。\n",
                  "一、举措\n统一是基础，一是健全制度，二是加强培训。\n"] {
            XCTAssertEqual(lint(t, only: "enumeration-sequence").count, 0, t)
        }
    }
}
