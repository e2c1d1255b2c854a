@testable import FazhiLinter
import Foundation
import XCTest

final class ConfigEditTests: XCTestCase {
    let entry = IgnoreEntry(rule: "confusable", text: "其它")

    func add(_ text: String, _ e: IgnoreEntry? = nil) throws -> String {
        let r = try ConfigEdit.addingIgnore(e ?? entry, to: Array(text.utf8), path: "/x/.fazhi.json")
        return String(decoding: r.bytes, as: UTF8.self)
    }

    /// The result must be the original with one contiguous insertion (every other byte kept).
    func assertOnlyInserted(_ before: String, _ after: String, file: StaticString = #filePath, line: UInt = #line) {
        let a = Array(before.utf8), b = Array(after.utf8)
        var p = 0
        while p < a.count && p < b.count && a[p] == b[p] { p += 1 }
        var s = 0
        while s < a.count - p && s < b.count - p && a[a.count - 1 - s] == b[b.count - 1 - s] { s += 1 }
        XCTAssertEqual(p + s, a.count, "bytes of the original were changed:\n\(after)", file: file, line: line)
    }

    func testAppendsToAnExistingArrayKeepingUnknownKeysAndLayout() throws {
        let before = """
        {
            "$schema": "https://example.org/fazhi.schema.json",
            "备注": "云溪镇党政办维护，改动请告知",
            "rules": { "stray-space": "off" },
            "ignore": [
                { "text": "××" },
                { "rule": "term-form", "text": "纪录" }
            ],
            "profile": "default"
        }

        """
        let after = try add(before)
        assertOnlyInserted(before, after)
        XCTAssertTrue(after.contains("""
                { "rule": "term-form", "text": "纪录" },
                { "rule": "confusable", "text": "其它" }
            ],
        """), after)
        let parsed = try ConfigFile.parse(Data(after.utf8))
        XCTAssertEqual(parsed.ignore?.count, 3)
        XCTAssertEqual(parsed.ignore?.last, entry)
    }

    func testAddsAnIgnoreMemberWhenThereIsNone() throws {
        let before = "{\n  \"$schema\": \"x\",\n  \"rules\": {\"coverage\": \"hint\"}\n}\n"
        let after = try add(before)
        assertOnlyInserted(before, after)
        XCTAssertEqual(after, "{\n  \"$schema\": \"x\",\n  \"rules\": {\"coverage\": \"hint\"},\n  \"ignore\": [\n    { \"rule\": \"confusable\", \"text\": \"其它\" }\n  ]\n}\n")
    }

    func testOtherShapes() throws {
        XCTAssertEqual(try add("{}"), "{\n  \"ignore\": [\n    { \"rule\": \"confusable\", \"text\": \"其它\" }\n  ]\n}")
        XCTAssertEqual(try add("{\"profile\":\"default\"}"), "{\"profile\":\"default\", \"ignore\": [{ \"rule\": \"confusable\", \"text\": \"其它\" }]}")
        XCTAssertEqual(try add("{\"ignore\":[]}"), "{\"ignore\":[{ \"rule\": \"confusable\", \"text\": \"其它\" }]}")
        XCTAssertEqual(try add("{\"ignore\":[{\"text\":\"a\"}]}"), "{\"ignore\":[{\"text\":\"a\"}, { \"rule\": \"confusable\", \"text\": \"其它\" }]}")
        XCTAssertEqual(try add("{\"ignore\": null}"), "{\"ignore\": [{ \"rule\": \"confusable\", \"text\": \"其它\" }]}")
        XCTAssertEqual(try add("{\n\t\"ignore\": [\n\t]\n}"), "{\n\t\"ignore\": [\n\t\t{ \"rule\": \"confusable\", \"text\": \"其它\" }\n\t\n\t]\n}")
        // CRLF files get CRLF.
        let crlf = "{\r\n  \"profile\": \"default\"\r\n}\r\n"
        XCTAssertEqual(try add(crlf), "{\r\n  \"profile\": \"default\",\r\n  \"ignore\": [\r\n    { \"rule\": \"confusable\", \"text\": \"其它\" }\r\n  ]\r\n}\r\n")
        // An escaped key is still the ignore list.
        let escaped = try add("{\"\\u0069gnore\": [{\"text\": \"a\"}]}")
        XCTAssertEqual(try ConfigFile.parse(Data(escaped.utf8)).ignore?.count, 2, escaped)
    }

    func testTextNeedingEscapesRoundTrips() throws {
        let odd = IgnoreEntry(rule: nil, text: "引号\"反斜杠\\换行\n制表\t控制\u{1}")
        let after = try add("{}", odd)
        XCTAssertEqual(try ConfigFile.parse(Data(after.utf8)).ignore, [odd])
        XCTAssertTrue(after.contains(#"{ "text": "引号\"反斜杠\\换行\n制表\t控制\u0001" }"#), after)
    }

    func testAnEntryAlreadyPresentChangesNothing() throws {
        let text = "{\"ignore\": [{\"rule\": \"confusable\", \"text\": \"其它\"}]}"
        let r = try ConfigEdit.addingIgnore(entry, to: Array(text.utf8), path: "/x/.fazhi.json")
        XCTAssertFalse(r.changed)
        XCTAssertEqual(r.bytes, Array(text.utf8))
    }

    func testFilesThatDoNotParseStrictlyAreRefused() {
        for bad in [
            "{\n  // 县里统一的设置\n  \"ignore\": []\n}\n",
            "[1, 2]",
            "{\"ignore\": \"其它\"}",
            "{\"ignore\": [], \"ignore\": []}",
        ] {
            XCTAssertThrowsError(try ConfigEdit.addingIgnore(entry, to: Array(bad.utf8), path: "/x/.fazhi.json"), bad) { e in
                XCTAssertTrue("\(e)".hasPrefix("未修改 /x/.fazhi.json："), "\(e)")
            }
        }
        XCTAssertThrowsError(try ConfigEdit.addingIgnore(entry, to: Array("{\n  // 注释\n}".utf8), path: "/x/.fazhi.json")) { e in
            XCTAssertTrue("\(e)".contains("// 注释"), "\(e)")
        }
    }

    /// Foundation's decoder (which reads configurations) accepts trailing commas, so such a file is in
    /// use and is edited like any other: bytes kept, result still read the same way.
    func testTrailingCommasAreKept() throws {
        for text in ["{\"ignore\": [],}", "{\"ignore\": [{\"text\": \"a\"},]}"] {
            let after = try add(text)
            assertOnlyInserted(text, after)
            XCTAssertEqual(try ConfigFile.parse(Data(after.utf8)).ignore?.last, entry, after)
        }
    }

    func testNewFileParses() throws {
        let bytes = ConfigEdit.newFile(with: entry)
        XCTAssertEqual(try ConfigFile.parse(Data(bytes)).ignore, [entry])
    }
}
