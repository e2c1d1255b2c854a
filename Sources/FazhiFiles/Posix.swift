// Thin wrappers over the C library: FazhiFiles uses file descriptors directly (not Foundation) so that
// every step of a read or a write is one checked system call with a known errno.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File metadata taken from one `stat`/`fstat` call.
public struct FileStatus: Sendable, Equatable {
    public var device: UInt64
    public var inode: UInt64
    public var mode: UInt32
    public var uid: UInt32
    public var gid: UInt32
    public var links: UInt64
    public var size: Int64
    public var mtimeSeconds: Int64
    public var mtimeNanoseconds: Int64

    init(_ s: StatBuffer) {
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
        mode = UInt32(s.st_mode)
        uid = UInt32(s.st_uid)
        gid = UInt32(s.st_gid)
        links = UInt64(s.st_nlink)
        size = Int64(s.st_size)
        #if canImport(Darwin)
            mtimeSeconds = Int64(s.st_mtimespec.tv_sec)
            mtimeNanoseconds = Int64(s.st_mtimespec.tv_nsec)
        #else
            mtimeSeconds = Int64(s.st_mtim.tv_sec)
            mtimeNanoseconds = Int64(s.st_mtim.tv_nsec)
        #endif
    }

    public var isRegular: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
    public var isDirectory: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFDIR) }
    /// Permission bits including setuid/setgid/sticky.
    public var permissions: UInt32 { mode & 0o7777 }
}

enum Posix {
    static var errno: Int32 {
        #if canImport(Glibc)
            return Glibc.errno
        #else
            return Darwin.errno
        #endif
    }

    static func stat(path: String) -> Result<FileStatus, Errno> {
        var s = StatBuffer()
        let r = path.withCString { lstatOrStat($0, &s, follow: true) }
        return r == 0 ? .success(FileStatus(s)) : .failure(Errno(errno))
    }

    static func lstat(path: String) -> Result<FileStatus, Errno> {
        var s = StatBuffer()
        let r = path.withCString { lstatOrStat($0, &s, follow: false) }
        return r == 0 ? .success(FileStatus(s)) : .failure(Errno(errno))
    }

    static func fstat(_ fd: Int32) -> Result<FileStatus, Errno> {
        var s = StatBuffer()
        #if canImport(Glibc)
            let r = Glibc.fstat(fd, &s)
        #else
            let r = Darwin.fstat(fd, &s)
        #endif
        return r == 0 ? .success(FileStatus(s)) : .failure(Errno(errno))
    }

    private static func lstatOrStat(_ p: UnsafePointer<CChar>, _ s: inout StatBuffer, follow: Bool) -> Int32 {
        follow ? cStat(p, &s) : cLstat(p, &s)
    }

    /// Opens for reading; retries on EINTR.
    static func openRead(_ path: String) -> Result<Int32, Errno> {
        while true {
            let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
            if fd >= 0 { return .success(fd) }
            if errno != EINTR { return .failure(Errno(errno)) }
        }
    }

    /// Reads from `fd` until end of file, or until more than `limit` bytes arrived (then returns what
    /// was read, `limit + 1` bytes at most, so that the caller can tell "too large" without reading on).
    static func readAll(_ fd: Int32, sizeHint: Int = 0, limit: Int = Int.max) -> Result<[UInt8], Errno> {
        var out: [UInt8] = []
        out.reserveCapacity(min(max(sizeHint, 0), limit == Int.max ? Int.max : limit + 1) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while out.count <= limit {
            let want = limit == Int.max ? chunk.count : min(chunk.count, limit + 1 - out.count)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(errno))
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return .success(out)
    }

    /// Writes every byte (partial writes and EINTR are retried).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Errno? {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return Errno(errno)
            }
            if n == 0 { return Errno(EIO) }
            done += n
        }
        return nil
    }

    static func closeChecked(_ fd: Int32) -> Errno? {
        // Do not retry close on EINTR (the descriptor is gone on Linux); report the error.
        close(fd) == 0 ? nil : Errno(errno)
    }

    static func fsyncChecked(_ fd: Int32) -> Errno? {
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            return Errno(errno)
        }
        return nil
    }

    static func realPath(_ path: String) -> Result<String, Errno> {
        guard let p = realpath(path, nil) else { return .failure(Errno(errno)) }
        defer { free(p) }
        return .success(String(cString: p))
    }

    static var effectiveUID: UInt32 { UInt32(geteuid()) }
}

typealias StatBuffer = stat

// At file scope `stat(_:_:)` is unambiguously the C function (inside `Posix` it would be our method).
private func cStat(_ p: UnsafePointer<CChar>, _ s: UnsafeMutablePointer<StatBuffer>) -> Int32 { stat(p, s) }
private func cLstat(_ p: UnsafePointer<CChar>, _ s: UnsafeMutablePointer<StatBuffer>) -> Int32 { lstat(p, s) }

/// An errno value with a Chinese description for users (the C library's text is English).
public struct Errno: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int32
    public init(_ code: Int32) { self.code = code }

    public var description: String {
        let name: String
        switch code {
        case ENOENT: name = "文件或文件夹不存在"
        case EACCES: name = "没有权限"
        case EPERM: name = "操作不被允许"
        case EISDIR: name = "这是一个文件夹"
        case ENOTDIR: name = "路径中的某一级不是文件夹"
        case ENOSPC: name = "磁盘空间不足"
        case EDQUOT: name = "超出磁盘配额"
        case EFBIG: name = "超过允许的文件大小"
        case EROFS: name = "只读文件系统"
        case EIO: name = "输入输出错误"
        case ELOOP: name = "符号链接层数过多（可能是循环链接）"
        case ENAMETOOLONG: name = "文件名过长"
        case EMFILE, ENFILE: name = "打开的文件过多"
        case EEXIST: name = "文件已存在"
        case EXDEV: name = "不能跨文件系统改名"
        case EBUSY: name = "文件正被占用"
        case ETXTBSY: name = "文件正被执行"
        default: name = "系统错误"
        }
        let c = String(cString: strerror(code))
        return "\(name)（errno \(code)：\(c)）"
    }
}
