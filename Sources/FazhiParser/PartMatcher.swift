import FazhiKnowledge

/// `Profile.parts(covering:)` on scalar ranges, without building a String per candidate line.
///
/// `Profile.Part.matches` uses Foundation/stdlib string search, which compares by canonical
/// equivalence and grapheme clusters. On text made only of scalars that neither decompose nor combine
/// (ASCII, CJK ideographs and punctuation, full-width forms), that is plain scalar substring search,
/// which is what this does. Any other scalar in the text (or in a pattern) falls back to the profile.
final class PartMatcher: @unchecked Sendable {
    struct Part {
        var id: String
        var exclude: [[UInt32]]
        var alternatives: [[[UInt32]]]
    }

    let profile: Profile
    let parts: [Part]
    /// False when some pattern is empty or holds a scalar outside the safe set: always use the profile.
    let usable: Bool

    init(_ profile: Profile) {
        self.profile = profile
        var ok = true
        parts = profile.parts.map { p in
            let ex = (p.exclude ?? []).map(u)
            let alts = p.match.map { $0.map(u) }
            for pat in ex + alts.flatMap({ $0 }) where pat.isEmpty || !pat.allSatisfy(PartMatcher.isSafe) { ok = false }
            return Part(id: p.id, exclude: ex, alternatives: alts)
        }
        usable = ok
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

    /// Scalars for which scalar equality is string equality (no decomposition, no grapheme extension).
    @inline(__always) static func isSafe(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x20 && v < 0x7F || v == 0x09 }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v >= 0x3000 && v <= 0x303F { return v < 0x302A || v > 0x302F }
        if v >= 0xFF01 && v <= 0xFF5E { return true }
        if v >= 0x3400 && v <= 0x4DBF { return true }
        if v >= 0x2010 && v <= 0x2027 { return true }
        return v == 0xB7
    }

    /// The ids of the parts covering the text of scalars `s..<e`, in profile order.
    func parts(covering t: ScalarText, _ s: Int, _ e: Int) -> [String] {
        if !usable || !t.allSafe(s, e) { return profile.parts(covering: t.string(s, e)) }
        var out: [String] = []
        for p in parts where matches(p, t, s, e) { out.append(p.id) }
        return out
    }

    /// Whether any part covers the text (same as `!parts(covering:).isEmpty`).
    func coversAny(_ t: ScalarText, _ s: Int, _ e: Int) -> Bool {
        if !usable || !t.allSafe(s, e) { return !profile.parts(covering: t.string(s, e)).isEmpty }
        for p in parts where matches(p, t, s, e) { return true }
        return false
    }

    @inline(__always) func matches(_ p: Part, _ t: ScalarText, _ s: Int, _ e: Int) -> Bool {
        for ex in p.exclude where t.find(ex, from: s, to: e) != nil { return false }
        for alt in p.alternatives {
            var pos = s
            var ok = true
            for piece in alt {
                if let f = t.find(piece, from: pos, to: e) { pos = f + piece.count } else { ok = false; break }
            }
            if ok && !alt.isEmpty { return true }
        }
        return false
    }
}

extension ScalarText {
    /// Whether every scalar in `s..<e` is in `PartMatcher`'s safe set.
    func allSafe(_ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            if !PartMatcher.isSafe(sc[i]) { return false }
            i += 1
        }
        return true
    }
}
