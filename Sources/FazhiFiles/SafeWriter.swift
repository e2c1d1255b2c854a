// Replacing a file without ever leaving it half-written, and without overwriting a change made since it
// was read:
//   1. resolve symbolic links (the link stays, its target is written);
//   2. write a temporary file beside the target (same directory, so same file system), fsync it,
//      give it the target's owner and permission bits;
//   3. read the target again and compare with the snapshot taken when it was read (size, mtime, hash);
//   4. rename the temporary file over the target (atomic), fsync the directory.
// Any failure before step 4 removes the temporary file; the original is untouched.
// Limits: extended attributes and ACLs are not copied; a change in the instant between step 3 and
// step 4 is not detected (there is no portable compare-and-rename).
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public enum SafeWriter {
    /// Replaces the file at `path` (following symbolic links) with `bytes`, provided it still matches
    /// `snapshot`. `beforeCommit` runs after the temporary file is complete and before the final check
    /// (tests use it to change the file at the worst moment).
    public static func replace(path: String, with bytes: [UInt8], expecting snapshot: FileSnapshot,
                               beforeCommit: (() -> Void)? = nil) throws(FileError) {
        let target: String
        switch Posix.realPath(path) {
        case .success(let p): target = p
        case .failure(let e): throw FileError(path: path, .writeFailed(e))
        }
        let status: FileStatus
        switch Posix.stat(path: target) {
        case .success(let s): status = s
        case .failure(let e): throw FileError(path: path, .writeFailed(e))
        }
        guard status.isRegular else { throw FileError(path: path, .notRegularFile) }
        if status.links > 1 { throw FileError(path: path, .hardLinks(Int(status.links))) }
        // Fail early when the file already differs (no temporary file needed to find out).
        try check(path: path, target: target, snapshot: snapshot)
        let temp = try writeTemporary(beside: target, bytes: bytes, owner: status, displayPath: path)
        beforeCommit?()
        do {
            try check(path: path, target: target, snapshot: snapshot)
        } catch {
            unlink(temp)
            throw error
        }
        if rename(temp, target) != 0 {
            let e = Errno(Posix.errno)
            unlink(temp)
            throw FileError(path: path, .writeFailed(e))
        }
        syncDirectory(of: target)
    }

    /// Creates a new file at `path` atomically; fails with `alreadyExists` if one appeared meanwhile.
    public static func create(path: String, with bytes: [UInt8], mode: UInt32 = 0o644) throws(FileError) {
        let dir = directory(of: path)
        var modeStatus: FileStatus
        switch Posix.stat(path: dir) {
        case .success(let s): modeStatus = s
        case .failure(let e): throw FileError(path: path, .writeFailed(e))
        }
        // The new file is ours, with the usual permissions (less the umask).
        let mask = umask(0)
        umask(mask)
        modeStatus.mode = (modeStatus.mode & ~UInt32(0o7777)) | (mode & ~UInt32(mask))
        modeStatus.uid = Posix.effectiveUID
        modeStatus.gid = UInt32.max  // keep whatever group the directory gives new files
        let temp = try writeTemporary(beside: path, bytes: bytes, owner: modeStatus, displayPath: path)
        // link() fails with EEXIST instead of replacing: an atomic "create if absent".
        if link(temp, path) != 0 {
            let e = Errno(Posix.errno)
            unlink(temp)
            throw FileError(path: path, e.code == EEXIST ? .alreadyExists : .writeFailed(e))
        }
        unlink(temp)
        syncDirectory(of: path)
    }

    // MARK: Steps

    static func check(path: String, target: String, snapshot: FileSnapshot) throws(FileError) {
        let fd: Int32
        switch Posix.openRead(target) {
        case .success(let f): fd = f
        case .failure(let e):
            throw FileError(path: path, e.code == ENOENT ? .changedSinceRead("文件已被删除或改名") : .writeFailed(e))
        }
        defer { _ = Posix.closeChecked(fd) }
        guard case .success(let now) = Posix.fstat(fd) else { throw FileError(path: path, .writeFailed(Errno(Posix.errno))) }
        // Read at most one byte more than expected: a file that grew is different whatever follows.
        let current: [UInt8]
        switch Posix.readAll(fd, sizeHint: Int(now.size), limit: Int(snapshot.size)) {
        case .success(let b): current = b
        case .failure(let e): throw FileError(path: path, .writeFailed(e))
        }
        if let what = snapshot.difference(status: now, bytes: current) {
            throw FileError(path: path, .changedSinceRead(what))
        }
    }

    /// Writes `bytes` to a new temporary file in the directory of `target` with the owner and mode of
    /// `owner`; returns its path. On failure nothing is left behind.
    static func writeTemporary(beside target: String, bytes: [UInt8], owner: FileStatus, displayPath: String) throws(FileError) -> String {
        let dir = directory(of: target)
        let name = target.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? "file"
        var fd: Int32 = -1
        var temp = ""
        for attempt in 0..<100 {
            temp = dir + "/." + name + ".fazhi-" + String(getpid()) + "-" + String(attempt) + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 36) + ".tmp"
            fd = temp.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
            if fd >= 0 || Posix.errno != EEXIST { break }
        }
        if fd < 0 { throw FileError(path: displayPath, .writeFailed(Errno(Posix.errno))) }
        func fail(_ e: Errno) -> FileError {
            _ = Posix.closeChecked(fd)
            unlink(temp)
            return FileError(path: displayPath, .writeFailed(e))
        }
        if let e = Posix.writeAll(fd, bytes) { throw fail(e) }
        // Owner first: chown may clear setuid/setgid bits, which the chmod below restores.
        let wantGID = owner.gid == UInt32.max ? gid_t.max : gid_t(owner.gid)
        if owner.uid != Posix.effectiveUID || (owner.gid != UInt32.max && owner.gid != currentGID(fd)) {
            if fchown(fd, uid_t(owner.uid), wantGID) != 0 {
                let e = Errno(Posix.errno)
                _ = Posix.closeChecked(fd)
                unlink(temp)
                if e.code == EPERM { throw FileError(path: displayPath, .foreignOwner(uid: owner.uid, gid: owner.gid)) }
                throw FileError(path: displayPath, .writeFailed(e))
            }
        }
        if fchmod(fd, mode_t(owner.permissions)) != 0 { throw fail(Errno(Posix.errno)) }
        if let e = Posix.fsyncChecked(fd) { throw fail(e) }
        if let e = Posix.closeChecked(fd) {
            unlink(temp)
            throw FileError(path: displayPath, .writeFailed(e))
        }
        return temp
    }

    static func currentGID(_ fd: Int32) -> UInt32 {
        if case .success(let s) = Posix.fstat(fd) { return s.gid }
        return UInt32.max
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Makes the rename durable. Best effort: some file systems refuse fsync on a directory, and the
    /// replacement has already happened, so a failure here is not reported as a failed write.
    static func syncDirectory(of path: String) {
        let fd = directory(of: path).withCString { open($0, O_RDONLY | O_CLOEXEC | O_DIRECTORY) }
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
