import FazhiText

/// Which safe fixes `fazhi fix` applies in one round: for each finding in order, its first safe fix,
/// unless one of its edits conflicts with an edit already chosen (overlapping ranges, or two insertions
/// at the same offset).
public enum SafeFixes {
    /// The edits to apply and how many fixes they come from.
    public static func select(_ diagnostics: [Diagnostic]) -> (edits: [TextEdit], fixes: Int) {
        var edits: [TextEdit] = []
        var taken = TakenRanges()
        var count = 0
        for d in diagnostics {
            guard let f = d.fixes.first(where: \.isSafe) else { continue }
            if f.edits.contains(where: { taken.conflicts($0.range) }) { continue }
            edits += f.edits
            for e in f.edits { taken.insert(e.range) }
            count += 1
        }
        return (edits, count)
    }
}

/// The ranges already edited in one round of fixes, sorted, so that checking a new edit against them is a
/// binary search instead of a pass over every earlier edit (a long file can have tens of thousands).
/// Two ranges conflict when they overlap, or when both are empty at the same offset (two insertions there).
public struct TakenRanges {
    private var ranges: [TextRange] = []

    public init() {}

    /// The index of the first range that ends at or after `offset`.
    private func firstEnding(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if ranges[mid].end >= offset { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    public func conflicts(_ r: TextRange) -> Bool {
        // Taken ranges never conflict with each other, so sorted by start they are sorted by end too;
        // only those ending at or after r.start and starting at or before r.end can touch r.
        var i = firstEnding(atOrAfter: r.start)
        while i < ranges.count && ranges[i].start <= r.end {
            let t = ranges[i]
            if t.overlaps(r) || (t.isEmpty && r.isEmpty && t.start == r.start) { return true }
            i += 1
        }
        return false
    }

    public mutating func insert(_ r: TextRange) {
        // Usually after the last one (findings come sorted by position).
        if let last = ranges.last, last < r || last == r {
            ranges.append(r)
            return
        }
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if ranges[mid] < r { lo = mid + 1 } else { hi = mid }
        }
        ranges.insert(r, at: lo)
    }
}
