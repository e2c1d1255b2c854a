@testable import FazhiReview
import FazhiText
import XCTest

final class CopyDetectionTests: XCTestCase {
    // MARK: Planted passages

    func testPassagePlantedBetweenTwoUnitsIsFoundWithBothSidesAndTheChangedWordsMarked() {
        let sheet = Fixtures.sheet()
        let shiqiao = sheet.entries.first { $0.path.hasSuffix("石桥镇.txt") }!
        let yunxi = sheet.entries.first { $0.path.hasSuffix("云溪镇.txt") }!
        let m = shiqiao.copy.matches.first { $0.other.path.hasSuffix("云溪镇.txt") }
        XCTAssertNotNil(m, "the planted 板凳课堂 passage must be found")
        guard let m else { return }
        let here = m.here.map(\.text).joined(), there = m.there.map(\.text).joined()
        XCTAssertTrue(here.contains("老祠堂改造成法治文化小院"), here)
        XCTAssertTrue(there.contains("老祠堂改造成法治文化小院"), there)
        XCTAssertTrue(here.contains("驻村律师轮流讲解土地流转"))
        XCTAssertEqual(m.other.unit, "青禾县云溪镇")
        XCTAssertFalse(m.other.isPrevious)
        XCTAssertGreaterThanOrEqual(m.chars, 60)
        // Seen from the other side too.
        XCTAssertTrue(yunxi.copy.matches.contains { $0.other.path.hasSuffix("石桥镇.txt") })
        // Copied share: the passage is about a fifth of 石桥镇's short body.
        XCTAssertGreaterThan(shiqiao.copy.share, 0.1)
        XCTAssertLessThan(shiqiao.copy.share, 0.5)
        XCTAssertEqual(shiqiao.copy.copiedChars, shiqiao.copy.matches.map(\.chars).reduce(0, +))
    }

    func testEditedWordsInsideACopiedParagraphAreMarkedNotSplitIntoPassages() {
        // One paragraph copied with the village's name and a figure changed in the middle.
        let a = "一、主要举措和成效\n镇里在溪口村建起了一座法治文化长廊，沿着河堤立了四十块宣传牌，把宅基地审批、土地承包经营权流转和农村赡养义务的法律规定编成顺口溜，由村里的老党员在每周赶集时轮流讲给乡亲们听，效果很好。\n"
        let b = "一、主要举措和成效\n镇里在石桥村建起了一座法治文化长廊，沿着河堤立了四十块宣传牌，把宅基地审批、土地承包经营权流转和农村赡养义务的法律规定编成顺口溜，由村里的退休教师在每周赶集时轮流讲给乡亲们听，效果很好。\n"
        let r = CopyDetector.detect([Fixtures.document(a), Fixtures.document(b)])
        XCTAssertEqual(r.passages.count, 1, "one paragraph, one passage")
        guard let p = r.passages.first else { return }
        XCTAssertGreaterThanOrEqual(p.segments.count, 2, "the changed words split the exact matches")
        let docs = [Fixtures.document(a), Fixtures.document(b)]
        let views = PassageViews(documents: docs, result: r, keep: 10, upTo: 2)
        let others = [OtherReport(path: "a", unit: "甲", year: 2024, isPrevious: false),
                      OtherReport(path: "b", unit: "乙", year: 2024, isPrevious: false)]
        let m = views.matches(of: 0, others: others)[0]
        let marked = m.here.filter(\.marked).map(\.text).joined()
        XCTAssertTrue(marked.contains("老党员"), "the changed words are marked: \(m.here)")
        XCTAssertFalse(marked.contains("法治文化长廊"), "the shared words are not")
        XCTAssertTrue(m.there.filter(\.marked).map(\.text).joined().contains("退休教师"))
    }

    func testCopyFromAnEarlierYearAndARepeatedPlanAreFound() {
        let sheet = Fixtures.sheet(previous: "2023")
        let yunxi = sheet.entries.first { $0.path.hasSuffix("2024/云溪镇.txt") }!
        let fromLastYear = yunxi.copy.matches.filter { $0.other.isPrevious }
        XCTAssertTrue(fromLastYear.contains { $0.here.map(\.text).joined().contains("山林界址争议") },
                      "the measures paragraph carried over from 2023 is found")
        XCTAssertTrue(fromLastYear.allSatisfy { $0.other.year == 2023 && $0.other.unit == "青禾县云溪镇" })
        let repeat_ = yunxi.copy.planRepeat
        XCTAssertNotNil(repeat_, "the 2025 plans repeat the 2024 plans written a year earlier")
        XCTAssertEqual(repeat_?.previous.year, 2023)
        XCTAssertGreaterThan(repeat_?.share ?? 0, 0.9)
        // No other unit has a report from 2023, so none can repeat one.
        for e in sheet.entries where !e.path.hasSuffix("2024/云溪镇.txt") {
            XCTAssertNil(e.copy.planRepeat, e.path)
            XCTAssertFalse(e.copy.matches.contains { $0.other.isPrevious }, e.path)
        }
        XCTAssertEqual(sheet.summary.planRepeats, 1)
        // Without the earlier year there is nothing to repeat.
        XCTAssertNil(Fixtures.sheet().entries.first { $0.path.hasSuffix("2024/云溪镇.txt") }!.copy.planRepeat)
    }

    func testPlansRewrittenSinceLastYearAreNotARepeat() {
        let earlier = Fixtures.text("2023/云溪镇2023.txt")
        var now = Fixtures.text("2024/云溪镇.txt")
        let start = now.range(of: "四、2025年推进法治政府建设的主要安排\n")!.upperBound
        let end = now.range(of: "五、其他需要报告的情况")!.lowerBound
        now.replaceSubrange(start..<end, with: "（一）编制镇级行政执法事项目录，逐项明确执法依据和裁量标准。\n（二）在茶叶采摘季前开展一次农药经营门店的联合检查。\n")
        let docs = [Fixtures.document(now), Fixtures.document(earlier, previous: true)]
        XCTAssertNil(PlanRepeat.find(docs)[0])
    }

    // MARK: Standard wording is not copying

    func testTwoIndependentReportsSharingOnlyStandardFormulasAreNotFlagged() {
        let baisha = Fixtures.text("2024/白沙乡.txt"), bureau = Fixtures.text("2024/青禾县市场监督管理局.txt")
        // The test means something only if they do share long standard wording.
        for formula in ["坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，认真落实县委、县政府关于法治政府建设的决策部署",
                        "切实履行推进法治建设第一责任人职责，做到重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办",
                        "全面落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度",
                        "一是深化学法用法，健全领导干部学法制度，推动会前学法常态化、制度化。"] {
            XCTAssertTrue(baisha.contains(formula) && bureau.contains(formula), formula)
        }
        let r = CopyDetector.detect([Fixtures.document(baisha), Fixtures.document(bureau)])
        XCTAssertEqual(r.passages.count, 0, "standard formulas alone are not copying: \(r.passages)")
        XCTAssertEqual(r.copiedChars, [0, 0])
        // And it is the knowledge base that keeps them apart: without it the same texts would be flagged.
        let bare = Boilerplate(k: CopyParameters.default.k, texts: [])
        let r2 = CopyDetector.detect([Fixtures.document(baisha, boilerplate: bare), Fixtures.document(bureau, boilerplate: bare)])
        XCTAssertGreaterThan(r2.passages.count, 0)
        // In the whole folder, neither is said to copy anyone.
        let sheet = Fixtures.sheet()
        for e in sheet.entries where e.path.hasSuffix("白沙乡.txt") || e.path.hasSuffix("市场监督管理局.txt") {
            XCTAssertTrue(e.copy.matches.isEmpty, "\(e.path): \(e.copy.matches.map(\.here))")
            XCTAssertEqual(e.copy.share, 0)
        }
    }

    func testWordingSharedByManyReportsOfTheFolderIsCommonNotCopied() {
        // A county template sentence in every report, plus a pair that really copied each other.
        let template = "根据县里统一部署，本单位按照年初印发的工作要点逐月对照检查，确保各项任务按节点推进到位并形成台账备查。"
        let inventions = ["修缮了村口的石拱桥", "开办了夜间法律门诊", "整理了三十年的山林档案", "培训了全部网格员", "建起了调解志愿队",
                          "清理了过期的村规民约", "给渡船装了定位器", "开通了普法广播"]
        var texts = inventions.enumerated().map { i, w in
            "一、主要举措和成效\n\(template)\n第\(i + 1)号单位今年\(w)，这件事由单位负责同志亲自过问并按月通报进展情况。\n"
        }
        let copied = "村里把闲置的粮站仓库改成了调解室，配了长桌和茶水，双方坐下来先喝茶再说事，全年在这里谈妥的邻里纠纷有好几十件。"
        texts[0] += copied + "\n"
        texts[1] += copied + "\n"
        let r = CopyDetector.detect(texts.map { Fixtures.document($0) })
        XCTAssertEqual(r.commonThreshold, 6)
        XCTAssertEqual(r.passages.count, 1, "only the pair: \(r.passages.map { ($0.a, $0.b) })")
        XCTAssertEqual(r.passages.first.map { [$0.a, $0.b] }, [0, 1])
        for d in 2..<texts.count { XCTAssertEqual(r.copiedChars[d], 0) }
        // With a higher threshold the template would be copying between every pair.
        var loose = CopyParameters()
        loose.commonMinimum = 20
        let r2 = CopyDetector.detect(texts.map { Fixtures.document($0) }, parameters: loose)
        XCTAssertGreaterThan(r2.passages.count, 20)
    }

    func testPairsPerFingerprintAreCappedSoTheWorkStaysLinear() {
        let p = CopyParameters.default
        XCTAssertEqual([5, 100, 300, 1000, 50_000].map { p.commonThreshold(reports: $0) }, [6, 6, 15, 20, 20])
        // Five identical reports: every fingerprint pairs all five (10 pairs), and every pair shares the body.
        let t = Fixtures.text("2024/云溪镇.txt")
        let five = (0..<5).map { _ in Fixtures.document(t) }
        let r = CopyDetector.detect(five)
        XCTAssertEqual(Set(r.passages.map { [$0.a, $0.b] }).count, 10)
        XCTAssertLessThanOrEqual(r.seedCount, r.fingerprintCount / 5 * 10 * CopyDetector.positionsPerDocument * CopyDetector.positionsPerDocument)
        XCTAssertTrue((0..<5).allSatisfy { r.copiedShare($0) > 0.9 })
        // Thirty: more than the threshold, so the shared text is the folder's common wording and gives no pairs.
        let thirty = (0..<30).map { _ in Fixtures.document(t) }
        let r2 = CopyDetector.detect(thirty)
        XCTAssertEqual(r2.seedCount, 0)
        XCTAssertEqual(r2.passages.count, 0)
    }

    func testShortCoincidencesAreNotPassages() {
        let a = "一、主要举措和成效\n全年开展执法检查，发现问题隐患后立即整改到位。镇里另行组织了一次消防演练。\n"
        let b = "一、主要举措和成效\n今年春季防汛检查中，发现问题隐患后立即整改到位。县里对此给予了通报表扬。\n"
        XCTAssertEqual(CopyDetector.detect([Fixtures.document(a), Fixtures.document(b)]).passages.count, 0)
    }

    func testEarlierYearsAreNotComparedWithEachOther() {
        let t = Fixtures.text("2023/云溪镇2023.txt")
        let r = CopyDetector.detect([Fixtures.document(t, previous: true), Fixtures.document(t, previous: true)])
        XCTAssertEqual(r.passages.count, 0)
        let r2 = CopyDetector.detect([Fixtures.document(t), Fixtures.document(t, previous: true)])
        XCTAssertGreaterThan(r2.passages.count, 0)
        XCTAssertGreaterThan(r2.copiedShare(0), 0.3)
    }

    // MARK: Building blocks

    func testNormalisationIgnoresPunctuationSpacesFiguresAndTheUnitsWordForItself() {
        let a = CopyText.normalize("我镇全年调解纠纷61件，调解成功率98.5%。")
        let b = CopyText.normalize("我乡 全年调解纠纷 7 件,调解成功率100% ")
        XCTAssertEqual(a, b)
        XCTAssertEqual(CopyText.normalize("我街道全年"), CopyText.normalize("我镇全年"))
        XCTAssertEqual(a.count, CopyText.normalize("本局全年调解纠纷3件调解成功率4").count)
        XCTAssertNotEqual(CopyText.normalize("溪口村"), CopyText.normalize("石桥村"))
        // Letters fold to lower case, full-width to half-width; ×× placeholders vanish.
        XCTAssertEqual(CopyText.normalize("ＡＢc"), CopyText.normalize("abC"))
        XCTAssertEqual(CopyText.normalize("××镇人民政府"), CopyText.normalize("镇人民政府"))
        // Offsets point at the original characters, a number's whole run included.
        let src = SourceText("调解61件。")
        let n = CopyText.normalize(src, TextRange(0, src.count), offsets: true)
        XCTAssertEqual(n.chars.count, 4)
        XCTAssertEqual(src.string(TextRange(Int(n.starts[2]), Int(n.ends[2]))), "61")
    }

    func testWinnowingSeesEverySharedRunOfTheGuaranteedLength() {
        var rng = SplitMix(seed: 7)
        let k = 10, w = 10
        for _ in 0..<200 {
            func noise(_ n: Int) -> [UInt16] { (0..<n).map { _ in UInt16(0x4E00 + Int(rng.next() % 400)) } }
            let shared = noise(w + k - 1)
            let a = noise(Int(rng.next() % 60)) + shared + noise(Int(rng.next() % 60))
            let b = noise(Int(rng.next() % 60)) + shared + noise(Int(rng.next() % 60))
            let fa = Set(Winnowing.winnow(Winnowing.shingles(a, k: k), w: w) { _ in false }.map(\.hash))
            let fb = Set(Winnowing.winnow(Winnowing.shingles(b, k: k), w: w) { _ in false }.map(\.hash))
            XCTAssertFalse(fa.isDisjoint(with: fb))
        }
        // Excluded shingles are never chosen.
        let text = (0..<100).map { UInt16(0x4E00 + $0 % 37) }
        let h = Winnowing.shingles(text, k: k)
        let chosen = Winnowing.winnow(h, w: w) { $0 % 3 == 0 }
        XCTAssertFalse(chosen.isEmpty)
        XCTAssertTrue(chosen.allSatisfy { $0.position % 3 != 0 })
        // Density: about 2/(w+1) of the shingles.
        let long = (0..<5000).map { _ in UInt16(0x4E00 + Int(rng.next() % 3000)) }
        let n = Winnowing.winnow(Winnowing.shingles(long, k: k), w: w) { _ in false }.count
        XCTAssertLessThan(n, 5000 / 3)
        XCTAssertGreaterThan(n, 5000 / 10)
    }

    func testRollingHashEqualsTheDirectHash() {
        let chars = CopyText.normalize("坚持以习近平新时代中国特色社会主义思想为指导深入学习贯彻")
        let rolling = Winnowing.shingles(chars, k: 10)
        for i in rolling.indices { XCTAssertEqual(rolling[i], Winnowing.hash(chars[i..<(i + 10)])) }
        XCTAssertTrue(Winnowing.shingles(Array(chars.prefix(9)), k: 10).isEmpty)
    }

    func testUnitsMeetTheirEarlierSelvesByNameWithOrWithoutTheirCounty() {
        let m = UnitMatcher([(0, "青禾县云溪镇"), (1, "石桥镇"), (2, "××镇"), (3, nil)])
        XCTAssertEqual(m.matches("青禾县云溪镇"), [0])
        XCTAssertEqual(m.matches("云溪镇"), [0])
        XCTAssertEqual(m.matches("青禾县石桥镇"), [1])
        XCTAssertEqual(m.matches("白沙乡"), [])
        XCTAssertEqual(m.matches("××镇"), [], "placeholders name no unit")
        XCTAssertEqual(m.matches("青禾縣雲溪鎮"), [0], "a copy in traditional characters is the same unit")
        XCTAssertEqual(UnitMatcher([(0, "雲溪鎮")]).matches("云溪镇"), [0])
        XCTAssertEqual(m.matches("青禾縣白沙鄉"), [])
    }

    func testTheFormulasFileIsReadAndFeedsTheBoilerplate() {
        let formulas = Boilerplate.formulas()
        XCTAssertGreaterThan(formulas.count, 20)
        XCTAssertTrue(formulas.contains("重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办"))
        let b = Boilerplate.standard(k: 10)
        let chars = CopyText.normalize("在法治轨道上全面建设社会主义现代化国家")
        XCTAssertTrue(Winnowing.shingles(chars, k: 10).allSatisfy(b.contains))
        XCTAssertFalse(Winnowing.shingles(CopyText.normalize("镇里把老祠堂改造成法治文化小院"), k: 10).contains(where: b.contains))
    }
}

/// A small deterministic generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
