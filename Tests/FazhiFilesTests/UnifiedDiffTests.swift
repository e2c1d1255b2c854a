@testable import FazhiFiles
import Foundation
import XCTest

final class UnifiedDiffTests: XCTestCase {
    func lines(_ n: Int) -> String { (1...n).map { "第\($0)行\n" }.joined() }

    func testDistantChangesGiveSeparateHunksWithCorrectHeaders() {
        let old = lines(30)
        let new = old.replacingOccurrences(of: "第2行\n", with: "第二行\n").replacingOccurrences(of: "第25行\n", with: "")
        let d = UnifiedDiff.make(old: Array(old.utf8), new: Array(new.utf8), path: "r.txt")
        XCTAssertTrue(d.hasPrefix("--- r.txt\n+++ r.txt\n@@ -1,5 +1,5 @@\n 第1行\n-第2行\n+第二行\n 第3行\n"), d)
        XCTAssertTrue(d.contains("@@ -22,7 +22,6 @@\n 第22行\n 第23行\n 第24行\n-第25行\n 第26行\n"), d)
        XCTAssertEqual(d.components(separatedBy: "\n@@ ").count - 1, 2, "two hunks")
    }

    func testCloseChangesShareOneHunk() {
        let old = lines(12)
        let new = old.replacingOccurrences(of: "第3行", with: "第三行").replacingOccurrences(of: "第9行", with: "第九行")
        let d = UnifiedDiff.make(old: Array(old.utf8), new: Array(new.utf8), path: "r.txt")
        XCTAssertEqual(d.components(separatedBy: "@@ -").count - 1, 1, d)
        XCTAssertTrue(d.contains("@@ -1,12 +1,12 @@"), d)
    }

    func testMissingFinalNewlineIsMarked() {
        let d = UnifiedDiff.make(old: Array("甲\n乙".utf8), new: Array("甲\n丙".utf8), path: "r.txt")
        XCTAssertEqual(d, "--- r.txt\n+++ r.txt\n@@ -1,2 +1,2 @@\n 甲\n-乙\n\\ No newline at end of file\n+丙\n\\ No newline at end of file\n")
        let added = UnifiedDiff.make(old: Array("甲".utf8), new: Array("甲\n".utf8), path: "r.txt")
        XCTAssertEqual(added, "--- r.txt\n+++ r.txt\n@@ -1 +1 @@\n-甲\n\\ No newline at end of file\n+甲\n")
    }

    func testInsertionAtTheTopAndEqualInputs() {
        XCTAssertEqual(UnifiedDiff.make(old: Array("乙\n".utf8), new: Array("甲\n乙\n".utf8), path: "r.txt"),
                       "--- r.txt\n+++ r.txt\n@@ -1 +1,2 @@\n+甲\n 乙\n")
        XCTAssertEqual(UnifiedDiff.make(old: Array("".utf8), new: Array("甲\n".utf8), path: "r.txt"),
                       "--- r.txt\n+++ r.txt\n@@ -0,0 +1 @@\n+甲\n")
        XCTAssertEqual(UnifiedDiff.make(old: Array("甲\n".utf8), new: Array("甲\n".utf8), path: "r.txt"), "")
    }

    /// More differences than Myers is allowed to trace: the greedy fallback still gives separate hunks
    /// (and `testPatchAppliesRandomDiffs`-style application below).
    func testManyChangesStillGiveHunksNotOneReplacement() throws {
        let oldLines = (0..<6000).map { "第\($0 % 50)行：同样的内容" }
        var newLines = oldLines
        for k in stride(from: 3, to: newLines.count, by: 5) { newLines[k] += "，改" }  // 1,200 changed lines
        let old = oldLines.joined(separator: "\n") + "\n", new = newLines.joined(separator: "\n") + "\n"
        let d = UnifiedDiff.make(old: Array(old.utf8), new: Array(new.utf8), path: "r.txt")
        let lines = d.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.filter { $0.hasPrefix("-第") }.count, 1200)
        XCTAssertEqual(lines.filter { $0.hasPrefix("+第") }.count, 1200)
        XCTAssertEqual(try applied(d, to: old), new)
    }

    /// Random files through both algorithms (Myers, and the greedy fallback forced with a zero limit).
    func testBothAlgorithmsGiveCorrectScripts() throws {
        var rnd: UInt64 = 99
        func next(_ n: Int) -> Int {
            rnd = rnd &* 6364136223846793005 &+ 1442695040888963407
            return Int((rnd >> 33) % UInt64(max(n, 1)))
        }
        for _ in 0..<300 {
            let old = (0..<next(30)).map { _ in ["甲", "乙", "丙", "丁", ""][next(5)] }
            var new = old
            for _ in 0..<next(8) {
                if next(2) == 0, !new.isEmpty { new.remove(at: next(new.count)) } else { new.insert(["甲", "戊", "己"][next(3)], at: next(new.count + 1)) }
            }
            let o = old.map { $0 + "\n" }.joined(), n = new.map { $0 + "\n" }.joined()
            for limit in [0, 1000] {
                let d = UnifiedDiff.make(old: Array(o.utf8), new: Array(n.utf8), path: "r.txt", context: 3, limit: limit)
                if o == n { XCTAssertEqual(d, ""); continue }
                XCTAssertEqual(try applied(d, to: o), n, "limit \(limit):\n\(d)")
            }
        }
    }

    /// A minimal `patch` for the tests that must run everywhere: applies hunks by their headers.
    func applied(_ diff: String, to old: String) throws -> String {
        var a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if a.last == "" { a.removeLast() }
        var out: [String] = []
        var cursor = 0
        let lines = diff.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var k = 2
        while k < lines.count, lines[k].hasPrefix("@@ -") {
            let header = lines[k].dropFirst(4)
            let start = Int(header.prefix { $0 != "," && $0 != " " }) ?? 0
            let firstOld = max(0, start - 1)
            out += a[cursor..<firstOld]
            cursor = firstOld
            k += 1
            while k < lines.count, let c = lines[k].first, c == " " || c == "-" || c == "+" {
                let body = String(lines[k].dropFirst())
                switch c {
                case " ": XCTAssertEqual(a[cursor], body); out.append(body); cursor += 1
                case "-": XCTAssertEqual(a[cursor], body); cursor += 1
                default: out.append(body)
                }
                k += 1
            }
        }
        out += a[cursor...]
        return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
    }

    /// Random edits of random files: `patch` must turn the old file into the new one exactly.
    func testPatchAppliesRandomDiffs() throws {
        let patch = ["/usr/bin/patch", "/bin/patch", "/opt/homebrew/bin/patch", "/usr/local/bin/patch"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try XCTSkipIf(patch == nil, "patch is not installed")
        let dir = try makeTempDir("patch")
        defer { try? FileManager.default.removeItem(at: dir) }
        var rnd: UInt64 = 20240601
        func next(_ n: Int) -> Int {
            rnd = rnd &* 6364136223846793005 &+ 1442695040888963407
            return Int((rnd >> 33) % UInt64(max(n, 1)))
        }
        let pieces = ["一、主要举措", "（一）", "全年召开会议4次。", "", "特此报告", "2025年1月10日", "abc", "　"]
        for round in 0..<40 {
            let ending = ["\n", "\r\n"][next(2)]
            var old = (0..<(1 + next(40))).map { _ in pieces[next(pieces.count)] + String(next(5)) }
            var new = old
            for _ in 0..<(1 + next(6)) {
                switch next(3) {
                case 0 where !new.isEmpty: new.remove(at: next(new.count))
                case 1: new.insert(pieces[next(pieces.count)], at: next(new.count + 1))
                default: if !new.isEmpty { new[next(new.count)] += "改" }
                }
            }
            if next(3) == 0 { old.append("") }  // sometimes no final newline
            let oldText = old.joined(separator: ending) + (next(2) == 0 ? ending : "")
            let newText = new.joined(separator: ending) + (next(2) == 0 ? ending : "")
            let name = "r \(round).txt"
            let file = dir.appendingPathComponent(name)
            try write(Array(oldText.utf8), file)
            let diff = UnifiedDiff.make(old: Array(oldText.utf8), new: Array(newText.utf8), path: name)
            if oldText == newText { XCTAssertEqual(diff, ""); continue }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: patch!)
            p.arguments = ["-p0", "--quiet", "--no-backup-if-mismatch"]
            p.currentDirectoryURL = dir
            let input = Pipe()
            p.standardInput = input
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            input.fileHandleForWriting.write(Data(diff.utf8))
            try input.fileHandleForWriting.close()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "round \(round):\n\(diff)")
            XCTAssertEqual(String(decoding: try read(file), as: UTF8.self), newText, "round \(round):\n\(diff)")
        }
    }
}
