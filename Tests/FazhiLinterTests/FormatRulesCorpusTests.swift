import FazhiLinter
import FazhiText
import Foundation
import XCTest

/// Lints the real reports in ../shared/corpus with the numbering, punctuation, spacing and residue
/// rules and checks the findings against what a reviewer marks by hand.
final class FormatRulesCorpusTests: XCTestCase {
    static let corpus = TestCorpus.dir.path
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

    /// Every finding was reviewed by hand; each is a real defect of the report. Anything new must be looked at.
    func testCorpusFindingsAreTheKnownDefects() throws {
        guard let all = try Self.findings() else { throw XCTSkip("no corpus") }
        let got = all.map { "\($0.0.prefix(3)) \($0.1.rule) \($0.2)" }
        let expected = [
            "000 conversion-artifact [bookmark: _GoBack]",  // Word bookmark before the title
            "000 stray-space \u{00A0}",                    // 2025\u{00A0}年 inside the plan's name
            "001 halfwidth-punctuation ,",                  // 具体抓,相关
            "001 approximate-number 12余次",
            "001 numbering-level （1）",                     // （1） directly under 三、
            "001 numbering-style  ", "001 numbering-style  ", "001 numbering-style  ", // （1） 强化… with a space
            "002 unpaired-mark ”",                         // 、”收支两条线”
            "002 stray-space  ",                            // 《…管理办法》 要求
        ]
        // The three reports reviewed by hand (others that may join the folder are the golden test's business).
        let reviewed = got.filter { $0.hasPrefix("000 ") || $0.hasPrefix("001 ") || $0.hasPrefix("002 ") }
        XCTAssertTrue(Set(all.map { String($0.0.prefix(3)) }).isSuperset(of: ["000", "001", "002"]))
        XCTAssertEqual(reviewed, expected)
    }
}


