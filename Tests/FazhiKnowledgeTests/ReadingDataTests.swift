import FazhiKnowledge
import XCTest

/// The data the parser reads layouts and matches headings with: the reading vocabulary, the
/// traditional→simplified folding table, and the profile's patterns.
final class ReadingDataTests: XCTestCase {
    func testReadingVocabularyLoadsAndIsConsistent() throws {
        let v = try ReadingVocabulary.load()
        XCTAssertEqual(v.problems(), [])
        XCTAssertFalse(v.chromeKeys.isEmpty)
        XCTAssertFalse(v.placeSuffixes.isEmpty)
        XCTAssertTrue(v.chromeKeys.contains("发布日期"))
        XCTAssertTrue(v.organEndings.contains { $0.ending == "人民政府" })
    }

    func testProblemsAreFound() {
        var v = ReadingVocabulary.empty
        v.placeSuffixes = [.init(suffix: "镇", kind: "村"), .init(suffix: "镇", kind: "镇")]
        v.selfReferences = [.init(word: "我处", kind: "处")]
        let p = v.problems()
        XCTAssertTrue(p.contains { $0.contains("村") }, "\(p)")
        XCTAssertTrue(p.contains { $0.contains("重复") }, "\(p)")
        XCTAssertTrue(p.contains { $0.contains("我处") }, "\(p)")
    }

    func testFoldingTable() {
        let f = MatchNormalizer.shared
        XCTAssertGreaterThan(f.count, 2000)
        XCTAssertEqual(f.normalize("推進法治政府建設的主要舉措和成效"), "推进法治政府建设的主要举措和成效")
        XCTAssertEqual(f.normalize("應(yīng)急管理部"), "应急管理部", "a pronunciation gloss after a character is dropped")
        XCTAssertEqual(f.normalize("（一）加强领导(2024年)"), "（一）加强领导(2024年)", "brackets that are not glosses stay")
        XCTAssertEqual(f.normalize("ＡＢ１２"), "AB12")
        XCTAssertFalse(f.isTraditional(0x6CD5), "法 is the same in both")
        XCTAssertTrue(f.isTraditional(0x9EE8), "黨")
    }

    /// Part patterns are matched as written against simplified text: none may hold a character the
    /// folding table maps, or a traditional heading (folded) and a simplified one would read differently.
    func testProfilePatternsAreUnchangedByFolding() {
        let f = MatchNormalizer.shared
        for profile in Profiles.builtin {
            for part in profile.parts {
                for piece in part.match.flatMap({ $0 }) + (part.exclude ?? []) {
                    XCTAssertEqual(f.normalize(piece), piece, "\(profile.id)/\(part.id): \(piece)")
                }
            }
        }
    }
}

/// The residue vocabulary of `placeholder` and `conversion-artifact`.
final class ResidueDataTests: XCTestCase {
    func testResidueVocabularyLoadsAndIsConsistent() throws {
        let v = try ResidueVocabulary.load()
        XCTAssertEqual(v.problems(), [])
        XCTAssertTrue(v.placeholderPhrases.contains("待补充"))
        XCTAssertTrue(v.pictureNotes.contains("插入图片"))
        XCTAssertTrue(v.omittedOwners.contains("附件"))
        XCTAssertFalse(v.bracketFillWords.isEmpty)
    }

    func testProblemsAreFound() {
        var v = ResidueVocabulary.empty
        v.pictureNotes = ["图片略", "图片略"]
        v.placeholderPhrases = [""]
        let p = v.problems()
        XCTAssertTrue(p.contains { $0.contains("重复") }, "\(p)")
        XCTAssertTrue(p.contains { $0.contains("空") }, "\(p)")
    }
}
