import FazhiLinter
import FazhiParser
import FazhiText
import Foundation
import XCTest

/// The development set: 51 verbatim openings of published reports in ../shared/corpus/openings with a
/// hand-read index.json (see its README). Checks what a careful reader sees — year, unit, title line,
/// recipient, each indexed heading's parts — and that no part the index shows as a heading draws an
/// error-level `missing-part`. Skipped when the folder is absent. The floors are today's results: a change
/// that reads these reports worse fails here (reports nobody here wrote judge every release).
final class OpeningsTests: XCTestCase {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/corpus/openings").standardizedFileURL

    struct Score {
        var hits = 0, total = 0
        var misses: [String] = []
        mutating func tally(_ ok: Bool, _ why: @autoclosure () -> String) {
            total += 1
            if ok { hits += 1 } else { misses.append(why()) }
        }
    }

    func testOpeningsAreReadAsAReaderReadsThem() throws {
        let indexURL = Self.dir.appendingPathComponent("index.json")
        guard let data = FileManager.default.contents(atPath: indexURL.path) else { throw XCTSkip("../shared/corpus/openings not present") }
        let index = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        var year = Score(), unit = Score(), title = Score(), recipient = Score(), parts = Score(), notError = Score()
        let words = ["measures": "举措", "shortcomings": "不足", "leadership": "第一责任人", "plans": "安排", "other": "其他"]
        for e in index {
            let file = e["file"] as! String
            guard let bytes = FileManager.default.contents(atPath: Self.dir.appendingPathComponent(file).path) else { continue }
            let (r, diags) = Linter().lint(SourceText(bytes: [UInt8](bytes)))
            year.tally(r.year == e["year"] as? Int, "\(file): year \(String(describing: r.year))")
            if let u = e["unit"] as? String {
                let got = r.unit?.name ?? ""
                unit.tally(!got.isEmpty && (got.hasSuffix(u) || u.hasSuffix(got)) && got.count <= 24, "\(file): unit \(got)")
            }
            if let tl = e["title_line"] as? Int { title.tally(r.header.title?.line == tl, "\(file): title line \(String(describing: r.header.title?.line))") }
            let want = (e["recipient"] as? String).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ":：")) }
            let got = r.header.recipient?.text.trimmingCharacters(in: CharacterSet(charactersIn: ":："))
            recipient.tally(want == got, "\(file): recipient \(got ?? "nil")")
            var present = Set<String>()
            for h in e["headings"] as? [[String: Any]] ?? [] {
                let line = h["line"] as! Int
                let heading = r.headings.first { $0.line == line }
                let covered = Set((heading?.parts ?? []) + (heading?.mergedParts ?? []))
                for p in h["parts"] as? [String] ?? [] {
                    present.insert(p)
                    parts.tally(covered.contains(p), "\(file): line \(line) not \(p)")
                }
            }
            for p in present.sorted() {
                let bad = diags.contains { $0.rule == "missing-part" && $0.severity == .error && $0.message.contains(words[p]!) }
                notError.tally(!bad, "\(file): error-level missing-part for \(p)")
            }
        }
        let all = [("year", year, 51), ("unit", unit, 46), ("title", title, 27), ("recipient", recipient, 51),
                   ("heading parts", parts, 68), ("present part not an error", notError, 62)]
        for (name, s, floor) in all {
            XCTAssertGreaterThanOrEqual(s.hits, floor, "\(name) \(s.hits)/\(s.total): \(s.misses)")
        }
        // Every present part, without exception: an error-level "缺少必备部分" for a part that is there is the
        // worst thing the checker can say.
        XCTAssertEqual(notError.hits, notError.total, "\(notError.misses)")
    }
}
