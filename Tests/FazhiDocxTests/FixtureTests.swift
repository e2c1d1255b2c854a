@testable import FazhiDocx
import Foundation
import XCTest

/// The .docx fixtures were made by python-docx (make_fixtures.py); each has a .txt twin with the text Word
/// shows, automatic numbers written out by hand in the script.
final class FixtureTests: XCTestCase {
    static let names = ["柳塘镇2024年度法治政府建设情况报告", "numbering-formats"]

    func testCommittedFixturesExtractExactlyToTheirTwins() throws {
        for name in Self.names {
            let docx = try DocxReader.read(path: Support.fixtures.appendingPathComponent(name + ".docx").path)
            let twin = try String(contentsOf: Support.fixtures.appendingPathComponent(name + ".txt"), encoding: .utf8)
            XCTAssertEqual(docx.text, twin, name)
            XCTAssertFalse(docx.text.contains("页眉"), "headers are not body text")
            XCTAssertFalse(docx.text.contains("核实"), "comments are not body text")
        }
    }

    func testFixturesRegeneratedByPythonDocxGiveTheSameText() throws {
        guard let py = Support.python(with: "docx") else { throw XCTSkip("python3-docx is not installed (apt-get install python3-docx)") }
        let dir = try Support.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try XCTUnwrap(Support.run(py, [Support.fixtures.appendingPathComponent("make_fixtures.py").path, dir.path]))
        XCTAssertEqual(r.code, 0, r.err)
        for name in Self.names {
            let committed = try String(contentsOf: Support.fixtures.appendingPathComponent(name + ".txt"), encoding: .utf8)
            let twin = try String(contentsOf: dir.appendingPathComponent(name + ".txt"), encoding: .utf8)
            XCTAssertEqual(twin, committed, "\(name).txt is stale: run make_fixtures.py")
            XCTAssertEqual(try DocxReader.read(path: dir.appendingPathComponent(name + ".docx").path).text, committed, name)
        }
    }
}
