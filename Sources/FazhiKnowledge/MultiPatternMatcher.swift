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

    // byte -> class
    private let classes: [UInt8]
    /// Number of byte equivalence classes (= row width).
    public let classCount: Int
    /// Dense transitions: `table[stateOffset + class]` = next state offset (state index × classCount).
    private let table: [Int32]
    /// State offsets at or above this value have outputs.
    private let matchThreshold: Int
    /// For each state with outputs (index - firstMatchState): range into `outputs`.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    private let patternLengths: [Int32]
    /// Number of DFA states.
    public let stateCount: Int

    /// Builds the automaton; each pattern's payload is its index.
    public init(patterns: [String]) {
        self.init(patterns.enumerated().map { ($0.element, $0.offset) })
    }

    /// Builds the automaton from (pattern, payload) pairs. Several patterns may be equal.
    public init(_ entries: [(pattern: String, payload: Int)]) {
        patterns = entries.map(\.pattern)
        payloads = entries.map(\.payload)
        let bytesList: [[UInt8]] = entries.map { Array($0.pattern.utf8) }
        let lengths = bytesList.map { Int32($0.count) }
        patternLengths = lengths

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

        // Trie with a dense goto table (-1 = no edge).
        let totalBytes = bytesList.reduce(0) { $0 + $1.count }
        var goto = [Int32](repeating: -1, count: (totalBytes + 1) * width)
        var own: [[Int32]] = [[]]
        own.reserveCapacity(totalBytes + 1)
        var states = 1
        for (pi, p) in bytesList.enumerated() where !p.isEmpty {
            var s = 0
            for b in p {
                let c = Int(cls[Int(b)])
                let t = goto[s * width + c]
                if t >= 0 {
                    s = Int(t)
                } else {
                    goto[s * width + c] = Int32(states)
                    own.append([])
                    s = states
                    states += 1
                }
            }
            own[s].append(Int32(pi))
        }
        stateCount = states

        // BFS: failure links, complete transitions, merged outputs.
        var fail = [Int32](repeating: 0, count: states)
        var order: [Int] = [0]
        order.reserveCapacity(states)
        var delta = [Int32](repeating: 0, count: states * width)
        var head = 0
        while head < order.count {
            let s = order[head]
            head += 1
            let f = Int(fail[s])
            for c in 0..<width {
                let t = goto[s * width + c]
                if t >= 0 {
                    fail[Int(t)] = s == 0 ? 0 : delta[f * width + c]
                    delta[s * width + c] = t
                    order.append(Int(t))
                } else {
                    delta[s * width + c] = s == 0 ? 0 : delta[f * width + c]
                }
            }
        }
        var outs = own
        for s in order where s != 0 {
            let f = Int(fail[s])
            if !outs[f].isEmpty { outs[s].append(contentsOf: outs[f]) }
        }

        // Renumber: states without outputs first (root stays 0), then states with outputs.
        var newIndex = [Int](repeating: 0, count: states)
        var n = 0
        for s in order where outs[s].isEmpty { newIndex[s] = n; n += 1 }
        let firstMatch = n
        var oStart: [Int32] = [0]
        var oList: [Int32] = []
        for s in order where !outs[s].isEmpty {
            newIndex[s] = n; n += 1
            // Longest pattern first inside a state's output list.
            let sorted = outs[s].sorted { (lengths[Int($0)], -$0) > (lengths[Int($1)], -$1) }
            oList.append(contentsOf: sorted)
            oStart.append(Int32(oList.count))
        }
        var t = [Int32](repeating: 0, count: states * width)
        for s in 0..<states {
            let row = newIndex[s] * width
            for c in 0..<width {
                t[row + c] = Int32(newIndex[Int(delta[s * width + c])] * width)
            }
        }
        table = t
        matchThreshold = firstMatch * width
        outputStart = oStart
        outputs = oList
    }

    /// Calls `body` for every match (overlapping ones included) that lies inside `range`, in order of end offset.
    @inline(__always)
    public func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Match) -> Void) {
        let lo = max(0, range.lowerBound), hi = min(bytes.count, range.upperBound)
        guard lo < hi, stateCount > 1 else { return }
        let width = classCount
        let threshold = matchThreshold
        table.withUnsafeBufferPointer { tp in
            classes.withUnsafeBufferPointer { cp in
                guard let tb = tp.baseAddress, let cb = cp.baseAddress, let bb = bytes.baseAddress else { return }
                var s = 0
                var i = lo
                while i < hi {
                    s = Int(tb[s &+ Int(cb[Int(bb[i])])])
                    i &+= 1
                    if s >= threshold {
                        let k = (s - threshold) / width
                        let end = i
                        if end < bytes.count && (bb[end] & 0xC0) == 0x80 { continue }
                        for j in Int(outputStart[k])..<Int(outputStart[k + 1]) {
                            let p = Int(outputs[j])
                            let start = end - Int(patternLengths[p])
                            if (bb[start] & 0xC0) == 0x80 { continue }
                            body(Match(start: start, end: end, pattern: p, payload: payloads[p]))
                        }
                    }
                }
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

    /// Whether any pattern occurs inside `range`.
    public func containsMatch(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
        var found = false
        forEachMatch(in: bytes, range: range) { _ in found = true }
        return found
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
