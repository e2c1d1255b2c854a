import Foundation
import FazhiText

/// Aho-Corasick automaton over UTF-8 bytes, compiled into a dense DFA.
///
/// * Bytes that no pattern uses share one equivalence class, so a row of the transition table has
///   `classCount` entries (typically 60–120 for Chinese patterns) instead of 256.
/// * Failure transitions are precomputed: scanning is one table lookup per byte.
/// * Table entries are premultiplied row offsets; states that report a match are numbered last, so the
///   hot loop only compares the next state with a threshold.
/// * Only matches that start and end on scalar boundaries are reported.
///
/// Build it once (it is immutable and `Sendable`) and scan many texts with it.
public struct MultiPatternMatcher: Sendable {
    /// One occurrence of a pattern: a half-open UTF-8 byte range.
    public struct Match: Hashable, Sendable, CustomStringConvertible {
        public var start: Int
        public var end: Int
        /// Index of the pattern in the list given to `init`.
        public var pattern: Int
        /// The payload given with that pattern (its index when none was given).
        public var payload: Int

        public init(start: Int, end: Int, pattern: Int, payload: Int) {
            self.start = start; self.end = end; self.pattern = pattern; self.payload = payload
        }
        public var range: Range<Int> { start..<end }
        public var textRange: TextRange { TextRange(start, end) }
        public var length: Int { end - start }
        public var description: String { "\(start)..<\(end)#\(pattern)" }
    }

    /// The patterns as given (empty ones are kept in the list but never match).
    public let patterns: [String]
    public let payloads: [Int]

    /// The automaton, compiled on first use (many matchers are loaded but only some are ever run,
    /// e.g. the per-file matchers when the linter uses its combined one).
    private let box: LazyCompiled
    var compiled: Compiled { box.get() }
    /// Number of byte equivalence classes (= row width).
    public var classCount: Int { compiled.classCount }
    /// Number of DFA states.
    public var stateCount: Int { compiled.stateCount }

    /// Builds the automaton; each pattern's payload is its index.
    public init(patterns: [String]) {
        self.init(patterns.enumerated().map { ($0.element, $0.offset) })
    }

    /// Builds the automaton from (pattern, payload) pairs. Several patterns may be equal.
    public init(_ entries: [(pattern: String, payload: Int)]) {
        patterns = entries.map(\.pattern)
        payloads = entries.map(\.payload)
        let bytesList: [[UInt8]] = entries.map { Array($0.pattern.utf8) }
        box = LazyCompiled { Compiled(bytesList) }
    }

    /// Calls `body` for every match (overlapping ones included) that lies inside `range`, in order of end offset.
    ///
    /// Long ranges are scanned as two interleaved streams (the second half restarts from the root
    /// `maxPatternLength` bytes before the middle, which finds exactly the matches ending in that half):
    /// the two table walks are independent, so the processor overlaps their memory loads. Matches of the
    /// second half are held back until the first half is done, so the order is the same.
    @inline(__always)
    public func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Match) -> Void) {
        let lo = max(0, range.lowerBound), hi = min(bytes.count, range.upperBound)
        let c = compiled
        guard lo < hi, c.stateCount > 1 else { return }
        let width = c.classCount
        let threshold = c.matchThreshold
        let outputStart = c.outputStart, outputs = c.outputs, patternLengths = c.patternLengths
        c.table.withUnsafeBufferPointer { tp in
            c.classes.withUnsafeBufferPointer { cp in
                guard let tb = tp.baseAddress, let cb = cp.baseAddress, let bb = bytes.baseAddress else { return }
                let count = bytes.count
                /// Reports the outputs of state offset `s` reached at `end`.
                @inline(__always) func emit(_ s: Int, _ end: Int, _ sink: (Match) -> Void) {
                    let k = (s - threshold) / width
                    if end < count && (bb[end] & 0xC0) == 0x80 { return }
                    for j in Int(outputStart[k])..<Int(outputStart[k + 1]) {
                        let p = Int(outputs[j])
                        let start = end - Int(patternLengths[p])
                        if (bb[start] & 0xC0) == 0x80 { continue }
                        sink(Match(start: start, end: end, pattern: p, payload: payloads[p]))
                    }
                }
                let overlap = c.maxPatternLength
                if hi - lo < 4096 || overlap * 4 > hi - lo {
                    var s = 0
                    var i = lo
                    while i < hi {
                        s = Int(tb[s &+ Int(cb[Int(bb[i])])])
                        i &+= 1
                        if s >= threshold { emit(s, i, body) }
                    }
                    return
                }
                if hi - lo >= 16384 && overlap * 16 <= hi - lo {
                    // Four streams: stream k > 0 starts from the root `overlap` bytes before its boundary
                    // b_k and reports only matches ending after b_k. Held matches are replayed in order.
                    let q = (hi - lo) / 4
                    let b1 = lo + q, b2 = lo + 2 * q, b3 = lo + 3 * q
                    var i0 = lo, i1 = b1 - overlap, i2 = b2 - overlap, i3 = b3 - overlap
                    var s0 = 0, s1 = 0, s2 = 0, s3 = 0
                    var h1: [Match] = [], h2: [Match] = [], h3: [Match] = []
                    // Stream 0 is the shortest (q bytes): all four advance together for q steps.
                    var k = 0
                    while k < q {
                        s0 = Int(tb[s0 &+ Int(cb[Int(bb[i0])])])
                        s1 = Int(tb[s1 &+ Int(cb[Int(bb[i1])])])
                        s2 = Int(tb[s2 &+ Int(cb[Int(bb[i2])])])
                        s3 = Int(tb[s3 &+ Int(cb[Int(bb[i3])])])
                        i0 &+= 1; i1 &+= 1; i2 &+= 1; i3 &+= 1
                        k &+= 1
                        if s0 >= threshold { emit(s0, i0, body) }
                        if s1 >= threshold && i1 > b1 { emit(s1, i1, { h1.append($0) }) }
                        if s2 >= threshold && i2 > b2 { emit(s2, i2, { h2.append($0) }) }
                        if s3 >= threshold && i3 > b3 { emit(s3, i3, { h3.append($0) }) }
                    }
                    while i1 < b2 {
                        s1 = Int(tb[s1 &+ Int(cb[Int(bb[i1])])])
                        i1 &+= 1
                        if s1 >= threshold && i1 > b1 { emit(s1, i1, { h1.append($0) }) }
                    }
                    while i2 < b3 {
                        s2 = Int(tb[s2 &+ Int(cb[Int(bb[i2])])])
                        i2 &+= 1
                        if s2 >= threshold && i2 > b2 { emit(s2, i2, { h2.append($0) }) }
                    }
                    while i3 < hi {
                        s3 = Int(tb[s3 &+ Int(cb[Int(bb[i3])])])
                        i3 &+= 1
                        if s3 >= threshold && i3 > b3 { emit(s3, i3, { h3.append($0) }) }
                    }
                    for m in h1 { body(m) }
                    for m in h2 { body(m) }
                    for m in h3 { body(m) }
                    return
                }
                // Stream A: lo..<mid from the root. Stream B: (mid - overlap)..<hi from the root, reporting
                // only matches that end after mid. Lengths: mid - lo == hi - (mid - overlap) (± 1).
                let mid = (lo + hi + overlap) / 2
                var ia = lo, ib = mid - overlap
                var sa = 0, sb = 0
                var held: [Match] = []
                let steps = mid - lo
                var k = 0
                while k < steps {
                    sa = Int(tb[sa &+ Int(cb[Int(bb[ia])])])
                    sb = Int(tb[sb &+ Int(cb[Int(bb[ib])])])
                    ia &+= 1
                    ib &+= 1
                    k &+= 1
                    if sa >= threshold { emit(sa, ia, body) }
                    if sb >= threshold && ib > mid { emit(sb, ib, { held.append($0) }) }
                }
                while ib < hi {
                    sb = Int(tb[sb &+ Int(cb[Int(bb[ib])])])
                    ib &+= 1
                    if sb >= threshold && ib > mid { emit(sb, ib, { held.append($0) }) }
                }
                for m in held { body(m) }
            }
        }
    }

    /// Scans one chunk of a longer stream, continuing from `state` (0 at the start of the stream) and
    /// leaving the state after the chunk's last byte in it. Chunks must end on scalar boundaries; a match
    /// that began in an earlier chunk is reported too (its start may then be negative: offsets are
    /// relative to the chunk). `body` returns false to stop; the result is false when it did.
    public func scanChunk(_ bytes: UnsafeBufferPointer<UInt8>, state: inout Int, _ body: (Match) -> Bool) -> Bool {
        let c = compiled
        guard c.stateCount > 1, let bb = bytes.baseAddress else { return true }
        let width = c.classCount
        let threshold = c.matchThreshold
        let outputStart = c.outputStart, outputs = c.outputs, patternLengths = c.patternLengths
        let count = bytes.count
        var s = state
        defer { state = s }
        return c.table.withUnsafeBufferPointer { tp in
            c.classes.withUnsafeBufferPointer { cp in
                guard let tb = tp.baseAddress, let cb = cp.baseAddress else { return true }
                var i = 0
                while i < count {
                    s = Int(tb[s &+ Int(cb[Int(bb[i])])])
                    i &+= 1
                    guard s >= threshold else { continue }
                    if i < count && (bb[i] & 0xC0) == 0x80 { continue }
                    let k = (s - threshold) / width
                    for j in Int(outputStart[k])..<Int(outputStart[k + 1]) {
                        let p = Int(outputs[j])
                        let start = i - Int(patternLengths[p])
                        if start >= 0 && (bb[start] & 0xC0) == 0x80 { continue }
                        if !body(Match(start: start, end: i, pattern: p, payload: payloads[p])) { return false }
                    }
                }
                return true
            }
        }
    }

    /// All matches inside `range` (overlapping ones included), sorted by start, then longest first.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Match] {
        var result: [Match] = []
        forEachMatch(in: bytes, range: range) { result.append($0) }
        result.sort(by: MultiPatternMatcher.leftmostLongestOrder)
        return result
    }

    /// Leftmost-longest, non-overlapping matches: from left to right, at each position the longest
    /// pattern that starts there wins and scanning resumes after it.
    public func leftmostLongestMatches(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Match] {
        MultiPatternMatcher.leftmostLongest(matches(in: bytes, range: range))
    }

    /// Convenience: matches in a string (byte offsets into its UTF-8).
    public func matches(in string: String, leftmostLongest: Bool = false) -> [Match] {
        var s = string
        return s.withUTF8 { p in
            leftmostLongest ? leftmostLongestMatches(in: p, range: 0..<p.count) : matches(in: p, range: 0..<p.count)
        }
    }

    /// Convenience: matches in a source text, optionally restricted to a range.
    public func matches(in text: SourceText, range: TextRange? = nil, leftmostLongest: Bool = false) -> [Match] {
        let r = range.map { max(0, $0.start)..<min(text.count, $0.end) } ?? 0..<text.count
        guard r.lowerBound < r.upperBound else { return [] }
        return text.bytes.withUnsafeBufferPointer { p in
            leftmostLongest ? leftmostLongestMatches(in: p, range: r) : matches(in: p, range: r)
        }
    }

    @inline(__always)
    static func leftmostLongestOrder(_ a: Match, _ b: Match) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end > b.end }
        return a.pattern < b.pattern
    }

    /// Reduces matches sorted by `leftmostLongestOrder` (or any order: they are re-sorted) to
    /// leftmost-longest non-overlapping ones.
    public static func leftmostLongest(_ all: [Match]) -> [Match] {
        let sorted = all.sorted(by: leftmostLongestOrder)
        var result: [Match] = []
        var cursor = Int.min
        for m in sorted where m.start >= cursor {
            result.append(m)
            cursor = m.end
        }
        return result
    }
}

extension MultiPatternMatcher {
    /// The compiled DFA: byte classes, dense transitions with failure links folded in, and outputs.
    final class Compiled: Sendable {
        // byte -> class
        let classes: [UInt8]
        /// Number of byte equivalence classes (= row width).
        let classCount: Int
        /// Dense transitions: `table[stateOffset + class]` = next state offset (state index × classCount).
        let table: [Int32]
        /// State offsets at or above this value have outputs.
        let matchThreshold: Int
        /// For each state with outputs (index - firstMatchState): range into `outputs`.
        let outputStart: [Int32]
        let outputs: [Int32]
        let patternLengths: [Int32]
        /// Number of DFA states.
        let stateCount: Int
        /// Length in bytes of the longest pattern.
        let maxPatternLength: Int


        init(_ bytesList: [[UInt8]]) {
                let lengths = bytesList.map { Int32($0.count) }
            patternLengths = lengths
            maxPatternLength = Int(lengths.max() ?? 0)

            // Byte equivalence classes.
            var used = [Bool](repeating: false, count: 256)
            for p in bytesList { for b in p { used[Int(b)] = true } }
            let anyUnused = used.contains(false)
            var cls = [UInt8](repeating: 0, count: 256)
            var next = anyUnused ? 1 : 0
            for b in 0..<256 where used[b] {
                cls[b] = UInt8(truncatingIfNeeded: next)
                next += 1
            }
            let width = max(next, 1)
            classes = cls
            classCount = width

            // Trie with a dense goto table (-1 = no edge). Own patterns per state as linked lists.
            // Construction in two passes, so that every dense row is written once, by copying:
            // 1. a trie with sparse edges (a dense array for the root), failure links by BFS walking
            //    failure chains, output links and the final numbering (states with outputs last);
            // 2. the dense table in that numbering, in BFS order: a state's row is its failure state's
            //    finished row (one memcpy) with its own trie edges written over it.
            // (Filling rows cell by cell from the failure row cost a cold start several milliseconds.)
            var rootChild = [Int32](repeating: 0, count: width)
            var firstChild: [Int32] = [-1]
            var nextSibling: [Int32] = [-1]
            var edgeClass: [Int32] = [0]
            var ownHead: [Int32] = [-1]
            var ownNext = [Int32](repeating: -1, count: bytesList.count)
            var states = 1
            func child(_ s: Int, _ c: Int) -> Int {
                if s == 0 { return Int(rootChild[c]) }
                var e = Int(firstChild[s])
                while e >= 0 {
                    if Int(edgeClass[e]) == c { return e }
                    e = Int(nextSibling[e])
                }
                return 0
            }
            for (pi, p) in bytesList.enumerated() where !p.isEmpty {
                var s = 0
                for b in p {
                    let c = Int(cls[Int(b)])
                    let t = child(s, c)
                    if t > 0 {
                        s = t
                        continue
                    }
                    let n = states
                    states += 1
                    firstChild.append(-1)
                    edgeClass.append(Int32(c))
                    ownHead.append(-1)
                    if s == 0 {
                        rootChild[c] = Int32(n)
                        nextSibling.append(-1)
                    } else {
                        nextSibling.append(firstChild[s])
                        firstChild[s] = Int32(n)
                    }
                    s = n
                }
                ownNext[pi] = ownHead[s]
                ownHead[s] = Int32(pi)
            }
            stateCount = states

            // BFS order and failure links.
            var fail = [Int32](repeating: 0, count: states)
            var order = [Int32](repeating: 0, count: states)
            var orderCount = 1
            for c in 0..<width where rootChild[c] > 0 {
                order[orderCount] = rootChild[c]
                orderCount += 1
            }
            var head = 1
            while head < orderCount {
                let s = Int(order[head])
                head += 1
                var e = Int(firstChild[s])
                while e >= 0 {
                    let c = Int(edgeClass[e])
                    var f = Int(fail[s])
                    while f != 0 && child(f, c) == 0 { f = Int(fail[f]) }
                    fail[e] = Int32(child(f, c))
                    order[orderCount] = Int32(e)
                    orderCount += 1
                    e = Int(nextSibling[e])
                }
            }
            // Output links: nearest state on the failure chain (itself included) with own patterns.
            var outLink = [Int32](repeating: -1, count: states)
            for k in 1..<max(1, states) {
                let s = Int(order[k])
                outLink[s] = ownHead[s] >= 0 ? Int32(s) : outLink[Int(fail[s])]
            }

            // Renumber: states without outputs first (root stays 0), then states with outputs.
            var newIndex = [Int32](repeating: 0, count: states)
            var n: Int32 = 0
            for k in 0..<states where outLink[Int(order[k])] < 0 { newIndex[Int(order[k])] = n; n += 1 }
            let firstMatch = Int(n)
            var oStart: [Int32] = [0]
            var oList: [Int32] = []
            var scratch: [Int32] = []
            for k in 0..<states {
                let s = Int(order[k])
                guard outLink[s] >= 0 else { continue }
                newIndex[s] = n; n += 1
                scratch.removeAll(keepingCapacity: true)
                var q = Int(outLink[s])
                while q >= 0 {
                    var pi = ownHead[q]
                    while pi >= 0 { scratch.append(pi); pi = ownNext[Int(pi)] }
                    q = Int(outLink[Int(fail[q])])
                    if q == 0 { break }
                }
                // Longest pattern first inside a state's output list.
                scratch.sort { (lengths[Int($0)], -$0) > (lengths[Int($1)], -$1) }
                oList.append(contentsOf: scratch)
                oStart.append(Int32(oList.count))
            }
            let w32 = Int32(width)
            let t = [Int32](unsafeUninitializedCapacity: states * width) { tp, initialized in
                let base = tp.baseAddress!
                // Root row: its edges, else back to the root.
                for c in 0..<width { base[c] = newIndex[Int(rootChild[c])] &* w32 }
                for k in 1..<max(1, states) {
                    let s = Int(order[k])
                    let row = base + Int(newIndex[s]) * width
                    row.update(from: base + Int(newIndex[Int(fail[s])]) * width, count: width)
                    var e = Int(firstChild[s])
                    while e >= 0 {
                        row[Int(edgeClass[e])] = newIndex[e] &* w32
                        e = Int(nextSibling[e])
                    }
                }
                initialized = states * width
            }
            table = t
            matchThreshold = firstMatch * width
            outputStart = oStart
            outputs = oList
        }
    }
}

/// Compiles an automaton once, on first use, from any thread.
final class LazyCompiled: @unchecked Sendable {
    private let lock = NSLock()
    private var value: MultiPatternMatcher.Compiled?
    private let build: @Sendable () -> MultiPatternMatcher.Compiled

    init(_ build: @escaping @Sendable () -> MultiPatternMatcher.Compiled) { self.build = build }

    func get() -> MultiPatternMatcher.Compiled {
        lock.lock()
        defer { lock.unlock() }
        if let v = value { return v }
        let v = build()
        value = v
        return v
    }
}
