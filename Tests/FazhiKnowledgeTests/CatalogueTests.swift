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
        XCTAssertTrue(try problems(before).contains { $0.contains("repealed") && $0.contains("早于 adopted") })
    }

    func testReplacedByMustResolve() throws {
        let dangling = #"{"id": "b", "name": "乙法", "short": [], "kind": "法律", "issuer": "x", "adopted": "1990", "status": "已废止", "replacedBy": "丙法", "sources": ["s"]}"#
        XCTAssertTrue(try problems(ok + "," + dangling).contains { $0.contains("replacedBy “丙法” 不是 laws 中的已知文件") })
        let byFullName = #"{"id": "b", "name": "乙法", "short": [], "kind": "法律", "issuer": "x", "adopted": "1990", "status": "已废止", "replacedBy": "中华人民共和国甲法", "sources": ["s"]}"#
        XCTAssertEqual(try problems(ok + "," + byFullName), [])
    }

    func testSharedShortFormIsAnErrorUnlessListed() throws {
        let first = #"{"id": "a", "name": "甲条例", "short": ["甲规"], "kind": "行政法规", "issuer": "国务院", "adopted": "2001", "status": "现行有效", "sources": ["s"]}"#
        let other = #"{"id": "b", "name": "甲规定", "short": ["甲规"], "kind": "行政法规", "issuer": "国务院", "adopted": "2002", "status": "现行有效", "sources": ["s"]}"#
        XCTAssertTrue(try problems(first + "," + other).contains { $0.contains("short “甲规” 与 laws[0] 的简称重复") })
        XCTAssertEqual(try problems(first + "," + other, ambiguous: #"["甲规"]"#), [])
        XCTAssertTrue(try problems(ok, ambiguous: #"["丁法"]"#).contains { $0.contains("ambiguousShort “丁法” 不是任何文件的简称") })
        // A short form that is another document's full name is always an error.
        let clash = #"{"id": "b", "name": "乙规定", "short": ["甲法"], "kind": "行政法规", "issuer": "国务院", "adopted": "2002", "status": "现行有效", "sources": ["s"]}"#
        XCTAssertTrue(try problems(ok + "," + clash).contains { $0.contains("short “甲法” 是 laws[0] 的全称") })
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

/// The shipped catalogue: size, sources, and the facts reports depend on most (skipped without the file).
final class CatalogueResourceTests: XCTestCase {
    func catalogue() throws -> LawIndex {
        guard LawsFile.resourceExists else { throw XCTSkip("laws.json 不存在，跳过") }
        return LawIndex(file: try LawsFile.loadResource())
    }

    func testSizeAndSources() throws {
        let index = try catalogue()
        let inForce = index.laws.filter(\.isInForce)
        XCTAssertGreaterThan(inForce.filter { $0.kind == LawKind.law.rawValue }.count, 280)
        XCTAssertGreaterThan(inForce.filter { $0.kind == LawKind.administrativeRegulation.rawValue }.count, 550)
        for law in index.laws {
            XCTAssertFalse((law.sources ?? []).isEmpty, law.name)
            // Generated national laws and regulations name the mirror file their facts come from.
            if law.id.hasPrefix("law-") || law.id.hasPrefix("reg-") {
                XCTAssertTrue(law.sources!.contains { $0.contains("flk.npc.gov.cn") && ($0.contains(".md") || $0.contains(".txt")) }, law.name)
            }
        }
    }

    func testCurrencyInTheReportYear() throws {
        let index = try catalogue()
        func law(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Law {
            try XCTUnwrap(index.resolve(name), name, file: file, line: line)
        }
        // The 2015—2020 outline was the one in force in a 2020 report, not afterwards.
        let old = try law("法治政府建设实施纲要（2015—2020年）")
        XCTAssertEqual(old.status(inReportYear: 2020), .inForce)
        XCTAssertEqual(old.status(inReportYear: 2022), .noLongerInForce)
        // The State Council's 信访条例 until 2022-05-01, then 信访工作条例.
        let xinfang = try law("信访条例")
        XCTAssertEqual(xinfang.replacedBy, "信访工作条例")
        XCTAssertEqual(xinfang.status(inReportYear: 2022), .inForce)
        XCTAssertEqual(xinfang.status(inReportYear: 2023), .noLongerInForce)
        XCTAssertEqual(try law("信访工作条例").status(inReportYear: 2021), .notYetAdopted)
        // Repealed on the first day of 2021 by the 民法典: not in force at any time in 2021.
        let tongze = try law("民法通则")
        XCTAssertEqual(tongze.repealed, "2021-01-01")
        XCTAssertEqual(tongze.status(inReportYear: 2020), .inForce)
        XCTAssertEqual(tongze.status(inReportYear: 2021), .noLongerInForce)
        XCTAssertEqual(try law("民法典").status(inReportYear: 2019), .notYetAdopted)
        // Regulations the old list did not know are real, current regulations.
        XCTAssertEqual(try law("行政机关公务员处分条例").kind, LawKind.administrativeRegulation.rawValue)
        XCTAssertEqual(try law("行政机关公务员处分条例").status(inReportYear: 2024), .inForce)
        XCTAssertEqual(try law("重大行政决策程序暂行条例").docNumber, "国务院令第713号")
        // A repeal found in the successor's final article carries the successor's commencement.
        let beian = try law("法规规章备案条例")
        XCTAssertEqual(beian.replacedBy, "法规规章备案审查条例")
        XCTAssertEqual(beian.repealed, "2024-11-01")
        XCTAssertEqual(beian.status(inReportYear: 2024), .inForce)
        XCTAssertEqual(beian.status(inReportYear: 2025), .noLongerInForce)
    }

    func testMostCitedAreRanked() throws {
        let index = try catalogue()
        for name in ["宪法", "民法典", "法治政府建设实施纲要（2021—2025年）", "党政主要负责人履行推进法治建设第一责任人职责规定", "法治政府建设与责任落实督察工作规定"] {
            XCTAssertEqual(index.resolve(name)?.citedRank, 1, name)
        }
        for name in ["行政处罚法", "行政复议法", "行政许可法", "行政强制法", "行政诉讼法", "信访工作条例", "政府信息公开条例", "重大行政决策程序暂行条例", "优化营商环境条例"] {
            XCTAssertEqual(index.resolve(name)?.citedRank, 2, name)
        }
        XCTAssertNil(index.resolve("中华人民共和国海商法")?.citedRank)
    }
}
