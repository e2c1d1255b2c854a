import FazhiDocx
import Foundation

/// How a finding in a Word document is shown: by paragraph and character, with the paragraph quoted.
/// (Reading documents is `FileLoader`'s business, in FazhiFiles.)
enum DocxLocations {
    /// "第12段第5字" for a finding at a UTF-8 offset of a Word document's text.
    static func paragraphLabel(_ d: DocxText, offset: Int) -> String {
        guard let (p, c) = d.location(ofUTF8Offset: offset) else { return "文首" }
        let n = d.paragraphs[p].number
        return c == 0 ? "第\(n)段（自动编号）" : "第\(n)段第\(c)字"
    }

    /// The paragraph around a finding, at most `radius` characters either side, for quoting.
    static func excerpt(_ d: DocxText, offset: Int, radius: Int = 24) -> String? {
        guard let (p, _) = d.location(ofUTF8Offset: offset) else { return nil }
        let para = d.paragraphs[p]
        let scalars = Array(d.text(of: p).unicodeScalars)
        // Position of the offset among the paragraph's scalars (the line includes the automatic number).
        let prefix = String(decoding: d.utf8[para.range.lowerBound..<min(max(offset, para.range.lowerBound), para.range.upperBound)], as: UTF8.self)
        let at = prefix.unicodeScalars.count
        let lo = max(0, at - radius), hi = min(scalars.count, at + radius)
        var s = String(String.UnicodeScalarView(scalars[lo..<hi])).replacingOccurrences(of: "\n", with: "↵")
        if lo > 0 { s = "…" + s }
        if hi < scalars.count { s += "…" }
        return s
    }
}
