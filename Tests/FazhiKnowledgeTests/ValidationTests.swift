import XCTest
import FazhiKnowledge
import FazhiText

final class ValidationTests: XCTestCase {
    func assertProblem(_ problems: [String], _ needle: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(problems.contains { $0.contains(needle) }, "no problem containing “\(needle)” in \(problems)", file: file, line: line)
    }

    func testSamplesAreClean() throws {
        XCTAssertEqual(try LawsFile.load(data: Sample.files["laws.json"]!).validate(), [])
        XCTAssertEqual(try TermsFile.load(data: Sample.files["terms.json"]!).validate(), [])
        XCTAssertEqual(try PhrasesFile.load(data: Sample.files["phrases.json"]!).validate(), [])
        XCTAssertEqual(try ConfusablesFile.load(data: Sample.files["confusables.json"]!).validate(), [])
        XCTAssertEqual(try AnchorsFile.load(data: Sample.files["anchors.json"]!).validate(), [])
    }

    func testBrokenLaws() throws {
        let json = #"""
        {"version": 2, "laws": [
          {"id": "a", "name": "《甲法》", "short": ["甲"], "kind": "法规", "issuer": "", "adopted": "2021-13", "status": "有效",
           "amended": ["2022", "2021-05"]},
          {"id": "a", "name": "乙法", "short": ["甲"], "kind": "法律", "issuer": "x", "adopted": "2020", "status": "现行有效"},
          {"id": "Bad Id", "name": "丙法", "kind": "法律", "issuer": "x", "status": "现行有效"}
        ], "misnomers": [
          {"name": "乙法", "suggest": ["不存在的法"], "reason": ""}
        ]}
        """#
        let p = try LawsFile.load(data: Data(json.utf8)).validate()
        for needle in ["version 应为 1", "id 与 laws[0] 重复", "name 不应带书名号", "kind “法规”", "缺少 issuer", "adopted 日期格式",
                       "status “有效”", "amended 应按时间先后排列", "id 应为小写 ASCII", "laws[2] (Bad Id)：缺少 adopted",
                       "简称重复", "name 是已知文件的名称", "suggest “不存在的法” 不是 laws 中的已知文件", "缺少 reason"] {
            assertProblem(p, needle)
        }
    }

    func testBrokenTerms() throws {
        let json = #"""
        {"version": 1, "terms": [
          {"term": "枫桥经验", "explanation": "", "source": "x", "wrongForms": ["新时代枫桥经验", "枫桥工作经验"], "area": "B3"},
          {"term": "“三重一大”", "explanation": "x", "source": ""},
          {"term": "枫桥经验", "explanation": "x", "source": "y"}
        ]}
        """#
        let p = try TermsFile.load(data: Data(json.utf8)).validate()
        for needle in ["缺少 explanation", "含有 term 本身", "area “B3”", "term 不应带引号", "缺少 source", "与 terms[0] 重复"] {
            assertProblem(p, needle)
        }
        XCTAssertFalse(p.contains { $0.contains("枫桥工作经验") })
    }

    func testBrokenPhrases() throws {
        let json = #"""
        {"version": 1, "phrases": [
          {"label": "", "text": "特此报告。", "contexts": ["ending"]},
          {"label": "标题", "text": "××镇法治政府建设情况报告", "snippet": "${1:××镇法治政府建设情况报告", "contexts": []},
          {"label": "b", "text": "c", "snippet": "无占位符}", "contexts": ["any"]}
        ]}
        """#
        let p = try PhrasesFile.load(data: Data(json.utf8)).validate()
        for needle in ["缺少 label", "context “ending”", "缺少 contexts", "没有闭合", "多余的 }", "不含占位符"] { assertProblem(p, needle) }
        XCTAssertEqual(KnowledgeValidation.snippetProblems("${1:年份}年${2:××镇}$0"), [])
        XCTAssertEqual(KnowledgeValidation.snippetProblems("${1:外${2:内}}"), [])
        XCTAssertFalse(KnowledgeValidation.snippetProblems("${年份}").isEmpty)
    }

    func testBrokenConfusables() throws {
        let json = #"""
        {"version": 1, "pairs": [
          {"wrong": "制订", "right": "制定", "reason": "x", "severity": "fatal", "exceptions": ["计划"],
           "okExample": "制订计划。", "badExample": "制定办法。"},
          {"wrong": "做为", "right": "做为", "reason": "", "severity": "warning", "exceptions": ["做为"],
           "okExample": "作为。", "badExample": "做为。", "rule": "typo"},
          {"wrong": "制订", "right": "制定", "reason": "x", "severity": "info", "okExample": "", "badExample": ""}
        ]}
        """#
        let p = try ConfusablesFile.load(data: Data(json.utf8)).validate()
        for needle in ["severity “fatal”", "exception “计划” 不含 wrong", "okExample 会被本条误报", "badExample 不含 wrong",
                       "wrong 与 right 相同", "缺少 reason", "rule “typo”", "永远不会报出", "未被本条检出", "wrong 与 pairs[0] 重复",
                       "缺少 okExample", "缺少 badExample"] {
            assertProblem(p, needle)
        }
    }

    func testBrokenAnchors() throws {
        let json = #"""
        {"version": 1, "anchors": [
          {"id": "x", "phrases": ["八五普法", ""], "kind": "party", "date": "2021-6", "until": "2020", "note": ""},
          {"id": "x", "phrases": ["八五普法"], "kind": "pufa", "date": "2021-06", "until": "2020", "note": "y"},
          {"id": "z", "kind": "pufa", "note": "y"}
        ]}
        """#
        let p = try AnchorsFile.load(data: Data(json.utf8)).validate()
        for needle in ["phrases 含空字符串", "kind “party”", "date 日期格式", "缺少 note", "id 与 anchors[0] 重复",
                       "与 anchors[0] 重复", "until 2020 早于", "缺少 phrases", "缺少 date"] {
            assertProblem(p, needle)
        }
    }

    func testWrongTypeFailsLoadWithFileName() {
        XCTAssertThrowsError(try TermsFile.load(data: Data(#"{"version":1,"terms":[{"term":"x","aliases":"y"}]}"#.utf8))) { e in
            XCTAssertTrue("\(e)".hasPrefix("terms.json"))
        }
    }
}
