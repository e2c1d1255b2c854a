import FazhiLinter
import FazhiParser
import FazhiText
import Foundation
import XCTest

/// Precision on real reports: every finding of the word rules on ../shared/corpus is a real defect.
final class WordRulesCorpusTests: XCTestCase {
    static let ids = ["confusable", "term-form", "unknown-law", "unit-mismatch", "anachronism", "coverage"]

    func corpus() throws -> [(String, String)] {
        let dir = TestCorpus.dir
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            throw XCTSkip("no corpus")
        }
        let files = names.filter { $0.hasSuffix(".txt") }.sorted()
        if files.isEmpty { throw XCTSkip("no corpus") }
        return try files.map { ($0, try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)) }
    }

    func findings(_ text: String) -> [(rule: String, text: String, message: String)] {
        let rules = Self.ids.compactMap { RuleCatalog.rule($0) }
        let (report, diags) = Linter(rules: rules).lint(SourceText(text))
        return diags.map { ($0.rule, report.text($0.range), $0.message) }
    }
}

extension WordRulesCorpusTests {
    /// The defects known to be in the corpus, and nothing else.
    func testCorpusFindingsAreExactlyTheKnownDefects() throws {
        let expected: [String: [String]] = [
            "000": ["term-form 枫桥工作经验"],
            "001": ["unit-mismatch 依法治街"],
            "002": ["confusable 纪录存档", "term-form 让权利在阳光下运行"],
        ]
        for (name, text) in try corpus() {
            let got = findings(text).map { "\($0.rule) \($0.text)" }
            if let want = expected[String(name.prefix(3))] { XCTAssertEqual(got, want, name) }
        }
    }
}
