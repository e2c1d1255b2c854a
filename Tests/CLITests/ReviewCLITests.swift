import FazhiJSON
import Foundation
import XCTest

/// `fazhi review` as the county office runs it, on the fixture reports of FazhiReviewTests.
final class ReviewCLITests: XCTestCase {
    let fixtures = Fazhi.packageRoot.appendingPathComponent("Tests/FazhiReviewTests/Fixtures")
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func testWritesTheSheetAndSaysWhat() throws {
        let out = tmp.appendingPathComponent("审核.html")
        let r = try Fazhi.run(["review", fixtures.appendingPathComponent("2024").path, "--previous", fixtures.appendingPathComponent("2023").path, "-o", out.path])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.err.contains("已生成"), r.err)
        XCTAssertTrue(r.err.contains("5 份报告，2 份缺少必备部分，1 份逾期，2 份有雷同段落"), r.err)
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertEqual(html.components(separatedBy: "<tr id=\"m-").count - 1, 5, "five matrix rows")
        XCTAssertTrue(html.contains("安排照搬上年"))
        // Without -o the HTML goes to 审核.html in the current folder.
        let r2 = try Fazhi.run(["review", fixtures.appendingPathComponent("2024").path, "--quiet"], cwd: tmp)
        XCTAssertEqual(r2.code, 0, r2.err)
        XCTAssertEqual(r2.err, "")
        XCTAssertTrue(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("审核.html").path))
    }

    func testReplacesAnEarlierSheetButNeverAnythingElse() throws {
        let out = tmp.appendingPathComponent("审核.html")
        XCTAssertEqual(try Fazhi.run(["review", fixtures.appendingPathComponent("2024").path, "-o", out.path]).code, 0)
        XCTAssertEqual(try Fazhi.run(["review", fixtures.appendingPathComponent("2024").path, "-o", out.path, "--deadline", "03-01"]).code, 0)
        XCTAssertTrue(try String(contentsOf: out, encoding: .utf8).contains("次年3月1日前"), "replaced by the new sheet")
        // A report (or any other file) under the chosen name stays as it was.
        let report = tmp.appendingPathComponent("报告.txt")
        let original = "××镇2024年度法治政府建设情况报告\n正文。\n"
        try original.write(to: report, atomically: true, encoding: .utf8)
        let r = try Fazhi.run(["review", fixtures.appendingPathComponent("2024").path, "-o", report.path])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("不是 fazhi 生成的审核表，未覆盖"), r.err)
        XCTAssertEqual(try String(contentsOf: report, encoding: .utf8), original)
        let mine = tmp.appendingPathComponent("mine.html")
        try "<!DOCTYPE html><p>my notes</p>".write(to: mine, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Fazhi.run(["review", fixtures.appendingPathComponent("2024").path, "-o", mine.path]).code, 2)
        XCTAssertEqual(try String(contentsOf: mine, encoding: .utf8), "<!DOCTYPE html><p>my notes</p>")
    }

    func testJSONAndCSVGoToStandardOutput() throws {
        let j = try Fazhi.run(["review", "--format", "json", fixtures.appendingPathComponent("2024").path])
        XCTAssertEqual(j.code, 0, j.err)
        let json = try JSON.parse(j.out)
        XCTAssertEqual(json["version"]?.intValue, 1)
        XCTAssertEqual(json["reports"]?.arrayValue?.count, 5)
        XCTAssertTrue(json["generator"]?.stringValue?.hasPrefix("fazhi ") == true)
        let c = try Fazhi.run(["review", "--format", "csv", fixtures.appendingPathComponent("2024").path])
        XCTAssertEqual(c.code, 0, c.err)
        XCTAssertTrue(c.out.hasPrefix("\u{FEFF}序号,"))
        XCTAssertEqual(c.out.components(separatedBy: "\r\n").count, 7)
        // The format follows the output's extension when not given.
        let csv = tmp.appendingPathComponent("矩阵.csv")
        XCTAssertEqual(try Fazhi.run(["review", fixtures.appendingPathComponent("2024").path, "-o", csv.path, "--quiet"]).code, 0)
        let bytes = try Data(contentsOf: csv)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark for Excel")
    }

    func testSkippedAndUnreadableFilesAreListedNotFatal() throws {
        let dir = tmp.appendingPathComponent("报告")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("2024/云溪镇.txt"), to: dir.appendingPathComponent("云溪镇.txt"))
        try Data("%PDF-1.4\n".utf8).write(to: dir.appendingPathComponent("石桥镇.pdf"))
        try Data([0xD6, 0xD0, 0xFF, 0xFE, 0x41, 0x0A]).write(to: dir.appendingPathComponent("坏.txt"))
        let r = try Fazhi.run(["review", "--format", "json", dir.path])
        XCTAssertEqual(r.code, 2, "an unreadable file is an error")
        let json = try JSON.parse(r.out)
        XCTAssertEqual(json["reports"]?.arrayValue?.count, 1)
        XCTAssertEqual(json["skipped"]?.arrayValue?.compactMap(\.stringValue).map { ($0 as NSString).lastPathComponent }, ["石桥镇.pdf"])
        XCTAssertEqual(json["unreadable"]?.arrayValue?.count, 1)
        XCTAssertTrue(r.err.contains("坏.txt"), r.err)
    }

    func testBadUsageIsExplained() throws {
        let bad = try Fazhi.run(["review", fixtures.path, "--deadline", "13-40"])
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.err.contains("--deadline 应为“月-日”"), bad.err)
        XCTAssertEqual(try Fazhi.run(["review"]).code, 2)
        XCTAssertEqual(try Fazhi.run(["review", "--format", "xml", fixtures.path]).code, 2)
        let empty = tmp.appendingPathComponent("空")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try Fazhi.run(["review", empty.path, "-o", tmp.appendingPathComponent("x.html").path])
        XCTAssertEqual(none.code, 2)
        XCTAssertTrue(none.err.contains("没有找到可检查的报告"), none.err)
        XCTAssertTrue(try Fazhi.run(["--help"]).out.contains("review"))
    }

    func testAnEarlierYearInsideTheFolderIsComparedNotReviewed() throws {
        let r = try Fazhi.run(["review", "--format", "json", fixtures.path, "--previous", fixtures.appendingPathComponent("2023").path])
        XCTAssertEqual(r.code, 0, r.err)
        let json = try JSON.parse(r.out)
        XCTAssertEqual(json["reports"]?.arrayValue?.count, 5)
        XCTAssertEqual(json["previous"]?.arrayValue?.count, 1)
        XCTAssertEqual(json["summary"]?["planRepeats"]?.intValue, 1)
    }
}
