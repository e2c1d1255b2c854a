// The encodings a report file can be read in, and how its lines end.

/// Encodings Fazhi reads and writes back. GB18030 is a superset of GBK and GB2312 (what Notepad and WPS
/// call "ANSI" on Chinese Windows); UTF-16 is read only with a byte order mark ("Unicode" in Notepad).
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"

    /// Name for messages.
    public var displayName: String { rawValue }

    /// Name understood by iconv.
    var iconvName: String { rawValue }

    /// The byte order mark: U+FEFF encoded in this encoding.
    public var bom: [UInt8] {
        switch self {
        case .utf8: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .gb18030: return [0x84, 0x31, 0x95, 0x33]
        }
    }
}

/// How the lines of a text end. Fazhi's fixes never change line breaks, so a file keeps its style; for a
/// file with one style, a bare LF that an edit introduces is converted to that style on writing.
public enum LineEnding: String, Sendable {
    case none, lf, crlf, cr, mixed

    /// The line breaks of UTF-8 (or ASCII-compatible) bytes.
    public static func detect(_ b: [UInt8]) -> LineEnding {
        var lf = 0, crlf = 0, cr = 0
        b.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                let c = p[i]
                if c == 0x0A {
                    lf += 1
                } else if c == 0x0D {
                    if i + 1 < n && p[i + 1] == 0x0A { crlf += 1; i += 1 } else { cr += 1 }
                }
                i += 1
            }
        }
        switch (lf > 0, crlf > 0, cr > 0) {
        case (false, false, false): return .none
        case (true, false, false): return .lf
        case (false, true, false): return .crlf
        case (false, false, true): return .cr
        default: return .mixed
        }
    }

    public var displayName: String {
        switch self {
        case .none: return "无换行"
        case .lf: return "LF 换行"
        case .crlf: return "CRLF 换行"
        case .cr: return "CR 换行"
        case .mixed: return "混合换行"
        }
    }

    /// Converts bare LFs (not part of CRLF) to this style when the style is CRLF or CR; other styles
    /// leave the bytes as they are.
    func normalizingBareLF(_ b: [UInt8]) -> [UInt8] {
        guard self == .crlf || self == .cr else { return b }
        var bare = false
        for i in b.indices where b[i] == 0x0A && (i == 0 || b[i - 1] != 0x0D) { bare = true; break }
        if !bare { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 32)
        for i in b.indices {
            let c = b[i]
            if c == 0x0A && (i == 0 || b[i - 1] != 0x0D) {
                if self == .crlf { out.append(0x0D); out.append(0x0A) } else { out.append(0x0D) }
            } else {
                out.append(c)
            }
        }
        return out
    }
}
