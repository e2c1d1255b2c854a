import FazhiText

/// Every scalar of a text that is neither a Han ideograph nor an ASCII letter or digit — punctuation,
/// spaces, symbols, line breaks, control and special characters — with its byte offset, in text order.
/// Built once per lint run in one byte pass (`LintCache.marks`); Chinese prose is mostly Han, so the
/// punctuation, spacing and residue rules walk a small fraction of the scalars instead of every byte.
struct MarkIndex: Sendable {
    /// Byte offsets, ascending.
    let offsets: [Int]
    /// Scalar values, parallel to `offsets`.
    let values: [UInt32]

    init(_ text: SourceText) {
        var offs: [Int] = [], vals: [UInt32] = []
        let n = text.count
        offs.reserveCapacity(n / 16)
        vals.reserveCapacity(n / 16)
        text.bytes.withUnsafeBufferPointer { p in
            guard let b = p.baseAddress else { return }
            var i = 0
            while i < n {
                let c = b[i]
                if UTF8.isASCII(c) {
                    // ASCII letters and digits are not marks.
                    if !Scalars.isASCIIAlphanumeric(c) { offs.append(i); vals.append(UInt32(c)) }
                    i &+= 1
                } else if Scalars.leadsOnlyHan(c) {
                    i &+= 3
                } else {
                    let (v, len) = Scalars.decode(p, i)
                    if !Scalars.isHan(v) { offs.append(i); vals.append(v) }
                    i &+= len
                }
            }
        }
        offsets = offs
        values = vals
    }

    var count: Int { offsets.count }

    /// The first entry whose offset is at or after `offset` (`count` when none).
    func first(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = offsets.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if offsets[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
