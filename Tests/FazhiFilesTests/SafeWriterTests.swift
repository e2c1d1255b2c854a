@testable import FazhiFiles
import Foundation
import XCTest

final class SafeWriterTests: XCTestCase {
    var isRoot: Bool { geteuid() == 0 }

    func testReplaceKeepsModeAndLeavesNoTemporaryFile() throws {
        let dir = try makeTempDir("replace")
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("报告.txt")
        try write(Array("旧内容\n".utf8), f)
        chmod(f.path, 0o640)
        let loaded = try FileLoader.load(path: f.path)
        try SafeWriter.replace(path: f.path, with: Array("新内容\n".utf8), expecting: XCTUnwrap(loaded.snapshot))
        XCTAssertEqual(try read(f), Array("新内容\n".utf8))
        let attrs = try FileManager.default.attributesOfItem(atPath: f.path)
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o640)
        XCTAssertEqual(leftovers(dir), [])
    }

    func testSymlinkTargetIsWrittenAndTheLinkKept() throws {
        let dir = try makeTempDir("symlink")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("real"), withIntermediateDirectories: true)
        let target = dir.appendingPathComponent("real/r.txt"), link = dir.appendingPathComponent("link.txt")
        try write(Array("一\n".utf8), target)
        chmod(target.path, 0o600)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real/r.txt")
        let loaded = try FileLoader.load(path: link.path)
        try SafeWriter.replace(path: link.path, with: Array("二\n".utf8), expecting: XCTUnwrap(loaded.snapshot))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "real/r.txt")
        XCTAssertEqual(try read(target), Array("二\n".utf8))
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(leftovers(dir), [])
        XCTAssertEqual(leftovers(dir.appendingPathComponent("real")), [])
    }

    func testAFileChangedSinceItWasReadIsNotOverwritten() throws {
        let dir = try makeTempDir("stale")
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("r.txt")
        try write(Array("第一行\n".utf8), f)
        let loaded = try FileLoader.load(path: f.path)
        // Someone appends a line after we read the file.
        let h = try FileHandle(forWritingTo: f)
        h.seekToEndOfFile()
        h.write(Data("同事加的一行\n".utf8))
        try h.close()
        XCTAssertThrowsError(try SafeWriter.replace(path: f.path, with: Array("修复后\n".utf8), expecting: XCTUnwrap(loaded.snapshot))) { e in
            guard case .changedSinceRead = (e as? FileError)?.kind else { return XCTFail("\(e)") }
            XCTAssertTrue("\(e)".contains("读取之后文件已被改动"), "\(e)")
        }
        XCTAssertEqual(try read(f), Array("第一行\n同事加的一行\n".utf8))
        XCTAssertEqual(leftovers(dir), [])
    }

    func testAChangeAtTheLastMomentIsDetectedAndSurvives() throws {
        let dir = try makeTempDir("race")
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("r.txt")
        let original = Array("全文。\n".utf8)
        try write(original, f)
        let loaded = try FileLoader.load(path: f.path)
        // Same size, different content: only the hash can tell (mtime may not move within a tick).
        let concurrent = Array("全字。\n".utf8)
        XCTAssertEqual(concurrent.count, original.count)
        XCTAssertThrowsError(try SafeWriter.replace(path: f.path, with: Array("修复。\n".utf8), expecting: XCTUnwrap(loaded.snapshot)) {
            let fd = open(f.path, O_WRONLY)
            _ = concurrent.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }) { e in
            guard case .changedSinceRead(let what) = (e as? FileError)?.kind else { return XCTFail("\(e)") }
            XCTAssertTrue(what.contains("内容不同"), what)
        }
        XCTAssertEqual(try read(f), concurrent)
        XCTAssertEqual(leftovers(dir), [])
    }

    func testOwnerIsKeptWhenRunningAsRoot() throws {
        try XCTSkipUnless(isRoot, "changing a file's owner needs root")
        let dir = try makeTempDir("owner")
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("r.txt")
        try write(Array("甲\n".utf8), f)
        XCTAssertEqual(chown(f.path, 65534, 65534), 0)
        chmod(f.path, 0o664)
        let loaded = try FileLoader.load(path: f.path)
        try SafeWriter.replace(path: f.path, with: Array("乙\n".utf8), expecting: XCTUnwrap(loaded.snapshot))
        let attrs = try FileManager.default.attributesOfItem(atPath: f.path)
        XCTAssertEqual((attrs[.ownerAccountID] as? NSNumber)?.intValue, 65534)
        XCTAssertEqual((attrs[.groupOwnerAccountID] as? NSNumber)?.intValue, 65534)
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o664)
    }

    func testHardLinkedFilesAreRefused() throws {
        let dir = try makeTempDir("hardlink")
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("r.txt")
        try write(Array("甲\n".utf8), f)
        XCTAssertEqual(link(f.path, dir.appendingPathComponent("other.txt").path), 0)
        let loaded = try FileLoader.load(path: f.path)
        XCTAssertThrowsError(try SafeWriter.replace(path: f.path, with: Array("乙\n".utf8), expecting: XCTUnwrap(loaded.snapshot))) { e in
            XCTAssertEqual((e as? FileError)?.kind, .hardLinks(2))
        }
        XCTAssertEqual(try read(f), Array("甲\n".utf8))
    }

    func testCreateNeverReplaces() throws {
        let dir = try makeTempDir("create")
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent(".fazhi.json")
        try SafeWriter.create(path: f.path, with: Array("{}\n".utf8))
        XCTAssertEqual(try read(f), Array("{}\n".utf8))
        XCTAssertThrowsError(try SafeWriter.create(path: f.path, with: Array("{\"x\":1}\n".utf8))) { e in
            XCTAssertEqual((e as? FileError)?.kind, .alreadyExists)
        }
        XCTAssertEqual(try read(f), Array("{}\n".utf8))
        XCTAssertEqual(leftovers(dir), [])
    }

    func testWriteErrorInAReadOnlyFolderLeavesTheOriginal() throws {
        try XCTSkipIf(isRoot, "root may write into a read-only folder")
        let dir = try makeTempDir("readonly")
        defer { chmod(dir.path, 0o755); try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("r.txt")
        try write(Array("甲\n".utf8), f)
        let loaded = try FileLoader.load(path: f.path)
        chmod(dir.path, 0o555)
        XCTAssertThrowsError(try SafeWriter.replace(path: f.path, with: Array("乙\n".utf8), expecting: XCTUnwrap(loaded.snapshot))) { e in
            guard case .writeFailed(let errno) = (e as? FileError)?.kind else { return XCTFail("\(e)") }
            XCTAssertEqual(errno.code, EACCES)
            XCTAssertTrue("\(e)".contains("原文件未改动"), "\(e)")
        }
        XCTAssertEqual(try read(f), Array("甲\n".utf8))
    }

    func testBoundedReadRefusesLargeFilesWithoutReadingThem() throws {
        let dir = try makeTempDir("bounded")
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("big.json")
        XCTAssertTrue(FileManager.default.createFile(atPath: f.path, contents: nil))
        let h = try FileHandle(forWritingTo: f)
        try h.truncate(atOffset: 300 << 20)  // sparse: 300 MB that cost nothing to create
        try h.close()
        XCTAssertThrowsError(try BoundedFile.read(path: f.path, limit: 1 << 20)) { e in
            XCTAssertEqual((e as? FileError)?.kind, .tooLarge(size: 300 << 20, limit: 1 << 20))
            XCTAssertTrue("\(e)".contains("300 MB"), "\(e)")
        }
        try write(Array("{}".utf8), f)
        XCTAssertEqual(try BoundedFile.read(path: f.path, limit: 1 << 20).bytes, Array("{}".utf8))
    }

    func testTrustOfFilesOthersCouldHavePlanted() throws {
        let dir = try makeTempDir("trust")
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent(".fazhi.json")
        try write(Array("{}".utf8), f)
        chmod(dir.path, 0o777)
        XCTAssertNil(FileTrust.distrust(path: f.path), "our own file in a shared folder")
        try XCTSkipUnless(isRoot, "a file owned by someone else needs root to create")
        XCTAssertEqual(chown(f.path, 65534, 65534), 0)
        let why = try XCTUnwrap(FileTrust.distrust(path: f.path))
        XCTAssertTrue(why.contains("任何人都可写入"), why)
        chmod(dir.path, 0o755)
        XCTAssertNil(FileTrust.distrust(path: f.path), "someone else's file in a folder only its owner can write")
        chmod(f.path, 0o666)
        XCTAssertNotNil(FileTrust.distrust(path: f.path), "a file anyone can change")
    }
}
