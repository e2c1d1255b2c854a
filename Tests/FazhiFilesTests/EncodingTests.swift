@testable import FazhiFiles
import FazhiText
import Foundation
import XCTest

final class EncodingTests: XCTestCase {
    let sample = "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开会议4次，办结率95%。😀𠀀\n"

    func utf16(_ s: String, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for u in s.utf16 {
            let hi = UInt8(u >> 8), lo = UInt8(u & 0xFF)
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    func testKnownGB18030BytesDecode() throws {
        // 中 = D6 D0, 法 = B7 A8, 治 = D6 CE in GB2312 (and so in GBK and GB18030); ASCII stays ASCII.
        let d = try DecodedFile.decode([0xD6, 0xD0, 0xB7, 0xA8, 0xD6, 0xCE, 0x0A, 0x41])
        XCTAssertEqual(d.encoding, .gb18030)
        XCTAssertFalse(d.hasBOM)
        XCTAssertEqual(String(decoding: d.utf8, as: UTF8.self), "中法治\nA")
    }

    func testEachEncodingDecodesToTheSameTextAndEncodesBackExactly() throws {
        var cases: [(String, [UInt8], TextEncoding, Bool)] = [
            ("UTF-8", Array(sample.utf8), .utf8, false),
            ("UTF-8 BOM", [0xEF, 0xBB, 0xBF] + Array(sample.utf8), .utf8, true),
            ("UTF-16LE", utf16(sample, bigEndian: false), .utf16LE, true),
            ("UTF-16BE", utf16(sample, bigEndian: true), .utf16BE, true),
        ]
        if let gb = externalEncode(sample, as: "GB18030") {
            // The emoji and 𠀀 are four-byte GB18030 sequences (the hardest part of the mapping).
            XCTAssertNotNil(gb.firstRange(of: [0x94, 0x39, 0xFC, 0x36]), "😀 in GB18030")
            XCTAssertNotNil(gb.firstRange(of: [0x95, 0x32, 0x82, 0x36]), "𠀀 in GB18030")
            cases.append(("GB18030", gb, .gb18030, false))
        }
        for (name, raw, enc, bom) in cases {
            let d = try DecodedFile.decode(raw)
            XCTAssertEqual(d.encoding, enc, name)
            XCTAssertEqual(d.hasBOM, bom, name)
            XCTAssertEqual(String(decoding: d.utf8, as: UTF8.self), sample, name)
            XCTAssertEqual(d.lineEnding, .lf, name)
            XCTAssertEqual(try d.encode(edited: d.utf8), raw, "\(name): round trip")
            // An edit comes back in the same encoding, with exactly one BOM when there was one.
            let edited = sample.replacingOccurrences(of: "4次", with: "四次")
            let out = try d.encode(edited: Array(edited.utf8))
            let again = try DecodedFile.decode(out)
            XCTAssertEqual(String(decoding: again.utf8, as: UTF8.self), edited, name)
            XCTAssertEqual(again.encoding, enc, name)
            XCTAssertEqual(again.hasBOM, bom, name)
            XCTAssertFalse(again.utf8.starts(with: [0xEF, 0xBB, 0xBF]), "\(name): BOM duplicated into the text")
        }
    }

    func testBOMIsNotPartOfTheTextSoColumnsMatchThePlainTwin() throws {
        let plain = try DecodedFile.decode(Array("标题\n第二行，有逗号,这里".utf8))
        let bom = try DecodedFile.decode([0xEF, 0xBB, 0xBF] + Array("标题\n第二行，有逗号,这里".utf8))
        let offset = plain.utf8.count - "这里".utf8.count - 1
        XCTAssertEqual(plain.source.position(of: 3, encoding: .utf16), bom.source.position(of: 3, encoding: .utf16))
        XCTAssertEqual(bom.source.position(of: offset, encoding: .utf16), LineColumn(line: 1, character: 7))
        XCTAssertEqual(bom.source.bytes, plain.source.bytes)
    }

    func testGB18030ByteOrderMarkIsStrippedAndRestored() throws {
        // U+FEFF in GB18030 is 84 31 95 33; like a UTF-8 BOM it is not part of the text.
        let raw: [UInt8] = [0x84, 0x31, 0x95, 0x33, 0xD6, 0xD0, 0x0A]
        let d = try DecodedFile.decode(raw)
        XCTAssertEqual(d.encoding, .gb18030)
        XCTAssertTrue(d.hasBOM)
        XCTAssertEqual(String(decoding: d.utf8, as: UTF8.self), "中\n")
        XCTAssertEqual(try d.encode(edited: d.utf8), raw)
    }

    func testASecondBOMIsTextAndSurvives() throws {
        let raw: [UInt8] = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("正文".utf8)
        let d = try DecodedFile.decode(raw)
        XCTAssertTrue(d.hasBOM)
        XCTAssertEqual(d.utf8, [0xEF, 0xBB, 0xBF] + Array("正文".utf8))
        XCTAssertEqual(try d.encode(edited: d.utf8), raw)
    }

    func testValidUTF8WinsOverGB18030() throws {
        // Plain ASCII and ordinary UTF-8 Chinese are both valid GB18030 byte-wise in places; UTF-8 wins.
        XCTAssertEqual(try DecodedFile.decode(Array("abc 123\r\n".utf8)).encoding, .utf8)
        XCTAssertEqual(try DecodedFile.decode(Array("法治政府".utf8)).encoding, .utf8)
        XCTAssertEqual(try DecodedFile.decode([]).encoding, .utf8)
    }

    func testUndecodableBytesAreRefusedWithTheOffsetAndTheBytes() throws {
        // 中 in GB18030, then 0x80 (never valid in GB18030), then A.
        let raw: [UInt8] = [0xD6, 0xD0, 0x80, 0x41]
        XCTAssertThrowsError(try DecodedFile.decode(raw)) { e in
            guard case .undecodable(let u, let g, let found) = e as? FileError.Kind else { return XCTFail("\(e)") }
            XCTAssertEqual(u, 0)
            XCTAssertEqual(g, 2)
            XCTAssertEqual(found, [0x80, 0x41])
            let message = FileError(path: "乙镇报告.txt", e as! FileError.Kind).description
            XCTAssertTrue(message.hasPrefix("乙镇报告.txt："), message)
            XCTAssertTrue(message.contains("第 3 字节处不是有效的 GB18030 编码（0x80 0x41）"), message)
        }
        // A GB18030 lead byte at the very end: incomplete.
        XCTAssertThrowsError(try DecodedFile.decode([0xD6, 0xD0, 0xD6])) { e in
            guard case .undecodable(_, let g, _) = e as? FileError.Kind else { return XCTFail("\(e)") }
            XCTAssertEqual(g, 2)
        }
    }

    func testBinaryAndBOMlessUTF16AreRefused() {
        XCTAssertThrowsError(try DecodedFile.decode([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])) { e in
            XCTAssertEqual(e as? FileError.Kind, .binary(offset: 4))
        }
        var le: [UInt8] = []
        for u in "abc".utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        XCTAssertThrowsError(try DecodedFile.decode(le)) { e in XCTAssertEqual(e as? FileError.Kind, .binary(offset: 1)) }
        XCTAssertThrowsError(try DecodedFile.decode([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00])) { e in
            XCTAssertEqual(e as? FileError.Kind, .utf32)
        }
        // A NUL after a UTF-16 BOM is still not text.
        XCTAssertThrowsError(try DecodedFile.decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00])) { e in
            XCTAssertEqual(e as? FileError.Kind, .binary(offset: 4))
        }
    }

    func testBrokenSequencesAfterABOMAreRefused() {
        XCTAssertThrowsError(try DecodedFile.decode([0xEF, 0xBB, 0xBF, 0x41, 0xC3])) { e in
            XCTAssertEqual(e as? FileError.Kind, .invalidAfterBOM(.utf8, offset: 4, found: [0xC3]))
        }
        // A lone high surrogate followed by a letter.
        XCTAssertThrowsError(try DecodedFile.decode([0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00])) { e in
            guard case .invalidAfterBOM(.utf16LE, let o, _) = e as? FileError.Kind else { return XCTFail("\(e)") }
            XCTAssertEqual(o, 2)
        }
        XCTAssertThrowsError(try DecodedFile.decode([0xFE, 0xFF, 0x4E, 0x2D, 0x00])) { e in
            XCTAssertEqual(e as? FileError.Kind, .truncated(.utf16BE, offset: 4))
        }
    }

    func testLineEndingsAreKeptAndNewBareLFsFollowTheFile() throws {
        let crlf = try DecodedFile.decode(Array("一\r\n二\r\n".utf8))
        XCTAssertEqual(crlf.lineEnding, .crlf)
        XCTAssertEqual(try crlf.encode(edited: Array("一\r\n二\n三\r\n".utf8)), Array("一\r\n二\r\n三\r\n".utf8))
        let mixed = try DecodedFile.decode(Array("一\r\n二\n".utf8))
        XCTAssertEqual(mixed.lineEnding, .mixed)
        XCTAssertEqual(try mixed.encode(edited: Array("一\r\n二\n三\n".utf8)), Array("一\r\n二\n三\n".utf8))
        XCTAssertEqual(try DecodedFile.decode(Array("一\r二\r".utf8)).lineEnding, .cr)
        XCTAssertEqual(try DecodedFile.decode(Array("一二".utf8)).lineEnding, .none)
        let gbCRLF: [UInt8] = [0xD6, 0xD0, 0x0D, 0x0A, 0xB7, 0xA8, 0x0D, 0x0A]
        let d = try DecodedFile.decode(gbCRLF)
        XCTAssertEqual(d.lineEnding, .crlf)
        XCTAssertEqual(try d.encode(edited: d.utf8), gbCRLF)
    }

    func testFirstInvalidOffsetAgreesWithValidation() {
        var rnd: UInt64 = 12345
        for _ in 0..<2000 {
            var b: [UInt8] = []
            for _ in 0..<Int(rnd % 12) {
                rnd = rnd &* 6364136223846793005 &+ 1442695040888963407
                b.append(UInt8(truncatingIfNeeded: rnd >> 33))
            }
            rnd = rnd &* 6364136223846793005 &+ 1442695040888963407
            let first = UTF8Validation.firstInvalidOffset(b)
            XCTAssertEqual(first == nil, String(validating: b, as: UTF8.self) != nil, "\(b)")
            if let f = first { XCTAssertNotNil(String(validating: Array(b[..<f]), as: UTF8.self), "\(b) prefix before \(f)") }
        }
    }
}
