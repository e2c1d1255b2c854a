import FazhiParser
import FazhiText

/// Helpers shared by rules: fast scans over the UTF-8 bytes of the report.
extension LintContext {
    /// Calls `body(scalar, byteOffset, byteLength)` for each scalar in `range` (whole text when nil).
    @inlinable
    public func forEachScalar(in range: TextRange? = nil, _ body: (UInt32, Int, Int) -> Void) {
        let r = range ?? TextRange(0, source.count)
        source.bytes.withUnsafeBufferPointer { p in
            var i = max(0, r.start)
            let e = min(r.end, p.count)
            while i < e {
                let (v, len) = Scalars.decode(p, i)
                body(v, i, len)
                i += len
            }
        }
    }

    /// All non-overlapping byte ranges where `literal` occurs within `range`.
    public func occurrences(of literal: String, in range: TextRange? = nil) -> [TextRange] {
        let pat = Array(literal.utf8)
        guard !pat.isEmpty else { return [] }
        let r = range ?? TextRange(0, source.count)
        var out: [TextRange] = []
        source.bytes.withUnsafeBufferPointer { p in
            var i = max(0, r.start)
            let last = min(r.end, p.count) - pat.count
            let first = pat[0]
            while i <= last {
                if p[i] == first {
                    var k = 1
                    while k < pat.count && p[i + k] == pat[k] { k += 1 }
                    if k == pat.count {
                        out.append(TextRange(i, i + pat.count))
                        i += pat.count
                        continue
                    }
                }
                i += 1
            }
        }
        return out
    }

    /// The scalar at a byte offset (0 when out of range).
    public func scalar(at offset: Int) -> UInt32 {
        guard offset >= 0 && offset < source.count else { return 0 }
        return source.bytes.withUnsafeBufferPointer { Scalars.decode($0, offset).0 }
    }

    /// The scalar that ends just before a byte offset (0 at the start).
    public func scalar(before offset: Int) -> (UInt32, Int) {
        guard offset > 0 && offset <= source.count else { return (0, 0) }
        return source.bytes.withUnsafeBufferPointer { Scalars.decodeBefore($0, offset) }
    }

    public func text(_ r: TextRange) -> String { source.string(r) }
}
