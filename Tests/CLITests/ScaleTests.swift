import FazhiJSON
import Foundation
import XCTest

/// Large inputs through the command line: the size limit, long lines, many findings, many files.
/// (Speed is measured with `fazhi bench` and Scripts/scale_inputs.py, never asserted here.)
final class ScaleTests: XCTestCase {
    let example = "Examples/云溪镇2024年度法治政府建设情况报告.txt"
    /// `FileLoader.maxTextSize`, as documented in README.md.
    let limit = 64 << 20

    func tempDir(_ tag: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-\(tag)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func exampleText() throws -> String {
        try String(contentsOf: Fazhi.packageRoot.appendingPathComponent(example), encoding: .utf8)
    }

    func testAFileOverTheLimitIsRefusedWithOneMessageByEveryCommand() throws {
        let dir = try tempDir("big")
        let big = dir.appendingPathComponent("大文件.txt")
        // Sparse: the size is what is refused, before anything is read.
        FileManager.default.createFile(atPath: big.path, contents: Data("一、".utf8))
        let h = try FileHandle(forWritingTo: big)
        try h.truncate(atOffset: UInt64(limit + 1))
        try h.close()
        for args in [["lint", big.path], ["lint", "--format", "json", big.path], ["outline", big.path], ["text", big.path],
                     ["fix", "--dry-run", big.path]] {
            let r = try Fazhi.run(args)
            XCTAssertEqual(r.code, 2, "\(args)")
            XCTAssertTrue(r.err.contains("大文件.txt：文件过大（64 MB），fazhi 只检查不超过 64 MB 的报告"), "\(args): \(r.err)")
            XCTAssertFalse(r.out.contains("[numbering"), "\(args)")
        }
        // At the limit exactly, the file is read: here it is refused for what it holds (zeros), not its size.
        let h2 = try FileHandle(forWritingTo: big)
        try h2.truncate(atOffset: UInt64(limit))
        try h2.close()
        let atLimit = try Fazhi.run(["lint", big.path])
        XCTAssertFalse(atLimit.err.contains("文件过大"), atLimit.err)
        XCTAssertTrue(atLimit.err.contains("空字节"), atLimit.err)
    }

    func testStandardInputOverTheLimitIsRefused() throws {
        let p = Process()
        p.executableURL = Fazhi.binary
        p.arguments = ["lint", "--stdin-filename", "管道.txt", "-"]
        let inp = Pipe(), out = Pipe(), err = Pipe()
        p.standardInput = inp
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Exactly one byte more than the limit: the reader stops there, so the write never blocks.
        let chunk = Data(repeating: 0x61, count: 1 << 20)
        for _ in 0..<(limit >> 20) { inp.fileHandleForWriting.write(chunk) }
        inp.fileHandleForWriting.write(Data([0x0A]))
        try inp.fileHandleForWriting.close()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 2)
        XCTAssertTrue(e.contains("管道.txt：文件过大（超过 64 MB）"), e)
    }

    /// A report flattened into one line far longer than the long-line index's stride: every JSON range
    /// and every text column is the count a reader would make from the start of the line.
    func testPositionsInAVeryLongLineAreExact() throws {
        let dir = try tempDir("long")
        let one = try exampleText().replacingOccurrences(of: "\n", with: "")
        let text = String(repeating: one, count: 12) + "\n末行😀，半角,逗号\n"
        let file = dir.appendingPathComponent("一行.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        XCTAssertGreaterThan(lines[0].utf8.count, 16_000)
        let r = try Fazhi.run(["lint", "--format", "json", file.path])
        let diags = try XCTUnwrap(JSON.parse(r.out)["files"]?[0]?["diagnostics"]?.arrayValue)
        XCTAssertGreaterThan(diags.count, 50)
        let text2 = try Fazhi.run(["lint", "--no-summary", file.path]).out.split(separator: "\n")
        XCTAssertEqual(text2.count, diags.count)
        var checked = 0
        for (d, t) in zip(diags, text2) {
            let start = try XCTUnwrap(d["range"]?["start"])
            let line = try XCTUnwrap(start["line"]?.intValue), ch = try XCTUnwrap(start["character"]?.intValue)
            // The rule's message quotes what it found; the text at the JSON position must be what the
            // text output's column (in characters) points at.
            let u16 = Array(lines[line].utf16)
            XCTAssertLessThanOrEqual(ch, u16.count)
            let prefix = String(decoding: u16[..<ch], as: UTF16.self)
            let col = prefix.unicodeScalars.count + 1
            XCTAssertTrue(t.hasPrefix("\(file.path):\(line + 1):\(col): "), "\(t) vs \(line):\(ch)")
            checked += 1
        }
        XCTAssertEqual(checked, diags.count)
        // The half-width comma on the last line, after an astral character: column 4 in UTF-16 (😀 is two units).
        let comma = diags.first { $0["rule"]?.stringValue == "halfwidth-punctuation" && $0["range"]?["start"]?["line"]?.intValue == 1 }
        XCTAssertEqual(comma?["range"]?["start"]?["character"]?.intValue, 7)
    }

    /// Results are written file by file as they are ready, yet in the order the files were given, whatever
    /// order the workers finish in (a large file first, small ones after it).
    func testAFolderIsReportedInOrderWhateverFinishesFirst() throws {
        let dir = try tempDir("order")
        let src = try exampleText()
        var names: [String] = []
        for i in 0..<14 {
            let name = String(format: "%02d.txt", i)
            // File 00 is large (slow); the others small, some clean.
            let body = i == 0 ? String(repeating: src, count: 400) : (i % 3 == 0 ? "无标题\n" : src)
            try body.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
            names.append(dir.appendingPathComponent(name).path)
        }
        let j = try JSON.parse(try Fazhi.run(["lint", "--format", "json", dir.path]).out)
        let files = try XCTUnwrap(j["files"]?.arrayValue)
        XCTAssertEqual(files.map { $0["path"]?.stringValue ?? "" }, names)
        let total = files.reduce(0) { $0 + ($1["diagnostics"]?.arrayValue?.count ?? 0) }
        let summed = ["error", "warning", "info", "hint"].reduce(0) { $0 + (j["summary"]?[$1]?.intValue ?? 0) }
        XCTAssertEqual(total, summed)
        XCTAssertEqual(j["summary"]?["files"]?.intValue, 14)
        // Text: each file's findings together, files in order, then the table listing them in order.
        let text = try Fazhi.run(["lint", dir.path]).out
        var lastIndex = -1
        for line in text.split(separator: "\n") where line.hasPrefix(dir.path) && line.contains(": ") {
            let name = String(line.dropFirst(dir.path.count + 1).prefix(6))
            let index = try XCTUnwrap(names.firstIndex(of: dir.path + "/" + name), String(line))
            XCTAssertGreaterThanOrEqual(index, lastIndex)
            lastIndex = index
        }
        XCTAssertEqual(lastIndex, 13)
        XCTAssertTrue(text.contains("合计（14份）"))
        // SARIF: as many results as JSON findings, in a document that parses.
        let s = try JSON.parse(try Fazhi.run(["lint", "--format", "sarif", dir.path]).out)
        XCTAssertEqual(s["runs"]?[0]?["results"]?.arrayValue?.count, total)
    }

    func testSARIFWithoutFindingsIsAWholeDocument() throws {
        let dir = try tempDir("sarif")
        let file = dir.appendingPathComponent("空.txt")
        try "".write(to: file, atomically: true, encoding: .utf8)
        let r = try Fazhi.run(["lint", "--format", "sarif", file.path])
        let s = try JSON.parse(r.out)
        XCTAssertEqual(s["runs"]?[0]?["results"]?.arrayValue?.count, 0)
        XCTAssertFalse(s["runs"]?[0]?["tool"]?["driver"]?["rules"]?.arrayValue?.isEmpty ?? true)
    }
}
