import FazhiDocx
import Foundation

/// How a finding in a Word document is shown: by paragraph and character, with the paragraph quoted.
/// (Reading documents is `FileLoader`'s business, in FazhiFiles.)
enum DocxLocations {
    /// "第12段第5字" for a finding at a UTF-8 offset of a Word document's text.
    static func paragraphLabel(_ d: DocxText, offset: Int) -> String {
        paragraphLabel(d, d.location(ofUTF8Offset: offset))
    }

    /// The label of a location found with `DocxText.location` or a `DocxCursor`.
    static func paragraphLabel(_ d: DocxText, _ at: (paragraph: Int, character: Int)?) -> String {
        guard let (p, c) = at else { return "文首" }
        let n = d.paragraphs[p].number
        return c == 0 ? "第\(n)段（自动编号）" : "第\(n)段第\(c)字"
    }

    /// The paragraph around a finding, at most `radius` characters either side, for quoting.
    static func excerpt(_ d: DocxText, offset: Int, radius: Int = 24) -> String? {
        excerpt(d, offset: offset, d.location(ofUTF8Offset: offset), radius: radius)
    }

    /// The excerpt when the location is known. Only the characters quoted are read, not the whole
    /// paragraph, so that quoting many findings in one long paragraph stays linear.
    static func excerpt(_ d: DocxText, offset: Int, _ at: (paragraph: Int, character: Int)?, radius: Int = 24) -> String? {
        guard let (p, _) = at else { return nil }
        let range = d.paragraphs[p].range
        let bytes = d.utf8
        // The window is centred on the first scalar starting at or after the (clamped) offset: the count
        // of scalars starting before the offset, as quoting the whole paragraph counted it.
        var centre = min(max(offset, range.lowerBound), range.upperBound)
        while centre < range.upperBound && bytes[centre] & 0xC0 == 0x80 { centre += 1 }
        var lo = centre
        for _ in 0..<radius where lo > range.lowerBound {
            lo -= 1
            while lo > range.lowerBound && bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
        }
        var hi = centre
        for _ in 0..<radius where hi < range.upperBound {
            hi += 1
            while hi < range.upperBound && bytes[hi] & 0xC0 == 0x80 { hi += 1 }
        }
        var s = String(decoding: bytes[lo..<hi], as: UTF8.self).replacingOccurrences(of: "\n", with: "↵")
        if lo > range.lowerBound { s = "…" + s }
        if hi < range.upperBound { s += "…" }
        return s
    }
}

/// Locations of many offsets in one Word document, mostly in increasing order (findings sorted by
/// position): counting continues from the previous offset within a paragraph instead of restarting at
/// its start. Same results as `DocxText.location(ofUTF8Offset:)`.
struct DocxCursor {
    let docx: DocxText
    private var paragraph = -1
    private var offset = 0
    private var chars = 0

    init(_ docx: DocxText) { self.docx = docx }

    mutating func location(ofUTF8Offset o: Int) -> (paragraph: Int, character: Int)? {
        let ps = docx.paragraphs
        var lo = 0, hi = ps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ps[mid].range.lowerBound <= o { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let p = lo - 1
        let textStart = ps[p].range.lowerBound + ps[p].numberLength
        if o < textStart { return (p, 0) }
        let end = min(o, ps[p].range.upperBound)
        var k = textStart, n = 0
        if p == paragraph && offset <= end && offset >= textStart {
            k = offset
            n = chars
        }
        let u = docx.utf8
        while k < end {
            if u[k] & 0xC0 != 0x80 { n += 1 }
            k += 1
        }
        paragraph = p
        offset = k
        chars = n
        return (p, n + 1)
    }
}
