// Every reason a report file is not read or not written, each with one clear Chinese message that names
// the file and says what was found. Nothing is ever written when one of these is thrown.

public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Error, Sendable, Equatable {
        // Reading
        case cannotRead(Errno)
        case isDirectory
        case tooLarge(size: Int64, limit: Int)
        /// A report larger than `FileLoader.maxTextSize` (size nil: read from a pipe, known only to exceed it).
        case reportTooLarge(size: Int64?, limit: Int)
        /// Neither valid UTF-8 (first bad byte at `utf8Offset`) nor valid GB18030 (at `gbOffset`).
        case undecodable(utf8Offset: Int, gbOffset: Int, found: [UInt8])
        /// A NUL byte without a UTF-16 byte order mark: binary data, or UTF-16 without BOM.
        case binary(offset: Int)
        /// The file starts with the byte order mark of `encoding` but is not valid in it at `offset`.
        case invalidAfterBOM(TextEncoding, offset: Int, found: [UInt8])
        /// The file ends in the middle of a character of `encoding`.
        case truncated(TextEncoding, offset: Int)
        /// Decoding succeeded but encoding the result again does not give the same bytes.
        case notLossless(TextEncoding, offset: Int)
        case utf32
        /// A document in a format Fazhi does not read (.doc, .wps, .pdf …), named for the message.
        case unsupportedDocument(String)
        /// A Word document that could not be read (damaged, encrypted, too large inside).
        case unreadableDocx(String)
        // Writing
        case changedSinceRead(String)
        case writeFailed(Errno)
        case notRegularFile
        case foreignOwner(uid: UInt32, gid: UInt32)
        case hardLinks(Int)
        case alreadyExists
        case cannotEncode(TextEncoding)
    }

    public var path: String
    public var kind: Kind

    public init(path: String, _ kind: Kind) {
        self.path = path
        self.kind = kind
    }

    public var description: String { "\(path)：\(detail)" }

    public var detail: String {
        let untouched = "未读取也未修改"
        let resave = "请用记事本或 WPS“另存为”UTF-8 编码后重试。"
        switch kind {
        case .cannotRead(let e):
            return "无法读取：\(e)"
        case .isDirectory:
            return "这是一个文件夹，不是文件"
        case .tooLarge(let size, let limit):
            return "文件过大（\(Self.size(Int(size)))，上限 \(Self.size(limit))），\(untouched)"
        case .reportTooLarge(let size, let limit):
            let found = size.map { Self.size(Int($0)) } ?? "超过 \(Self.size(limit))"
            return "文件过大（\(found)），fazhi 只检查不超过 \(Self.size(limit)) 的报告，\(untouched)。"
                + "一份年度报告通常只有几十 KB，请确认是否选错了文件。"
        case .undecodable(let u, let g, let found):
            return "无法确定文件编码，\(untouched)：第 \(u + 1) 字节处不是有效的 UTF-8，"
                + "第 \(g + 1) 字节处不是有效的 GB18030 编码（\(Self.hex(found))）。\(resave)"
        case .binary(let o):
            return "第 \(o + 1) 字节是空字节（0x00），这不是纯文本报告（可能是二进制文件，或不带 BOM 的 UTF-16 文本），"
                + "\(untouched)。\(resave)"
        case .invalidAfterBOM(let enc, let o, let found):
            return "文件以 \(enc.displayName) 的字节顺序标记（BOM）开头，但第 \(o + 1) 字节处不是有效的 \(enc.displayName) 编码"
                + "（\(Self.hex(found))），\(untouched)。\(resave)"
        case .truncated(let enc, let o):
            return "文件在第 \(o + 1) 字节处以不完整的 \(enc.displayName) 字符结尾，\(untouched)。\(resave)"
        case .notLossless(let enc, let o):
            return "按 \(enc.displayName) 解码后无法还原出原来的字节（第 \(o + 1) 字节起不同），为免丢失内容，\(untouched)。\(resave)"
        case .utf32:
            return "文件是 UTF-32 编码（以 UTF-32 的 BOM 开头），fazhi 不支持，\(untouched)。\(resave)"
        case .unsupportedDocument(let what):
            return "\(what)不是纯文本或 .docx 文件，请另存为 .docx 或 .txt 后再检查"
        case .unreadableDocx(let why):
            return why
        case .changedSinceRead(let what):
            return "读取之后文件已被改动（\(what)），为免覆盖别人的修改，未写入；请重新运行。"
        case .writeFailed(let e):
            return "写入失败：\(e)；原文件未改动。"
        case .notRegularFile:
            return "不是普通文件，未写入。"
        case .foreignOwner(let uid, let gid):
            return "替换后无法保持文件原来的所有者和所属组（uid \(uid)，gid \(gid)），未写入。"
        case .hardLinks(let n):
            return "文件有 \(n) 个硬链接，替换后其他链接仍会是旧内容，未写入。"
        case .alreadyExists:
            return "文件已存在（刚被创建？），未写入；请重试。"
        case .cannotEncode(let enc):
            return "修改后的文字无法用 \(enc.displayName) 编码保存，未写入。"
        }
    }

    static func hex(_ b: [UInt8]) -> String {
        b.isEmpty ? "文件末尾" : b.map { "0x" + String($0, radix: 16, uppercase: true).leftPadded(2) }.joined(separator: " ")
    }

    static func size(_ n: Int) -> String {
        if n >= 1 << 20 { return String(n / (1 << 20)) + " MB" }
        if n >= 1 << 10 { return String(n / (1 << 10)) + " KB" }
        return String(n) + " 字节"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
