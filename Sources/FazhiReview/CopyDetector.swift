/// A passage two reports share: exact matches of normalised text, near each other in both, joined.
public struct CopyPassage: Sendable, Equatable {
    /// Indices into the documents given to `CopyDetector.detect`; `a < b`.
    public var a: Int
    public var b: Int
    /// Normalised ranges in each document, from the first match's start to the last one's end.
    public var rangeA: Range<Int>
    public var rangeB: Range<Int>
    /// The exact matches: start in `a`, start in `b`, length. Text between them was changed.
    public var segments: [Segment]
    /// Matching characters (sum of the segments).
    public var matched: Int

    public struct Segment: Sendable, Equatable {
        public var startA: Int
        public var startB: Int
        public var length: Int
    }

    /// This passage seen from document `doc` (which must be `a` or `b`): its range there, the other
    /// document and the other range, and the segments as (here, there, length).
    public func view(from doc: Int) -> (range: Range<Int>, other: Int, otherRange: Range<Int>, segments: [(Int, Int, Int)]) {
        if doc == a { return (rangeA, b, rangeB, segments.map { ($0.startA, $0.startB, $0.length) }) }
        return (rangeB, a, rangeA, segments.map { ($0.startB, $0.startA, $0.length) })
    }
}

/// What copy detection found across a set of documents.
public struct CopyResult: Sendable {
    public var passages: [CopyPassage]
    /// Per document: normalised characters of the body, and how many of them lie in some passage.
    public var totalChars: [Int]
    public var copiedChars: [Int]
    /// Per document: indices into `passages` that involve it, longest first.
    public var passagesOf: [[Int]]
    /// A fingerprint in more than this many reports was treated as common wording.
    public var commonThreshold: Int
    /// Work done, for `fazhi bench` and docs/performance.md.
    public var fingerprintCount: Int
    public var seedCount: Int

    /// Share of a document's characters found in another report (0 when it has none).
    public func copiedShare(_ doc: Int) -> Double {
        totalChars[doc] == 0 ? 0 : Double(copiedChars[doc]) / Double(totalChars[doc])
    }
}

/// Finds passages shared by reports, in time near-linear in the total size of the folder.
///
/// 1. Each document's winnowed fingerprints (computed per document, in parallel, by `CopyDocument`) go
///    into one flat array, sorted by hash: equal fingerprints become neighbours (n log n, no hash table).
/// 2. A fingerprint in one document is ignored; one in more than `commonThreshold` documents is common
///    wording, and the characters under it are marked so; every other one gives a seed for each pair
///    of documents holding it (bounded by the threshold, so never quadratic in the folder).
/// 3. Seeds are grouped by pair and diagonal; each seed not inside an earlier match is verified and
///    extended left and right character by character: exact, maximal matches.
/// 4. Matches close in both documents are joined into passages; a passage counts when it is long enough
///    and enough of it is the drafters' own words (`CopyParameters`).
/// Two earlier-year documents are never compared with each other.
public enum CopyDetector {
    struct Entry {
        var hash: UInt64
        var doc: Int32
        var pos: Int32
    }

    struct Seed {
        var a: Int32
        var b: Int32
        var pa: Int32
        var pb: Int32
        var diagonal: Int32 { pa &- pb }
    }

    /// At most this many positions of one fingerprint per document take part (repeated lines in a report).
    static let positionsPerDocument = 4

    public static func detect(_ input: [CopyDocument], parameters: CopyParameters = .default) -> CopyResult {
        var docs = input
        let k = parameters.k
        let threshold = parameters.commonThreshold(reports: docs.count)

        // 1. All fingerprints, sorted by hash.
        var entries: [Entry] = []
        entries.reserveCapacity(docs.reduce(0) { $0 + $1.fingerprints.count })
        for (d, doc) in docs.enumerated() {
            for f in doc.fingerprints { entries.append(Entry(hash: f.hash, doc: Int32(d), pos: f.position)) }
        }
        entries.sort { $0.hash != $1.hash ? $0.hash < $1.hash : ($0.doc != $1.doc ? $0.doc < $1.doc : $0.pos < $1.pos) }

        // 2. Groups of equal hashes: common wording, or seeds for each pair of documents.
        var seeds: [Seed] = []
        var i = 0
        var groupDocs: [(doc: Int32, from: Int, to: Int)] = []
        while i < entries.count {
            var j = i + 1
            while j < entries.count && entries[j].hash == entries[i].hash { j += 1 }
            if j - i >= 2 {
                groupDocs.removeAll(keepingCapacity: true)
                var s = i
                while s < j {
                    var t = s + 1
                    while t < j && entries[t].doc == entries[s].doc { t += 1 }
                    groupDocs.append((entries[s].doc, s, min(t, s + positionsPerDocument)))
                    s = t
                }
                if groupDocs.count > threshold {
                    for e in entries[i..<j] { mark(&docs[Int(e.doc)], from: Int(e.pos), length: k, flag: CopyDocument.commonFlag) }
                } else if groupDocs.count >= 2 {
                    for x in 0..<groupDocs.count {
                        for y in (x + 1)..<groupDocs.count {
                            let gx = groupDocs[x], gy = groupDocs[y]
                            if docs[Int(gx.doc)].isPrevious && docs[Int(gy.doc)].isPrevious { continue }
                            for p in gx.from..<gx.to {
                                for q in gy.from..<gy.to {
                                    seeds.append(Seed(a: gx.doc, b: gy.doc, pa: entries[p].pos, pb: entries[q].pos))
                                }
                            }
                        }
                    }
                }
            }
            i = j
        }
        let fingerprintCount = entries.count
        entries = []

        // 3. Per pair and diagonal, extend seeds into exact matches; 4. join them into passages.
        seeds.sort { x, y in
            if x.a != y.a { return x.a < y.a }
            if x.b != y.b { return x.b < y.b }
            if x.diagonal != y.diagonal { return x.diagonal < y.diagonal }
            return x.pa < y.pa
        }
        var passages: [CopyPassage] = []
        var s = 0
        var matches: [CopyPassage.Segment] = []
        while s < seeds.count {
            var t = s
            while t < seeds.count && seeds[t].a == seeds[s].a && seeds[t].b == seeds[s].b { t += 1 }
            let a = Int(seeds[s].a), b = Int(seeds[s].b)
            matches.removeAll(keepingCapacity: true)
            docs[a].chars.withUnsafeBufferPointer { ca in
                docs[b].chars.withUnsafeBufferPointer { cb in
                    var lastDiagonal = Int32.min
                    var coveredTo = -1
                    for seed in seeds[s..<t] {
                        if seed.diagonal != lastDiagonal { lastDiagonal = seed.diagonal; coveredTo = -1 }
                        let pa = Int(seed.pa), pb = Int(seed.pb)
                        if pa < coveredTo { continue }
                        if let m = extend(ca, cb, pa, pb, k: k) {
                            matches.append(m)
                            coveredTo = m.startA + m.length - k + 1
                        }
                    }
                }
            }
            passages.append(contentsOf: join(matches, a: a, b: b, docs: docs, parameters: parameters))
            s = t
        }

        // Shares: the union of each document's passage ranges.
        var ranges = [[Range<Int>]](repeating: [], count: docs.count)
        var passagesOf = [[Int]](repeating: [], count: docs.count)
        for (n, p) in passages.enumerated() {
            ranges[p.a].append(p.rangeA)
            ranges[p.b].append(p.rangeB)
            passagesOf[p.a].append(n)
            passagesOf[p.b].append(n)
        }
        for d in docs.indices {
            passagesOf[d].sort { passages[$0].matched != passages[$1].matched ? passages[$0].matched > passages[$1].matched : $0 < $1 }
        }
        return CopyResult(passages: passages, totalChars: docs.map(\.chars.count), copiedChars: ranges.map(unionLength),
                          passagesOf: passagesOf, commonThreshold: threshold, fingerprintCount: fingerprintCount,
                          seedCount: seeds.count)
    }

    static func mark(_ doc: inout CopyDocument, from: Int, length: Int, flag: UInt8) {
        let end = min(doc.flags.count, from + length)
        var i = max(0, from)
        while i < end { doc.flags[i] |= flag; i += 1 }
    }

    /// The maximal exact match through a seed, or nil when the seed's shingles differ (a hash collision).
    static func extend(_ a: UnsafeBufferPointer<UInt16>, _ b: UnsafeBufferPointer<UInt16>, _ pa: Int, _ pb: Int, k: Int) -> CopyPassage.Segment? {
        guard pa >= 0, pb >= 0, pa + k <= a.count, pb + k <= b.count else { return nil }
        for x in 0..<k where a[pa + x] != b[pb + x] { return nil }
        var sa = pa, sb = pb
        while sa > 0 && sb > 0 && a[sa - 1] == b[sb - 1] { sa -= 1; sb -= 1 }
        var ea = pa + k, eb = pb + k
        while ea < a.count && eb < b.count && a[ea] == b[eb] { ea += 1; eb += 1 }
        return CopyPassage.Segment(startA: sa, startB: sb, length: ea - sa)
    }

    /// Joins a pair's exact matches into passages and keeps those that are long and own enough.
    static func join(_ found: [CopyPassage.Segment], a: Int, b: Int, docs: [CopyDocument], parameters: CopyParameters) -> [CopyPassage] {
        guard !found.isEmpty else { return [] }
        let sorted = found.sorted { $0.startA != $1.startA ? $0.startA < $1.startA : $0.startB < $1.startB }
        var out: [CopyPassage] = []
        var group: [CopyPassage.Segment] = []
        var endA = 0, endB = 0
        for m in sorted {
            if let last = group.last {
                // Next in both texts (a little overlap allowed where two matches share characters), and close.
                let gapA = m.startA - endA, gapB = m.startB - endB
                if gapA <= parameters.mergeGap && gapB <= parameters.mergeGap && m.startB > last.startB
                    && m.startA + m.length > endA && m.startB + m.length > endB {
                    group.append(m)
                    endA = max(endA, m.startA + m.length)
                    endB = max(endB, m.startB + m.length)
                    continue
                }
                keep(group, a: a, b: b, docs: docs, parameters: parameters, into: &out)
            }
            group = [m]
            endA = m.startA + m.length
            endB = m.startB + m.length
        }
        keep(group, a: a, b: b, docs: docs, parameters: parameters, into: &out)
        return out
    }

    /// Appends the passage a group of matches forms when it is long enough and enough of it is own words.
    static func keep(_ group: [CopyPassage.Segment], a: Int, b: Int, docs: [CopyDocument], parameters: CopyParameters,
                     into out: inout [CopyPassage]) {
        guard let first = group.first else { return }
        let endA = group.map { $0.startA + $0.length }.max()!
        let endB = group.map { $0.startB + $0.length }.max()!
        let rangeA = first.startA..<endA
        let rangeB = group.map(\.startB).min()!..<endB
        guard rangeA.count >= parameters.minChars, rangeB.count >= parameters.minChars else { return }
        // Own words: matching characters outside standard and common wording, counted in each report.
        var ownA = 0, ownB = 0
        var seenA = rangeA.lowerBound
        for seg in group {
            for x in min(seg.length, max(0, seenA - seg.startA))..<seg.length {
                if docs[a].flags[seg.startA + x] == 0 { ownA += 1 }
                if docs[b].flags[seg.startB + x] == 0 { ownB += 1 }
            }
            seenA = max(seenA, seg.startA + seg.length)
        }
        guard min(ownA, ownB) >= parameters.minOwnChars else { return }
        let matched = unionLength(group.map { $0.startA..<($0.startA + $0.length) })
        out.append(CopyPassage(a: a, b: b, rangeA: rangeA, rangeB: rangeB, segments: group, matched: matched))
    }

    /// Total length of a set of ranges, overlaps counted once.
    static func unionLength(_ ranges: [Range<Int>]) -> Int {
        guard !ranges.isEmpty else { return 0 }
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var total = 0
        var lo = sorted[0].lowerBound, hi = sorted[0].upperBound
        for r in sorted.dropFirst() {
            if r.lowerBound <= hi { hi = max(hi, r.upperBound) } else { total += hi - lo; lo = r.lowerBound; hi = r.upperBound }
        }
        return total + hi - lo
    }
}
