// What a file looked like when it was read: compared again right before it is replaced, so that a
// change made meanwhile (by a colleague, a sync tool, another editor) is never overwritten.

public struct FileSnapshot: Sendable, Equatable {
    public var size: Int64
    public var mtimeSeconds: Int64
    public var mtimeNanoseconds: Int64
    /// FNV-1a 64-bit hash of the bytes read. Not a defence against an adversary, only against accidents;
    /// size and mtime are compared as well.
    public var hash: UInt64

    public init(status: FileStatus, bytes: [UInt8]) {
        size = status.size
        mtimeSeconds = status.mtimeSeconds
        mtimeNanoseconds = status.mtimeNanoseconds
        hash = FileSnapshot.hash(bytes)
    }

    /// What differs between this snapshot and a file now, in Chinese (nil when nothing does).
    public func difference(status: FileStatus, bytes: [UInt8]) -> String? {
        var what: [String] = []
        if status.size != size || bytes.count != Int(size) { what.append("大小由 \(size) 字节变为 \(status.size) 字节") }
        if status.mtimeSeconds != mtimeSeconds || status.mtimeNanoseconds != mtimeNanoseconds { what.append("修改时间不同") }
        if FileSnapshot.hash(bytes) != hash { what.append("内容不同") }
        return what.isEmpty ? nil : what.joined(separator: "，")
    }

    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { p in
            for b in p {
                h ^= UInt64(b)
                h &*= 0x0000_0100_0000_01B3
            }
        }
        return h
    }
}
