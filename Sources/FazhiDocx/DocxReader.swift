#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a .docx (an Office Open XML package) into `DocxText`.
///
/// Limits (bounded memory): each XML part read — the main document, numbering, styles, relationships —
/// may declare at most `maxPartSize` uncompressed bytes; larger parts are refused before inflating, and
/// inflating stops at the declared size. The caller bounds the package itself (the CLI refuses files
/// over `maxPackageSize`).
public enum DocxReader {
    /// 64 MB of XML is several thousand pages; a report is a few hundred kilobytes.
    public static let maxPartSize = 64 << 20
    public static let maxPackageSize = 256 << 20

    public static func read(bytes: [UInt8]) throws -> DocxText {
        let zip = try ZipArchive(bytes: bytes)
        // The main part is named by the package relationships; word/document.xml is the usual name.
        let rels = try relationships(zip, "_rels/.rels", base: "")
        let mainName = rels.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "word/document.xml"
        guard let main = zip.entry(named: mainName) else { throw DocxError.missingPart(mainName) }
        let folder = mainName.contains("/") ? String(mainName[..<mainName.lastIndex(of: "/")!]) + "/" : ""
        let fileName = String(mainName.split(separator: "/").last ?? "document.xml")
        let docRels = try relationships(zip, folder + "_rels/" + fileName + ".rels", base: folder)
        var defs = NumberingDefinitions()
        let stylesName = docRels.first { $0.type.hasSuffix("/styles") }?.target ?? folder + "styles.xml"
        let numberingName = docRels.first { $0.type.hasSuffix("/numbering") }?.target ?? folder + "numbering.xml"
        if let e = zip.entry(named: stylesName) {
            try DefinitionsReader.readStyles(try zip.data(for: e, limit: maxPartSize), into: &defs)
        }
        if let e = zip.entry(named: numberingName) {
            try DefinitionsReader.readNumbering(try zip.data(for: e, limit: maxPartSize), into: &defs)
        }
        var reader = DocumentReader(try zip.data(for: main, limit: maxPartSize), numbering: defs)
        return try reader.read()
    }

    public static func read(path: String) throws -> DocxText {
        guard let f = fopen(path, "rb") else { throw DocxError.corruptArchive("无法打开文件") }
        defer { fclose(f) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n <= 0 { break }
            guard out.count + n <= maxPackageSize else {
                throw DocxError.entryTooLarge(name: path, size: UInt64(out.count + n), limit: maxPackageSize)
            }
            out.append(contentsOf: chunk[0..<n])
        }
        return try read(bytes: out)
    }

    struct Relationship {
        var type: String
        var target: String
    }

    /// Internal relationships of a part; targets resolved against the part's folder (".." handled).
    static func relationships(_ zip: ZipArchive, _ name: String, base: String) throws -> [Relationship] {
        guard let e = zip.entry(named: name) else { return [] }
        var x = XMLScanner(try zip.data(for: e, limit: maxPartSize), part: name)
        var out: [Relationship] = []
        while true {
            let ev = try x.next()
            if ev == .eof { return out }
            guard case .start = ev, x.local == "Relationship" else { continue }
            guard x.attribute(.none, "TargetMode") != "External",
                  let type = x.attribute(.none, "Type"), let target = x.attribute(.none, "Target") else { continue }
            out.append(Relationship(type: type, target: resolve(target, base: base)))
        }
    }

    static func resolve(_ target: String, base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for p in target.split(separator: "/") {
            if p == ".." { _ = parts.popLast() } else if p != "." { parts.append(p) }
        }
        return parts.joined(separator: "/")
    }
}
