import XCTest
import FazhiKnowledge
import FazhiText

/// Validates the real knowledge files shipped in Resources/ (skipped while a file is absent).
final class ResourceTests: XCTestCase {
    func load<F: KnowledgeFile>(_ type: F.Type) throws -> F {
        guard F.resourceExists else { throw XCTSkip("\(F.fileName) 不存在，跳过") }
        return try F.loadResource()
    }

    func testLawsFile() throws {
        let f = try load(LawsFile.self)
        XCTAssertEqual(f.validate(), [])
        let index = LawIndex(file: f)
        for law in f.laws {
            XCTAssertEqual(index.lookup(law.name).law?.id, law.id, law.name)
            XCTAssertEqual(index.lookup("《\(law.name)》").law?.id, law.id, law.name)
            for s in law.short { XCTAssertNotNil(index.lookup(s).law, s) }
        }
        for m in f.misnomers {
            guard case .misnomer(_, let s) = index.lookup(m.name) else { XCTFail("misnomer \(m.name) resolves to a law"); continue }
            XCTAssertFalse(s.isEmpty, m.name)
        }
    }

    func testTermsFile() throws {
        let f = try load(TermsFile.self)
        XCTAssertEqual(f.validate(), [])
        let index = TermIndex(file: f)
        for t in f.terms {
            XCTAssertEqual(index.term(named: t.term)?.term, t.term)
            let text = SourceText("我们坚持\(t.term)。")
            XCTAssertTrue(index.matches(in: text).contains { $0.term.term == t.term || text.string($0.range).count >= t.term.count }, t.term)
            for w in t.wrongForms ?? [] { XCTAssertEqual(index.term(withWrongForm: w)?.term, t.term, w) }
        }
    }

    func testCitationsAndFiguresFiles() throws {
        XCTAssertEqual(try load(CitationsFile.self).validate(), [])
        XCTAssertEqual(try load(FiguresFile.self).validate(), [])
        // A suffix listed under two forms is a validation problem.
        var c = try load(CitationsFile.self)
        c.publicationSuffixes.append("条例")
        XCTAssertTrue(c.validate().contains { $0.contains("条例") }, "\(c.validate())")
        var f = try load(FiguresFile.self)
        f.units.append("人次")
        XCTAssertTrue(f.validate().contains { $0.contains("人次") }, "\(f.validate())")
    }

    func testPhrasesFile() throws {
        let f = try load(PhrasesFile.self)
        XCTAssertEqual(f.validate(), [])
    }

    func testConfusablesFile() throws {
        let f = try load(ConfusablesFile.self)
        XCTAssertEqual(f.validate(), [])
        let index = ConfusableIndex(file: f)
        for (i, p) in f.pairs.enumerated() {
            let ok = index.matches(in: SourceText(p.okExample)).filter { $0.pairIndex == i }
            XCTAssertTrue(ok.isEmpty, "okExample 被误报：\(p.wrong)→\(p.right)：\(p.okExample)")
            let bad = index.matches(in: SourceText(p.badExample)).filter { $0.pairIndex == i }
            XCTAssertFalse(bad.isEmpty, "badExample 未检出：\(p.wrong)→\(p.right)：\(p.badExample)")
        }
    }

    func testAnchorsFile() throws {
        let f = try load(AnchorsFile.self)
        XCTAssertEqual(f.validate(), [])
        let index = AnchorIndex(file: f)
        for a in f.anchors {
            for ph in a.phrases { XCTAssertFalse(index.matches(in: SourceText(ph)).isEmpty, ph) }
        }
    }

    /// The shared instance loads everything without errors once all files are present.
    func testSharedKnowledgeLoads() throws {
        let all: [any KnowledgeFile.Type] = [LawsFile.self, TermsFile.self, PhrasesFile.self, ConfusablesFile.self, AnchorsFile.self]
        guard all.allSatisfy({ $0.resourceExists }) else { throw XCTSkip("知识库文件不全，跳过") }
        let k = Knowledge()
        _ = k.warmUp()
        XCTAssertEqual(k.loadErrors.map(\.description), [])
        XCTAssertEqual(k.validationProblems(), [])
    }
}

/// Load-time benchmark on synthetic files of realistic size (prints; no timing assertion).
final class LoadBenchmarkTests: XCTestCase {
    static func syntheticFiles() -> [String: Data] {
        var rng = SeededRandom(seed: 11)
        let han = Array("法治政府建设情况报告年度推进依法行政执法监督规范性文件合法性审查党政主要负责人第一责任人职责截至目前条例办法规定决定意见纲要规划管理保护促进组织程序")
        func word(_ n: ClosedRange<Int>) -> String { String((0..<Int.random(in: n, using: &rng)).map { _ in han[Int.random(in: 0..<han.count, using: &rng)] }) }
        func json(_ v: Any) -> Data { try! JSONSerialization.data(withJSONObject: v) }
        var laws: [[String: Any]] = []
        for i in 0..<400 {
            let n = word(4...10) + "法"
            laws.append(["id": "law-\(i)", "name": "中华人民共和国" + n, "short": [n], "kind": "法律", "issuer": "全国人民代表大会常务委员会",
                         "adopted": "2001-03-15", "amended": ["2010-01-01", "2021-06-10"], "effective": "2021-09-01",
                         "status": "现行有效", "docNumber": "主席令第\(i)号", "note": "规定" + word(8...20) + "。"])
        }
        var misnomers: [[String: Any]] = []
        for i in 0..<40 { misnomers.append(["name": word(3...6) + "法\(i)", "suggest": ["law-0"], "reason": word(10...20)]) }
        var terms: [[String: Any]] = []
        for i in 0..<300 {
            terms.append(["term": word(3...6) + "\(i)", "aliases": [word(3...6)], "explanation": word(30...80), "source": "《" + word(4...8) + "》",
                          "wrongForms": [word(4...7)], "area": "A\(i % 10 + 1)"])
        }
        var phrases: [[String: Any]] = []
        for i in 0..<300 {
            phrases.append(["label": word(3...8), "text": word(20...60) + "\(i)", "snippet": "${1:" + word(2...4) + "}" + word(10...30),
                            "contexts": ["measures", "plans"]])
        }
        var pairs: [[String: Any]] = []
        for i in 0..<500 {
            let w = word(2...5) + "\(i)"
            pairs.append(["wrong": w, "right": word(2...5), "reason": word(10...30), "severity": "warning", "exceptions": [w + word(1...3)],
                          "okExample": word(10...20), "badExample": word(5...10) + w + word(5...10)])
        }
        var anchors: [[String: Any]] = []
        for i in 0..<150 {
            anchors.append(["id": "a-\(i)", "phrases": [word(4...8), word(4...8)], "kind": "meeting", "date": "2022-10", "until": "2027",
                            "note": word(10...30)])
        }
        return ["laws.json": json(["version": 1, "laws": laws, "misnomers": misnomers]),
                "terms.json": json(["version": 1, "terms": terms]),
                "phrases.json": json(["version": 1, "phrases": phrases]),
                "confusables.json": json(["version": 1, "pairs": pairs]),
                "anchors.json": json(["version": 1, "anchors": anchors])]
    }

    func testLoadTimeSynthetic() {
        let files = Self.syntheticFiles()
        let bytes = files.values.reduce(0) { $0 + $1.count }
        var best = Double.infinity
        var last = KnowledgeLoadTimings()
        for _ in 0..<3 {
            let k = Knowledge(files: files)
            let t = k.warmUp()
            XCTAssertEqual(k.loadErrors.map(\.description), [])
            if t.total < best { best = t.total; last = t }
        }
        XCTAssertGreaterThan(bytes, 0)
        XCTAssertGreaterThan(last.total, 0, "every file was timed")
    }
}
