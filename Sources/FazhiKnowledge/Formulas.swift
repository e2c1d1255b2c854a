import Foundation
import FazhiText

// Fixed formulas written whole. A term of terms.json with `parts` is a formula whose components have a
// fixed order (严格规范公正文明执法; 职能科学、权责法定、…、人民满意): a run of its components that doubles
// one, swaps two or (with enough of them) drops one is a deviation. A term with `truncations` has shortened
// forms that stand for it where the words around show it (学习贯彻法治思想 → 习近平法治思想).

/// A formula's components as written in a text, departing from the fixed form.
public struct FormulaDeviation: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A component written twice (严格规范公正文明规范执法).
        case doubled([String])
        /// Components left out (严格规范文明执法).
        case missing([String])
        /// Every component once, in another order (严格公正规范文明执法).
        case swapped
    }
    /// The run of components and the tail: 严格规范公正文明规范执法.
    public var range: TextRange
    public var term: Term
    public var kind: Kind
}

/// A shortened form standing for its term: 法治思想 where 习近平法治思想 is meant.
public struct TruncatedTerm: Sendable, Equatable {
    public var range: TextRange
    public var term: Term
    public var form: String
}

/// The formulas and truncations of the terms, with their matchers.
public struct FormulaIndex: Sendable {
    struct Formula: Sendable {
        let term: Term
        let parts: [String]
        let joiner: [UInt8]
        let tail: [UInt8]
        let minParts: Int
    }

    struct Cut: Sendable {
        let term: Term
        let form: String
        /// The term's text before and after the form (习近平 / "").
        let termHead: [UInt8]
        let termRest: [UInt8]
        let before: [[UInt8]]
        let after: [[UInt8]]
        let notAfter: [[UInt8]]
    }

    let formulas: [Formula]
    let cuts: [Cut]
    /// Every distinct component; payload = pattern index (see `ownerStart`).
    public let partMatcher: MultiPatternMatcher
    /// The (formula, component) pairs of pattern `i` are `ownerStart[i]..<ownerStart[i + 1]` of these.
    let ownerStart: [Int]
    let ownerFormula: [Int]
    let ownerPart: [Int]
    /// Every shortened form; payload = index into `cuts`.
    public let truncationMatcher: MultiPatternMatcher

    public init(terms: [Term]) {
        var fs: [Formula] = [], pats: [String] = [], owners: [[(Int, Int)]] = [], patIndex: [String: Int] = [:]
        var cs: [Cut] = [], tpats: [(pattern: String, payload: Int)] = []
        for t in terms {
            if let parts = t.parts, parts.count >= 2, !parts.contains(where: \.isEmpty) {
                let f = fs.count
                fs.append(Formula(term: t, parts: parts, joiner: Array((t.joiner ?? "").utf8), tail: Array((t.tail ?? "").utf8),
                                  minParts: max(2, min(t.minParts ?? parts.count, parts.count))))
                for (k, p) in parts.enumerated() {
                    if let i = patIndex[p] { owners[i].append((f, k)) } else {
                        patIndex[p] = pats.count
                        pats.append(p)
                        owners.append([(f, k)])
                    }
                }
            }
            for c in t.truncations ?? [] where !c.form.isEmpty {
                guard let r = t.term.range(of: c.form) else { continue }
                tpats.append((c.form, cs.count))
                cs.append(Cut(term: t, form: c.form, termHead: Array(t.term[..<r.lowerBound].utf8), termRest: Array(t.term[r.upperBound...].utf8),
                              before: c.before.filter { !$0.isEmpty }.map { Array($0.utf8) }, after: c.after.filter { !$0.isEmpty }.map { Array($0.utf8) },
                              notAfter: c.notAfter.filter { !$0.isEmpty }.map { Array($0.utf8) }))
            }
        }
        formulas = fs
        cuts = cs
        var starts = [0], fs2: [Int] = [], ps2: [Int] = []
        for list in owners {
            for (f, k) in list { fs2.append(f); ps2.append(k) }
            starts.append(fs2.count)
        }
        ownerStart = starts
        ownerFormula = fs2
        ownerPart = ps2
        partMatcher = MultiPatternMatcher(pats.enumerated().map { ($0.element, $0.offset) })
        truncationMatcher = MultiPatternMatcher(tpats)
    }

    /// Deviations from the formulas, given every match of `partMatcher` in the text in order of end offset
    /// (as the scan reports them). Components of one formula never contain each other (validated), so each
    /// formula's matches come in start order without overlaps: chains are tracked as the matches stream by
    /// (a start index and a length per formula), and only chains long enough to judge are gathered.
    public func deviations(in p: UnsafeBufferPointer<UInt8>, partMatches: [MultiPatternMatcher.Match]) -> [FormulaDeviation] {
        guard !partMatches.isEmpty else { return [] }
        var out: [FormulaDeviation] = []
        let n = formulas.count
        var first = [Int](repeating: 0, count: n), length = [Int](repeating: 0, count: n), lastEnd = [Int](repeating: -1, count: n)
        func close(_ fi: Int, before end: Int) {
            defer { length[fi] = 0 }
            let f = formulas[fi]
            guard length[fi] >= f.minParts else { return }
            var chain: [(start: Int, end: Int, part: Int)] = []
            var cursor = -1
            for k in first[fi]..<end {
                let m = partMatches[k]
                for o in ownerStart[m.payload]..<ownerStart[m.payload + 1] where ownerFormula[o] == fi && m.start >= cursor {
                    chain.append((m.start, m.end, ownerPart[o]))
                    cursor = m.end
                }
            }
            if let d = deviation(f, chain, p) { out.append(d) }
        }
        for (mi, m) in partMatches.enumerated() {
            for o in ownerStart[m.payload]..<ownerStart[m.payload + 1] {
                let fi = ownerFormula[o]
                if length[fi] > 0 {
                    if m.start < lastEnd[fi] { continue }
                    let j = formulas[fi].joiner
                    if !(m.start == lastEnd[fi] + j.count && Self.equal(p, lastEnd[fi], j)) { close(fi, before: mi) }
                }
                if length[fi] == 0 { first[fi] = mi }
                length[fi] += 1
                lastEnd[fi] = m.end
            }
        }
        for fi in 0..<n where length[fi] > 0 { close(fi, before: partMatches.count) }
        return out.sorted { $0.range.start < $1.range.start }
    }

    func deviation(_ f: Formula, _ chain: [(start: Int, end: Int, part: Int)], _ p: UnsafeBufferPointer<UInt8>) -> FormulaDeviation? {
        guard chain.count >= f.minParts, let first = chain.first, let last = chain.last else { return nil }
        // A list that goes on with other items (、…) is not this formula written wrongly.
        if !f.joiner.isEmpty {
            if first.start >= f.joiner.count && Self.equal(p, first.start - f.joiner.count, f.joiner) { return nil }
            if Self.equal(p, last.end, f.joiner) { return nil }
        }
        if !f.tail.isEmpty && !Self.equal(p, last.end, f.tail) { return nil }
        let order = chain.map(\.part)
        if order == Array(0..<f.parts.count) { return nil }
        let range = TextRange(first.start, last.end + f.tail.count)
        var seen = Set<Int>(), doubled: [String] = []
        for k in order where !seen.insert(k).inserted { doubled.append(f.parts[k]) }
        if !doubled.isEmpty { return FormulaDeviation(range: range, term: f.term, kind: .doubled(doubled)) }
        let missing = f.parts.indices.filter { !seen.contains($0) }.map { f.parts[$0] }
        if !missing.isEmpty {
            // A compound shortened at either end is another accepted phrase (规范公正文明执法, 严格规范公正执法);
            // a gap inside it is a slip. A list (with a joiner) must be written whole.
            if f.joiner.isEmpty && !(seen.contains(0) && seen.contains(f.parts.count - 1)) { return nil }
            return FormulaDeviation(range: range, term: f.term, kind: .missing(missing))
        }
        return FormulaDeviation(range: range, term: f.term, kind: .swapped)
    }

    /// Shortened forms standing for their term, given every match of `truncationMatcher` in the text.
    public func truncations(in p: UnsafeBufferPointer<UInt8>, matches: [MultiPatternMatcher.Match]) -> [TruncatedTerm] {
        var out: [TruncatedTerm] = []
        for m in matches {
            let c = cuts[m.payload]
            // Inside the full term (习近平法治思想), or with the term's head a few characters before (习近平总书记法治思想).
            if Self.endsWith(p, m.start, c.termHead) && Self.equal(p, m.end, c.termRest) { continue }
            if !c.termHead.isEmpty && Self.contains(p, TextRange(max(0, m.start - 18), m.start), c.termHead) { continue }
            if c.notAfter.contains(where: { Self.equal(p, m.end, $0) }) { continue }
            let introduced = c.before.contains { Self.endsWith(p, m.start, $0) } || c.after.contains { Self.equal(p, m.end, $0) }
            if introduced { out.append(TruncatedTerm(range: m.textRange, term: c.term, form: c.form)) }
        }
        return out
    }

    @inline(__always) static func equal(_ p: UnsafeBufferPointer<UInt8>, _ at: Int, _ s: [UInt8]) -> Bool {
        guard at >= 0, at + s.count <= p.count else { return false }
        for k in 0..<s.count where p[at + k] != s[k] { return false }
        return true
    }

    @inline(__always) static func endsWith(_ p: UnsafeBufferPointer<UInt8>, _ end: Int, _ s: [UInt8]) -> Bool {
        end >= s.count && equal(p, end - s.count, s)
    }

    static func contains(_ p: UnsafeBufferPointer<UInt8>, _ r: TextRange, _ s: [UInt8]) -> Bool {
        guard !s.isEmpty, r.length >= s.count else { return false }
        var i = r.start
        while i + s.count <= r.end {
            if equal(p, i, s) { return true }
            i += 1
        }
        return false
    }
}

extension FormulaDeviation {
    /// The message for a deviation, in Chinese.
    public var message: String {
        switch kind {
        case .doubled(let parts): return "“\(parts.joined(separator: "”“"))”重复，固定提法是“\(term.term)”"
        case .missing(let parts): return "缺少“\(parts.joined(separator: "”“"))”，固定提法是“\(term.term)”"
        case .swapped: return "词序有误，固定提法是“\(term.term)”"
        }
    }
}
