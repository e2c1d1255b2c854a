import FazhiLinter
import FazhiParser
@testable import FazhiReview
import FazhiText
import Foundation

/// The fixture reports (invented units, written for these tests) and helpers that read them as
/// `fazhi review` does: parse, lint, build the entry and the copy document.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ relative: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)) ?? ""
    }

    /// The .txt files of a fixture folder, sorted.
    static func files(_ folder: String) -> [String] {
        let dir = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { "\(folder)/\($0)" }
    }

    static func report(_ text: String) -> (Report, [Diagnostic]) { Linter().lint(SourceText(text)) }

    static func entry(_ path: String, _ text: String, deadline: Deadline = .publication) -> ReviewEntry {
        let (r, d) = report(text)
        return ReviewEntry(path: path, report: r, diagnostics: d, deadline: deadline)
    }

    static func document(_ text: String, previous: Bool = false, parameters: CopyParameters = .default,
                         boilerplate: Boilerplate = .standard(k: CopyParameters.default.k)) -> CopyDocument {
        CopyDocument(report: report(text).0, isPrevious: previous, parameters: parameters, boilerplate: boilerplate)
    }

    /// The sheet of a fixture folder, optionally against an earlier one.
    static func sheet(_ folder: String = "2024", previous: String? = nil, extra: [(String, String)] = [],
                      deadline: Deadline = .publication) -> ReviewSheet {
        var items = files(folder).map { ($0, text($0)) } + extra
        items.sort { $0.0 < $1.0 }
        let entries = items.map { entry($0.0, $0.1, deadline: deadline) }
        let docs = items.map { document($0.1) }
        let earlier = previous.map { f in
            files(f).map { p -> (report: OtherReport, document: CopyDocument) in
                let r = report(text(p)).0
                return (OtherReport(path: p, unit: r.unit?.name, year: r.year, isPrevious: true), document(text(p), previous: true))
            }
        } ?? []
        return ReviewSheet.build(entries: entries, documents: docs, previous: earlier, deadline: deadline)
    }
}
