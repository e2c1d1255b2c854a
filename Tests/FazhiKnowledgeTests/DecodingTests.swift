import FazhiJSON
import FazhiKnowledge
import Foundation
import XCTest

/// The hand-written readers (KnowledgeDecoding.swift) and the Codable decoder over FazhiJSON values read
/// the knowledge files exactly as Foundation's JSONDecoder reads them with the models' Codable code.
final class DecodingTests: XCTestCase {
    func resource(_ name: String) throws -> Data {
        try XCTUnwrap(KnowledgeResources.data(name), "\(name) not found")
    }

    func testShippedFilesReadAsJSONDecoderReadsThem() throws {
        let terms = try resource(TermsFile.fileName)
        XCTAssertEqual(try TermsFile.load(data: terms).terms, try JSONDecoder().decode(TermsFile.self, from: terms).terms)
        XCTAssertEqual(try TermsFile.load(data: terms).version, try JSONDecoder().decode(TermsFile.self, from: terms).version)
        let pairs = try resource(ConfusablesFile.fileName)
        XCTAssertEqual(try ConfusablesFile.load(data: pairs).pairs, try JSONDecoder().decode(ConfusablesFile.self, from: pairs).pairs)
        let anchors = try resource(AnchorsFile.fileName)
        XCTAssertEqual(try AnchorsFile.load(data: anchors).anchors, try JSONDecoder().decode(AnchorsFile.self, from: anchors).anchors)
        let phrases = try resource(PhrasesFile.fileName)
        XCTAssertEqual(try PhrasesFile.load(data: phrases).phrases, try JSONDecoder().decode(PhrasesFile.self, from: phrases).phrases)
        XCTAssertGreaterThan(try TermsFile.load(data: terms).terms.count, 50)
        // Files read through JSONValueDecoder (Codable over FazhiJSON values), compared through the encoder.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for name in [FiguresFile.fileName, CitationsFile.fileName] {
            let d = try resource(name)
            if name == FiguresFile.fileName {
                XCTAssertEqual(try encoder.encode(try FiguresFile.load(data: d)), try encoder.encode(try JSONDecoder().decode(FiguresFile.self, from: d)))
            } else {
                XCTAssertEqual(try encoder.encode(try CitationsFile.load(data: d)), try encoder.encode(try JSONDecoder().decode(CitationsFile.self, from: d)))
            }
        }
    }

    func testLenientAboutMissingStrictAboutTypes() throws {
        let lenient = Data(#"{"terms": [{"term": "三重一大", "aliases": null}, {}], "version": 2}"#.utf8)
        let mine = try TermsFile.load(data: lenient), theirs = try JSONDecoder().decode(TermsFile.self, from: lenient)
        XCTAssertEqual(mine.terms, theirs.terms)
        XCTAssertEqual(mine.version, 2)
        XCTAssertEqual(mine.terms[1].term, "")
        XCTAssertNil(mine.terms[0].aliases)
        for broken in [#"{"terms": [{"term": 3}]}"#, #"{"terms": {"term": "x"}}"#, #"{"terms": [{"aliases": ["a", 1]}]}"#, #"{"terms": [1]}"#, "[", #"{"version": "1"}"#] {
            XCTAssertThrowsError(try TermsFile.load(data: Data(broken.utf8)), broken) { e in
                XCTAssertEqual((e as? KnowledgeError)?.file, "terms.json", broken)
            }
            XCTAssertThrowsError(try JSONDecoder().decode(TermsFile.self, from: Data(broken.utf8)), broken)
        }
        let pair = #"{"pairs": [{"wrong": "截止目前", "right": "截至目前", "exceptions": ["截止日期"], "rule": null}]}"#
        XCTAssertEqual(try ConfusablesFile.load(data: Data(pair.utf8)).pairs, try JSONDecoder().decode(ConfusablesFile.self, from: Data(pair.utf8)).pairs)
    }

    /// The Codable decoder over FazhiJSON values agrees with JSONDecoder on the models (profiles use it).
    func testValueDecoderAgreesWithJSONDecoder() throws {
        struct Sample: Codable, Equatable {
            var name: String
            var count: Int
            var ratio: Double?
            var flags: [Bool]
            var nested: [String: [Int]]
            var missing: String?
        }
        let json = #"{"name": "法治", "count": 3.0, "ratio": 0.5, "flags": [true, false], "nested": {"a": [1, 2], "b": []}, "missing": null}"#
        XCTAssertEqual(try JSONValueDecoder().decode(Sample.self, from: Array(json.utf8)), try JSONDecoder().decode(Sample.self, from: Data(json.utf8)))
        for broken in [#"{"name": 1, "count": 1, "flags": [], "nested": {}}"#, #"{"name": "x", "flags": [], "nested": {}}"#,
                       #"{"name": "x", "count": 1.5, "flags": [], "nested": {}}"#, #"{"name": "x", "count": 1, "flags": [1], "nested": {}}"#] {
            XCTAssertThrowsError(try JSONValueDecoder().decode(Sample.self, from: Array(broken.utf8)), broken)
            XCTAssertThrowsError(try JSONDecoder().decode(Sample.self, from: Data(broken.utf8)), broken)
        }
        // profiles.json, read by hand, gives what the synthesized Codable gives (compared through the encoder).
        let profiles = try resource("profiles.json")
        struct File: Codable { var version: Int; var profiles: [Profile] }
        let theirs = try JSONDecoder().decode(File.self, from: profiles).profiles
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        XCTAssertEqual(try encoder.encode(try Profiles.load()), try encoder.encode(theirs))
        XCTAssertFalse(theirs.isEmpty)
    }

    /// The traditional→simplified table read byte by byte folds exactly as reading it line by line as text.
    func testFoldingTableMatchesALineByLineReading() throws {
        let data = try resource("t2s.txt")
        var expected: [UInt32: UInt32] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let s = Array(line.unicodeScalars)
            guard s.count == 2, s[0].value >= 0x3400, s[0].value < 0xA000 else { continue }
            expected[s[0].value] = s[1].value
        }
        let table = MatchNormalizer(data: [UInt8](data))
        XCTAssertEqual(table.count, expected.count)
        XCTAssertGreaterThan(expected.count, 1000)
        for v: UInt32 in 0x3400..<0xA000 {
            XCTAssertEqual(table.fold(v), expected[v] ?? v)
        }
        // Comments, blank lines, lines of one or three scalars and a last line without newline.
        let odd = MatchNormalizer(data: Array("#註释\n\n體体\n書\n國国家\n語语".utf8))
        XCTAssertEqual(odd.fold(0x9AD4), 0x4F53)
        XCTAssertEqual(odd.fold(0x8A9E), 0x8BED)
        XCTAssertEqual(odd.fold(0x570B), 0x570B)
        XCTAssertEqual(odd.count, 2)
    }
}

/// The law index's comparison key, computed on bytes for plain names, equals the character-based key.
final class LawKeyTests: XCTestCase {
    func reference(_ name: String) -> String {
        let n = LawNames.normalize(name), p = LawNames.nationalPrefix
        return n.hasPrefix(p) && n.count > p.count ? String(n.dropFirst(p.count)) : n
    }

    func testKeysAgreeWithCharacterComparison() {
        var names: [String] = []
        for law in Knowledge.shared.laws.laws { names.append(law.name); names += law.short }
        XCTAssertGreaterThan(names.count, 1000)
        names += ["中华人民共和国", "中华人民共和国宪法", "《中华人民共和国 行政处罚法》", "中华人民共和国\u{0301}法", "中华人民共和国\u{302A}法",
                  "中華人民共和國民法典", "中华人民共和国ＡＢ法", "中华人民共和国\u{F900}", "\u{F900}中华人民共和国法", "中华人民共和", "", "Ａ中华人民共和国法"]
        for n in names { XCTAssertEqual(LawNames.key(n), reference(n), n) }
    }
}
