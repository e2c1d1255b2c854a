import FazhiLinter
import FazhiText
import XCTest

final class SpacingRulesTests: XCTestCase {
    // MARK: stray-space

    func testStraySpacesOfEveryKind() {
        let t = "办理案件 12件，《管理办法》 要求，法治\u{3000}政府，2025\u{00A0}年，依法\t行政😀，。 下一步\u{2003}工作。\n"
        let d = lint(t, only: "stray-space")
        XCTAssertEqual(d.count, 7)
        XCTAssertEqual(applyingFixes(t, d), "办理案件12件，《管理办法》要求，法治政府，2025年，依法行政😀，。下一步工作。\n")
        XCTAssertTrue(d[3].message.contains("U+00A0"))
    }

    func testStraySpaceNearMisses() {
        for t in ["　　全年办理案件12件，使用 APP 办理。  \n",
                  "一、举措\n（1） 加强领导\n略。\n",
                  "签发人：张  三\n"] {
            XCTAssertEqual(lint(t, only: "stray-space").count, 0, t)
        }
    }

    // MARK: approximate-number

    func testApproximateNonRound() {
        let t = "开展学习12余次，参训35多人，𠀀拨付3.5余万元。\n"
        let d = lint(t, only: "approximate-number")
        XCTAssertEqual(flagged(t, d), ["12余次", "35多人", "3.5余万"])
        XCTAssertEqual(d[0].fixes.first?.isSafe, false)
        XCTAssertTrue(d[0].message.contains("12次"))
    }

    func testDoubleApproximation() {
        let t = "参加人数约300余人，近100多人到场，约20人左右，30余人左右。\n"
        let d = lint(t, only: "approximate-number")
        XCTAssertEqual(flagged(t, d), ["约300余人", "近100多人", "约20人左右", "30余人左右"])
    }

    func testDecimalWithWanIsOnlyAHint() {
        let t = "惠及1.2万余人。\n"
        let d = lint(t, only: "approximate-number")
        XCTAssertEqual(d.map(\.severity), [.hint])
    }

    func testApproximateNearMisses() {
        let t = "开展学习10余次，走访300余户，经费1万余元，12万多元，参训20多人，约300人，40人左右，2023年多部门联动。\n"
        XCTAssertEqual(lint(t, only: "approximate-number").count, 0)
    }

    // MARK: rate-mismatch

    func testRateMismatchReceivedAndClosed() {
        let t = "全年受理行政复议案件40件，办结38件，办结率100%。\n"
        let d = lint(t, only: "rate-mismatch")
        XCTAssertEqual(flagged(t, d), ["100%"])
        XCTAssertTrue(d[0].message.contains("95%"))
        XCTAssertEqual(applyingFixes(t, d), "全年受理行政复议案件40件，办结38件，办结率95%。\n")
    }

    func testRateMismatchMediationAndPlannedActual() {
        let t = "调处纠纷60起，调解成功57起，调解成功率98%。应参考60人，实参考58人，参考率100%。\n"
        let d = lint(t, only: "rate-mismatch")
        XCTAssertEqual(flagged(t, d), ["98%", "100%"])
        XCTAssertTrue(d[0].message.contains("95%"))
        XCTAssertTrue(d[1].message.contains("96.7%"), d[1].message)
    }

    /// A rate looks back for its counts at most about 500 characters (`RateFigure.lookBack`): a long
    /// sentence still works, counts further back are not used, and a line of hundreds of count/rate groups
    /// without a full stop (a flattened table) is read group by group, in linear time.
    func testRateMismatchLooksBackWithinABoundedWindow() {
        let filler = String(repeating: "全镇持续推进严格规范公正文明执法，", count: 20)  // 340 characters, no count
        let near = "全年" + filler + "受理40件，办结38件，办结率100%。\n"
        XCTAssertEqual(flagged(near, lint(near, only: "rate-mismatch")), ["100%"])
        let far = "全年受理40件，" + filler + filler + "办结38件，办结率100%。\n"
        XCTAssertEqual(lint(far, only: "rate-mismatch").count, 0)
        XCTAssertEqual(lint(far.replacingOccurrences(of: filler + filler, with: filler), only: "rate-mismatch").count, 1)
    }

    func testRateMismatchNearMisses() {
        for t in ["受理40件，办结38件，办结率95%。\n",
                  "调处纠纷248件，受理率达到100%，调处成功率达到99.07%。\n",
                  "参考57人、抽考2人，参考率100%，合格率100%。\n",
                  "受理40件，办结38件。全年培训5次。😀办结率100%。\n",
                  "受理30件，另受理10件，办结38件，办结率100%。\n",
                  "调处纠纷3起，调解成功2起，成功率66.7%。\n"] {
            XCTAssertEqual(lint(t, only: "rate-mismatch").count, 0, t)
        }
    }

    // MARK: percent-range

    func testPercentAboveHundred() {
        let t = "群众满意度达到102%，案件办结率为100.5%。\n"
        XCTAssertEqual(flagged(t, lint(t, only: "percent-range")), ["102%", "100.5%"])
    }

    func testPercentRangeForm() {
        let t = "时限缩短15～30%，成本下降10-20%，𠀀比例为5至8％。\n"
        let d = lint(t, only: "percent-range")
        XCTAssertEqual(d.count, 3)
        XCTAssertEqual(applyingFixes(t, d), "时限缩短15%～30%，成本下降10%～20%，𠀀比例为5%至8％。\n")
    }

    func testPercentNearMisses() {
        let t = "满意度98%，财政收入增长率120%，同比增长率150%，缩短15%～30%，完成年度任务的120%。\n"
        XCTAssertEqual(lint(t, only: "percent-range").count, 0)
    }
}
