import FazhiLinter
import FazhiText
import Foundation
import XCTest

/// Lints the real reports in /work/shared/corpus with the numbering, punctuation, spacing and residue
/// rules and checks the findings against what a reviewer marks by hand.
final class FormatRulesCorpusTests: XCTestCase {
    static let corpus = "/work/shared/corpus"
    static var ruleIDs: [String] {
        (RuleCatalog.all.filter { [.numbering, .punctuation, .spacing, .residue].contains($0.metadata.category) }).map(\.metadata.id)
    }

    /// (file name, rule, flagged text) for every finding of the format rules.
    static func findings() throws -> [(String, Diagnostic, String)]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: corpus) else { return nil }
        let ids = Set(ruleIDs)
        let linter = Linter(rules: RuleCatalog.all.filter { ids.contains($0.metadata.id) })
        var out: [(String, Diagnostic, String)] = []
        for name in names.sorted() where name.hasSuffix(".txt") {
            let data = try Data(contentsOf: URL(fileURLWithPath: corpus + "/" + name))
            let src = SourceText(bytes: [UInt8](data))
            let (_, diags) = linter.lint(src)
            for d in diags {
                XCTAssertLessThanOrEqual(d.range.end, src.count)
                out.append((name, d, src.string(d.range)))
            }
        }
        return out
    }

    func testPrintCorpusFindings() throws {
        guard let all = try Self.findings() else { throw XCTSkip("no corpus") }
        for (name, d, text) in all {
            print("CORPUS \(name.prefix(3)) \(d.rule) [\(d.severity.rawValue)] «\(text)» \(d.message)")
        }
    }
}

final class FormatRulesScratchTests: XCTestCase {
    func testScratch() {
        for (id, t) in [("halfwidth-punctuation", "一、主要举措\n1.加强领导\n成立领导小组，使用Hello, World!演示。\n"), ("serial-comma-between-quotes", "推行“最多跑一次”、“一网通办”改革。\n")] {
            let d = lint(t, only: id)
            print("SCRATCH", id, flagged(t, d), d.map(\.message))
        }
    }
}
