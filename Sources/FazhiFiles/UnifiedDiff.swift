// A unified diff that `patch -p0` applies: Myers' O((N+M)·D) line diff, hunks with three lines of
// context (merged when close), GNU hunk-header conventions, and "\ No newline at end of file".
// Lines are compared with their terminators, so CRLF files diff and patch correctly.

public enum UnifiedDiff {
    /// The diff of two byte sequences as text, or "" when they are equal. `path` is written on both the
    /// `---` and `+++` lines, so that `patch -p0` finds the file.
    public static func make(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        make(old: old, new: new, path: path, context: context, limit: maxEditDistance)
    }

    static func make(old: [UInt8], new: [UInt8], path: String, context: Int, limit: Int) -> String {
        if old == new { return "" }
        let a = lines(old), b = lines(new)
        let ops = script(a, b, limit: limit)
        // A path with spaces ends with a tab (as git writes it), which tells patch where the name ends.
        let name = path.contains(" ") || path.contains("\t") ? path + "\t" : path
        var out = "--- \(name)\n+++ \(name)\n"
        for h in hunks(ops, context: context) {
            out += header(h, ops)
            for k in h.first...h.last {
                let op = ops[k]
                let line: ArraySlice<UInt8>
                let mark: String
                switch op.kind {
                case .equal: mark = " "; line = a[op.oldIndex]
                case .delete: mark = "-"; line = a[op.oldIndex]
                case .insert: mark = "+"; line = b[op.newIndex]
                }
                out += mark + String(decoding: line, as: UTF8.self)
                if line.last != 0x0A { out += "\n\\ No newline at end of file\n" }
            }
        }
        return out
    }

    // MARK: Lines

    /// Splits after each LF; the last line may lack one.
    static func lines(_ b: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = 0
        for i in b.indices where b[i] == 0x0A {
            out.append(b[start...i])
            start = i + 1
        }
        if start < b.count { out.append(b[start...]) }
        return out
    }

    // MARK: Edit script

    enum Kind { case equal, delete, insert }

    struct Op {
        var kind: Kind
        /// Index in the old lines (for insert: the old line before which it goes).
        var oldIndex: Int
        /// Index in the new lines (for delete: the new line before which it was).
        var newIndex: Int
    }

    /// Beyond this many differing lines Myers' saved frontiers grow quadratic (1,000 → 16 MB); a greedy
    /// windowed diff takes over (correct, usually close to minimal for the line replacements fixes make).
    static let maxEditDistance = 1000

    /// How far ahead the greedy diff looks for the next pair of equal lines.
    static let greedyWindow = 32

    static func script(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>], limit: Int) -> [Op] {
        // Lines as integers, so that comparisons in the inner loop are cheap.
        var ids: [ArraySlice<UInt8>: Int] = [:]
        let x = a.map { l in ids[l] ?? { let n = ids.count; ids[l] = n; return n }() }
        let y = b.map { l in ids[l] ?? { let n = ids.count; ids[l] = n; return n }() }
        var prefix = 0
        while prefix < x.count && prefix < y.count && x[prefix] == y[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < x.count - prefix && suffix < y.count - prefix && x[x.count - 1 - suffix] == y[y.count - 1 - suffix] { suffix += 1 }
        var ops: [Op] = (0..<prefix).map { Op(kind: .equal, oldIndex: $0, newIndex: $0) }
        let mx = Array(x[prefix..<(x.count - suffix)]), my = Array(y[prefix..<(y.count - suffix)])
        ops += middle(mx, my, offsetA: prefix, offsetB: prefix, limit: limit)
        for k in 0..<suffix {
            ops.append(Op(kind: .equal, oldIndex: x.count - suffix + k, newIndex: y.count - suffix + k))
        }
        return ops
    }

    /// Myers' greedy algorithm with a saved frontier per step for the backtrack; deletions come before
    /// insertions within a change, as diff(1) prints them.
    static func middle(_ x: [Int], _ y: [Int], offsetA: Int, offsetB: Int, limit: Int) -> [Op] {
        let n = x.count, m = y.count
        func replaceAll() -> [Op] {
            (0..<n).map { Op(kind: .delete, oldIndex: offsetA + $0, newIndex: offsetB) }
                + (0..<m).map { Op(kind: .insert, oldIndex: offsetA + n, newIndex: offsetB + $0) }
        }
        if n == 0 || m == 0 { return replaceAll() }
        let maxD = min(n + m, limit)
        let off = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        var found = false
        outer: for d in 0...maxD {
            trace.append(v)
            var k = -d
            while k <= d {
                var i: Int
                if k == -d || (k != d && v[off + k - 1] < v[off + k + 1]) {
                    i = v[off + k + 1]  // down: insertion
                } else {
                    i = v[off + k - 1] + 1  // right: deletion
                }
                var j = i - k
                while i < n && j < m && x[i] == y[j] { i += 1; j += 1 }
                v[off + k] = i
                if i >= n && j >= m { found = true; break outer }
                k += 2
            }
        }
        if !found { return greedy(x, y, offsetA: offsetA, offsetB: offsetB) }
        // Backtrack from (n, m) through the saved frontiers.
        var rev: [Op] = []
        var i = n, j = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let vd = trace[d]
            let k = i - j
            let prevK: Int
            if d == 0 {
                prevK = 0
            } else if k == -d || (k != d && vd[off + k - 1] < vd[off + k + 1]) {
                prevK = k + 1
            } else {
                prevK = k - 1
            }
            let prevI = d == 0 ? 0 : vd[off + prevK]
            let prevJ = prevI - prevK
            while i > prevI && j > prevJ {
                i -= 1; j -= 1
                rev.append(Op(kind: .equal, oldIndex: offsetA + i, newIndex: offsetB + j))
            }
            if d > 0 {
                if prevK == k + 1 {
                    j -= 1
                    rev.append(Op(kind: .insert, oldIndex: offsetA + i, newIndex: offsetB + j))
                } else {
                    i -= 1
                    rev.append(Op(kind: .delete, oldIndex: offsetA + i, newIndex: offsetB + j))
                }
            }
        }
        return reorderDeletesFirst(Array(rev.reversed()))
    }

    /// Equal lines are matched as they come; at a difference, the nearest resynchronisation point
    /// (fewest lines skipped on both sides, within `greedyWindow`) is taken, else one line is replaced.
    /// Linear in the input for a fixed window. Any such script is a correct patch.
    static func greedy(_ x: [Int], _ y: [Int], offsetA: Int, offsetB: Int) -> [Op] {
        var ops: [Op] = []
        var i = 0, j = 0
        let n = x.count, m = y.count
        while i < n || j < m {
            if i < n && j < m && x[i] == y[j] {
                ops.append(Op(kind: .equal, oldIndex: offsetA + i, newIndex: offsetB + j))
                i += 1; j += 1
                continue
            }
            var skip: (Int, Int)?
            search: for s in 1...(2 * greedyWindow) {
                for di in 0...s {
                    let dj = s - di
                    if di > greedyWindow || dj > greedyWindow { continue }
                    if i + di < n && j + dj < m && x[i + di] == y[j + dj] { skip = (di, dj); break search }
                }
            }
            let (di, dj) = skip ?? (i < n && j < m ? (1, 1) : (n - i, m - j))
            for k in 0..<di { ops.append(Op(kind: .delete, oldIndex: offsetA + i + k, newIndex: offsetB + j)) }
            for k in 0..<dj { ops.append(Op(kind: .insert, oldIndex: offsetA + i + di, newIndex: offsetB + j + k)) }
            i += di; j += dj
        }
        return reorderDeletesFirst(ops)
    }

    /// Within each run of changes, puts deletions before insertions (the same patch, easier to read).
    static func reorderDeletesFirst(_ ops: [Op]) -> [Op] {
        var out: [Op] = []
        out.reserveCapacity(ops.count)
        var k = 0
        while k < ops.count {
            if ops[k].kind == .equal { out.append(ops[k]); k += 1; continue }
            var e = k
            while e < ops.count && ops[e].kind != .equal { e += 1 }
            // Positions "before which" are those of the run's start, once the deletions are done.
            let newAt = ops[k].newIndex
            let deletes = ops[k..<e].filter { $0.kind == .delete }
            let oldAfter = ops[k].oldIndex + deletes.count
            out += deletes.map { Op(kind: .delete, oldIndex: $0.oldIndex, newIndex: newAt) }
            out += ops[k..<e].filter { $0.kind == .insert }.map { Op(kind: .insert, oldIndex: oldAfter, newIndex: $0.newIndex) }
            k = e
        }
        return out
    }

    // MARK: Hunks

    struct Hunk {
        var first: Int
        var last: Int
    }

    static func hunks(_ ops: [Op], context: Int) -> [Hunk] {
        var out: [Hunk] = []
        var k = 0
        while k < ops.count {
            guard ops[k].kind != .equal else { k += 1; continue }
            var end = k
            while end + 1 < ops.count && ops[end + 1].kind != .equal { end += 1 }
            let first = max(0, k - context)
            let last = min(ops.count - 1, end + context)
            // Merge with the previous hunk when the contexts touch or overlap.
            if var prev = out.last, first <= prev.last + 1 {
                prev.last = last
                out[out.count - 1] = prev
            } else {
                out.append(Hunk(first: first, last: last))
            }
            k = end + 1
        }
        return out
    }

    static func header(_ h: Hunk, _ ops: [Op]) -> String {
        var oldCount = 0, newCount = 0
        for k in h.first...h.last {
            switch ops[k].kind {
            case .equal: oldCount += 1; newCount += 1
            case .delete: oldCount += 1
            case .insert: newCount += 1
            }
        }
        let firstOld = ops[h.first].oldIndex, firstNew = ops[h.first].newIndex
        func range(_ start0: Int, _ count: Int) -> String {
            // GNU convention: an empty range names the line before it (0 at the top of the file).
            if count == 0 { return "\(start0),0" }
            return count == 1 ? "\(start0 + 1)" : "\(start0 + 1),\(count)"
        }
        return "@@ -\(range(firstOld, oldCount)) +\(range(firstNew, newCount)) @@\n"
    }
}
