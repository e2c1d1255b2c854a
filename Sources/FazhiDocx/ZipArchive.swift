/// A read-only ZIP reader (APPNOTE 6.3): enough for Office Open XML packages.
///
/// The central directory is authoritative (sizes, CRC, local header offset); local headers are only used
/// to find where an entry's data starts, so entries written with a data descriptor (flag bit 3, sizes
/// zero in the local header) read like any other. Stored (0) and deflate (8) entries are supported;
/// encryption, other methods, multi-disk archives and ZIP64 are refused with a clear error.
/// Every offset is checked against the buffer before use; an entry's data is inflated into at most its
/// declared size, which itself must be under the caller's limit (so a zip bomb costs nothing).
public struct ZipArchive: Sendable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var method: UInt16
        public var flags: UInt16
        public var crc32: UInt32
        public var compressedSize: Int
        public var uncompressedSize: Int
        public var localHeaderOffset: Int
    }

    public let entries: [Entry]
    let bytes: [UInt8]

    public init(bytes: [UInt8]) throws {
        self.bytes = bytes
        let n = bytes.count
        guard let eocd = ZipArchive.findEndRecord(bytes) else { throw DocxError.notZip }
        // A ZIP64 end-of-central-directory locator sits right before the classic record.
        if eocd >= 20, ZipArchive.u32(bytes, eocd - 20) == 0x0706_4B50 { throw DocxError.zip64 }
        let disk = ZipArchive.u16(bytes, eocd + 4), cdDisk = ZipArchive.u16(bytes, eocd + 6)
        let onDisk = ZipArchive.u16(bytes, eocd + 8), total = ZipArchive.u16(bytes, eocd + 10)
        let cdSize = ZipArchive.u32(bytes, eocd + 12), cdOffset = ZipArchive.u32(bytes, eocd + 16)
        if total == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF { throw DocxError.zip64 }
        guard disk == 0, cdDisk == 0, onDisk == total else { throw DocxError.corruptArchive("分卷压缩包") }
        guard Int(cdOffset) <= eocd, Int(cdSize) <= eocd - Int(cdOffset) else { throw DocxError.corruptArchive("中央目录位置超出文件范围") }
        var list: [Entry] = []
        list.reserveCapacity(Int(total))
        var p = Int(cdOffset)
        for _ in 0..<Int(total) {
            guard p + 46 <= n, ZipArchive.u32(bytes, p) == 0x0201_4B50 else { throw DocxError.corruptArchive("中央目录记录损坏") }
            let flags = ZipArchive.u16(bytes, p + 8), method = ZipArchive.u16(bytes, p + 10)
            let crc = ZipArchive.u32(bytes, p + 16)
            let csize = ZipArchive.u32(bytes, p + 20), usize = ZipArchive.u32(bytes, p + 24)
            let nameLen = Int(ZipArchive.u16(bytes, p + 28)), extraLen = Int(ZipArchive.u16(bytes, p + 30))
            let commentLen = Int(ZipArchive.u16(bytes, p + 32))
            let local = ZipArchive.u32(bytes, p + 42)
            guard p + 46 + nameLen + extraLen + commentLen <= n else { throw DocxError.corruptArchive("中央目录记录超出文件范围") }
            if csize == 0xFFFF_FFFF || usize == 0xFFFF_FFFF || local == 0xFFFF_FFFF { throw DocxError.zip64 }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLen)], as: UTF8.self)
            list.append(Entry(name: name, method: method, flags: flags, crc32: crc, compressedSize: Int(csize),
                              uncompressedSize: Int(usize), localHeaderOffset: Int(local)))
            p += 46 + nameLen + extraLen + commentLen
        }
        entries = list
    }

    /// The entry with this part name (OPC part names compare case-insensitively; a leading "/" is ignored).
    public func entry(named name: String) -> Entry? {
        let want = ZipArchive.normalize(name)
        return entries.first { ZipArchive.normalize($0.name) == want }
    }

    static func normalize(_ name: String) -> String {
        (name.hasPrefix("/") ? String(name.dropFirst()) : name).lowercased()
    }

    /// The uncompressed bytes of an entry, refused above `limit` bytes, checked against size and CRC-32.
    public func data(for entry: Entry, limit: Int) throws -> [UInt8] {
        guard entry.flags & 1 == 0 else { throw DocxError.unsupportedEntry(name: entry.name, reason: "已加密（请在 Word 中取消密码后另存）") }
        guard entry.uncompressedSize <= limit else {
            throw DocxError.entryTooLarge(name: entry.name, size: UInt64(entry.uncompressedSize), limit: limit)
        }
        let h = entry.localHeaderOffset
        guard h <= bytes.count - 30, ZipArchive.u32(bytes, h) == 0x0403_4B50 else { throw DocxError.corruptArchive("\(entry.name) 的本地文件头损坏") }
        let start = h + 30 + Int(ZipArchive.u16(bytes, h + 26)) + Int(ZipArchive.u16(bytes, h + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw DocxError.corruptArchive("\(entry.name) 的数据超出文件范围")
        }
        let out: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw DocxError.checksumMismatch(name: entry.name) }
            out = Array(bytes[start..<(start + entry.compressedSize)])
        case 8:
            out = try bytes.withUnsafeBufferPointer { p in
                try Inflate.decompress(UnsafeBufferPointer(rebasing: p[start..<(start + entry.compressedSize)]),
                                       limit: entry.uncompressedSize, expectedSize: entry.uncompressedSize)
            }
        default:
            throw DocxError.unsupportedEntry(name: entry.name, reason: "不支持的压缩方式 \(entry.method)")
        }
        guard out.count == entry.uncompressedSize, CRC32.checksum(out) == entry.crc32 else {
            throw DocxError.checksumMismatch(name: entry.name)
        }
        return out
    }

    /// The last end-of-central-directory signature whose comment length reaches exactly to the end of the
    /// file (the comment may itself contain the signature); failing that, the last one that fits at all.
    static func findEndRecord(_ b: [UInt8]) -> Int? {
        let n = b.count
        guard n >= 22 else { return nil }
        let lowest = max(0, n - 22 - 0xFFFF)
        var loose: Int?
        var i = n - 22
        while i >= lowest {
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 0x05, b[i + 3] == 0x06 {
                let comment = Int(u16(b, i + 20))
                if i + 22 + comment == n { return i }
                if loose == nil, i + 22 + comment <= n { loose = i }
            }
            i -= 1
        }
        return loose
    }

    @inline(__always) static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    @inline(__always) static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
