import FazhiLinter
import FazhiText
import XCTest

final class PunctuationRulesTests: XCTestCase {
    // MARK: halfwidth-punctuation

    func testHalfwidthCommaWithSpaceIsReplaced() {
        let t = "主要领导亲自抓, 分管领导具体抓😀;各村配合抓。\n"
        let d = lint(t, only: "halfwidth-punctuation")
        XCTAssertEqual(flagged(t, d), [",", ";"])
        XCTAssertEqual(applyingFixes(t, d), "主要领导亲自抓，分管领导具体抓😀；各村配合抓。\n")
    }

    func testHalfwidthParenthesesArePaired() {
        let t = "修订《议事规则》(2023年版)并印发。联系电话(0355)。\n"
        let d = lint(t, only: "halfwidth-punctuation")
        XCTAssertEqual(applyingFixes(t, d), "修订《议事规则》（2023年版）并印发。联系电话（0355）。\n")
    }

    func testHalfwidthColonQuestionAndQuotes() {
        let t = "时间:8:30，问题在哪?他说\"好\"。\n"
        let d = lint(t, only: "halfwidth-punctuation")
        XCTAssertEqual(applyingFixes(t, d), "时间：8:30，问题在哪？他说“好”。\n")
    }

    func testHalfwidthNearMisses() {
        for t in ["增长3.5%，会议8:30召开，3.15活动，金额1,000元。\n",
                  "详见http://www.gov.cn/a?b=1，邮箱fz@gov.cn。\n",
                  "一、举措\n1.加强领导\n使用Hello, World!演示，𠀀字。\n",
                  "Rule of law (ROL) matters.\n"] {
            XCTAssertEqual(lint(t, only: "halfwidth-punctuation").count, 0, t)
        }
    }

    // MARK: unpaired-mark

    func testClosingQuoteUsedAsOpening() {
        let t = "坚持发展”枫桥经验”，严格执行“罚缴分离”、”收支两条线”制度。\n"
        let d = lint(t, only: "unpaired-mark")
        XCTAssertEqual(d.count, 2)
        XCTAssertEqual(d.allSatisfy { $0.severity == .error }, true)
        XCTAssertEqual(applyingFixes(t, d), "坚持发展“枫桥经验”，严格执行“罚缴分离”、“收支两条线”制度。\n")
    }

    func testUnclosedAndUnopenedMarks() {
        let t = "学习《行政复议法，落实（责任。𠀀】\n"
        let d = lint(t, only: "unpaired-mark")
        XCTAssertEqual(flagged(t, d), ["《", "（", "】"])
        let t2 = "他说“好“，然后离开。\n"
        let d2 = lint(t2, only: "unpaired-mark")
        XCTAssertEqual(applyingFixes(t2, d2), "他说“好”，然后离开。\n")
    }

    func testUnpairedNearMisses() {
        for t in ["学习《中华人民共和国行政复议法》（2023年修订），坚持“枫桥经验”和‘三治’融合、〔2024〕2号、【重要】。\n",
                  "一、举措\n（一）加强领导\n事项包括：1）制度；2）培训。\n",
                  "某委文〔2024〕2号\n"] {
            XCTAssertEqual(lint(t, only: "unpaired-mark").count, 0, t)
        }
    }

    // MARK: duplicate-punctuation

    func testDuplicatePunctuation() {
        let t = "召开会议4次。。完善制度，，加强培训、、落实责任，。\n"
        let d = lint(t, only: "duplicate-punctuation")
        XCTAssertEqual(flagged(t, d), ["。。", "，，", "、、", "，。"])
        XCTAssertEqual(applyingFixes(t, d), "召开会议4次。完善制度，加强培训、落实责任。\n")
    }

    func testMixedClashMidLineIsNotSafe() {
        let t = "完善制度；，加强培训😀。\n"
        let d = lint(t, only: "duplicate-punctuation")
        XCTAssertEqual(flagged(t, d), ["；，"])
        XCTAssertEqual(d[0].fixes.first?.isSafe, false)
    }

    func testDuplicateNearMisses() {
        for t in ["真的吗？！会议要求……。\n", "开展法律进机关。。。\n", "召开会议4次，审议议题12项。\n"] {
            XCTAssertEqual(lint(t, only: "duplicate-punctuation").count, 0, t)
        }
    }

    // MARK: serial-comma-between-quotes

    func testSerialCommaBetweenTitlesAndQuotes() {
        let t = "学习《宪法》、《民法典》、《行政处罚法》，推行“最多跑一次”、“一网通办”。\n"
        let d = lint(t, only: "serial-comma-between-quotes")
        XCTAssertEqual(d.count, 3)
        XCTAssertEqual(applyingFixes(t, d), "学习《宪法》《民法典》《行政处罚法》，推行“最多跑一次”“一网通办”。\n")
    }

    func testSerialCommaNearMisses() {
        for t in ["修订《规则》（2020年）、《办法》（2022年）。\n", "组织“八五”普法、“民法典”宣传月。\n", "学习《宪法》《民法典》。\n", "学习《宪法》和“𠀀”、法律。\n"] {
            XCTAssertEqual(lint(t, only: "serial-comma-between-quotes").count, 0, t)
        }
    }

    // MARK: dash-in-range

    func testDashInRange() {
        let t = "贯彻《纲要（2021-2025年）》，2021~2025年，2021–2025年，第21-30条，每期30~50人，2021——2025年。\n"
        let d = lint(t, only: "dash-in-range")
        XCTAssertEqual(d.count, 6)
        XCTAssertEqual(applyingFixes(t, d), "贯彻《纲要（2021—2025年）》，2021—2025年，2021—2025年，第21—30条，每期30～50人，2021—2025年。\n")
    }

    func testDashNearMisses() {
        for t in ["执行GB/T 9704-2012标准，电话0355-1234567，日期2024-03-05，型号A-3型，2021—2025年，15-30%。\n"] {
            XCTAssertEqual(lint(t, only: "dash-in-range").count, 0, t)
        }
    }

    // MARK: ellipsis

    func testEllipsis() {
        let t = "进机关、进学校...等，进乡村。。。进社区…😀\n"
        let d = lint(t, only: "ellipsis")
        XCTAssertEqual(flagged(t, d), ["...", "。。。", "…"])
        XCTAssertEqual(applyingFixes(t, d), "进机关、进学校……等，进乡村……进社区……😀\n")
    }

    func testEllipsisNearMisses() {
        XCTAssertEqual(lint("进机关、进学校……\nWait... what.\n", only: "ellipsis").count, 0)
    }
}
