import FazhiLinter
import FazhiParser
import FazhiText
import Foundation
import XCTest

/// Golden files: what Fazhi reads and reports on the examples and on the shared corpus (whole reports and
/// openings), one line per fact, so that a refactoring that changes nothing changes none of them, and a
/// change of behaviour shows up as a readable diff to review. Only facts are recorded (rule, severity,
/// position; outline facts) — never the reports' sentences.
///
/// Regenerate after an intended change: `FAZHI_UPDATE_GOLDEN=1 swift test --filter GoldenTests`, then
/// read `git diff Tests/FazhiLinterTests/Golden`.
final class GoldenTests: XCTestCase {
    static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["FAZHI_UPDATE_GOLDEN"] != nil }

    /// The golden text of one report: the outline's facts, then every finding.
    static func golden(_ bytes: [UInt8]) -> String {
        let text = SourceText(bytes: bytes)
        let (r, diags) = Linter().lint(text)
        var out = "year \(r.year.map(String.init) ?? "-") (\(r.yearSource?.rawValue ?? "-")); unit \(r.unit?.kind.rawValue ?? "-") (\(r.unit?.source?.rawValue ?? "-"))\n"
        out += "title \(r.header.title.map { "\($0.line + 1)-\($0.lastLine + 1)" } ?? "-"); recipient \(r.header.recipient.map { String($0.line + 1) } ?? "-"); complete \(r.isComplete)\n"
        out += "parts " + r.partStatus.map { "\($0.id)=\($0.presence.rawValue)" }.joined(separator: " ") + "\n"
        for h in r.headings where !h.parts.isEmpty || !h.mergedParts.isEmpty {
            out += "  heading \(h.line + 1) L\(h.level) \(h.parts.joined(separator: ","))\(h.mergedParts.isEmpty ? "" : " +" + h.mergedParts.joined(separator: ","))\(h.partsInferred ? " (inferred)" : "")\n"
        }
        for d in diags {
            let a = text.position(of: d.range.start, encoding: .utf16), b = text.position(of: d.range.end, encoding: .utf16)
            out += "\(d.rule) \(d.severity.rawValue) \(a.line + 1):\(a.character)-\(b.line + 1):\(b.character)\n"
        }
        return out
    }

    func check(folder: URL, golden sub: String, filter: (String) -> Bool = { $0.hasSuffix(".txt") }) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter(filter).sorted(), !names.isEmpty else {
            throw XCTSkip("\(folder.path) not present")
        }
        let dir = Self.goldenDir.appendingPathComponent(sub)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var seen = Set<String>()
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
            let got = Self.golden([UInt8](data))
            let file = dir.appendingPathComponent(name)
            seen.insert(name)
            if Self.updating {
                try got.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            guard let want = try? String(contentsOf: file, encoding: .utf8) else {
                XCTFail("no golden file for \(sub)/\(name): run FAZHI_UPDATE_GOLDEN=1 swift test --filter GoldenTests")
                continue
            }
            XCTAssertEqual(got, want, "\(sub)/\(name) differs from its golden file (FAZHI_UPDATE_GOLDEN=1 to accept, then review the diff)")
        }
        // A golden file whose report is gone is stale.
        let stale = (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.filter { !seen.contains($0) } ?? []
        if Self.updating { for s in stale { try? FileManager.default.removeItem(at: dir.appendingPathComponent(s)) } } else {
            XCTAssertEqual(stale, [], "golden files without a report in \(sub)")
        }
    }

    func testExamples() throws {
        try check(folder: TestCorpus.packageRoot.appendingPathComponent("Examples"), golden: "Examples")
    }

    func testCorpus() throws {
        try check(folder: TestCorpus.dir, golden: "corpus")
    }

    func testOpenings() throws {
        try check(folder: TestCorpus.openings, golden: "openings")
    }
}
