import FazhiJSON
import Foundation
import XCTest

/// Files as drafters have them: encodings, safe writes, dry-run diffs, and which configuration applies.
final class FilesTests: XCTestCase {
    let example = "Examples/云溪镇2024年度法治政府建设情况报告.txt"
    var isRoot: Bool { geteuid() == 0 }

    func tempDir(_ tag: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-\(tag)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func exampleText() throws -> String {
        try String(contentsOf: Fazhi.packageRoot.appendingPathComponent(example), encoding: .utf8)
    }

    /// Runs a shell script; `$FAZHI` is the binary under test.
    func shell(_ script: String, cwd: URL) throws -> (code: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        p.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        env["FAZHI"] = Fazhi.binary.path
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    // MARK: Encodings

    /// The encodings a township office produces, made with encoders other than Fazhi's (the standard
    /// library for UTF-16; Python or the iconv program for GB18030).
    func encodings(_ text: String) -> [(name: String, encode: (String) -> [UInt8]?)] {
        func utf16(_ s: String, big: Bool) -> [UInt8] {
            var out: [UInt8] = big ? [0xFE, 0xFF] : [0xFF, 0xFE]
            for u in s.utf16 { out += big ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
            return out
        }
        return [
            ("UTF-8", { Array($0.utf8) }),
            ("UTF-8+BOM", { [0xEF, 0xBB, 0xBF] + Array($0.utf8) }),
            ("UTF-16LE+BOM", { utf16($0, big: false) }),
            ("UTF-16BE+BOM", { utf16($0, big: true) }),
            ("GB18030", { externalGB18030($0) }),
        ]
    }

    func findings(_ path: String, cwd: URL) throws -> [String] {
        let r = try Fazhi.run(["lint", "--format", "json", path], cwd: cwd)
        XCTAssertEqual(r.code, 1, r.err)
        let j = try JSON.parse(r.out)
        return (j["files"]?[0]?["diagnostics"]?.arrayValue ?? []).map { d in
            let s = d["range"]?["start"], e = d["range"]?["end"]
            return "\(d["rule"]?.stringValue ?? "") \(s?["line"]?.intValue ?? -1):\(s?["character"]?.intValue ?? -1)-\(e?["line"]?.intValue ?? -1):\(e?["character"]?.intValue ?? -1)"
        }
    }

    func testEveryEncodingLintsAndFixesLikeItsUTF8Twin() throws {
        let dir = try tempDir("encodings")
        defer { try? FileManager.default.removeItem(at: dir) }
        let twin = try exampleText()
        try Data(twin.utf8).write(to: dir.appendingPathComponent("twin.txt"))
        let expected = try findings("twin.txt", cwd: dir)
        XCTAssertGreaterThan(expected.count, 10)
        XCTAssertEqual(try Fazhi.run(["fix", "twin.txt"], cwd: dir).code, 0)
        let fixedTwin = try String(contentsOf: dir.appendingPathComponent("twin.txt"), encoding: .utf8)
        XCTAssertNotEqual(fixedTwin, twin, "the example has fixable defects")
        var tested = 0
        for (name, encode) in encodings(twin) {
            guard let bytes = encode(twin), let fixedBytes = encode(fixedTwin) else { continue }
            let file = "report-\(tested).txt"
            try Data(bytes).write(to: dir.appendingPathComponent(file))
            XCTAssertEqual(try findings(file, cwd: dir), expected, name)
            let text = try Fazhi.run(["lint", "--no-summary", file], cwd: dir)
            let plain = try Fazhi.run(["lint", "--no-summary", "twin-copy.txt"], cwd: dir, prepare: { try Data(twin.utf8).write(to: dir.appendingPathComponent("twin-copy.txt")) })
            XCTAssertEqual(text.out.replacingOccurrences(of: file, with: "F"), plain.out.replacingOccurrences(of: "twin-copy.txt", with: "F"), name)
            let fix = try Fazhi.run(["fix", file], cwd: dir)
            XCTAssertEqual(fix.code, 0, "\(name): \(fix.err)")
            XCTAssertEqual([UInt8](try Data(contentsOf: dir.appendingPathComponent(file))), fixedBytes, "\(name): fixed bytes")
            tested += 1
        }
        XCTAssertGreaterThanOrEqual(tested, 4)
    }

    func testUndecodableAndBinaryFilesAreRefusedAndUnchanged() throws {
        let dir = try tempDir("refused")
        defer { try? FileManager.default.removeItem(at: dir) }
        let twin = try exampleText()
        guard var gb = externalGB18030(twin) else { throw XCTSkip("no GB18030 encoder (python3 or iconv)") }
        // Break one GB18030 sequence: a lead byte followed by a byte that can never trail it.
        let at = gb.firstIndex { $0 >= 0x81 } ?? 0
        gb[at + 1] = 0x7F
        gb.insert(0xFF, at: at + 1)
        try Data(gb).write(to: dir.appendingPathComponent("坏编码.txt"))
        let lint = try Fazhi.run(["lint", "坏编码.txt"], cwd: dir)
        XCTAssertEqual(lint.code, 2)
        XCTAssertEqual(lint.out, "", "no findings from a file that was not read")
        XCTAssertEqual(lint.err.components(separatedBy: "\n").filter { !$0.isEmpty }.count, 1, lint.err)
        XCTAssertTrue(lint.err.hasPrefix("fazhi: 坏编码.txt：无法确定文件编码"), lint.err)
        XCTAssertTrue(lint.err.contains("第 \(at + 1) 字节处不是有效的 GB18030 编码（0x\(String(gb[at], radix: 16, uppercase: true)) 0xFF"), lint.err)
        let fix = try Fazhi.run(["fix", "坏编码.txt"], cwd: dir)
        XCTAssertEqual(fix.code, 2)
        XCTAssertEqual([UInt8](try Data(contentsOf: dir.appendingPathComponent("坏编码.txt"))), gb)
        XCTAssertEqual(try Fazhi.run(["outline", "坏编码.txt"], cwd: dir).code, 2)
        // From standard input too: nothing is repaired silently.
        let stdin = try shell("printf 'abc\\200def' | \"$FAZHI\" lint --stdin-filename 草稿.txt -", cwd: dir)
        XCTAssertEqual(stdin.code, 2)
        XCTAssertTrue(stdin.err.contains("草稿.txt：无法确定文件编码"), stdin.err)
        // Binary: a NUL without a UTF-16 BOM.
        try Data([0x41, 0x42, 0x43, 0x44, 0x45, 0x00, 0x01, 0x02]).write(to: dir.appendingPathComponent("数据.txt"))
        let bin = try Fazhi.run(["lint", "数据.txt"], cwd: dir)
        XCTAssertEqual(bin.code, 2)
        XCTAssertTrue(bin.err.contains("数据.txt：第 6 字节是空字节"), bin.err)
        // A PDF saved under a .txt name is named for what it is.
        try Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x00, 0x01, 0x02]).write(to: dir.appendingPathComponent("扫描件.txt"))
        let pdf = try Fazhi.run(["lint", "扫描件.txt"], cwd: dir)
        XCTAssertEqual(pdf.code, 2)
        XCTAssertTrue(pdf.err.contains("扫描件.txt：PDF 文件不是纯文本或 .docx 文件"), pdf.err)
    }

    // MARK: Safe writes

    func testFixKeepsSymlinkAndMode() throws {
        let dir = try tempDir("fix-link")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("store"), withIntermediateDirectories: true)
        let target = dir.appendingPathComponent("store/报告.txt")
        try Data(try exampleText().utf8).write(to: target)
        XCTAssertEqual(chmod(target.path, 0o640), 0)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.txt").path, withDestinationPath: "store/报告.txt")
        let r = try Fazhi.run(["fix", "link.txt"], cwd: dir)
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("link.txt").path), "store/报告.txt")
        XCTAssertTrue(try String(contentsOf: target, encoding: .utf8).contains("特此报告。"))
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? NSNumber)?.intValue, 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("store").path), ["报告.txt"])
    }

    /// RLIMIT_FSIZE in a child process: the write fails with EFBIG (fazhi ignores SIGXFSZ), the temporary
    /// file is removed and the original survives. Runs everywhere.
    func testFileSizeLimitLeavesTheOriginal() throws {
        let dir = try tempDir("efbig")
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = Data(try exampleText().utf8)
        XCTAssertGreaterThan(original.count, 1024)
        try original.write(to: dir.appendingPathComponent("r.txt"))
        // 1 block (512 bytes in sh, 1024 in bash): smaller than the report.
        let r = try shell("ulimit -f 1 && exec \"$FAZHI\" fix r.txt", cwd: dir)
        XCTAssertEqual(r.code, 2, r.err)
        XCTAssertTrue(r.err.contains("r.txt：写入失败：超过允许的文件大小"), r.err)
        XCTAssertTrue(r.err.contains("原文件未改动"), r.err)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("r.txt")), original)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["r.txt"], "no temporary file left")
    }

    /// A full disk: a 16 KB tmpfs, filled. Needs root and a working `mount` (CI runs as root).
    func testFullDiskLeavesTheOriginal() throws {
        try XCTSkipUnless(isRoot, "mounting a tmpfs needs root")
        let dir = try tempDir("enospc")
        defer {
            _ = try? shell("umount '\(dir.path)'", cwd: FileManager.default.temporaryDirectory)
            try? FileManager.default.removeItem(at: dir)
        }
        let mount = try shell("mount -t tmpfs -o size=16k fazhi-test '\(dir.path)'", cwd: FileManager.default.temporaryDirectory)
        try XCTSkipUnless(mount.code == 0, "mount failed: \(mount.err)")
        let original = Data(try exampleText().utf8)
        try original.write(to: dir.appendingPathComponent("r.txt"))
        // Fill the rest of the file system.
        _ = try shell("dd if=/dev/zero of=filler bs=1024 count=64 2>/dev/null; true", cwd: dir)
        let r = try Fazhi.run(["fix", "r.txt"], cwd: dir)
        XCTAssertEqual(r.code, 2, r.err)
        XCTAssertTrue(r.err.contains("r.txt：写入失败：磁盘空间不足"), r.err)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("r.txt")), original)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["filler", "r.txt"], "no temporary file left")
        // With space again, the same command succeeds.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("filler"))
        XCTAssertEqual(try Fazhi.run(["fix", "r.txt"], cwd: dir).code, 0)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("r.txt"), encoding: .utf8).contains("特此报告。"))
    }

    /// Run as another user (root in CI drops to nobody with setpriv): a file that user may write but
    /// does not own, in a folder it may write, cannot keep its owner after a replace → refused; in a
    /// folder it may not write, the temporary file cannot be created → refused. Both leave the original.
    func testWritesThatCannotKeepTheOwnerOrCreateTheTemporaryFileAreRefused() throws {
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try XCTSkipUnless(isRoot && setpriv != nil, "needs root and setpriv to act as another user")
        let dir = try tempDir("other-user")
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = Data(try exampleText().utf8)
        for (sub, dirMode, expected) in [("shared", 0o777, "无法保持文件原来的所有者和所属组"), ("locked", 0o755, "写入失败：没有权限")] {
            let d = dir.appendingPathComponent(sub)
            try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
            try original.write(to: d.appendingPathComponent("r.txt"))
            XCTAssertEqual(chmod(d.appendingPathComponent("r.txt").path, 0o666), 0)
            XCTAssertEqual(chmod(d.path, mode_t(dirMode)), 0)
            XCTAssertEqual(chmod(dir.path, 0o755), 0)
            let r = try shell("exec \(setpriv!) --reuid=65534 --regid=65534 --clear-groups \"$FAZHI\" fix r.txt", cwd: d)
            XCTAssertEqual(r.code, 2, "\(sub): \(r.err)")
            XCTAssertTrue(r.err.contains(expected), "\(sub): \(r.err)")
            XCTAssertEqual(try Data(contentsOf: d.appendingPathComponent("r.txt")), original, sub)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: d.path), ["r.txt"], "\(sub): no temporary file left")
        }
    }

    // MARK: Dry run

    func testDryRunDiffAppliesWithPatch() throws {
        let patch = ["/usr/bin/patch", "/bin/patch", "/opt/homebrew/bin/patch", "/usr/local/bin/patch"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try XCTSkipIf(patch == nil, "patch is not installed")
        let dir = try tempDir("dry-run")
        defer { try? FileManager.default.removeItem(at: dir) }
        let twin = try exampleText()
        // Distant defects (several hunks), no final newline, CRLF, a BOM, a name with a space.
        let filler = (1...20).map { "　　第\($0)项工作按计划推进。\n" }.joined()
        let long = twin.replacingOccurrences(of: "二、存在的不足和原因\n", with: filler + "二、存在的不足和原因\n")
        let files: [(String, [UInt8])] = [
            ("甲 报告.txt", Array(long.utf8)),
            ("乙.txt", Array(String(twin.dropLast()).utf8)),
            ("丙.txt", Array(twin.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("丁.txt", [0xEF, 0xBB, 0xBF] + Array(twin.utf8)),
        ]
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        for d in [a, b] {
            try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
            for (name, bytes) in files { try Data(bytes).write(to: d.appendingPathComponent(name)) }
        }
        let names = files.map(\.0)
        let dry = try Fazhi.run(["fix", "--dry-run"] + names, cwd: a)
        XCTAssertEqual(dry.code, 0, dry.err)
        XCTAssertFalse(dry.out.contains("（修复后）"), "no suffix on the +++ path")
        XCTAssertTrue(dry.out.contains("\\ No newline at end of file"), dry.out)
        let longHunks = dry.out.components(separatedBy: "+++ 乙.txt")[0].components(separatedBy: "\n@@ ").count - 1
        XCTAssertGreaterThanOrEqual(longHunks, 2, dry.out)
        for (name, bytes) in files { XCTAssertEqual([UInt8](try Data(contentsOf: a.appendingPathComponent(name))), bytes, "dry run wrote \(name)") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: patch!)
        p.arguments = ["-p0", "--no-backup-if-mismatch"]
        p.currentDirectoryURL = a
        let input = Pipe(), out = Pipe()
        p.standardInput = input
        p.standardOutput = out
        try p.run()
        input.fileHandleForWriting.write(Data(dry.out.utf8))
        try input.fileHandleForWriting.close()
        let log = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, log)
        XCTAssertEqual(try Fazhi.run(["fix"] + names, cwd: b).code, 0)
        for name in names {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(name)), try Data(contentsOf: b.appendingPathComponent(name)), "patch result differs from fix for \(name)")
        }
    }

    // MARK: Configuration

    func testVerboseAndFolderSummaryNameTheConfigInUse() throws {
        let dir = try tempDir("verbose")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("乙镇"), withIntermediateDirectories: true)
        try Data(try exampleText().utf8).write(to: dir.appendingPathComponent("甲镇.txt"))
        try Data(try exampleText().utf8).write(to: dir.appendingPathComponent("乙镇/报告.txt"))
        try Data("{\"rules\": {\"coverage\": \"off\"}}".utf8).write(to: dir.appendingPathComponent("乙镇/.fazhi.json"))
        let r = try Fazhi.run(["lint", "--verbose", dir.path])
        let config = dir.appendingPathComponent("乙镇/.fazhi.json").standardizedFileURL.path
        // Files come sorted (乙 before 甲), configurations in the order first used.
        XCTAssertTrue(r.err.contains("fazhi: 配置：\(config)（1 份）；默认设置（未找到 .fazhi.json，1 份）"), r.err)
        XCTAssertTrue(r.err.contains("甲镇.txt：UTF-8，LF 换行"), r.err)
        XCTAssertTrue(r.out.hasSuffix("配置：\(config)（1 份）；默认设置（未找到 .fazhi.json，1 份）\n"), r.out)
        let one = try Fazhi.run(["lint", "--verbose", dir.appendingPathComponent("甲镇.txt").path])
        XCTAssertTrue(one.err.contains("配置：默认设置"), one.err)
        XCTAssertFalse(one.out.contains("配置："), "a single file's table has no config line")
    }

    func testAPlantedConfigIsIgnoredWithAWarningUnlessNamed() throws {
        try XCTSkipUnless(isRoot, "a file owned by someone else needs root to create")
        let dir = try tempDir("planted")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("报告"), withIntermediateDirectories: true)
        try Data(try exampleText().utf8).write(to: dir.appendingPathComponent("报告/r.txt"))
        let config = dir.appendingPathComponent(".fazhi.json")
        try Data("{\"rules\": {\"missing-part\": \"off\"}}".utf8).write(to: config)
        XCTAssertEqual(chown(config.path, 65534, 65534), 0)
        XCTAssertEqual(chmod(dir.path, 0o777), 0)
        let r = try Fazhi.run(["lint", "--format", "json", dir.appendingPathComponent("报告/r.txt").path])
        XCTAssertTrue(r.err.contains("未使用配置文件 \(config.path)：所在文件夹 \(dir.path) 任何人都可写入，而该文件不属于当前用户（属于 uid 65534）；如确需使用，请用 --config 指定"), r.err)
        XCTAssertTrue(r.out.contains("\"missing-part\""), "the planted config was not applied")
        let named = try Fazhi.run(["lint", "--format", "json", "--config", config.path, dir.appendingPathComponent("报告/r.txt").path])
        XCTAssertFalse(named.err.contains("未使用配置文件"), named.err)
        XCTAssertFalse(named.out.contains("\"missing-part\""), "named explicitly, it applies")
    }

    func testUnknownProfileIsAnErrorNamingIt() throws {
        let dir = try tempDir("profile")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(try exampleText().utf8).write(to: dir.appendingPathComponent("r.txt"))
        try Data("{\"profile\": \"县里的模板\"}".utf8).write(to: dir.appendingPathComponent(".fazhi.json"))
        let r = try Fazhi.run(["lint", "r.txt"], cwd: dir)
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("报告模板“县里的模板”不存在（可用：default）"), r.err)
        XCTAssertFalse(r.out.contains("[missing-part]"), "not linted with a fallback profile")
        let fix = try Fazhi.run(["fix", "r.txt"], cwd: dir)
        XCTAssertEqual(fix.code, 2)
        XCTAssertTrue(fix.err.contains("县里的模板"), fix.err)
        let explicit = try Fazhi.run(["lint", "--config", ".fazhi.json", "r.txt"], cwd: dir)
        XCTAssertEqual(explicit.code, 2)
        XCTAssertTrue(explicit.err.contains(".fazhi.json：报告模板“县里的模板”不存在"), explicit.err)
        // A profile the file itself defines is known.
        try Data("{\"profile\": \"县里的模板\", \"profiles\": [{\"id\": \"县里的模板\", \"name\": \"县模板\", \"parts\": []}]}".utf8).write(to: dir.appendingPathComponent(".fazhi.json"))
        let defined = try Fazhi.run(["lint", "r.txt"], cwd: dir)
        XCTAssertFalse(defined.err.contains("不存在"), defined.err)
    }

    func testOversizedConfigIsRefusedWithoutReadingIt() throws {
        let dir = try tempDir("big-config")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(try exampleText().utf8).write(to: dir.appendingPathComponent("r.txt"))
        let config = dir.appendingPathComponent(".fazhi.json")
        XCTAssertTrue(FileManager.default.createFile(atPath: config.path, contents: nil))
        let h = try FileHandle(forWritingTo: config)
        try h.truncate(atOffset: 300 << 20)  // sparse: 300 MB on paper
        try h.close()
        let r = try Fazhi.run(["lint", "r.txt"], cwd: dir)
        XCTAssertEqual(r.code, 1, r.err)
        XCTAssertTrue(r.err.contains("无法使用配置文件：文件过大（300 MB，上限 1 MB）"), r.err)
        let explicit = try Fazhi.run(["lint", "--config", ".fazhi.json", "r.txt"], cwd: dir)
        XCTAssertEqual(explicit.code, 2)
        XCTAssertTrue(explicit.err.contains(".fazhi.json：无法使用配置文件：文件过大"), explicit.err)
    }
}

/// GB18030 bytes from an encoder that is not Fazhi's: Python's codec, else the iconv program.
func externalGB18030(_ text: String) -> [UInt8]? {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-gb-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    guard (try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)) != nil else { return nil }
    let input = dir.appendingPathComponent("in.txt"), output = dir.appendingPathComponent("out.bin")
    guard (try? Data(text.utf8).write(to: input)) != nil else { return nil }
    for args in [["python3", "-c", "import sys; open(sys.argv[2],'wb').write(open(sys.argv[1],'rb').read().decode('utf-8').encode('gb18030'))", input.path, output.path],
                 ["sh", "-c", "iconv -f UTF-8 -t GB18030 '\(input.path)' > '\(output.path)'"]] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { continue }
        p.waitUntilExit()
        if p.terminationStatus == 0, let d = try? Data(contentsOf: output), !d.isEmpty { return [UInt8](d) }
    }
    return nil
}
