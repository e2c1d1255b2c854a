// Decoding a report file losslessly, and encoding an edited text back into exactly the same form.
import FazhiText

/// A file's text as UTF-8 plus everything needed to write an edited version back byte-compatibly:
/// the encoding, whether it had a byte order mark, and its line-ending style.
///
/// The BOM is not part of `utf8` (so it never shifts a column or counts as a character in findings) and
/// is added again by `encode`. Decoding is lossless or refused: the decoded text, encoded again, must give
/// the original bytes.
public struct DecodedFile: Sendable {
    public let encoding: TextEncoding
    public let hasBOM: Bool
    /// How the file's lines end (computed when asked: only writing back and --verbose need it).
    public var lineEnding: LineEnding { LineEnding.detect(source.bytes) }
    /// The text without its BOM, with its line index (built once).
    public let source: SourceText

    /// The text without its BOM, valid UTF-8.
    public var utf8: [UInt8] { source.bytes }

    init(encoding: TextEncoding, hasBOM: Bool, utf8: [UInt8]) {
        self.encoding = encoding
        self.hasBOM = hasBOM
        source = SourceText(validUTF8: utf8)
    }

    /// A short description for `--verbose`: "GB18030，CRLF 换行" or "UTF-8（带 BOM），LF 换行".
    public var summary: String {
        encoding.displayName + (hasBOM ? "（带 BOM）" : "") + "，" + lineEnding.displayName
    }

    /// The bytes of an edited text (UTF-8, without BOM) in this file's encoding, with its BOM and, for a
    /// file whose lines all end alike, bare LFs turned into that line ending.
    public func encode(edited text: [UInt8]) throws(FileError.Kind) -> [UInt8] {
        var body = lineEnding.normalizingBareLF(text)
        // The edited text never carries the BOM we stripped; a U+FEFF still at its start is a second
        // one that was in the file (kept as text) and is written back as it was.
        if encoding == .utf8 {
            return hasBOM ? encoding.bom + body : body
        }
        switch Iconv.convert(body, from: "UTF-8", to: encoding.iconvName) {
        case .success(let out):
            body = out
        case .failure:
            throw .cannotEncode(encoding)
        }
        return hasBOM ? encoding.bom + body : body
    }

    /// Detects the encoding of `raw` and decodes it, or says precisely why not.
    ///
    /// Order: a UTF-32 BOM is refused; a UTF-8 or UTF-16 BOM decides; a NUL byte without a UTF-16 BOM
    /// means binary (or BOM-less UTF-16) and is refused; valid UTF-8 wins; otherwise GB18030 strictly.
    /// Every non-UTF-8 result must encode back to `raw` exactly.
    public static func decode(_ raw: [UInt8]) throws(FileError.Kind) -> DecodedFile {
        if raw.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || raw.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw .utf32
        }
        if raw.starts(with: TextEncoding.utf8.bom) {
            let body = Array(raw[3...])
            if let bad = UTF8Validation.firstInvalidOffset(body) {
                throw .invalidAfterBOM(.utf8, offset: bad + 3, found: Array(body[bad..<min(body.count, bad + 4)]))
            }
            if let nul = body.firstIndex(of: 0) { throw .binary(offset: nul + 3) }
            return DecodedFile(encoding: .utf8, hasBOM: true, utf8: body)
        }
        for enc in [TextEncoding.utf16LE, .utf16BE] where raw.starts(with: enc.bom) {
            return try decodeWithIconv(raw, encoding: enc, bomLength: 2)
        }
        if let nul = raw.firstIndex(of: 0) { throw .binary(offset: nul) }
        guard let badUTF8 = UTF8Validation.firstInvalidOffset(raw) else {
            return DecodedFile(encoding: .utf8, hasBOM: false, utf8: raw)
        }
        do {
            return try decodeWithIconv(raw, encoding: .gb18030, bomLength: 0)
        } catch .invalidAfterBOM(_, let offset, let found) {
            throw .undecodable(utf8Offset: badUTF8, gbOffset: offset, found: found)
        } catch .truncated(_, let offset) {
            throw .undecodable(utf8Offset: badUTF8, gbOffset: offset, found: Array(raw[offset...]))
        }
    }

    /// Decodes everything after the BOM with iconv, checks for NUL and for a lossless round trip.
    /// Errors about invalid bytes come back as `invalidAfterBOM`/`truncated` with offsets into `raw`.
    private static func decodeWithIconv(_ raw: [UInt8], encoding: TextEncoding, bomLength: Int) throws(FileError.Kind) -> DecodedFile {
        let body = Array(raw[bomLength...])
        var text: [UInt8]
        switch Iconv.convert(body, from: encoding.iconvName, to: "UTF-8") {
        case .success(let t):
            text = t
        case .failure(.invalid(let o)):
            throw .invalidAfterBOM(encoding, offset: o + bomLength, found: Array(body[o..<min(body.count, o + 4)]))
        case .failure(.incomplete(let o)):
            throw .truncated(encoding, offset: o + bomLength)
        case .failure(.unavailable):
            // Without the converter we cannot prove the decoding lossless: refuse like undecodable bytes.
            throw .notLossless(encoding, offset: bomLength)
        }
        if let nul = text.firstIndex(of: 0) {
            // Report the offset in the file: the NUL is the n-th character; find its byte in `raw` by
            // encoding the text before it.
            let before = Iconv.convert(Array(text[..<nul]), from: "UTF-8", to: encoding.iconvName)
            throw .binary(offset: bomLength + ((try? before.get())?.count ?? 0))
        }
        var hasBOM = bomLength > 0
        // A GB18030 file may begin with U+FEFF encoded as 84 31 95 33: treat it as the BOM it is.
        if !hasBOM && text.starts(with: TextEncoding.utf8.bom) {
            text.removeFirst(3)
            hasBOM = true
        }
        guard UTF8Validation.isValid(text) else { throw .notLossless(encoding, offset: bomLength) }
        let decoded = DecodedFile(encoding: encoding, hasBOM: hasBOM, utf8: text)
        // Lossless or nothing: the text, encoded again, must be the original bytes (iconv maps a few
        // sequences one way only; such a file would be silently changed by a later write).
        let again: [UInt8]
        do { again = try decoded.encode(edited: text) } catch { throw .notLossless(encoding, offset: bomLength) }
        if again != raw {
            var i = 0
            while i < again.count && i < raw.count && again[i] == raw[i] { i += 1 }
            throw .notLossless(encoding, offset: i)
        }
        return decoded
    }
}
