@testable import FazhiDocx
import Foundation
import XCTest

final class InflateTests: XCTestCase {
    /// Inputs of different character: empty, one byte, random, small alphabet (long matches), Chinese text.
    static var samples: [[UInt8]] {
        let chinese = Array(String(repeating: "一、主要举措和成效\n全年共办理行政复议案件23件，纠错2件。（一）健全依法决策机制。\n", count: 300).utf8)
        return [[], [0x41], Support.random(70_000, seed: 7), Support.random(200_000, seed: 11, alphabet: 4),
                chinese, [UInt8](repeating: 0, count: 100_000)]
    }

    func testDataCompressedByPythonZlibAtEveryLevelAndStrategy() throws {
        guard let py = Support.python() else { throw XCTSkip("python3 is not installed") }
        let dir = try Support.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (k, s) in Self.samples.enumerated() {
            try Data(s).write(to: dir.appendingPathComponent("in\(k)"))
        }
        // Raw DEFLATE (wbits -15) at levels 0–9 and with the fixed, Huffman-only and RLE strategies.
        let script = """
        import zlib, sys
        n = int(sys.argv[1])
        for k in range(n):
            data = open('in%d' % k, 'rb').read()
            for level in range(10):
                c = zlib.compressobj(level, zlib.DEFLATED, -15)
                open('out%d_%d' % (k, level), 'wb').write(c.compress(data) + c.flush())
            for name, strategy in (('fixed', zlib.Z_FIXED), ('huff', zlib.Z_HUFFMAN_ONLY), ('rle', zlib.Z_RLE)):
                c = zlib.compressobj(6, zlib.DEFLATED, -15, 8, strategy)
                open('out%d_%s' % (k, name), 'wb').write(c.compress(data) + c.flush())
        """
        let r = try XCTUnwrap(Support.run(py, ["-c", script, String(Self.samples.count)], cwd: dir))
        XCTAssertEqual(r.code, 0, r.err)
        var checked = 0
        for (k, s) in Self.samples.enumerated() {
            for tag in (0...9).map(String.init) + ["fixed", "huff", "rle"] {
                let c = [UInt8](try Data(contentsOf: dir.appendingPathComponent("out\(k)_\(tag)")))
                let d = try Inflate.decompress(c, limit: s.count, expectedSize: s.count)
                XCTAssertEqual(d, s, "sample \(k) \(tag)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, Self.samples.count * 13)
    }

    func testRoundTripsThroughEncodersWrittenInTheTest() throws {
        for seed in 1...40 {
            let n = Int(Support.random(1, seed: UInt64(seed) * 977)[0]) * 300
            let data = Support.random(n, seed: UInt64(seed), alphabet: seed % 2 == 0 ? 3 : 256)
            XCTAssertEqual(try Inflate.decompress(Support.deflateStored(data, blockSize: 1 + seed * 997), limit: n), data, "stored \(seed)")
            XCTAssertEqual(try Inflate.decompress(Support.deflateFixed(data), limit: n), data, "fixed \(seed)")
        }
    }

    func testEveryTruncationThrows() throws {
        for data in [Array("依法行政依法行政依法行政，规范执法。".utf8), Support.random(3000, seed: 5, alphabet: 5)] {
            for stream in [Support.deflateFixed(data), Support.deflateStored(data, blockSize: 700)] {
                XCTAssertEqual(try Inflate.decompress(stream, limit: data.count), data)
                for cut in 0..<stream.count {
                    XCTAssertThrowsError(try Inflate.decompress(Array(stream[0..<cut]), limit: data.count), "prefix \(cut) of \(stream.count)")
                }
            }
        }
    }

    func testBitFlipsNeverCrashOrOverrunTheLimit() throws {
        let data = Array(String(repeating: "推进严格规范公正文明执法，", count: 200).utf8)
        let streams = [Support.deflateFixed(data), Support.deflateStored(data, blockSize: 500)]
        var threw = 0, total = 0
        for stream in streams {
            for k in 0..<min(stream.count * 8, 1500) {
                var s = stream
                s[k / 8] ^= 1 << UInt8(k % 8)
                total += 1
                do {
                    let out = try Inflate.decompress(s, limit: data.count)
                    XCTAssertLessThanOrEqual(out.count, data.count)
                } catch {
                    threw += 1
                }
            }
        }
        // Most flips are caught by the decoder itself; the rest change a literal (the ZIP CRC catches those).
        XCTAssertGreaterThan(threw, total / 10)
    }

    func testRandomGarbageNeverCrashes() {
        for seed in 1...300 {
            let g = Support.random(Int(seed % 97) * 13 + 1, seed: UInt64(seed) &* 0x9E37_79B9)
            _ = try? Inflate.decompress(g, limit: 1 << 16)
        }
    }

    func testMalformedStreamsThrow() {
        let cases: [(String, [UInt8])] = [
            ("block type 3", [0x07]),
            ("stored LEN/NLEN mismatch", [0x01, 0x05, 0x00, 0x00, 0x00]),
            ("distance before the start", { var w = Support.BitWriter(); w.put(1, 1); w.put(1, 2)
                // length symbol 257 (fixed code 0000001, 7 bits) with no output yet, distance code 0
                for b in [0, 0, 0, 0, 0, 0, 1] { w.put(b, 1) }
                for _ in 0..<5 { w.put(0, 1) }
                return w.bytes() }()),
            ("dynamic: HLIT 287", { var w = Support.BitWriter(); w.put(1, 1); w.put(2, 2); w.put(30, 5); w.put(0, 5); w.put(0, 4); return w.bytes() + [0, 0, 0] }()),
            ("dynamic: repeat with no previous length", { var w = Support.BitWriter(); w.put(1, 1); w.put(2, 2); w.put(0, 5); w.put(0, 5); w.put(0, 4)
                // code-length code: only symbol 16 has a code (length 1) — order starts 16, 17, 18, 0
                w.put(1, 3); w.put(0, 3); w.put(0, 3); w.put(0, 3)
                w.put(0, 1); w.put(0, 2)
                return w.bytes() + [0, 0] }()),
            ("dynamic: over-subscribed code", { var w = Support.BitWriter(); w.put(1, 1); w.put(2, 2); w.put(0, 5); w.put(0, 5); w.put(0, 4)
                w.put(1, 3); w.put(1, 3); w.put(1, 3); w.put(1, 3) // four codes of length 1
                return w.bytes() + [0, 0] }()),
            ("empty input", []),
        ]
        for (name, bytes) in cases {
            XCTAssertThrowsError(try Inflate.decompress(bytes, limit: 1000), name) { e in
                guard case DocxError.corruptDeflate = e else { return XCTFail("\(name): \(e)") }
            }
        }
    }

    func testOutputBeyondTheLimitIsRefusedWithoutAllocatingIt() throws {
        // 10 MB of zeros in a few kilobytes: a bomb when the directory says 1 MB.
        let bomb = Support.deflateFixed([UInt8](repeating: 0, count: 10 << 20))
        XCTAssertLessThan(bomb.count, 100_000)
        XCTAssertThrowsError(try Inflate.decompress(bomb, limit: 1 << 20)) { e in
            XCTAssertTrue("\(e)".contains("超过上限"), "\(e)")
        }
        XCTAssertEqual(try Inflate.decompress(bomb, limit: 10 << 20).count, 10 << 20)
    }

    func testCRC32KnownValues() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([]), 0)
    }
}
