// Whether a file found by searching parent folders (a configuration) can be trusted: a file that
// someone else could have planted — in a folder anyone may write to, or writable by anyone itself — and
// that the current user does not own is not used unless named explicitly.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public enum FileTrust {
    /// Why the file at `path` should not be trusted, in Chinese, or nil when it may be used.
    public static func distrust(path: String) -> String? {
        guard case .success(let file) = Posix.stat(path: path) else { return nil }
        let uid = Posix.effectiveUID
        if file.uid == uid { return nil }
        let dir = SafeWriter.directory(of: path)
        if case .success(let d) = Posix.stat(path: dir), d.mode & UInt32(S_IWOTH) != 0 {
            return "所在文件夹 \(dir) 任何人都可写入，而该文件不属于当前用户（属于 uid \(file.uid)）"
        }
        if file.mode & UInt32(S_IWOTH) != 0 {
            return "该文件任何人都可修改，且不属于当前用户（属于 uid \(file.uid)）"
        }
        return nil
    }
}

public enum BoundedFile {
    /// Reads a whole file of at most `limit` bytes, with the snapshot of what was read. A larger file is
    /// refused after reading at most `limit + 1` bytes (its size is checked first, and again while reading
    /// in case it grows).
    public static func read(path: String, limit: Int) throws(FileError) -> (bytes: [UInt8], snapshot: FileSnapshot) {
        let (fd, status) = try openFile(path)
        defer { _ = Posix.closeChecked(fd) }
        if status.size > Int64(limit) { throw FileError(path: path, .tooLarge(size: status.size, limit: limit)) }
        let bytes: [UInt8]
        switch Posix.readAll(fd, sizeHint: Int(status.size), limit: limit) {
        case .success(let b): bytes = b
        case .failure(let e): throw FileError(path: path, .cannotRead(e))
        }
        if bytes.count > limit { throw FileError(path: path, .tooLarge(size: Int64(bytes.count), limit: limit)) }
        return (bytes, FileSnapshot(status: status, bytes: bytes))
    }

    /// Opens `path` for reading and reads its status: the descriptor (the caller closes it) and the status
    /// of what was opened (not of whatever the path names by the time it is read). A directory is refused.
    static func openFile(_ path: String) throws(FileError) -> (fd: Int32, status: FileStatus) {
        let fd: Int32
        switch Posix.openRead(path) {
        case .success(let f): fd = f
        case .failure(let e): throw FileError(path: path, e.code == EISDIR ? .isDirectory : .cannotRead(e))
        }
        switch Posix.fstat(fd) {
        case .success(let s):
            if s.isDirectory {
                _ = Posix.closeChecked(fd)
                throw FileError(path: path, .isDirectory)
            }
            return (fd, s)
        case .failure(let e):
            _ = Posix.closeChecked(fd)
            throw FileError(path: path, .cannotRead(e))
        }
    }
}
