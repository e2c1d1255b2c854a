import FazhiKnowledge
import FazhiText

// Reading a unit's name and kind from an organ name: "大河乡人民政府" → 大河乡 (乡), "中共永嘉镇委员会" →
// 永嘉镇 (镇, a Party committee), "高新区(新市区)人民政府" → 高新区(新市区) (区), "武定县人民政府办公室" →
// itself (部门), "卫生健康委员会" → itself (部门: 委员会 ends a Party committee's name only after a place).

extension Builder {
    /// A unit from an organ name (or several joint organs separated by spaces, line breaks or 、): the name
    /// without the Party prefix and the organ ending, and its kind. Of joint organs, a government or
    /// department organ is preferred to a Party committee ("中共××镇委员会 ××镇人民政府" → ××镇).
    func unitFromName(_ s0: Int, _ e0: Int, source: UnitSource) -> ReportUnit? {
        var s = s0, e = e0
        let isGap = { (c: UInt32) -> Bool in Chars.isBlank(c) || c == .lineFeed || c == .carriageReturn }
        while s < e && (Builder.isDecoration(t.sc[s]) || isGap(t.sc[s])) { s += 1 }
        while e > s && (Builder.isDecoration(t.sc[e - 1]) || isGap(t.sc[e - 1])) { e -= 1 }
        guard e > s else { return nil }
        var pieces: [(Int, Int)] = []
        var ps = s
        for i in s..<e where isGap(t.sc[i]) || t.sc[i] == .enumerationComma {
            if i > ps { pieces.append((ps, i)) }
            ps = i + 1
        }
        if ps < e { pieces.append((ps, e)) }
        if pieces.count > 1 {
            let units = pieces.compactMap { singleUnit($0.0, $0.1, source: source) }
            // A line break inside a two-line title joins one name ("东安县应急管理局" / "…").
            return units.first { !$0.isPartyOrgan } ?? units.first
        }
        return singleUnit(s, e, source: source)
    }

    private func singleUnit(_ s0: Int, _ e: Int, source: UnitSource) -> ReportUnit? {
        var s = s0
        var party = false
        let f0 = normalized(s, e)
        for p in vocabulary.partyPrefixes where Builder.hasPrefix(f0, p) {
            s += p.count // plain simplified characters: one scalar each
            party = true
            break
        }
        guard e - s >= 2 else { return nil }
        // Folded for matching; the name keeps the text's own characters, without pronunciation glosses
        // ("應(yīng)急管理部" → 應急管理部).
        let folded = self.folded(s, e)
        let f = folded.scalars
        for c in f where Chars.asciiDigit(c) != nil || c == .fullStop || c == .comma || c == .asciiComma || c == .colon || c == .asciiColon || c == .leftBookTitleMark || c == .rightBookTitleMark {
            return nil
        }
        if isSelfReference(f) { return nil }
        func make(_ end: Int, _ kind: UnitKind, party: Bool) -> ReportUnit? {
            guard end >= 2, end <= 24 else { return nil }
            var name = String.UnicodeScalarView()
            for k in 0..<end { name.append(Unicode.Scalar(t.sc[folded.source[k]])!) }
            var u = ReportUnit(name: String(name), kind: kind, range: t.byteRange(folded.source[0], folded.source[end - 1] + 1), source: source)
            u.isPartyOrgan = party
            return u
        }
        // 1. The organ of a place: strip its endings (办事处, then 工委), keep the place.
        var end = f.count
        var stripped = false
        var strippedParty = false
        for _ in 0..<2 {
            guard let o = vocabulary.organEndings.first(where: { end > $0.ending.count && Builder.hasPrefix(f, $0.ending, at: end - $0.ending.count) }) else { break }
            let rem = end - o.ending.count
            if o.afterPlace && placeKind(f, end: rem) == nil { break }
            end = rem
            stripped = true
            strippedParty = strippedParty || o.party
            if placeKind(f, end: end) != nil { break }
        }
        if stripped, let k = placeKind(f, end: end) { return make(end, k, party: party || strippedParty) }
        // 2. A department or office at any level keeps its whole name.
        if vocabulary.departmentSuffixes.contains(where: { f.count > $0.count && Builder.hasPrefix(f, $0, at: f.count - $0.count) }) {
            return make(f.count, .department, party: party)
        }
        // 3. A place.
        if let k = placeKind(f, end: f.count) { return make(f.count, k, party: party) }
        return nil
    }

    /// The kind of place folded text `f[..<end]` names (a trailing parenthetical such as "(新市区)" is
    /// ignored), or nil. At least one character must precede the suffix.
    func placeKind(_ f: [UInt32], end: Int) -> UnitKind? {
        var e = end
        if e > 0, f[e - 1] == .asciiRightParenthesis || f[e - 1] == .rightParenthesis {
            var k = e - 1
            while k > 0 && f[k] != .asciiLeftParenthesis && f[k] != .leftParenthesis { k -= 1 }
            if k > 0 { e = k }
        }
        for p in vocabulary.placeSuffixes where e > p.suffix.count && Builder.hasPrefix(f, p.suffix, at: e - p.suffix.count) {
            return p.kind
        }
        return nil
    }

    /// Whether a name could end at `p` in `f` (a place, department or organ ending, with a word before it).
    func endsUnitName(_ f: [UInt32], at p: Int, from: Int) -> Bool {
        for x in vocabulary.placeSuffixes where p - from > x.suffix.count && Builder.hasPrefix(f, x.suffix, at: p - x.suffix.count) { return true }
        for d in vocabulary.departmentSuffixes where p - from > d.count && Builder.hasPrefix(f, d, at: p - d.count) { return true }
        for o in vocabulary.organEndings where p - from > o.ending.count && Builder.hasPrefix(f, o.ending, at: p - o.ending.count) { return true }
        return false
    }

    /// 我镇、本局、全县: a self-reference, not a name.
    func isSelfReference(_ f: [UInt32]) -> Bool {
        vocabulary.selfReferences.contains { $0.word == f }
    }
}
