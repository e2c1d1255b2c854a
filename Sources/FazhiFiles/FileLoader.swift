// The single entry point through which the CLI reads a report: bytes → encoding detection → lossless
// decoding, with a snapshot for a later safe write. (Other formats, such as Word documents, are added
// here, so that every command reads reports the same way.)
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
    public let decoded: DecodedFile
    /// The file as read, for `SafeWriter`; nil for standard input and other non-regular files.
    public let snapshot: FileSnapshot?

    public var source: SourceText { decoded.source }
}

public enum FileLoader {
    /// Reads and decodes a report file, or throws a `FileError` whose message names the file.
    public static func load(path: String) throws(FileError) -> LoadedReport {
        let fd: Int32
        switch Posix.openRead(path) {
        case .success(let f): fd = f
        case .failure(let e): throw FileError(path: path, e.code == EISDIR ? .isDirectory : .cannotRead(e))
        }
        defer { _ = Posix.closeChecked(fd) }
        let status: FileStatus
        switch Posix.fstat(fd) {
        case .success(let s): status = s
        case .failure(let e): throw FileError(path: path, .cannotRead(e))
        }
        if status.isDirectory { throw FileError(path: path, .isDirectory) }
        let bytes: [UInt8]
        switch Posix.readAll(fd, sizeHint: Int(status.size)) {
        case .success(let b): bytes = b
        case .failure(let e): throw FileError(path: path, .cannotRead(e))
        }
        let decoded = try decode(bytes, name: path)
        return LoadedReport(path: path, decoded: decoded,
                            snapshot: status.isRegular ? FileSnapshot(status: status, bytes: bytes) : nil)
    }

    /// Decodes bytes that did not come from a file (standard input).
    public static func load(bytes: [UInt8], name: String) throws(FileError) -> LoadedReport {
        LoadedReport(path: name, decoded: try decode(bytes, name: name), snapshot: nil)
    }

    static func decode(_ bytes: [UInt8], name: String) throws(FileError) -> DecodedFile {
        do {
            return try DecodedFile.decode(bytes)
        } catch {
            throw FileError(path: name, error)
        }
    }
}
