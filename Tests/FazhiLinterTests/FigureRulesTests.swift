import FazhiKnowledge
import FazhiLinter
import FazhiText
import XCTest

/// `rate-mismatch` and `part-exceeds-total`, and the `FigureAnalysis` they share with the language server.
final class FigureRulesTests: XCTestCase {
    func testTheIssueExampleIsFound() {
        let t = "受理矛盾纠纷141件，其中调解75件，调解率60.5%。\n"
        let d = lint(t, only: "rate-mismatch")
        XCTAssertEqual(flagged(t, d), ["60.5%"])
        XCTAssertTrue(d[0].message.contains("受理矛盾纠纷141件") && d[0].message.contains("其中调解75件") && d[0].message.contains("53.2%"), d[0].message)
        XCTAssertEqual(applyingFixes(t, d), "受理矛盾纠纷141件，其中调解75件，调解率53.2%。\n")
    }

    func testWordingsThatMustBeRecomputed() {
        let cases: [(String, String)] = [
            // Counts in the sentence before.
            ("全年共受理矛盾纠纷141件。其中调解75件，调解率60.5%。\n", "53.2%"),
            // The count after its number (48起成功化解) and 成功 on both sides.
            ("排查矛盾纠纷50起，48起成功化解，化解成功率90%。\n", "96%"),
            ("调处纠纷60起，成功调解57起，调解成功率98%。\n", "95%"),
            // Planned and actual.
            ("应参训干部60人，实际参训58人，参训率100%。\n", "96.7%"),
            // A total marked by 共, with thousands separators.
            ("共接到群众来电1,200件，答复1,140件，答复率90%。\n", "95%"),
            ("回访当事人50人，满意48人，满意率90%。\n", "96%"),
            ("调处纠纷3起，调解成功2起，成功率65%。\n", "66.7%"),
        ]
        for (t, want) in cases {
            let d = lint(t, only: "rate-mismatch")
            XCTAssertEqual(d.count, 1, t)
            XCTAssertTrue(d.first?.message.contains("应为\(want)") ?? false, "\(t): \(d.map(\.message))")
        }
    }

    func testConsistentRoundedOrUnpairableRatesAreFine() {
        for t in ["调处纠纷3起，调解成功2起，成功率66.6%。\n", "调处纠纷3起，调解成功2起，成功率66.7%。\n", "调处纠纷3起，调解成功2起，成功率67%。\n",
                  "调处纠纷3起，调解成功2起，成功率66%。\n",
                  "累计接到群众来电200件，按时办结190件，按时办结率95%。\n",
                  "受理40件，办结38件，其中按期办结36件，按期办结率95%。\n",
                  // Approximate totals, other units, and counts two sentences back are not compared.
                  "受理纠纷约150件，办结140件，办结率95%。\n", "接待群众120人次，办结110件，办结率90%。\n",
                  "受理40件，办结38件。全年开展培训5次。办结率100%。\n",
                  // 调解率 is not measured by a 调解成功 count.
                  "受理纠纷60件，调解成功50件，调解率100%。\n",
                  "群众满意率达到98%，办结率100%。\n", "率", "率100%", "办结率%", "受理40件，办结率"] {
            XCTAssertEqual(lint(t, only: "rate-mismatch").map(\.message), [], t)
        }
    }

    func testPartsLargerThanTotals() {
        let t = "受理矛盾纠纷141件，其中调解成功175件。全年受理信访30件，开展走访，其中办结35件。\n"
        let d = lint(t, only: "part-exceeds-total")
        XCTAssertEqual(flagged(t, d), ["175件", "35件"])
        XCTAssertEqual(d.map(\.severity), [.error, .warning], "certain only when the total is in the clause just before")
        XCTAssertTrue(d[0].message.contains("受理矛盾纠纷141件"), d[0].message)
        let s = "全年受理纠纷141件。其中调解成功175件。\n"
        XCTAssertEqual(lint(s, only: "part-exceeds-total").map(\.severity), [.error])
        // A rate's numerator above its denominator: reported here once, not as a rate mismatch.
        let r = "受理行政复议案件40件，办结45件，办结率100%。\n"
        XCTAssertEqual(lint(r, only: "part-exceeds-total").map(\.severity), [.warning])
        XCTAssertEqual(lint(r, only: "rate-mismatch").map(\.message), [])
    }

    func testPartsWithinTheirTotalsAreFine() {
        for t in ["受理矛盾纠纷141件，其中调解成功75件、移送10件。\n", "培训干部120人次，其中领导干部135人。\n",
                  "发放资料约5000份，其中宣传册6000份。\n", "受理40件，办结38件，其中简易程序30件。\n",
                  "其中", "其中5件", "全镇共有村11个，其中省级民主法治示范村3个。\n"] {
            XCTAssertEqual(lint(t, only: "part-exceeds-total").map(\.message), [], t)
        }
    }

    func testTheServerAnalysisSeesWhatTheRuleSees() {
        let t = "受理矛盾纠纷141件，其中调解75件，调解率60.5%。办结38件，受理40件，办结率95%。\n应参训60人，实际参训58人，参训率96.7%。\n"
        let text = SourceText(t)
        let rates = FigureAnalysis.rates(in: text)
        XCTAssertEqual(rates.map { text.string($0.range) }, ["调解率60.5%", "办结率95%", "参训率96.7%"])
        XCTAssertEqual(rates.map(\.isConsistent), [false, true, true])
        XCTAssertEqual(rates.map(\.computedText), ["53.2", "95", "96.7"])
        XCTAssertEqual(rates[0].basis, .subset(immediate: true))
        XCTAssertEqual(rates[2].basis, .plannedActual)
        // The rule flags exactly the inconsistent ones.
        XCTAssertEqual(lint(t, only: "rate-mismatch").map(\.range), rates.filter { !$0.isConsistent }.map(\.valueRange))
        // A range selects the lines it overlaps.
        XCTAssertEqual(FigureAnalysis.rates(in: text, range: TextRange(text.lineRange(1).start, text.count)).count, 1)
    }

    func testApproximateDecimalIsOnlyAHint() {
        let t = "惠及群众17.8万余人，开展学习12余次。\n"
        let d = lint(t, only: "approximate-number")
        XCTAssertEqual(flagged(t, d), ["17.8万余人", "12余次"])
        XCTAssertEqual(d.map(\.severity), [.hint, .warning])
    }

    func testOddInputsGiveRangesInsideTheText() {
        for t in ["", "率", "其中", "1,", "1,2345件，其中3件", "受理😀40件，其中𠀀50件，率60%", "共,件，其中,件", String(repeating: "受理9件，其中10件，", count: 50)] {
            let n = SourceText(t).count
            for id in ["rate-mismatch", "part-exceeds-total"] {
                for d in lint(t, only: id) { XCTAssertTrue(d.range.start >= 0 && d.range.end <= n && d.range.start <= d.range.end, "\(id) on \(t)") }
            }
        }
    }
}
