// The single entry point through which the CLI reads a report: bytes → document kind → lossless decoding
// of text (or the text of a Word document), with a snapshot for a later safe write. Every command reads
// reports this way, so a file is read the same whether it is linted, fixed, outlined or printed.
import FazhiDocx
import FazhiText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A report as read from a file or standard input.
public struct LoadedReport: Sendable {
    /// The path as given (or the display name of standard input).
    public let path: String
    /// The text as Fazhi checks it.
    public let source: SourceText
    /// For a text file: its encoding, BOM and bytes, to write fixes back exactly. Nil for a Word document.
    public let decoded: DecodedFile?
    /// For a Word document: the rendered text and the map back to paragraphs. Fazhi never writes one.
    public let docx: DocxText?
    /// The file as read, for `SafeWriter`; nil for standard input and other non-regular files.
    public let snapshot: FileSnapshot?

    /// "UTF-8", "GB18030（无 BOM）", "Word 文档（.docx）" — for --verbose.
    public var formatSummary: String { decoded?.summary ?? "Word 文档（.docx）" }
}

public enum FileLoader {
    /// The largest text Fazhi checks: 64 MiB. An annual report is tens of kilobytes; a file thousands of
    /// times larger is another kind of file, and checking one costs memory in proportion (about ten times
    /// the text for a report-like file). Larger files (and standard input) are refused with one message
    /// before they are read. Word documents have their own limits (`DocxReader`).
    public static let maxTextSize = 64 << 20

    /// Reads a report file, or throws a `FileError` whose message names the file: plain text is decoded
    /// losslessly or refused, a .docx is read as Word shows it, other document formats are refused.
    /// `snapshot: false` when the file will never be written back (lint, outline): hashing its content
    /// for the write-time check is then wasted.
    public static func load(path: String, snapshot wantSnapshot: Bool = true) throws(FileError) -> LoadedReport {
        let named = DocumentKind.byName(path)
        if case .unsupported(let what) = named { throw FileError(path: path, .unsupportedDocument(what)) }
        let (fd, status) = try BoundedFile.openFile(path)
        defer { _ = Posix.closeChecked(fd) }
        // A Word package's size is checked before reading it whole.
        if named == .docx, status.size > Int64(DocxReader.maxPackageSize) {
            throw FileError(path: path, .tooLarge(size: status.size, limit: DocxReader.maxPackageSize))
        }
        let limit = named == .docx ? DocxReader.maxPackageSize : maxTextSize
        if status.size > Int64(limit) { throw FileError(path: path, .reportTooLarge(size: status.size, limit: limit)) }
        let bytes: [UInt8]
        // A pipe or a file growing while read is cut at the limit too (one byte more tells "too large").
        switch Posix.readAll(fd, sizeHint: Int(status.size), limit: limit) {
        case .success(let b): bytes = b
        case .failure(let e): throw FileError(path: path, .cannotRead(e))
        }
        if bytes.count > limit { throw FileError(path: path, .reportTooLarge(size: nil, limit: limit)) }
        return try make(bytes, name: path, snapshot: status.isRegular && wantSnapshot ? FileSnapshot(status: status, bytes: bytes) : nil)
    }

    /// Reads standard input to its end, refusing more than `maxTextSize` bytes (`name` names it in messages).
    public static func readStandardInput(name: String) throws(FileError) -> [UInt8] {
        switch Posix.readAll(0, limit: maxTextSize) {
        case .success(let b):
            if b.count > maxTextSize { throw FileError(path: name, .reportTooLarge(size: nil, limit: maxTextSize)) }
            return b
        case .failure(let e):
            throw FileError(path: name, .cannotRead(e))
        }
    }

    /// Reads bytes that did not come from a file (standard input) under a display name.
    public static func load(bytes: [UInt8], name: String) throws(FileError) -> LoadedReport {
        if case .unsupported(let what) = DocumentKind.byName(name) { throw FileError(path: name, .unsupportedDocument(what)) }
        if bytes.count > maxTextSize { throw FileError(path: name, .reportTooLarge(size: Int64(bytes.count), limit: maxTextSize)) }
        return try make(bytes, name: name, snapshot: nil)
    }

    static func make(_ bytes: [UInt8], name: String, snapshot: FileSnapshot?) throws(FileError) -> LoadedReport {
        let kind = DocumentKind.byContent(bytes) ?? DocumentKind.byName(name)
        switch kind {
        case .unsupported(let what):
            throw FileError(path: name, .unsupportedDocument(what))
        case .docx:
            do {
                let d = try DocxReader.read(bytes: bytes)
                return LoadedReport(path: name, source: SourceText(d.text), decoded: nil, docx: d, snapshot: snapshot)
            } catch {
                throw FileError(path: name, .unreadableDocx("\(error)"))
            }
        case .text:
            let decoded = try decode(bytes, name: name)
            return LoadedReport(path: name, source: decoded.source, decoded: decoded, docx: nil, snapshot: snapshot)
        }
    }

    static func decode(_ bytes: [UInt8], name: String) throws(FileError) -> DecodedFile {
        do {
            return try DecodedFile.decode(bytes)
        } catch {
            throw FileError(path: name, error)
        }
    }
}
