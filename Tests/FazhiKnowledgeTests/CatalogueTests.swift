import XCTest
import FazhiKnowledge

/// The catalogue rules of laws.json (sources, repeal facts, successors, short forms) and the byte-level
/// loader that reads it.
final class CatalogueValidationTests: XCTestCase {
    func problems(_ laws: String, ambiguous: String = "[]") throws -> [String] {
        try LawsFile.load(data: Data(#"{"version": 1, "ambiguousShort": \#(ambiguous), "laws": [\#(laws)], "misnomers": []}"#.utf8)).validate()
    }

    let ok = #"{"id": "a", "name": "中华人民共和国甲法", "short": ["甲法"], "kind": "法律", "issuer": "x", "adopted": "2001", "status": "现行有效", "sources": ["s"]}"#

    func testCleanEntryPasses() throws {
        XCTAssertEqual(try problems(ok), [])
    }

    func testEveryEntryNeedsSources() throws {
        let noSources = #"{"id": "b", "name": "乙条例", "short": [], "kind": "行政法规", "issuer": "国务院", "adopted": "2002", "status": "现行有效"}"#
        XCTAssertTrue(try problems(ok + "," + noSources).contains { $0.contains("laws[1] (b)：缺少 sources") })
        let blankSource = #"{"id": "b", "name": "乙条例", "short": [], "kind": "行政法规", "issuer": "国务院", "adopted": "2002", "status": "现行有效", "sources": [" "]}"#
        XCTAssertTrue(try problems(blankSource).contains { $0.contains("sources 含空字符串") })
    }

    func testRepealedEntryNeedsDateOrSuccessor() throws {
        let bare = #"{"id": "b", "name": "乙法", "short": [], "kind": "法律", "issuer": "x", "adopted": "1990", "status": "已废止", "sources": ["s"]}"#
        XCTAssertTrue(try problems(ok + "," + bare).contains { $0.contains("应注明 repealed") })
        let dated = #"{"id": "b", "name": "乙法", "short": [], "kind": "法律", "issuer": "x", "adopted": "1990", "status": "已废止", "repealed": "2021-01-01", "sources": ["s"]}"#
        XCTAssertEqual(try problems(ok + "," + dated), [])
        let replaced = #"{"id": "b", "name": "乙法", "short": [], "kind": "法律", "issuer": "x", "adopted": "1990", "status": "已废止", "replacedBy": "甲法", "sources": ["s"]}"#
        XCTAssertEqual(try problems(ok + "," + replaced), [])
    }

    func testRepealFactsMustBeConsistent() throws {
        let inForceWithDate = #"{"id": "b", "name": "乙法", "short": [], "kind": "法律", "issuer": "x", "adopted": "1990", "status": "现行有效", "repealed": "2020", "sources": ["s"]}"#
        XCTAssertTrue(try problems(inForceWithDate).contains { $0.contains("现行有效的文件不应有 repealed") })
        let early = #"{"id": "b", "name": "乙法", "short": [], "kind": "法律", "issuer": "x", "adopted": "1990-05", "status": "已废止", "repealed": "1989-13", "sources": ["s"]}"#
        XCTAssertTrue(try problems(early).contains { $0.contains("repealed 日期格式") })
        let before = #"{"id": "b", "name": "乙法", "short": [], "kind": "法律", "issuer": "x", "adopted": "1990-05", "status": "已废止", "repealed": "1989-12-31", "sources": ["s"]}"#
        XCTAssertTrue(try problems(before).contains { $0.contains("repealed 1989年12月31日 早于 adopted") || $0.contains("早于 adopted") })
    }

    func testReplacedByMustResolve() throws {
        let dangling = #"{"id": "b", "name": "乙法", "short": [], "kind": "法律", "issuer": "x", "adopted": "1990", "status": "已废止", "replacedBy": "丙法", "sources": ["s"]}"#
        XCTAssertTrue(try problems(ok + "," + dangling).contains { $0.contains("replacedBy “丙法” 不是 laws 中的已知文件") })
        let byFullName = #"{"id": "b", "name": "乙法", "short": [], "kind": "法律", "issuer": "x", "adopted": "1990", "status": "已废止", "replacedBy": "中华人民共和国甲法", "sources": ["s"]}"#
        XCTAssertEqual(try problems(ok + "," + byFullName), [])
    }

    func testSharedShortFormIsAnErrorUnlessListed() throws {
        let other = #"{"id": "b", "name": "乙规定", "short": ["甲法"], "kind": "行政法规", "issuer": "国务院", "adopted": "2002", "status": "现行有效", "sources": ["s"]}"#
        XCTAssertTrue(try problems(ok + "," + other).contains { $0.contains("short “甲法” 与 laws[0] 的简称重复") })
        XCTAssertEqual(try problems(ok + "," + other, ambiguous: #"["甲法"]"#).filter { $0.contains("简称重复") }, [])
        XCTAssertTrue(try problems(ok, ambiguous: #"["丁法"]"#).contains { $0.contains("ambiguousShort “丁法” 不是任何文件的简称") })
    }

    func testCitedRankIsPositive() throws {
        let zero = #"{"id": "b", "name": "乙法", "short": [], "kind": "法律", "issuer": "x", "adopted": "1990", "status": "现行有效", "citedRank": 0, "sources": ["s"]}"#
        XCTAssertTrue(try problems(zero).contains { $0.contains("citedRank 应为正整数") })
    }
}

final class LawsLoaderTests: XCTestCase {
    /// The byte-level path gives the same values as Foundation's decoder on the sample and the shipped file.
    func testScannerAgreesWithJSONDecoder() throws {
        var files = [Sample.files["laws.json"]!]
        if let real = KnowledgeResources.data(LawsFile.fileName) { files.append(real) }
        for data in files {
            let fast = try LawsFile.load(data: data)
            let reference = try JSONDecoder().decode(LawsFile.self, from: data)
            XCTAssertEqual(fast.version, reference.version)
            XCTAssertEqual(fast.laws, reference.laws)
            XCTAssertEqual(fast.misnomers, reference.misnomers)
            XCTAssertEqual(fast.ambiguousShort, reference.ambiguousShort)
            XCTAssertFalse(fast.laws.isEmpty)
        }
    }

    func testEscapesNullsAndUnknownKeys() throws {
        let json = #"""
        {"version": 1, "$comment": {"a": [1, 2.5e3, true, false, null]}, "laws": [
          {"id": "a", "name": "\u7532\u6cd5\"\u4e59\"", "short": null, "kind": "法律", "issuer": "x\ny", "adopted": "2001",
           "status": "现行有效", "effective": null, "citedRank": 3, "extra": "ignored", "sources": ["来源\/一", "\ud83d\ude00"]}
        ], "misnomers": []}
        """#
        let f = try LawsFile.load(data: Data(json.utf8))
        let law = try XCTUnwrap(f.laws.first)
        XCTAssertEqual(law.name, "甲法\"乙\"")
        XCTAssertEqual(law.short, [])
        XCTAssertEqual(law.issuer, "x\ny")
        XCTAssertNil(law.effective)
        XCTAssertEqual(law.citedRank, 3)
        XCTAssertEqual(law.sources, ["来源/一", "😀"])
        XCTAssertEqual(f.laws, try JSONDecoder().decode(LawsFile.self, from: Data(json.utf8)).laws)
    }

    func testWrongTypesFailWithTheirPath() {
        for (json, path) in [(#"{"version": 1, "laws": 3}"#, "laws"),
                             (#"{"version": 1, "laws": [{"id": 7}]}"#, "laws[0].id"),
                             (#"{"version": 1, "laws": [{"id": "a", "sources": ["x", 1]}]}"#, "laws[0].sources[1]"),
                             (#"{"version": 1, "laws": [{"id": "a", "citedRank": 1.5}]}"#, "laws[0].citedRank")] {
            XCTAssertThrowsError(try LawsFile.load(data: Data(json.utf8)), json) { error in
                XCTAssertTrue("\(error)".contains(path), "\(error)")
                XCTAssertTrue("\(error)".contains("laws.json"), "\(error)")
            }
        }
        XCTAssertThrowsError(try LawsFile.load(data: Data(#"{"version": 1, "laws": [}"#.utf8))) { error in
            XCTAssertTrue("\(error)".contains("JSON 格式错误"), "\(error)")
        }
    }

    /// Sources are decoded on first read and compare by value, whichever way they were made.
    func testLazySourcesCompareByValue() throws {
        let json = #"{"version": 1, "laws": [{"id": "a", "name": "甲法", "sources": ["一", "二"]}]}"#
        let lazy = try LawsFile.load(data: Data(json.utf8)).laws[0]
        var eager = lazy
        eager.sources = ["一", "二"]
        XCTAssertEqual(lazy, eager)
        XCTAssertEqual(lazy.hashValue, eager.hashValue)
        eager.sources = ["一"]
        XCTAssertNotEqual(lazy, eager)
        XCTAssertEqual(lazy.sources, ["一", "二"])
    }
}
