// What kind of document a file is, by its name and by its first bytes: plain text (decoded by
// `DecodedFile`), a Word document (.docx, read by FazhiDocx), or a format Fazhi does not read
// (.doc, .wps, .pdf, …), which gets one clear message and nothing else.

public enum DocumentKind: Sendable, Equatable {
    case text
    case docx
    /// A document Fazhi does not read, with its name for the message ("PDF 文件").
    case unsupported(String)

    /// Formats that are documents but not readable here.
    public static let refusedExtensions: [String: String] = [
        "doc": "Word 97-2003 文档（.doc）", "dot": "Word 97-2003 模板（.dot）", "wps": "WPS 文字文档（.wps）",
        "wpt": "WPS 文字模板（.wpt）", "pdf": "PDF 文件", "rtf": "RTF 文档", "odt": "OpenDocument 文本（.odt）",
        "ofd": "OFD 版式文件", "xls": "Excel 表格", "xlsx": "Excel 表格", "et": "WPS 表格", "ppt": "演示文稿",
        "pptx": "演示文稿", "dps": "WPS 演示文稿", "pages": "Pages 文稿",
    ]
    public static let docxExtensions: Set<String> = ["docx", "docm", "dotx", "dotm"]
    public static let textExtensions: Set<String> = ["txt", "md"]

    /// The lower-cased extension of a path ("" when there is none).
    public static func ext(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// The kind a name announces.
    public static func byName(_ path: String) -> DocumentKind {
        let e = ext(path)
        if let what = refusedExtensions[e] { return .unsupported(what) }
        if docxExtensions.contains(e) { return .docx }
        return .text
    }

    /// The kind the bytes reveal, whatever the name says: a renamed .doc or PDF must not be read as text.
    public static func byContent(_ b: [UInt8]) -> DocumentKind? {
        func starts(_ m: [UInt8]) -> Bool { b.count >= m.count && Array(b[0..<m.count]) == m }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .unsupported("Word 97-2003 或 WPS 文档（OLE 复合文档）") }
        if starts(Array("%PDF-".utf8)) { return .unsupported("PDF 文件") }
        if starts(Array("{\\rtf".utf8)) { return .unsupported("RTF 文档") }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .docx }
        return nil
    }

    /// Whether a folder run reads a file, lists it as skipped, or ignores it (images, data, …).
    public enum FolderRole: Sendable { case read, skip, ignore }

    public static func folderRole(_ name: String) -> FolderRole {
        let e = ext(name)
        if textExtensions.contains(e) || docxExtensions.contains(e) { return .read }
        return refusedExtensions[e] != nil ? .skip : .ignore
    }
}
