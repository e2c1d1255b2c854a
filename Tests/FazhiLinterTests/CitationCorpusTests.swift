import FazhiLinter
import FazhiParser
import FazhiText
import Foundation
import XCTest

/// Precision on published reports: on ../shared/corpus and its openings, the warnings and errors of the
/// citation, formula and figure rules are exactly the defects known to be there. Skipped without the corpus.
final class CitationCorpusTests: XCTestCase {
    static let ids = ["unknown-law", "term-form", "anachronism", "rate-mismatch", "part-exceeds-total", "placeholder"]

    /// File-name prefix → "rule flagged-text" of every warning and error.
    static let expected: [String: [String]] = [
        "000": ["term-form 枫桥工作经验"],
        "002": ["term-form 让权利在阳光下运行"],
        "03_": ["unknown-law 《法治政府建设与责任落实督查工作规定》"],
        "07_": ["unknown-law 《有组织犯罪法》"],
        "09_": ["term-form 法治思想", "term-form 法治督查"],
        "21_": ["term-form 法治审核", "term-form 法治审核"],
        "40_": ["unknown-law 《法治政府建设实施纲要(20212025年)》"],
        "46_": ["anachronism 习近平总书记全面依法治国新理念新思想新战略"],
    ]

    func files() throws -> [URL] {
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/corpus").standardized
        var out: [URL] = []
        for dir in [shared, shared.appendingPathComponent("openings")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            out += names.filter { $0.hasSuffix(".txt") }.sorted().map { dir.appendingPathComponent($0) }
        }
        if out.isEmpty { throw XCTSkip("no corpus at \(shared.path)") }
        return out
    }

    func testWarningsAndErrorsAreExactlyTheKnownDefects() throws {
        let rules = Self.ids.compactMap { RuleCatalog.rule($0) }
        XCTAssertEqual(rules.count, Self.ids.count)
        let linter = Linter(rules: rules)
        var seen = Set<String>()
        for url in try files() {
            let text = SourceText(bytes: Array(try Data(contentsOf: url)))
            let (report, diags) = linter.lint(text)
            let got = diags.filter { $0.severity == .warning || $0.severity == .error }.map { "\($0.rule) \(report.text($0.range))" }
            let key = Self.expected.keys.first { url.lastPathComponent.hasPrefix($0) }
            if let k = key { seen.insert(k) }
            XCTAssertEqual(got, key.map { Self.expected[$0]! } ?? [], url.lastPathComponent)
        }
        XCTAssertEqual(seen, Set(Self.expected.keys), "every expected file was read")
    }
}
