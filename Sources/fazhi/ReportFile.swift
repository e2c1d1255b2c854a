import FazhiDocx
import FazhiText
import Foundation

/// One report as read from disk: its text as Fazhi checks it, and for a Word document the map from that
/// text back to paragraphs. This file is the one place where the CLI decides how a file is read
/// (plain text, .docx, or refused), so that other readers (encodings) plug in here.
struct LoadedReport: Sendable {
    var source: SourceText
    var docx: DocxText?
}

enum ReportFile {
    /// File kinds that are documents but not readable here: one message, nothing else.
    static let refusedExtensions: [String: String] = [
        "doc": "Word 97-2003 文档（.doc）", "dot": "Word 97-2003 模板（.dot）", "wps": "WPS 文字文档（.wps）",
        "wpt": "WPS 文字模板（.wpt）", "pdf": "PDF 文件", "rtf": "RTF 文档", "odt": "OpenDocument 文本（.odt）",
        "ofd": "OFD 版式文件", "xls": "Excel 表格", "xlsx": "Excel 表格", "et": "WPS 表格", "ppt": "演示文稿",
        "pptx": "演示文稿", "dps": "WPS 演示文稿", "pages": "Pages 文稿",
    ]
    static let docxExtensions: Set<String> = ["docx", "docm", "dotx", "dotm"]

    static func ext(_ path: String) -> String { (path as NSString).pathExtension.lowercased() }

    /// Whether a folder run reads this file, lists it as skipped, or ignores it (images, data, ...).
    enum FolderRole { case read, skip, ignore }
    static func folderRole(_ name: String) -> FolderRole {
        let e = ext(name)
        if e == "txt" || e == "md" || docxExtensions.contains(e) { return .read }
        return refusedExtensions[e] != nil ? .skip : .ignore
    }

    static func refusal(_ path: String, _ what: String) -> String {
        "\(path)：\(what)不是纯文本或 .docx 文件，请另存为 .docx 或 .txt 后再检查"
    }

    /// What the bytes are, whatever the name says: a renamed .doc or PDF must not be linted as text.
    static func sniff(_ b: [UInt8]) -> String? {
        func starts(_ m: [UInt8]) -> Bool { b.count >= m.count && Array(b[0..<m.count]) == m }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "Word 97-2003 或 WPS 文档（OLE 复合文档）" }
        if starts(Array("%PDF-".utf8)) { return "PDF 文件" }
        if starts(Array("{\\rtf".utf8)) { return "RTF 文档" }
        return nil
    }

    /// Reads a report file (or stdin bytes under `name`); the error is one Chinese sentence naming the file.
    static func load(path: String) -> Result<LoadedReport, LoadError> {
        if let what = refusedExtensions[ext(path)] { return .failure(.refused(refusal(path, what))) }
        if docxExtensions.contains(ext(path)) {
            // The package size is checked before reading it whole.
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
               size.intValue > DocxReader.maxPackageSize {
                return .failure(.unreadable("\(path)：文件大小超过 \(DocxReader.maxPackageSize >> 20) MB，不予读取"))
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.unreadable("无法读取 \(path)")) }
        return load(bytes: [UInt8](data), name: path)
    }

    static func load(bytes: [UInt8], name: String) -> Result<LoadedReport, LoadError> {
        if let what = refusedExtensions[ext(name)] { return .failure(.refused(refusal(name, what))) }
        if let what = sniff(bytes) { return .failure(.refused(refusal(name, what))) }
        let isZip = bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
        if docxExtensions.contains(ext(name)) || isZip {
            do {
                let d = try DocxReader.read(bytes: bytes)
                return .success(LoadedReport(source: SourceText(d.text), docx: d))
            } catch {
                return .failure(.unreadable("\(name)：\(error)"))
            }
        }
        return .success(LoadedReport(source: SourceText(bytes: bytes), docx: nil))
    }

    enum LoadError: Error {
        /// Not a format Fazhi reads (a .doc, .wps, .pdf, ...).
        case refused(String)
        /// Missing, unreadable, or a damaged .docx.
        case unreadable(String)

        var message: String {
            switch self {
            case .refused(let m), .unreadable(let m): return m
            }
        }
    }

    /// "第12段第5字" for a finding at a UTF-8 offset of a Word document's text.
    static func paragraphLabel(_ d: DocxText, offset: Int) -> String {
        guard let (p, c) = d.location(ofUTF8Offset: offset) else { return "文首" }
        let n = d.paragraphs[p].number
        return c == 0 ? "第\(n)段（自动编号）" : "第\(n)段第\(c)字"
    }

    /// The paragraph around a finding, at most `radius` characters either side, for quoting.
    static func excerpt(_ d: DocxText, offset: Int, radius: Int = 24) -> String? {
        guard let (p, _) = d.location(ofUTF8Offset: offset) else { return nil }
        let para = d.paragraphs[p]
        let scalars = Array(d.text(of: p).unicodeScalars)
        // Position of the offset among the paragraph's scalars (the line includes the automatic number).
        let prefix = String(decoding: d.utf8[para.range.lowerBound..<min(max(offset, para.range.lowerBound), para.range.upperBound)], as: UTF8.self)
        let at = prefix.unicodeScalars.count
        let lo = max(0, at - radius), hi = min(scalars.count, at + radius)
        var s = String(String.UnicodeScalarView(scalars[lo..<hi])).replacingOccurrences(of: "\n", with: "↵")
        if lo > 0 { s = "…" + s }
        if hi < scalars.count { s += "…" }
        return s
    }
}
