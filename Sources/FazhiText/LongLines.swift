// Checkpoints inside very long lines, so that converting between byte offsets and (line, character)
// costs O(log n + stride) instead of O(line length). Without them a report flattened into one line
// (a PDF copy, a pasted web page) made every finding's position a scan from the start of the file:
// quadratic in the output formats and the server.

/// Every `stride` bytes inside lines longer than `threshold`: the byte offset (on a scalar boundary) and
/// the UTF-16 and UTF-32 counts from the start of its line. Empty for ordinary text, where building it
/// costs one look at each line's length.
public struct LongLineIndex: Sendable {
    public static let threshold = 4096
    public static let stride = 2048

    /// Sorted byte offsets of the checkpoints (several per long line, none in short lines).
    let offsets: [Int]
    let utf16: [Int]
    let utf32: [Int]

    static let empty = LongLineIndex(offsets: [], utf16: [], utf32: [])

    init(offsets: [Int], utf16: [Int], utf32: [Int]) {
        self.offsets = offsets
        self.utf16 = utf16
        self.utf32 = utf32
    }

    init(bytes: [UInt8], lineStarts: [Int]) {
        var o: [Int] = [], u16: [Int] = [], u32: [Int] = []
        let n = bytes.count
        bytes.withUnsafeBufferPointer { p in
            for l in 0..<lineStarts.count {
                let s = lineStarts[l]
                let e = l + 1 < lineStarts.count ? lineStarts[l + 1] : n
                guard e - s > LongLineIndex.threshold else { continue }
                var i = s, a = 0, b = 0, next = s + LongLineIndex.stride
                while i < e {
                    if i >= next {
                        o.append(i); u16.append(a); u32.append(b)
                        next = i + LongLineIndex.stride
                    }
                    let len = UTF8Validation.sequenceLength(p[i])
                    a += len == 4 ? 2 : 1
                    b += 1
                    i += len
                }
            }
        }
        self.init(offsets: o, utf16: u16, utf32: u32)
    }

    public var isEmpty: Bool { offsets.isEmpty }

    /// The last checkpoint in `lineStart..<limit` at or before `limit`: where counting may start, with the
    /// units counted so far. `(lineStart, 0)` when there is none.
    func start(lineStart: Int, limit: Int, encoding: PositionEncoding) -> (offset: Int, units: Int) {
        guard !offsets.isEmpty, limit - lineStart >= LongLineIndex.stride else { return (lineStart, 0) }
        var lo = 0, hi = offsets.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if offsets[mid] <= limit { lo = mid + 1 } else { hi = mid }
        }
        let k = lo - 1
        guard k >= 0, offsets[k] > lineStart else { return (lineStart, 0) }
        return (offsets[k], encoding == .utf16 ? utf16[k] : utf32[k])
    }

    /// The last checkpoint of the line `lineStart..<lineEnd` whose count is at most `character`.
    func start(lineStart: Int, lineEnd: Int, character: Int, encoding: PositionEncoding) -> (offset: Int, units: Int) {
        guard !offsets.isEmpty, lineEnd - lineStart > LongLineIndex.threshold else { return (lineStart, 0) }
        // Checkpoints of this line: offsets in (lineStart, lineEnd).
        var lo = 0, hi = offsets.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if offsets[mid] <= lineStart { lo = mid + 1 } else { hi = mid }
        }
        let first = lo
        hi = offsets.count
        let units = encoding == .utf16 ? utf16 : utf32
        // Largest k in [first, …) within the line with units[k] <= character (units grow along the line).
        while lo < hi {
            let mid = (lo + hi) >> 1
            if offsets[mid] < lineEnd && units[mid] <= character { lo = mid + 1 } else { hi = mid }
        }
        let k = lo - 1
        guard k >= first else { return (lineStart, 0) }
        return (offsets[k], units[k])
    }
}
