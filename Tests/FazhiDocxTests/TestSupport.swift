@testable import FazhiDocx
import Foundation
import XCTest

/// Helpers shared by the FazhiDocx tests: external tools, a tiny ZIP writer and DEFLATE encoders.
enum Support {
    static var fixtures: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures") }

    /// Runs a program; nil when it cannot be started.
    @discardableResult
    static func run(_ exe: String, _ args: [String], cwd: URL? = nil) -> (code: Int32, out: String, err: String)? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [exe] + args
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch { return nil }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// A python3 that can `import <module>` (the Debian python3-docx lives in /usr/bin/python3's path,
    /// which a pyenv python3 first in PATH does not see).
    static func python(with module: String? = nil) -> String? {
        for exe in ["python3", "/usr/bin/python3"] {
            let code = module.map { "import \($0)" } ?? "pass"
            if let r = run(exe, ["-c", code]), r.code == 0 { return exe }
        }
        return nil
    }

    static func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    /// Deterministic pseudo-random bytes (xorshift), optionally drawn from a small alphabet.
    static func random(_ n: Int, seed: UInt64, alphabet: Int = 256) -> [UInt8] {
        var s = seed | 1
        return (0..<n).map { _ in
            s ^= s << 13; s ^= s >> 7; s ^= s << 17
            return UInt8(truncatingIfNeeded: Int(s % UInt64(alphabet)))
        }
    }

    // MARK: encoders written here, independent of the decoder

    /// DEFLATE with stored blocks only.
    static func deflateStored(_ data: [UInt8], blockSize: Int = 65535) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        repeat {
            let n = min(blockSize, data.count - i)
            let final: UInt8 = i + n >= data.count ? 1 : 0
            out.append(final) // BFINAL + BTYPE 00, rest of the byte is padding
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        return out
    }

    /// DEFLATE with one fixed-Huffman block: literals, and a match (length 3…258, distance 1) for runs.
    static func deflateFixed(_ data: [UInt8]) -> [UInt8] {
        var w = BitWriter()
        w.put(1, 1)
        w.put(1, 2)
        func code(_ c: Int, _ len: Int) { // Huffman codes are sent most significant bit first
            for b in stride(from: len - 1, through: 0, by: -1) { w.put((c >> b) & 1, 1) }
        }
        func literal(_ v: Int) {
            switch v {
            case 0...143: code(0x30 + v, 8)
            case 144...255: code(0x190 + v - 144, 9)
            case 256...279: code(v - 256, 7)
            default: code(0xC0 + v - 280, 8)
            }
        }
        var i = 0
        while i < data.count {
            var run = 0
            while i > 0, i + run < data.count, data[i + run] == data[i - 1], run < 258 { run += 1 }
            if run >= 3 {
                // Length code for `run` (RFC 1951 3.2.5), distance code 0 (distance 1).
                let bases = Inflate.Tables.lengthBase, extras = Inflate.Tables.lengthExtra
                var k = 28
                while Int(bases[k]) > run { k -= 1 }
                literal(257 + k)
                w.put(run - Int(bases[k]), Int(extras[k]))
                code(0, 5)
                i += run
            } else {
                literal(Int(data[i]))
                i += 1
            }
        }
        literal(256)
        return w.bytes()
    }

    struct BitWriter {
        var out: [UInt8] = []
        var acc = 0, n = 0
        mutating func put(_ v: Int, _ bits: Int) {
            for b in 0..<bits {
                acc |= ((v >> b) & 1) << n
                n += 1
                if n == 8 { out.append(UInt8(acc)); acc = 0; n = 0 }
            }
        }
        func bytes() -> [UInt8] { n > 0 ? out + [UInt8(acc)] : out }
    }

    /// A ZIP of stored entries (no compression), enough to package hand-written parts.
    static func zip(_ entries: [(String, [UInt8])], comment: [UInt8] = []) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        for (name, data) in entries {
            let nb = Array(name.utf8), crc = CRC32.checksum(data), off = UInt32(out.count)
            out += u32(0x0403_4B50) + u16(20) + u16(0x800) + u16(0) + u16(0) + u16(0) + u32(crc)
                + u32(UInt32(data.count)) + u32(UInt32(data.count)) + u16(nb.count) + u16(0) + nb + data
            central += u32(0x0201_4B50) + u16(20) + u16(20) + u16(0x800) + u16(0) + u16(0) + u16(0) + u32(crc)
                + u32(UInt32(data.count)) + u32(UInt32(data.count)) + u16(nb.count) + u16(0) + u16(0) + u16(0) + u16(0)
                + u32(0) + u32(off) + nb
        }
        let cdOff = out.count
        out += central
        out += u32(0x0605_4B50) + u16(0) + u16(0) + u16(entries.count) + u16(entries.count)
            + u32(UInt32(central.count)) + u32(UInt32(cdOff)) + u16(comment.count) + comment
        return out
    }

    static let wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A minimal .docx package around a document body (and optional numbering/styles parts).
    static func docx(body: String, numbering: String? = nil, styles: String? = nil, prefix: String = "w") -> [UInt8] {
        let doc = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<\#(prefix):document xmlns:\#(prefix)="\#(wNS)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="urn:example:wps"><\#(prefix):body>\#(body)</\#(prefix):body></\#(prefix):document>"#
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)),
            ("_rels/.rels", Array(#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.utf8)),
            ("word/document.xml", Array(doc.utf8)),
        ]
        if let numbering {
            parts.append(("word/numbering.xml", Array(#"<w:numbering xmlns:w="\#(wNS)">\#(numbering)</w:numbering>"#.utf8)))
        }
        if let styles {
            parts.append(("word/styles.xml", Array(#"<w:styles xmlns:w="\#(wNS)">\#(styles)</w:styles>"#.utf8)))
        }
        return zip(parts)
    }

    /// The text of a body snippet, through the whole reader (ZIP, rels, XML).
    static func text(body: String, numbering: String? = nil, styles: String? = nil) throws -> String {
        try DocxReader.read(bytes: docx(body: body, numbering: numbering, styles: styles)).text
    }
}
