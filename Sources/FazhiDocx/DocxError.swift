/// Everything that can go wrong while reading a .docx. Each case carries enough to tell the user, in Chinese,
/// what was found; nothing in this module traps on bad input.
public enum DocxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not a ZIP archive (no end-of-central-directory record).
    case notZip
    /// A ZIP structure is inconsistent (offsets out of range, wrong signature, ...).
    case corruptArchive(String)
    /// ZIP64 archives (over 4 GB or 65,535 entries) are not read.
    case zip64
    /// An entry uses encryption or a compression method other than stored (0) or deflate (8).
    case unsupportedEntry(name: String, reason: String)
    /// An entry declares more bytes than the documented limit.
    case entryTooLarge(name: String, size: UInt64, limit: Int)
    /// The DEFLATE stream is malformed or truncated.
    case corruptDeflate(String)
    /// Inflated data does not match the declared size or CRC-32.
    case checksumMismatch(name: String)
    /// A part the document needs is missing (word/document.xml).
    case missingPart(String)
    /// The XML of a part is not well formed.
    case malformedXML(part: String, offset: Int, reason: String)

    public var description: String {
        switch self {
        case .notZip: return "不是有效的 .docx 文件（不是 ZIP 压缩包）"
        case .corruptArchive(let why): return "压缩包已损坏：\(why)"
        case .zip64: return "使用了 ZIP64 格式（超过 4 GB 或 65535 个部件），暂不支持"
        case .unsupportedEntry(let name, let why): return "部件 \(name) 无法读取：\(why)"
        case .entryTooLarge(let name, let size, let limit):
            return "部件 \(name) 解压后有 \(size) 字节，超过上限 \(limit) 字节，不予读取"
        case .corruptDeflate(let why): return "压缩数据已损坏：\(why)"
        case .checksumMismatch(let name): return "部件 \(name) 校验失败（CRC-32 或长度不符），文件可能已损坏"
        case .missingPart(let name): return "缺少 \(name)，不是 Word 文档"
        case .malformedXML(let part, let offset, let why): return "\(part) 第 \(offset) 字节处 XML 格式错误：\(why)"
        }
    }
}
