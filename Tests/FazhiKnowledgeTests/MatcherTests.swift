import XCTest
import FazhiKnowledge
import FazhiText

/// Deterministic generator (SplitMix64) for reproducible random tests.
struct SeededRandom: RandomNumberGenerator {
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

final class MatcherTests: XCTestCase {
    static let alphabet: [String] = ["法", "治", "政", "府", "建", "设", "截", "止", "至", "a", "b", "1", "😀", "𠀀", "。", "，", "é"]

    static func randomString(_ rng: inout SeededRandom, maxLen: Int) -> String {
        let n = Int.random(in: 1...maxLen, using: &rng)
        return (0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }.joined()
    }

    /// All occurrences of each pattern at scalar boundaries, by brute force.
    static func naive(_ patterns: [String], _ text: String) -> Set<MultiPatternMatcher.Match> {
        let t = Array(text.utf8)
        var boundaries = Set<Int>()
        var o = 0
        for s in text.unicodeScalars { boundaries.insert(o); o += String(s).utf8.count }
        boundaries.insert(t.count)
        var result = Set<MultiPatternMatcher.Match>()
        for (pi, p) in patterns.enumerated() {
            let pb = Array(p.utf8)
            guard !pb.isEmpty, pb.count <= t.count else { continue }
            for s in 0...(t.count - pb.count) where Array(t[s..<(s + pb.count)]) == pb {
                if boundaries.contains(s) && boundaries.contains(s + pb.count) {
                    result.insert(.init(start: s, end: s + pb.count, pattern: pi, payload: pi))
                }
            }
        }
        return result
    }

    func testAgainstNaiveSearchOnRandomStrings() {
        var rng = SeededRandom(seed: 42)
        for _ in 0..<300 {
            let patterns = (0..<Int.random(in: 1...12, using: &rng)).map { _ in Self.randomString(&rng, maxLen: 4) }
            let matcher = MultiPatternMatcher(patterns: patterns)
            let text = Self.randomString(&rng, maxLen: 60)
            let got = matcher.matches(in: text)
            XCTAssertEqual(Set(got), Self.naive(patterns, text), "patterns \(patterns) text \(text)")
            XCTAssertEqual(got.count, Set(got).count)
        }
    }

    /// Long texts are scanned as two or four interleaved streams: the matches and their order (by end
    /// offset) must be those of one plain scan.
    func testInterleavedStreamsMatchPlainScan() {
        var rng = SeededRandom(seed: 7)
        for size in [5_000, 20_000, 70_001] {
            let patterns = (0..<40).map { _ in Self.randomString(&rng, maxLen: 5) }
            let matcher = MultiPatternMatcher(patterns: patterns)
            let text = Array(Self.randomString(&rng, maxLen: 1).utf8) + (0..<size).flatMap { _ in
                Array(Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &rng)].utf8)
            }
            var streamed: [MultiPatternMatcher.Match] = []
            text.withUnsafeBufferPointer { p in matcher.forEachMatch(in: p, range: 0..<p.count) { streamed.append($0) } }
            // Plain scan: chunk by chunk (each chunk ends on a scalar boundary), one state carried across.
            var plain: [MultiPatternMatcher.Match] = []
            var state = 0
            text.withUnsafeBufferPointer { p in
                _ = matcher.scanChunk(p, state: &state) { plain.append($0); return true }
            }
            XCTAssertEqual(streamed, plain, "size \(size)")
            XCTAssertFalse(plain.isEmpty)
        }
    }

    func testOnlyScalarBoundaries() {
        // "é" is C3 A9; a pattern of the single byte A9 cannot be written as a String, but a pattern
        // that is the tail of a longer scalar's bytes can only arise across scalars: check ranges instead.
        let text = "截止目前，截至目前"
        let m = MultiPatternMatcher(patterns: ["截止", "目前", "止目"])
        let found = m.matches(in: text).map { SourceText(text).string(TextRange($0.start, $0.end)) }
        XCTAssertEqual(found.sorted(), ["截止", "止目", "目前", "目前"].sorted())
        // A restricted range that starts inside a scalar never reports a partial scalar.
        let src = SourceText(text)
        let partial = src.bytes.withUnsafeBufferPointer { m.matches(in: $0, range: 1..<src.count) }
        XCTAssertTrue(partial.allSatisfy { $0.start >= 3 })
    }

    func testOverlappingPatterns() {
        let m = MultiPatternMatcher(patterns: ["he", "she", "his", "hers"])
        let r = m.matches(in: "ushers")
        XCTAssertEqual(r.map { m.patterns[$0.pattern] }, ["she", "hers", "he"])
        XCTAssertEqual(r.map(\.range), [1..<4, 2..<6, 2..<4])
        let cjk = MultiPatternMatcher(patterns: ["法治", "法治政府", "政府", "治政"])
        XCTAssertEqual(cjk.matches(in: "法治政府建设").count, 4)
    }

    func testLeftmostLongest() {
        let m = MultiPatternMatcher(patterns: ["法治", "法治政府", "政府建设", "建设"])
        let r = m.matches(in: "推进法治政府建设", leftmostLongest: true)
        XCTAssertEqual(r.map { m.patterns[$0.pattern] }, ["法治政府", "建设"])
        let m2 = MultiPatternMatcher(patterns: ["ab", "bcd", "c"])
        XCTAssertEqual(m2.matches(in: "abcd", leftmostLongest: true).map { m2.patterns[$0.pattern] }, ["ab", "c"])
    }

    func testPayloadsAndDuplicates() {
        let m = MultiPatternMatcher([("法治", 7), ("法治", 9), ("", 3)])
        let r = m.matches(in: "法治")
        XCTAssertEqual(Set(r.map(\.payload)), [7, 9])
        XCTAssertTrue(MultiPatternMatcher(patterns: []).matches(in: "法治").isEmpty)
        XCTAssertTrue(MultiPatternMatcher(patterns: [""]).matches(in: "法治").isEmpty)
    }

    func testAllBytesUsed() {
        // Patterns covering every byte value still work (no spare equivalence class).
        var pats: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        pats.append(contentsOf: (0x80..<0x800).map { String(UnicodeScalar(UInt32($0))!) })
        pats.append(contentsOf: ["\u{10000}", "\u{F0000}", "\u{100000}", "\u{E000}"])
        let m = MultiPatternMatcher(patterns: pats)
        XCTAssertEqual(m.matches(in: "aé\u{10000}").count, 3)
    }

    /// Many random patterns over a long text: the automaton finds exactly the occurrences a naive search
    /// finds (every pattern at every start). Its speed is `fazhi bench`'s business, not a test's.
    func testManyPatternsAgreeWithNaiveSearch() {
        var rng = SeededRandom(seed: 7)
        let han = Array("法治政府建设情况报告年度推进依法行政执法监督规范性文件合法性审查党政主要负责人第一责任人职责截至目前")
        var words: Set<String> = []
        for _ in 0..<400 {
            let n = Int.random(in: 2...5, using: &rng)
            words.insert(String((0..<n).map { _ in han[Int.random(in: 0..<han.count, using: &rng)] }))
        }
        words.formUnion(["法治政府", "行政执法", "三项制度", "习近平法治思想", "重大行政决策", "截止目前"])
        let list = words.sorted()
        let matcher = MultiPatternMatcher(patterns: list)
        var text = ""
        let piece = "2023年以来，我镇深入学习贯彻习近平法治思想，全面推进法治政府建设，严格落实重大行政决策程序，行政执法“三项制度”有效执行。\n"
        for k in 0..<40 { text += piece + String(han[(k * 7) % han.count]) + String(han[(k * 13) % han.count]) }
        let src = SourceText(text)
        var got = 0
        src.bytes.withUnsafeBufferPointer { p in matcher.forEachMatch(in: p, range: 0..<p.count) { _ in got += 1 } }
        let bytes = src.bytes
        var want = 0
        for w in list {
            let pat = Array(w.utf8)
            var i = 0
            while i + pat.count <= bytes.count {
                if bytes[i] == pat[0] && Array(bytes[i..<(i + pat.count)]) == pat { want += 1 }
                i += 1
            }
        }
        XCTAssertGreaterThan(want, 40)
        XCTAssertEqual(got, want)
    }
}
