import FazhiParser
import FazhiText
import Foundation
import XCTest

/// Parses the real published reports in ../shared/corpus and checks the structure a reviewer sees.
/// Skipped when the corpus is not beside the project.
final class CorpusTests: XCTestCase {
    struct Expected {
        var file: String
        var year: Int
        var unit: String
        var unitKind: UnitKind
        var titleLine: Int
        var recipient: String?
        /// Top-level headings: marker, parts, number of children.
        var top: [(String, [String], Int)]
    }

    static let expected: [Expected] = [
        Expected(file: "000_d50d2f9022e165ef.txt", year: 2023, unit: "重庆市万州区罗田镇", unitKind: .town, titleLine: 2, recipient: "区委、区政府",
                 top: [("一、", ["measures"], 6), ("二、", ["leadership"], 2), ("三、", ["shortcomings"], 3), ("四、", ["plans"], 5)]),
        Expected(file: "001_68665389685953dc.txt", year: 2023, unit: "沁县松村镇", unitKind: .town, titleLine: 3, recipient: "县委、县政府",
                 top: [("一、", ["measures"], 4), ("二、", ["shortcomings"], 0), ("三、", ["leadership"], 3), ("四、", [], 0),
                       ("五、", ["plans"], 3), ("六、", [], 4), ("七、", ["other"], 0)]),
        Expected(file: "002_a9c7216add76d17d.txt", year: 2022, unit: "城口县北屏乡", unitKind: .township, titleLine: 0, recipient: nil,
                 top: [("一、", ["measures"], 5), ("二、", ["shortcomings"], 2), ("三、", ["plans"], 0)]),
    ]

    static var corpusDir: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/corpus").standardizedFileURL
    }

    func testCorpusOutlines() throws {
        guard FileManager.default.fileExists(atPath: Self.corpusDir.path) else { throw XCTSkip("../shared/corpus not present") }
        for e in Self.expected {
            let url = Self.corpusDir.appendingPathComponent(e.file)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw XCTSkip("\(e.file) missing") }
            let r = ReportParser().parse(SourceText(bytes: [UInt8](data)))
            XCTAssertEqual(r.year, e.year, e.file)
            XCTAssertEqual(r.unit?.name, e.unit, e.file)
            XCTAssertEqual(r.unit?.kind, e.unitKind, e.file)
            XCTAssertEqual(r.header.title?.line, e.titleLine, e.file)
            XCTAssertTrue(r.header.title?.text.hasSuffix("报告") ?? false, e.file)
            XCTAssertEqual(r.header.recipient?.text, e.recipient, e.file)
            let top = r.roots.map { r.headings[$0] }
            XCTAssertEqual(top.map(\.marker), e.top.map(\.0), e.file)
            XCTAssertEqual(top.map(\.parts), e.top.map(\.1), e.file)
            XCTAssertEqual(top.map(\.children.count), e.top.map(\.2), e.file)
            // Enumerations are never headings.
            XCTAssertTrue(r.headings.allSatisfy { !$0.text.hasPrefix("是") }, e.file)
        }
    }

    func testEveryCorpusFileParsesWithRangesInBounds() throws {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: Self.corpusDir.path) else { throw XCTSkip("no corpus") }
        for f in files where f.hasSuffix(".txt") {
            let data = FileManager.default.contents(atPath: Self.corpusDir.appendingPathComponent(f).path)!
            let r = ReportParser().parse(SourceText(bytes: [UInt8](data)))
            XCTAssertFalse(r.headings.isEmpty, f)
            for h in r.headings {
                XCTAssertTrue(h.sectionRange.end <= r.source.count && h.textRange.start >= h.lineRange.start, f)
            }
        }
    }
}
