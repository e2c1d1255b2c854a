import FazhiLinter
import FazhiText
import XCTest

final class SafeFixesTests: XCTestCase {
    /// The sorted structure answers exactly as comparing with every range taken so far, for random
    /// ranges in random order: overlapping, touching, nested, empty (insertions) at shared offsets.
    func testTakenRangesAgreeWithComparingEveryRange() {
        var seed: UInt64 = 99
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33) % n
        }
        for round in 0..<200 {
            var taken = TakenRanges()
            var naive: [TextRange] = []
            let span = 5 + round % 60
            for _ in 0..<80 {
                let a = next(span), len = next(4) == 0 ? 0 : next(6)
                let r = TextRange(a, a + len)
                let expected = naive.contains { $0.overlaps(r) || ($0.isEmpty && r.isEmpty && $0.start == r.start) }
                XCTAssertEqual(taken.conflicts(r), expected, "\(r) against \(naive)")
                if !expected {
                    taken.insert(r)
                    naive.append(r)
                }
            }
        }
    }

    func testSelectTakesTheFirstSafeFixAndSkipsConflicts() {
        func d(_ s: Int, _ e: Int, safe: Bool = true, _ text: String = "x") -> Diagnostic {
            Diagnostic(rule: "r", severity: .warning, message: "m", range: TextRange(s, e),
                       fixes: [Fix(title: "t", edits: [TextEdit(range: TextRange(s, e), newText: text)], isSafe: safe)])
        }
        let (edits, count) = SafeFixes.select([d(0, 3), d(2, 4), d(4, 4), d(4, 4, "y"), d(5, 6, safe: false), d(6, 8)])
        XCTAssertEqual(count, 3)
        XCTAssertEqual(edits.map(\.range), [TextRange(0, 3), TextRange(4, 4), TextRange(6, 8)])
    }
}
