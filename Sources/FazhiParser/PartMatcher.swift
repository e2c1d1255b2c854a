import FazhiKnowledge

/// The profile's part patterns compiled for matching heading words, built once per profile.
///
/// A traditional heading is folded with `MatchNormalizer` (traditional → simplified, glosses dropped)
/// before matching, so "推進法治政府建設的主要舉措和成效" names the measures like its simplified twin. A part
/// matches when none of its exclusions occurs and all pieces of one of its alternatives occur in order —
/// the same semantics as `Profile.Part.matches`, on scalars.
final class PartMatcher: Sendable {
    struct Part: Sendable {
        var id: String
        var exclude: [[UInt32]]
        var alternatives: [[[UInt32]]]
        /// The first scalar of each alternative's first piece, sorted: text holding none of them cannot
        /// match, which most sub-headings ("（二）规范行政决策") show at a glance.
        var starts: [UInt32]
        /// For each alternative, its pieces' scalars as bits of `scalarBits`: text whose bits lack any of
        /// them cannot match that alternative, which saves its search.
        var required: [UInt64]
    }

    /// One bit per scalar's low six bits: the bits of every scalar of a text (a superset test, never a miss).
    @inline(__always) static func scalarBits(_ f: ArraySlice<UInt32>) -> UInt64 {
        var b: UInt64 = 0
        for c in f { b |= 1 << UInt64(c & 63) }
        return b
    }

    let profile: Profile
    let parts: [Part]
    /// A filter on the scalars alternatives start with: slot `c & 1023` holds a bit per part (by index, up
    /// to 64) some alternative of which starts with a scalar of that slot. One pass over a heading tells which
    /// parts are worth matching at all (a shared slot only costs a match attempt); 8 KB stays in cache.
    let startFilter: [UInt64]

    init(_ profile: Profile) {
        self.profile = profile
        // Patterns are simplified text, which folding leaves as it is (a knowledge test checks that no
        // pattern holds a character the table maps), so they are used as written.
        let parts = profile.parts.map { p in
            let alternatives = p.match.map { alt in alt.map(u).filter { !$0.isEmpty } }.filter { !$0.isEmpty }
            return Part(id: p.id,
                        exclude: (p.exclude ?? []).map(u).filter { !$0.isEmpty },
                        alternatives: alternatives,
                        starts: Array(Set(alternatives.map { $0[0][0] })).sorted(),
                        required: alternatives.map { PartMatcher.scalarBits(ArraySlice($0.joined())) })
        }
        self.parts = parts
        var filter = [UInt64](repeating: 0, count: 1024)
        for (k, p) in parts.enumerated() where k < 64 {
            for c in p.starts { filter[Int(c & 1023)] |= 1 << UInt64(k) }
        }
        startFilter = filter
    }

    /// Matcher for the default profile, built once.
    static let defaultMatcher = PartMatcher(Profiles.default)

    /// The cached matcher if `profile` has the same parts as the default profile, else a new one.
    static func matcher(for profile: Profile) -> PartMatcher {
        let d = defaultMatcher
        if sameParts(d.profile, profile) { return d }
        return PartMatcher(profile)
    }

    static func sameParts(_ a: Profile, _ b: Profile) -> Bool {
        guard a.parts.count == b.parts.count else { return false }
        for (x, y) in zip(a.parts, b.parts) where x.id != y.id || x.match != y.match || x.exclude != y.exclude { return false }
        return true
    }

    /// The ids of the parts folded text names, in profile order. (Simplified text needs no folding: the
    /// table only maps traditional characters, and the patterns are simplified.)
    func parts(covering f: [UInt32]) -> [String] { parts(covering: f[...]) }

    func parts(covering f: ArraySlice<UInt32>, skippingMeasures: Bool = false) -> [String] {
        // Which parts could match: those some alternative of which starts with a scalar of the text.
        var candidates: UInt64 = 0
        startFilter.withUnsafeBufferPointer { filter in
            f.withUnsafeBufferPointer { text in
                for c in text { candidates |= filter[Int(c & 1023)] }
            }
        }
        guard candidates != 0 || parts.count > 64 else { return [] }
        let present = PartMatcher.scalarBits(f)
        var out: [String] = []
        for k in parts.indices where k >= 64 || candidates & (1 << UInt64(k)) != 0 {
            if skippingMeasures && parts[k].id == "measures" { continue }
            if matchesAfterStart(parts[k], f, present: present) { out.append(parts[k].id) }
        }
        return out
    }

    func matches(_ p: Part, _ f: [UInt32]) -> Bool { matches(p, f[...]) }

    func matches(_ p: Part, _ f: ArraySlice<UInt32>) -> Bool {
        guard f.contains(where: { c in p.starts.contains(c) }) else { return false }
        return matchesAfterStart(p, f, present: PartMatcher.scalarBits(f))
    }

    /// `matches` once the text is known to hold a scalar some alternative starts with; `present` is the
    /// text's `scalarBits`.
    func matchesAfterStart(_ p: Part, _ f: ArraySlice<UInt32>, present: UInt64) -> Bool {
        // Alternatives first: most text names no part, and the exclusions only matter after a hit.
        var hit = false
        for a in p.alternatives.indices where p.required[a] & ~present == 0 {
            let alt = p.alternatives[a]
            var pos = f.startIndex
            var ok = true
            for piece in alt {
                if let at = PartMatcher.find(piece, in: f, from: pos) { pos = at + piece.count } else { ok = false; break }
            }
            if ok { hit = true; break }
        }
        guard hit else { return false }
        for ex in p.exclude where PartMatcher.find(ex, in: f, from: f.startIndex) != nil { return false }
        return true
    }

    /// First index of `p` in the slice at or after `from`.
    static func find(_ p: [UInt32], in a: ArraySlice<UInt32>, from: Int) -> Int? {
        guard let first = p.first else { return nil }
        var i = from
        let last = a.endIndex - p.count
        while i <= last {
            if a[i] == first {
                var k = 1
                while k < p.count && a[i + k] == p[k] { k += 1 }
                if k == p.count { return i }
            }
            i += 1
        }
        return nil
    }
}
