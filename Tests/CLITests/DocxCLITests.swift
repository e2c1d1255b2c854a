import FazhiJSON
import Foundation
import XCTest

/// `.docx` through the command line: the twins of Tests/FazhiDocxTests/Fixtures, refusals, fix.
final class DocxCLITests: XCTestCase {
    static var fixtures: URL { Fazhi.packageRoot.appendingPathComponent("Tests/FazhiDocxTests/Fixtures") }
    static let twins = ["柳塘镇2024年度法治政府建设情况报告", "numbering-formats"]

    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-docx-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    func testTwinsGiveTheSameTextOutlineAndFindings() throws {
        for name in Self.twins {
            let docx = Self.fixtures.appendingPathComponent(name + ".docx").path, txt = Self.fixtures.appendingPathComponent(name + ".txt").path
            let text = try Fazhi.run(["text", docx])
            XCTAssertEqual(text.code, 0, text.err)
            XCTAssertEqual(text.out, try String(contentsOfFile: txt, encoding: .utf8))
            var outlines: [JSON] = []
            var findings: [[String]] = []
            for f in [docx, txt] {
                let o = try Fazhi.run(["outline", "--format", "json", f])
                XCTAssertEqual(o.code, 0, o.err)
                guard case .object(var obj) = try JSON.parse(o.out) else { return XCTFail("outline is not an object") }
                obj["path"] = .null
                outlines.append(.object(obj))
                let l = try JSON.parse(try Fazhi.run(["lint", "--format", "json", f]).out)
                findings.append((l["files"]?[0]?["diagnostics"]?.arrayValue ?? []).map {
                    [$0["rule"]?.stringValue ?? "", $0["severity"]?.stringValue ?? "", $0["message"]?.stringValue ?? ""].joined(separator: "|")
                })
            }
            XCTAssertEqual(outlines[0], outlines[1], name)
            XCTAssertEqual(findings[0], findings[1], name)
        }
        // The report twin has headings from Word's automatic numbering and real findings.
        let o = try JSON.parse(try Fazhi.run(["outline", "--format", "json", Self.fixtures.appendingPathComponent(Self.twins[0] + ".docx").path]).out)
        XCTAssertEqual(o["headings"]?.arrayValue?.compactMap { $0["marker"]?.stringValue }, ["一、", "二、", "三、", "四、", "五、"])
        XCTAssertEqual(o["headings"]?[0]?["children"]?[1]?["marker"]?.stringValue, "（二）")
        XCTAssertEqual(o["headings"]?[0]?["children"]?[0]?["children"]?[1]?["marker"]?.stringValue, "2.")
    }

    func testFindingsInAWordDocumentPointAtParagraphAndCharacter() throws {
        let docx = Self.fixtures.appendingPathComponent(Self.twins[0] + ".docx").path
        let r = try Fazhi.run(["lint", docx])
        XCTAssertEqual(r.code, 1, r.err)
        // "二是普法形式单一,原因是…": the half-width comma is character 32 of paragraph 24.
        XCTAssertTrue(r.out.contains("\(docx):第24段第32字: warning [halfwidth-punctuation]"), r.out)
        XCTAssertTrue(r.out.contains("    「…业能力不足，原因是培训次数偏少；二是普法形式单一,原因是新媒体运用不够。」"), r.out)
        let j = try JSON.parse(try Fazhi.run(["lint", "--format", "json", docx]).out)
        let d = try XCTUnwrap(j["files"]?[0]?["diagnostics"]?.arrayValue?.first { $0["rule"]?.stringValue == "halfwidth-punctuation" })
        XCTAssertEqual(d["paragraph"]?.intValue, 24)
        XCTAssertEqual(d["character"]?.intValue, 32)
        XCTAssertEqual(d.objectValue?.keys, ["rule", "severity", "message", "range", "fixes", "paragraph", "character"])
        let s = try JSON.parse(try Fazhi.run(["lint", "--format", "sarif", docx]).out)
        XCTAssertNotNil(s["runs"]?[0]?["results"]?[0]?["properties"]?["paragraph"]?.intValue)
    }

    func testOtherDocumentFormatsGetOneMessageAndNothingElse() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = dir.appendingPathComponent("报告.doc"), disguised = dir.appendingPathComponent("报告.txt")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)).write(to: doc)
        try Data("%PDF-1.7\n%âãÏÓ\n".utf8).write(to: disguised)
        for f in [doc, disguised] {
            for cmd in [["lint"], ["text"], ["outline"]] {
                let r = try Fazhi.run(cmd + [f.path])
                XCTAssertEqual(r.code, 2, "\(cmd) \(f.lastPathComponent)")
                XCTAssertEqual(r.out, "", "nothing on standard output")
                XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
                XCTAssertTrue(r.err.contains("不是纯文本或 .docx 文件，请另存为 .docx 或 .txt 后再检查"), r.err)
            }
        }
        // A damaged .docx is named with what is wrong.
        let broken = dir.appendingPathComponent("坏.docx")
        try Data("not a zip".utf8).write(to: broken)
        let b = try Fazhi.run(["lint", broken.path])
        XCTAssertEqual(b.code, 2)
        XCTAssertTrue(b.err.contains("不是有效的 .docx 文件"), b.err)
    }

    func testFolderRunReadsWordDocumentsAndListsSkippedFiles() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let name = Self.twins[0]
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name + ".docx"), to: dir.appendingPathComponent("a.docx"))
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name + ".txt"), to: dir.appendingPathComponent("b.txt"))
        try Data([0xD0, 0xCF, 0x11, 0xE0]).write(to: dir.appendingPathComponent("c.wps"))
        try Data("%PDF-1.4".utf8).write(to: dir.appendingPathComponent("d.pdf"))
        try Data([0x89, 0x50]).write(to: dir.appendingPathComponent("e.png"))
        let r = try Fazhi.run(["lint", dir.path])
        XCTAssertEqual(r.code, 1, r.err)
        XCTAssertTrue(r.out.contains("a.docx"), r.out)
        XCTAssertTrue(r.out.contains("合计（2份）"), r.out)
        XCTAssertTrue(r.out.contains("已跳过 2 个文件"), r.out)
        XCTAssertTrue(r.out.contains("c.wps") && r.out.contains("d.pdf") && !r.out.contains("e.png"), r.out)
        let j = try JSON.parse(try Fazhi.run(["lint", "--format", "json", dir.path]).out)
        XCTAssertEqual(j["files"]?.arrayValue?.count, 2)
    }

    func testFixNeverWritesAWordDocument() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("r.docx")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(Self.twins[0] + ".docx"), to: f)
        let before = try Data(contentsOf: f)
        for args in [["fix", f.path], ["fix", "--dry-run", f.path], ["fix", dir.path]] {
            let r = try Fazhi.run(args)
            XCTAssertEqual(r.code, 2, "\(args)")
            XCTAssertTrue(r.err.contains("不能直接修改 .docx 文件，请在 Word/WPS 中"), r.err)
            XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
            XCTAssertEqual(r.out, "")
        }
        XCTAssertEqual(try Data(contentsOf: f), before)
    }
}
