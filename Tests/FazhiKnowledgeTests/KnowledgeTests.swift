import XCTest
import FazhiKnowledge
import FazhiText

final class KnowledgeTests: XCTestCase {
    let k = Sample.knowledge

    func testSampleLoadsAndValidates() {
        k.warmUp()
        XCTAssertEqual(k.loadErrors.map(\.description), [])
        XCTAssertEqual(k.validationProblems(), [])
        XCTAssertEqual(k.laws.laws.count, 8)
        XCTAssertNotNil(k.loadTimings.confusables)
    }

    func testMissingAndBrokenFilesAreRecorded() {
        let broken = Knowledge(files: ["laws.json": Data("{\"version\": 1, \"laws\": 3}".utf8)])
        XCTAssertEqual(broken.lookupLaw("民法典"), .unknown(suggestions: []))
        XCTAssertTrue(broken.confusableMatches(in: SourceText("截止目前")).isEmpty)
        broken.warmUp()
        XCTAssertEqual(Set(broken.loadErrors.map(\.file)), ["laws.json", "terms.json", "phrases.json", "confusables.json", "anchors.json"])
    }

    // MARK: Dates

    func testKnowledgeDate() {
        XCTAssertEqual(KnowledgeDate("2021")?.year, 2021)
        XCTAssertEqual(KnowledgeDate("2021-03")?.month, 3)
        XCTAssertEqual(KnowledgeDate("2024-02-29")?.day, 29)
        for bad in ["2023-02-29", "2021-13", "21", "2021-1", "2021-01-01-01", "", "2021/01", "２０２１"] {
            XCTAssertNil(KnowledgeDate(bad), bad)
        }
        let a = KnowledgeDate("2021")!, b = KnowledgeDate("2021-07")!, c = KnowledgeDate("2021-07-01")!
        XCTAssertTrue(a < b && b < c)
        XCTAssertFalse(a.isCertainlyBefore(b))
        XCTAssertTrue(KnowledgeDate("2023")!.isCertainlyBefore(KnowledgeDate("2024-07")!))
        XCTAssertTrue(KnowledgeDate("2025")!.isCertainlyAfter(KnowledgeDate("2024-07")!))
        XCTAssertEqual(b.description, "2021-07")
        XCTAssertEqual(c.chinese, "2021年7月1日")
    }

    // MARK: Laws

    func testLookupFullAndShortNames() {
        guard case .law(let l, let short) = k.lookupLaw("中华人民共和国行政处罚法") else { return XCTFail() }
        XCTAssertEqual(l.id, "xingzheng-chufa-fa"); XCTAssertFalse(short)
        XCTAssertEqual(k.lookupLaw("《中华人民共和国行政处罚法》"), .law(l, matchedShortForm: false))
        XCTAssertEqual(k.lookupLaw("行政处罚法"), .law(l, matchedShortForm: true))
        XCTAssertEqual(k.lookupLaw(" 《行政处罚法》 "), .law(l, matchedShortForm: true))
        XCTAssertEqual(k.lookupLaw("民法典").law?.id, "minfadian")
        XCTAssertEqual(k.lookupLaw("《中华人民共和国民法典》").law?.id, "minfadian")
        XCTAssertEqual(k.lookupLaw("中华人民共和国 行政许可法").law?.id, "xingzheng-xuke-fa")
        XCTAssertEqual(k.lookupLaw("信访工作条例"), .law(k.law(id: "xinfang-tiaoli")!, matchedShortForm: false))
    }

    func testLookupDashAndParenthesisVariants() {
        let id = "fazhi-zhengfu-gangyao-2021"
        for v in ["法治政府建设实施纲要（2021—2025年）", "法治政府建设实施纲要(2021-2025年)", "《法治政府建设实施纲要（2021-2025）》",
                  "法治政府建设实施纲要（2021～2025年）", "法治政府建设实施纲要（2021年—2025年）", "法治政府建设实施纲要（2021–2025年）",
                  "法治政府建设实施纲要（2021——2025年）", "法治政府建设实施纲要 (2021~2025)", "法治政府建设实施纲要（２０２１－２０２５年）"] {
            XCTAssertEqual(k.lookupLaw(v).law?.id, id, v)
        }
        XCTAssertEqual(k.lookupLaw("法治政府建设实施纲要(2015-2020年)").law?.id, "fazhi-zhengfu-gangyao-2015")
        XCTAssertEqual(k.lookupLaw("关于《中华人民共和国立法法》的解释").law?.id, "guizhang-guanli")
        XCTAssertEqual(k.lookupLaw("《关于〈中华人民共和国立法法〉的解释》").law?.id, "guizhang-guanli")
        XCTAssertEqual(LawNames.normalize("纲要(2021-2025年)"), "纲要（2021—2025）")
        XCTAssertEqual(LawNames.normalize("2021年度报告"), "2021年度报告")
        XCTAssertEqual(LawNames.normalize("A-B"), "A-B")
    }

    func testMisnomer() {
        guard case .misnomer(let m, let s) = k.lookupLaw("《信访法》") else { return XCTFail("\(k.lookupLaw("信访法"))") }
        XCTAssertEqual(m.name, "信访法")
        XCTAssertEqual(s.map(\.id), ["xinfang-tiaoli"])
        XCTAssertEqual(k.lookupLaw("中华人民共和国信访法").suggestions.map(\.id), ["xinfang-tiaoli"])
    }

    func testUnknownNamesGetSuggestions() {
        guard case .unknown(let s) = k.lookupLaw("《中华人民共和国乡镇管理法》") else { return XCTFail() }
        XCTAssertFalse(s.isEmpty)
        XCTAssertLessThanOrEqual(s.count, 3)
        XCTAssertEqual(s.first?.id, "tudi-guanli-fa")
        XCTAssertEqual(k.lookupLaw("行政处罚条例").suggestions.first?.id, "xingzheng-chufa-fa")
        XCTAssertEqual(k.lookupLaw("法治政府建设纲要").suggestions.first?.id, "fazhi-zhengfu-gangyao-2021")
        XCTAssertEqual(k.lookupLaw("民法").suggestions.first?.id, "minfadian")
        // Gibberish and names sharing only generic characters get nothing.
        XCTAssertEqual(k.lookupLaw("啊吧咔"), .unknown(suggestions: []))
        XCTAssertEqual(k.lookupLaw("某某法"), .unknown(suggestions: []))
        XCTAssertEqual(k.lookupLaw("xyz"), .unknown(suggestions: []))
        XCTAssertEqual(k.lookupLaw("《》"), .unknown(suggestions: []))
    }

    func testNationalOrLocalNames() {
        for national in ["中华人民共和国乡镇管理法", "乡镇管理法", "《行政执法监督条例》", "城乡规划法", "城市房地产管理法", "乡村振兴促进法",
                         "村民委员会组织法", "社区矫正法", "民族区域自治法", "自然保护区条例", "行政区划管理条例", "市场主体登记管理条例",
                         "风景名胜区条例", "农村土地承包法", "重大行政决策程序暂行条例", "法治政府建设实施纲要（2021—2025年）",
                         "国务院关于加强法治政府建设的意见", "中共中央关于全面推进依法治国若干重大问题的决定", "信访工作条例",
                         "行政处罚法（修订）", "城市市容和环境卫生管理条例"] {
            XCTAssertTrue(LawNames.isLikelyNationalLawName(national), national)
        }
        for local in ["重庆市行政执法监督条例", "《重庆市××条例》", "××县××办法", "××镇××制度", "北屏乡行政规范性文件管理办法",
                      "黔江区行政规范性文件管理办法", "酉阳土家族苗族自治县自治条例", "四川省依法行政规定", "县政府工作规则",
                      "镇党委议事规则", "本镇合同管理办法", "某某镇矛盾纠纷调处办法", "广西壮族自治区实施办法",
                      "人民日报", "法治日报", "习近平法治思想学习纲要", "宪法学习读本", "政府工作报告", "北屏乡便民服务中心管理制度",
                      "南川区人民政府关于进一步加强行政执法工作的意见", "城南街道综合执法办法"] {
            XCTAssertFalse(LawNames.isLikelyNationalLawName(local), local)
        }
    }

    func testLawPrefixSearch() {
        // Both are 法律 in force with names of equal length: file order.
        XCTAssertEqual(k.lawPrefixSearch("行政", limit: 5).map(\.id), ["xingzheng-chufa-fa", "xingzheng-xuke-fa"])
        XCTAssertEqual(k.lawPrefixSearch("中华人民共和国民", limit: 5).map(\.id), ["minfadian"])
        XCTAssertEqual(k.lawPrefixSearch("民法典", limit: 5).map(\.id), ["minfadian"])
        XCTAssertEqual(k.lawPrefixSearch("法治政府", limit: 5).map(\.id), ["fazhi-zhengfu-gangyao-2021", "fazhi-zhengfu-gangyao-2015"])
        XCTAssertEqual(k.lawPrefixSearch("处罚", limit: 5).map(\.id), ["xingzheng-chufa-fa"]) // contains
        XCTAssertEqual(k.lawPrefixSearch("", limit: 3).count, 3)
        XCTAssertEqual(k.lawPrefixSearch("法治政府建设实施纲要(2021", limit: 5).map(\.id), ["fazhi-zhengfu-gangyao-2021"])
    }

    // MARK: Terms

    func testTerms() {
        XCTAssertEqual(k.term(named: "三重一大")?.area, "A2")
        XCTAssertEqual(k.term(named: "“三重一大”事项")?.term, "三重一大")
        XCTAssertEqual(k.term(named: "“枫桥经验”")?.term, "枫桥经验")
        XCTAssertEqual(k.term(named: "三项制度")?.term, "行政执法三项制度")
        XCTAssertNil(k.term(named: "不存在"))
        XCTAssertEqual(k.term(withWrongForm: "枫桥工作经验")?.term, "枫桥经验")
        let text = SourceText("严格落实行政执法三项制度，坚持“三重一大”集体决策，发展新时代“枫桥经验”。")
        let found = k.termMatches(in: text).map { text.string($0.range) }
        XCTAssertEqual(found, ["行政执法三项制度", "三重一大", "枫桥经验"])
        let wrong = SourceText("推广枫桥工作经验，落实三大一重。")
        XCTAssertEqual(k.termWrongFormMatches(in: wrong).map(\.term.term), ["枫桥经验", "三重一大"])
        // Range restriction.
        let r = text.string.utf8.count
        XCTAssertEqual(k.termMatches(in: text, range: TextRange(0, 12)).count, 0)
        XCTAssertEqual(k.termMatches(in: text, range: TextRange(0, r)).count, 3)
    }

    // MARK: Phrases

    func testPhrases() {
        XCTAssertEqual(k.phrases(for: "title").map(\.label), ["报告标题", "特此报告"])
        XCTAssertEqual(k.phrases(for: "shortcomings").map(\.label), ["存在问题：学法不够", "特此报告"])
        XCTAssertEqual(k.phrasePrefixSearch("特此").map(\.label), ["特此报告"])
        XCTAssertEqual(k.phrasePrefixSearch("开头", context: "opening").map(\.label), ["开头：总体情况"])
        XCTAssertEqual(k.phrasePrefixSearch("学法", context: "opening").map(\.label), [])
        XCTAssertEqual(k.phrasePrefixSearch("法治政府").map(\.label), ["报告标题"])  // contains
    }

    // MARK: Confusables

    func testConfusablesHonourExceptions() {
        let t = SourceText("截止目前，做为乡镇，我们制订计划，依法制订规范性文件，大有可做为。")
        let found = k.confusableMatches(in: t).map { (t.string($0.range), $0.pair.right) }
        XCTAssertEqual(found.map(\.0), ["截止目前", "做为", "制订"])
        XCTAssertEqual(found.map(\.1), ["截至目前", "作为", "制定"])
        // An exception reaching outside the requested range still suppresses the match inside it.
        let s = SourceText("请制订计划")
        let inner = TextRange(3, 9) // "制订"
        XCTAssertEqual(s.string(inner), "制订")
        XCTAssertTrue(k.confusableMatches(in: s, range: inner).isEmpty)
        XCTAssertEqual(k.confusableMatches(in: SourceText("制订了")).count, 1)
        // Matches outside the range are not reported.
        XCTAssertEqual(k.confusableMatches(in: t, range: TextRange(0, 3)).count, 0)
        XCTAssertEqual(k.confusableMatches(in: t, range: TextRange(0, 12)).count, 1)
        for (i, p) in k.confusables.pairs.enumerated() {
            XCTAssertTrue(k.confusableMatches(in: SourceText(p.okExample)).allSatisfy { $0.pairIndex != i }, p.okExample)
            XCTAssertTrue(k.confusableMatches(in: SourceText(p.badExample)).contains { $0.pairIndex == i }, p.badExample)
        }
        XCTAssertEqual(k.confusables.pairs[3].ruleKind, .termForm)
        XCTAssertEqual(k.confusables.pairs[0].ruleKind, .confusable)
    }

    // MARK: Anchors

    func testAnchors() {
        let t = SourceText("深入学习贯彻党的二十届三中全会精神，完成八五普法。")
        let m = k.anchorMatches(in: t)
        XCTAssertEqual(m.map(\.anchor.id), ["20-3-plenum", "bawu-pufa"])
        XCTAssertEqual(t.string(m[0].range), "党的二十届三中全会")
        XCTAssertEqual(m[0].anchor.startDate, KnowledgeDate(year: 2024, month: 7))
        XCTAssertEqual(k.anchor(id: "bawu-pufa")?.untilDate, KnowledgeDate("2025-12"))
    }

    // MARK: Concurrency

    func testConcurrentFirstUse() {
        let fresh = Knowledge(files: Sample.files)
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            switch i % 4 {
            case 0: XCTAssertNotNil(fresh.lookupLaw("民法典").law)
            case 1: XCTAssertEqual(fresh.confusableMatches(in: SourceText("截止目前")).count, 1)
            case 2: XCTAssertNotNil(fresh.term(named: "枫桥经验"))
            default: XCTAssertEqual(fresh.anchorMatches(in: SourceText("八五普法")).count, 1)
            }
        }
    }
}

final class RangeEdgeTests: XCTestCase {
    /// Ranges at or past the end of the text (a hover at the last position) never read out of bounds.
    func testMatchesWithRangesAtTheEnd() {
        let k = Sample.knowledge
        let text = SourceText("推行三重一大😀")
        for r in [TextRange(text.count, text.count), TextRange(text.count - 1, text.count + 5), TextRange(-3, 2)] {
            _ = k.termMatches(in: text, range: r)
            _ = k.confusableMatches(in: text, range: r)
            _ = k.anchorMatches(in: text, range: r)
        }
        XCTAssertEqual(k.termMatches(in: text, range: TextRange(text.count, text.count)).count, 0)
    }
}
