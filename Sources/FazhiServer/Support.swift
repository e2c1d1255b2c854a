// Small helpers shared by the server's features: position conversion at the edge, URIs, numerals.
import FazhiJSON
import FazhiParser
import FazhiText
import Foundation
import LSPKit

extension FazhiText.PositionEncoding {
    init(_ e: LSP.PositionEncoding) {
        switch e {
        case .utf8: self = .utf8
        case .utf16: self = .utf16
        case .utf32: self = .utf32
        }
    }
}

/// Converts between UTF-8 byte offsets (inside) and LSP positions (outside) for one text.
struct InvalidPosition: Error {
    var reason: String
}

struct Edge {
    let text: SourceText
    let encoding: FazhiText.PositionEncoding

    func position(_ offset: Int) -> LSP.Position {
        let p = text.position(of: offset, encoding: encoding)
        return LSP.Position(line: p.line, character: p.character)
    }

    func range(_ r: TextRange) -> LSP.Range {
        LSP.Range(position(r.start), position(r.end))
    }

    /// Byte offset of a position; out-of-range values are clamped.
    func offset(_ p: LSP.Position) -> Int {
        text.offset(line: p.line, character: p.character, encoding: encoding)
    }

    /// Byte offset of a position in an incremental edit, or why it cannot be used: a line past the last
    /// line, or a position inside a character (between the halves of a surrogate pair, or inside a
    /// UTF-8 sequence). A character past the end of its line means the end of the line (LSP).
    func editOffset(_ p: LSP.Position) -> Result<Int, InvalidPosition> {
        guard p.line < text.lineCount else {
            return .failure(InvalidPosition(reason: "位置（\(Edge.describe(p))）超出文档：文档只有 \(text.lineCount) 行"))
        }
        let o = text.offset(line: p.line, character: p.character, encoding: encoding)
        let lineLength = text.position(of: text.lineRange(p.line).end, encoding: encoding).character
        if text.position(of: o, encoding: encoding).character != min(p.character, lineLength) {
            return .failure(InvalidPosition(reason: "位置（\(Edge.describe(p))）落在一个字符的中间"))
        }
        return .success(o)
    }

    /// A position as the protocol gives it: "行 2，列 4（从 0 起）".
    static func describe(_ p: LSP.Position) -> String { "行 \(p.line)，列 \(p.character)（从 0 起）" }

    func textRange(_ r: LSP.Range) -> TextRange {
        let a = offset(r.start), b = offset(r.end)
        return TextRange(min(a, b), max(a, b))
    }

    /// Length of a string in the negotiated units.
    func length(_ s: String) -> Int { SourceText.length(of: s, encoding: encoding) }
}

enum URIs {
    /// The file-system path of a `file:` URI, or nil for other schemes.
    static func path(_ uri: String) -> String? {
        guard uri.hasPrefix("file:") else { return nil }
        if let u = URL(string: uri), u.isFileURL, !u.path.isEmpty { return u.path }
        var rest = String(uri.dropFirst(5))
        if rest.hasPrefix("//") { rest.removeFirst(2) }
        if let slash = rest.firstIndex(of: "/") { rest = String(rest[slash...]) }
        return rest.removingPercentEncoding ?? rest
    }

    static func uri(path: String) -> String { URL(fileURLWithPath: path).absoluteString }

    static func directory(ofURI uri: String) -> URL? {
        path(uri).map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
    }
}

/// Chinese ordinals for the server's features (one implementation, in the parser core).
enum Numerals {
    static func chinese(_ n: Int) -> String { ChineseNumerals.string(n) }
    static func value(_ s: String) -> Int? { ChineseNumerals.value(s) }
    static func marker(level: Int, number n: Int) -> String { ChineseNumerals.marker(level: level, number: n) }
}

extension JSON {
    static func str(_ s: String) -> JSON { .string(s) }
}

/// The date today, as (year, month, day), in the local calendar.
func todayComponents() -> (year: Int, month: Int, day: Int) {
    let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
    return (c.year ?? 2025, c.month ?? 1, c.day ?? 1)
}

/// Scalars of a text with their byte offsets (for small local scans: a line, a sentence).
struct ScalarRun {
    var scalars: [UInt32] = []
    var offsets: [Int] = []
    /// Offset just past the last scalar.
    var end: Int = 0

    init(_ text: SourceText, _ r: TextRange) {
        let s = max(0, min(r.start, text.count)), e = max(s, min(r.end, text.count))
        end = e
        text.bytes.withUnsafeBufferPointer { p in
            var i = s
            while i < e {
                let (v, len) = Scalars.decode(p, i)
                scalars.append(v)
                offsets.append(i)
                i += len
            }
        }
    }

    var count: Int { scalars.count }
    func offset(_ i: Int) -> Int { i < offsets.count ? offsets[i] : end }
    func string(_ a: Int, _ b: Int) -> String {
        var s = String.UnicodeScalarView()
        for i in a..<min(b, scalars.count) { if let u = Unicode.Scalar(scalars[i]) { s.append(u) } }
        return String(s)
    }
}

extension Scalars {
    /// ASCII or full-width digit.
    static func isDigitLike(_ v: UInt32) -> Bool { (v >= 0x30 && v <= 0x39) || (v >= 0xFF10 && v <= 0xFF19) }
    static func digitValue(_ v: UInt32) -> Int { v >= 0xFF10 ? Int(v - 0xFF10) : Int(v - 0x30) }
}
