import FazhiLinter
import FazhiText
import Foundation
import XCTest

/// Lints the shared corpus (when present) with the structure and time rules and checks that exactly the
/// known defects are reported.
final class CorpusStructureTimeTests: XCTestCase {
    static let corpusDir = TestCorpus.dir.path

    func findings() throws -> [String: [String]] {
        let fm = FileManager.default
        guard let files = try? fm.contentsOfDirectory(atPath: Self.corpusDir).filter({ $0.hasSuffix(".txt") }).sorted(), !files.isEmpty else {
            throw XCTSkip("no corpus at \(Self.corpusDir)")
        }
        let rules = RuleCatalog.all.filter { $0.metadata.category == .structure || $0.metadata.category == .time }
        let linter = Linter(rules: rules)
        var out: [String: [String]] = [:]
        for f in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: Self.corpusDir + "/" + f))
            let src = SourceText(bytes: [UInt8](data))
            let (_, diags) = linter.lint(src)
            // The optional part 5 (info from missing-part) is absent from most reports: not a finding here.
            out[String(f.prefix(3))] = diags.filter { !($0.rule == "missing-part" && $0.data == "other") }.map(\.rule)
        }
        return out
    }

    func testCorpusFindingsAreTheKnownDefects() throws {
        let all = try findings()
        // 000: lead-in ends with 。; shortcomings list problems without stating causes.
        if let f = all["000"] { XCTAssertEqual(Set(f), ["opening-lead-in", "missing-cause"], "000: \(f)") }
        // 001: the plans part is 2024 for a 2023 report — correct; shortcomings give no causes.
        if let f = all["001"] {
            XCTAssertFalse(f.contains("plan-year"))
            XCTAssertEqual(Set(f), ["missing-cause"], "001: \(f)")
        }
        // 002: no leadership part; problems without causes; web-published form (no recipient expected).
        if let f = all["002"] { XCTAssertEqual(Set(f), ["missing-part", "missing-cause"], "002: \(f)") }
    }

    /// Every prefix (cut at line ends) of every corpus file: no crash, every range and edit inside the text.
    func testTruncatedCorpusTextsStayInRange() throws {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: Self.corpusDir).filter({ $0.hasSuffix(".txt") }), !files.isEmpty else {
            throw XCTSkip("no corpus at \(Self.corpusDir)")
        }
        let rules = RuleCatalog.all.filter { $0.metadata.category == .structure || $0.metadata.category == .time }
        let linter = Linter(rules: rules)
        for f in files {
            let text = try String(contentsOfFile: Self.corpusDir + "/" + f, encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            for n in 0...lines.count {
                let src = SourceText(lines.prefix(n).joined(separator: "\n"))
                for d in linter.lint(src).1 {
                    XCTAssertTrue(d.range.start >= 0 && d.range.end <= src.count && d.range.start <= d.range.end, "\(f) \(n) \(d.rule)")
                    for e in d.fixes.flatMap(\.edits) { XCTAssertTrue(e.range.end <= src.count, "\(f) \(n) \(d.rule)") }
                }
            }
        }
    }
}
