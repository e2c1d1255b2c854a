@testable import FazhiDocx
import Foundation
import XCTest

final class ZipArchiveTests: XCTestCase {
    func testArchivesWrittenByPythonZipfile() throws {
        guard let py = Support.python() else { throw XCTSkip("python3 is not installed") }
        let dir = try Support.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Stored and deflated entries, a comment that itself contains the end-record signature, and an
        // archive written to an unseekable stream (data descriptors, sizes only in the central directory).
        let script = #"""
        import zipfile, io
        text = ('依法行政，建设法治政府。' * 500).encode('utf-8')
        with zipfile.ZipFile('a.zip', 'w') as z:
            z.writestr(zipfile.ZipInfo('word/document.xml'), text, compress_type=zipfile.ZIP_DEFLATED)
            z.writestr('stored.bin', bytes(range(256)) * 10, compress_type=zipfile.ZIP_STORED)
            z.writestr('empty.txt', b'', compress_type=zipfile.ZIP_DEFLATED)
            z.comment = b'PK\x05\x06 comment with a fake end record'
        class Unseekable(io.RawIOBase):
            def __init__(self): self.buf = bytearray()
            def writable(self): return True
            def write(self, b): self.buf += b; return len(b)
        u = Unseekable()
        with zipfile.ZipFile(u, 'w', compression=zipfile.ZIP_DEFLATED) as z:
            with z.open('word/document.xml', 'w') as f: f.write(text)
        open('b.zip', 'wb').write(bytes(u.buf))
        open('text.bin', 'wb').write(text)
        """#
        let r = try XCTUnwrap(Support.run(py, ["-c", script], cwd: dir))
        XCTAssertEqual(r.code, 0, r.err)
        let text = [UInt8](try Data(contentsOf: dir.appendingPathComponent("text.bin")))
        let a = try ZipArchive(bytes: [UInt8](try Data(contentsOf: dir.appendingPathComponent("a.zip"))))
        XCTAssertEqual(a.entries.map(\.name), ["word/document.xml", "stored.bin", "empty.txt"])
        XCTAssertEqual(try a.data(for: a.entry(named: "/WORD/Document.xml")!, limit: 1 << 20), text)
        XCTAssertEqual(try a.data(for: a.entry(named: "stored.bin")!, limit: 1 << 20), Array((0..<2560).map { UInt8($0 % 256) }))
        XCTAssertEqual(try a.data(for: a.entry(named: "empty.txt")!, limit: 0), [])
        let bBytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent("b.zip")))
        let b = try ZipArchive(bytes: bBytes)
        let e = try XCTUnwrap(b.entry(named: "word/document.xml"))
        XCTAssertEqual(e.flags & 8, 8, "written with a data descriptor")
        XCTAssertEqual(try b.data(for: e, limit: 1 << 20), text)
        // The limit is checked against the declared size before anything is inflated.
        XCTAssertThrowsError(try b.data(for: e, limit: text.count - 1)) { err in
            guard case DocxError.entryTooLarge = err else { return XCTFail("\(err)") }
        }
    }

    func testCorruptedEntryDataFailsTheCRC() throws {
        let payload = Array("（一）健全依法决策机制。".utf8)
        var z = Support.zip([("word/document.xml", payload)])
        z[30 + "word/document.xml".utf8.count + 3] ^= 0x01
        let a = try ZipArchive(bytes: z)
        XCTAssertThrowsError(try a.data(for: a.entries[0], limit: 1000)) { e in
            XCTAssertEqual(e as? DocxError, .checksumMismatch(name: "word/document.xml"))
        }
    }

    func testADirectoryThatUnderstatesTheSizeStopsInflating() throws {
        // A deflated entry whose directory claims 100 bytes but whose stream inflates to 1 MB.
        let big = [UInt8](repeating: 0x41, count: 1 << 20)
        let stream = Support.deflateFixed(big)
        var z = Support.zip([("word/document.xml", stream)])
        let cd = try ZipArchive(bytes: z).entries[0]
        // Patch method (8) and uncompressed size (100) in the local header and the central directory.
        func patch(_ at: Int, _ v: [UInt8]) { for (k, b) in v.enumerated() { z[at + k] = b } }
        patch(8, [8, 0]); patch(22, [100, 0, 0, 0])
        let c = cd.compressedSize + 30 + cd.name.utf8.count
        patch(c + 10, [8, 0]); patch(c + 24, [100, 0, 0, 0])
        let a = try ZipArchive(bytes: z)
        XCTAssertEqual(a.entries[0].uncompressedSize, 100)
        XCTAssertThrowsError(try a.data(for: a.entries[0], limit: 1 << 30)) { e in
            guard case DocxError.corruptDeflate = e else { return XCTFail("\(e)") }
        }
    }

    func testZip64AndOtherUnsupportedArchivesAreNamed() throws {
        var z = Support.zip([("a", [1, 2, 3])])
        let eocd = z.count - 22
        var many = z
        many[eocd + 8] = 0xFF; many[eocd + 9] = 0xFF; many[eocd + 10] = 0xFF; many[eocd + 11] = 0xFF
        XCTAssertThrowsError(try ZipArchive(bytes: many)) { XCTAssertEqual($0 as? DocxError, .zip64) }
        // A 0xFFFFFFFF size in the central directory means the real one is in a ZIP64 extra field.
        let cd = 30 + 1 + 3
        var sized = z
        for k in 0..<4 { sized[cd + 24 + k] = 0xFF }
        XCTAssertThrowsError(try ZipArchive(bytes: sized)) { XCTAssertEqual($0 as? DocxError, .zip64) }
        XCTAssertTrue(DocxError.zip64.description.contains("ZIP64"))
        // Encrypted entries and unknown methods.
        z[cd + 8] = 1
        let enc = try ZipArchive(bytes: z)
        XCTAssertThrowsError(try enc.data(for: enc.entries[0], limit: 10)) { e in
            guard case DocxError.unsupportedEntry = e else { return XCTFail("\(e)") }
        }
        XCTAssertThrowsError(try ZipArchive(bytes: Array("not a zip at all".utf8))) { XCTAssertEqual($0 as? DocxError, .notZip) }
        XCTAssertThrowsError(try ZipArchive(bytes: [])) { XCTAssertEqual($0 as? DocxError, .notZip) }
    }

    func testEveryTruncationAndByteFlipOfADocxIsHandled() throws {
        let fixture = Support.fixtures.appendingPathComponent("numbering-formats.docx")
        let bytes = [UInt8](try Data(contentsOf: fixture))
        let expected = try DocxReader.read(bytes: bytes).text
        // Cutting the package anywhere loses the central directory or an entry: always an error.
        // (Strides keep the debug-build test short: python-docx's styles part alone is 350 KB of XML.)
        for cut in stride(from: 0, to: bytes.count, by: bytes.count / 50) {
            XCTAssertThrowsError(try DocxReader.read(bytes: Array(bytes[0..<cut])), "cut at \(cut)")
        }
        // A changed byte inside compressed data fails the CRC; elsewhere it may go unnoticed (a time stamp,
        // an unused part) or change what is found (a part's name in the directory). Never a crash.
        var threw = 0, same = 0, total = 0
        for at in stride(from: 7, to: bytes.count, by: bytes.count / 60) {
            var b = bytes
            b[at] ^= 0x5A
            total += 1
            do {
                if try DocxReader.read(bytes: b).text == expected { same += 1 }
            } catch {
                threw += 1
            }
        }
        XCTAssertGreaterThan(threw, total / 5) // most of the package is parts never read (stylesWithEffects.xml)
        XCTAssertGreaterThan(threw + same, total * 9 / 10)
    }
}
