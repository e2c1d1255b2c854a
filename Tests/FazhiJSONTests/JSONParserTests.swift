import XCTest
@testable import FazhiJSON

final class JSONParserTests: XCTestCase {
    func parse(_ s: String) throws -> JSON { try JSON.parse(s) }

    func assertError(_ bytes: [UInt8], offset: Int? = nil, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let v = try JSON.parse(bytes)
            XCTFail("expected an error, got \(v)", file: file, line: line)
        } catch let e as JSONParseError {
            if let offset { XCTAssertEqual(e.offset, offset, "\(e)", file: file, line: line) }
            XCTAssertFalse(e.message.isEmpty, file: file, line: line)
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
        }
    }

    func assertError(_ s: String, offset: Int? = nil, file: StaticString = #filePath, line: UInt = #line) {
        assertError(Array(s.utf8), offset: offset, file: file, line: line)
    }

    func testScalars() throws {
        XCTAssertEqual(try parse("null"), .null)
        XCTAssertEqual(try parse(" true "), .bool(true))
        XCTAssertEqual(try parse("\tfalse\r\n"), .bool(false))
        XCTAssertEqual(try parse("\"\""), .string(""))
        XCTAssertEqual(try parse("0"), .int(0))
        XCTAssertEqual(try parse("-12"), .int(-12))
        XCTAssertEqual(try parse("1.5"), .double(1.5))
        XCTAssertEqual(try parse("2e3"), .double(2000))
        XCTAssertEqual(try parse("-2.5E-1"), .double(-0.25))
    }

    func testNumbers() throws {
        XCTAssertEqual(try parse("-0"), .int(0))
        XCTAssertEqual(try parse("-0.0"), .double(-0.0))
        XCTAssertEqual(try parse("1e400"), .double(.infinity))
        XCTAssertEqual(try parse("-1e400"), .double(-.infinity))
        XCTAssertEqual(try parse("1e-400"), .double(0))
        XCTAssertEqual(try parse("9223372036854775807"), .int(Int.max))
        XCTAssertEqual(try parse("-9223372036854775808"), .int(Int.min))
        XCTAssertEqual(try parse("9223372036854775808"), .double(9223372036854775808.0))
        XCTAssertEqual(try parse("123456789012345678901234567890"), .double(123456789012345678901234567890.0))
        XCTAssertEqual(try parse("[1,2.0,3]"), .array([.int(1), .double(2), .int(3)]))
        for bad in ["01", "-", "+1", "1.", ".5", "1e", "1e+", "0x10", "NaN", "Infinity", "-Infinity", "1.e3", "--1"] {
            assertError(bad)
        }
    }

    func testEscapes() throws {
        XCTAssertEqual(try parse(#""a\"b\\c\/d\be\ff\ng\rh\ti""#), .string("a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti"))
        XCTAssertEqual(try parse(#""\u0041\u00e9\u4E2D""#), .string("Aé中"))
        XCTAssertEqual(try parse(#""\ud83d\ude00""#), .string("😀"))
        XCTAssertEqual(try parse(#""\uD840\uDC00""#), .string("𠀀"))
        // Lone surrogates become U+FFFD.
        XCTAssertEqual(try parse(#""\ud83d""#), .string("\u{FFFD}"))
        XCTAssertEqual(try parse(#""\ude00x""#), .string("\u{FFFD}x"))
        XCTAssertEqual(try parse(#""\ud83dx""#), .string("\u{FFFD}x"))
        XCTAssertEqual(try parse(#""\ud83d\u0041""#), .string("\u{FFFD}A"))
        XCTAssertEqual(try parse(#""\ud83d\ud83d\ude00""#), .string("\u{FFFD}😀"))
        XCTAssertEqual(try parse(#""\u0000""#), .string("\u{0}"))
        assertError(#""\x""#, offset: 1)
        assertError(#""\u12""#)
        assertError(#""\u12G4""#)
        assertError("\"a\nb\"", offset: 2)
        assertError("\"a\tb\"", offset: 2)
    }

    func testAstralAndCJKRaw() throws {
        let s = "😀 𠀀 法治政府建设 ☃"
        XCTAssertEqual(try parse("\"\(s)\""), .string(s))
        XCTAssertEqual(try parse("{\"法治\":\"😀\\n𠀀\"}"), .object(["法治": .string("😀\n𠀀")]))
    }

    func testInvalidUTF8() {
        assertError([0x22, 0x61, 0xFF, 0x22], offset: 2)
        assertError([0x22, 0xC0, 0xAF, 0x22], offset: 1)  // overlong
        assertError([0x22, 0xED, 0xA0, 0x80, 0x22], offset: 1)  // encoded surrogate
        assertError([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], offset: 1)  // > U+10FFFF
        assertError([0x22, 0xE4, 0xB8, 0x22], offset: 1)  // truncated sequence
        assertError([0x22, 0x5C, 0x6E, 0xE4, 0xB8, 0x22], offset: 3)  // invalid after an escape
        assertError([0xFF])
    }

    func testRoundTrip() throws {
        let docs = [
            #"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.txt"},"position":{"line":3,"character":7}}}"#,
            #"[null,true,false,0,-1,1.5,"x",[],{},[[[]]],{"a":{"b":[1,{"c":null}]}}]"#,
            #"{"s":"quote\" backslash\\ nl\n ctl\u0001 中文 😀"}"#,
        ]
        for d in docs {
            let v = try parse(d)
            XCTAssertEqual(v.serializedString(), d)
            XCTAssertEqual(try JSON.parse(v.serialized()), v)
            XCTAssertEqual(try parse(v.serializedString(pretty: true)), v)
        }
    }

    func testKeyOrderPreservedAndDuplicates() throws {
        let v = try parse(#"{"z":1,"a":2,"m":3,"b":4}"#)
        XCTAssertEqual(v.objectValue?.keys, ["z", "a", "m", "b"])
        let d = try parse(#"{"a":1,"b":2,"a":3}"#)
        XCTAssertEqual(d.objectValue?.keys, ["a", "b"])
        XCTAssertEqual(d["a"], .int(3))
        // Many keys (hash-based duplicate check).
        var text = "{"
        for i in 0..<100 { text += "\"k\(i)\":\(i)," }
        text += "\"k5\":-1}"
        let big = try parse(text)
        XCTAssertEqual(big.objectValue?.count, 100)
        XCTAssertEqual(big["k5"], .int(-1))
        XCTAssertEqual(big.objectValue?.keys.first, "k0")
    }

    func testDeepNestingRejected() throws {
        let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        XCTAssertNoThrow(try parse(ok))
        assertError(String(repeating: "[", count: 257) + String(repeating: "]", count: 257))
        // Far deeper than any stack could take.
        assertError(String(repeating: "[", count: 1_000_000))
        assertError(String(repeating: "{\"a\":", count: 100_000))
    }

    func testTruncatedAndGarbage() {
        let full = #"{"a":[1,2,{"b":"c"}],"d":true}"#
        let bytes = Array(full.utf8)
        for n in 0..<bytes.count { assertError(Array(bytes[0..<n])) }
        assertError(full + "x", offset: bytes.count)
        assertError(full + " {}")
        assertError("tru")
        assertError("nul")
        assertError("truex")
        assertError("[1,]")
        assertError("[1 2]")
        assertError("{\"a\" 1}")
        assertError("{\"a\":1,}")
        assertError("{a:1}")
        assertError("{'a':1}")
        assertError("")
        assertError("   ")
        assertError("]")
    }

    func testRandomGarbageNeverCrashes() {
        var rng = SplitMix64(seed: 42)
        let alphabet = Array(#"{}[]:,"\ntrufalsn0123456789.-+eE \u"#.utf8) + [0xFF, 0xE4, 0xB8, 0xAD]
        var parsed = 0
        for _ in 0..<5000 {
            let n = Int(rng.next() % 40)
            var b: [UInt8] = []
            for _ in 0..<n { b.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            if (try? JSON.parse(b)) != nil { parsed += 1 }
        }
        XCTAssertGreaterThanOrEqual(parsed, 0)
    }

    func testWriterEscapes() {
        XCTAssertEqual(JSON.string("a\u{1}\u{1f}\"\\").serializedString(), #""a\u0001\u001f\"\\""#)
        XCTAssertEqual(JSON.double(.nan).serializedString(), "null")
        XCTAssertEqual(JSON.array([.bool(true), .bool(false), .null]).serializedString(), "[true,false,null]")
    }
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
