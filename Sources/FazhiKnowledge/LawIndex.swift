import Foundation
import FazhiText

/// The result of looking up a document name written in a report.
public enum LawLookup: Sendable, Equatable {
    /// A known document. `matchedShortForm` is true when the name as written is not the full official
    /// name (a short form, or the full name without its 中华人民共和国 prefix).
    case law(Law, matchedShortForm: Bool)
    /// A known wrong name, with the real documents meant.
    case misnomer(Misnomer, suggestions: [Law])
    /// Not known; up to 3 similar known documents (none when nothing is similar).
    case unknown(suggestions: [Law])

    public var law: Law? { if case .law(let l, _) = self { return l } else { return nil } }
    public var suggestions: [Law] {
        switch self {
        case .law: return []
        case .misnomer(_, let s), .unknown(let s): return s
        }
    }
}

/// Name normalisation for document titles.
public enum LawNames {
    public static let nationalPrefix = "中华人民共和国"

    /// Title marks and dashes as switches, not sets: these are asked for every scalar of every name
    /// when the index is built (hashing each scalar cost a cold start about a millisecond).
    @inline(__always) static func isTitleMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x300A, 0x300B, 0x3008, 0x3009, 0x3C, 0x3E, 0xFF1C, 0xFF1E: return true
        default: return false
        }
    }

    @inline(__always) static func isDash(_ v: UInt32) -> Bool {
        switch v {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFF0D, 0x7E, 0xFF5E, 0x301C, 0xFE63, 0xFE58, 0x2E3A: return true
        default: return false
        }
    }
    static let emDash: Unicode.Scalar = "\u{2014}"

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
    @inline(__always) static func foldDigit(_ v: UInt32) -> UInt32 { v >= 0xFF10 && v <= 0xFF19 ? v - 0xFF10 + 0x30 : v }
    @inline(__always) static func isBlank(_ v: UInt32) -> Bool { Scalars.isSpace(v) || v == 0x0A || v == 0x0D }

    /// Normalises a title for comparison: strips 《》 and all inner title marks (〈〉《》<>), spaces and
    /// line breaks; folds full-width digits to ASCII, half-width parentheses to full-width, any dash,
    /// tilde or 至 between digits to —, and drops 年 inside or right after a year span
    /// (`2021-2025` ≡ `2021年—2025年` ≡ `2021—2025年`). Keeps a 中华人民共和国 prefix.
    public static func normalize(_ name: String) -> String {
        if isAlreadyNormal(name) { return name }
        let sc = Array(name.unicodeScalars)
        let n = sc.count
        var out = String.UnicodeScalarView()
        var digitsAtEnd = 0      // ASCII digits at the end of `out`
        var spanYearAtEnd = false  // `out` ends with —dddd
        var i = 0
        func append(_ s: Unicode.Scalar) {
            out.append(s)
            if isDigit(s.value) { digitsAtEnd += 1 } else { digitsAtEnd = 0; spanYearAtEnd = false }
        }
        func nextSignificant(_ j: Int) -> Int {
            var k = j
            while k < n && isBlank(sc[k].value) { k += 1 }
            return k
        }
        while i < n {
            var v = foldDigit(sc[i].value)
            if isBlank(v) || isTitleMark(v) { i += 1; continue }
            if v == 0x28 { v = 0xFF08 } else if v == 0x29 { v = 0xFF09 }
            if isDash(v) || v == 0x81F3 /* 至 */ {
                var j = i
                while j < n && (isDash(sc[j].value) || isBlank(sc[j].value) || (j == i && sc[j].value == 0x81F3)) { j += 1 }
                if digitsAtEnd > 0, j < n, isDigit(foldDigit(sc[j].value)) {
                    append(emDash)
                    i = j
                    // digits that follow make the span year
                    var k = j, d = 0
                    while k < n && isDigit(foldDigit(sc[k].value)) { k += 1; d += 1 }
                    for m in j..<k { append(Unicode.Scalar(foldDigit(sc[m].value))!) }
                    spanYearAtEnd = d == 4
                    i = k
                    continue
                }
                append(Unicode.Scalar(v)!)
                i += 1
                continue
            }
            if v == 0x5E74 /* 年 */ && digitsAtEnd == 4 {
                let j = nextSignificant(i + 1)
                if spanYearAtEnd && (j == n || sc[j].value == 0xFF09 || sc[j].value == 0x29) { i += 1; continue }
                if j < n && isDash(sc[j].value) || (j < n && sc[j].value == 0x81F3) {
                    var k = j
                    while k < n && (isDash(sc[k].value) || isBlank(sc[k].value) || sc[k].value == 0x81F3) { k += 1 }
                    if k < n && isDigit(foldDigit(sc[k].value)) { i += 1; continue }
                }
            }
            append(Unicode.Scalar(v)!)
            i += 1
        }
        return String(out)
    }

    /// Whether `normalize` would return `name` unchanged: no blanks, title marks, half-width parentheses,
    /// dashes, 至 or digits of any width (the only places where it rewrites). Most names in the catalogue
    /// pass, so building the index does not rebuild a thousand strings.
    static func isAlreadyNormal(_ name: String) -> Bool {
        for u in name.unicodeScalars {
            let v = u.value
            if v < 0x80 { return false }  // ASCII: digits, parentheses, dashes, spaces, < >
            if v == 0x81F3 || (v >= 0xFF10 && v <= 0xFF19) || isBlank(v) || isTitleMark(v) || isDash(v) { return false }
        }
        return true
    }

    /// Comparison key: `normalize` without the 中华人民共和国 prefix.
    public static func key(_ name: String) -> String {
        let n = normalize(name)
        // Names of CJK, ASCII and full-width forms only (nearly all): every scalar starts a character and
        // none has another canonical spelling, so comparing bytes is comparing characters — without
        // counting graphemes, which dominated building the index.
        if n.unicodeScalars.allSatisfy({ isPlain($0.value) }) {
            let p = nationalPrefix.utf8
            guard n.utf8.count > p.count, n.utf8.starts(with: p) else { return n }
            return String(n.utf8.dropFirst(p.count))!
        }
        if n.hasPrefix(nationalPrefix) && n.count > nationalPrefix.count { return String(n.dropFirst(nationalPrefix.count)) }
        return n
    }

    /// ASCII, CJK (U+3000–U+9FFF) and full-width forms, without the combining marks among them.
    @inline(__always) static func isPlain(_ v: UInt32) -> Bool {
        if v < 0x80 { return true }
        if v >= 0x3000 && v <= 0x9FFF { return !(v >= 0x302A && v <= 0x302F) && v != 0x3099 && v != 0x309A }
        return v >= 0xFF00 && v <= 0xFFEF && v != 0xFF9E && v != 0xFF9F
    }

    // MARK: National or local?

    /// Whether a title (with or without 《》) may name a national law, regulation, Party regulation or central
    /// document, so that a name one slip away from a known one is worth a diagnostic. Local and internal
    /// documents, books and newspapers are not. The word lists are in citations.json (`CitationClassifier`).
    public static func isLikelyNationalLawName(_ raw: String) -> Bool { Knowledge.shared.citations.mayBeNational(raw) }
}

/// Laws and misnomers with lookup by any written form, suggestions and prefix search.
public struct LawIndex: Sendable {
    public let laws: [Law]
    public let misnomers: [Misnomer]

    private let fullKeys: [String: [Int]]
    private let shortKeys: [String: [Int]]
    private let misnomerKeys: [String: Int]
    private let byId: [String: Int]
    /// Built on first use: a lint that only resolves names never pays for them.
    private let lazyParts: LazyLawIndexParts

    /// What only suggestions and prefix search need.
    struct SearchParts: Sendable {
        /// (law index, key scalars) for every full-name key and short form, for suggestions.
        var candidates: [(law: Int, scalars: [UInt32])] = []
        /// `bloom` of each candidate's scalars.
        var candidateBlooms: [UInt64] = []
        /// Normalised forms per law for prefix search: full name, full name without prefix, short forms.
        var searchForms: [[String]] = []
    }

    private var candidates: [(law: Int, scalars: [UInt32])] { lazyParts.parts.candidates }
    private var candidateBlooms: [UInt64] { lazyParts.parts.candidateBlooms }
    private var searchForms: [[String]] { lazyParts.parts.searchForms }

    public init(file: LawsFile) { self.init(laws: file.laws, misnomers: file.misnomers) }

    public init(laws: [Law], misnomers: [Misnomer] = []) {
        self.laws = laws
        self.misnomers = misnomers
        var full: [String: [Int]] = [:], short: [String: [Int]] = [:], ids: [String: Int] = [:]
        full.reserveCapacity(laws.count)
        ids.reserveCapacity(laws.count)
        for (i, law) in laws.enumerated() {
            if ids[law.id] == nil { ids[law.id] = i }
            let k = LawNames.key(law.name)
            if !k.isEmpty { full[k, default: []].append(i) }
            for s in law.short {
                let sk = LawNames.key(s)
                if !sk.isEmpty && sk != k { short[sk, default: []].append(i) }
            }
        }
        var mk: [String: Int] = [:]
        for (i, m) in misnomers.enumerated() {
            let k = LawNames.key(m.name)
            if !k.isEmpty && mk[k] == nil { mk[k] = i }
        }
        fullKeys = full; shortKeys = short; misnomerKeys = mk; byId = ids
        lazyParts = LazyLawIndexParts { LawIndex.searchParts(laws) }
    }

    static func searchParts(_ laws: [Law]) -> SearchParts {
        var p = SearchParts()
        for (i, law) in laws.enumerated() {
            let k = LawNames.key(law.name)
            var f: [String] = []
            if !k.isEmpty {
                p.candidates.append((i, k.unicodeScalars.map(\.value)))
                let nn = LawNames.normalize(law.name)
                f.append(nn)
                if nn != k { f.append(k) }
            }
            for s in law.short {
                let sk = LawNames.key(s)
                guard !sk.isEmpty else { continue }
                if sk != k { p.candidates.append((i, sk.unicodeScalars.map(\.value))) }
                let sn = LawNames.normalize(s)
                if !f.contains(sn) { f.append(sn) }
            }
            p.searchForms.append(f)
        }
        p.candidateBlooms = p.candidates.map { LawIndex.bloom($0.scalars) }
        return p
    }

    public func law(id: String) -> Law? { byId[id].map { laws[$0] } }

    /// The known law a name denotes (full name, short form, with or without 《》 and the prefix), or nil.
    public func resolve(_ name: String) -> Law? {
        let k = LawNames.key(name)
        guard !k.isEmpty else { return nil }
        if let l = fullKeys[k]?.first { return laws[l] }
        if let ls = shortKeys[k] { return laws[ls.first { laws[$0].isInForce } ?? ls[0]] }
        return nil
    }

    /// The known wrong name a name is, if any (no suggestions computed).
    public func misnomer(named name: String) -> Misnomer? {
        let k = LawNames.key(name)
        guard !k.isEmpty, let mi = misnomerKeys[k] else { return nil }
        return misnomers[mi]
    }

    public func lookup(_ name: String) -> LawLookup {
        let k = LawNames.key(name)
        guard !k.isEmpty else { return .unknown(suggestions: []) }
        if let law = resolve(name) {
            return .law(law, matchedShortForm: LawNames.normalize(name) != LawNames.normalize(law.name))
        }
        if let mi = misnomerKeys[k] {
            let m = misnomers[mi]
            var seen = Set<String>()
            var sugg: [Law] = []
            for s in m.suggest { if let l = resolve(s), seen.insert(l.id).inserted { sugg.append(l) } }
            return .misnomer(m, suggestions: sugg)
        }
        return .unknown(suggestions: suggestions(for: name))
    }

    // MARK: Suggestions

    static let genericScalars: Set<UInt32> = Set("法条例规定办的关于和与及国中华共、".unicodeScalars.map(\.value))

    @inline(__always) static func weight(_ v: UInt32) -> Double {
        if LawNames.isDigit(v) || Scalars.isCJKPunctuation(v) || v < 0x80 { return 0 }
        return genericScalars.contains(v) ? 0.25 : 1
    }

    /// Known documents whose names look like `name`: ranked by shared characters (Dice coefficient,
    /// generic characters such as 法/条例 counting little) and edit distance on scalars. Names sharing
    /// no meaningful character get no suggestion.
    public func suggestions(for name: String, limit: Int = 3) -> [Law] {
        let q = LawNames.key(name).unicodeScalars.map(\.value)
        guard !q.isEmpty, limit > 0 else { return [] }
        let qBloom = LawIndex.bloom(q)
        var best: [Int: Double] = [:]
        // Scratch for the shared-character count (which query scalars are taken) and the edit distance.
        var taken = [Bool](repeating: false, count: q.count)
        var prev: [Int] = [], cur: [Int] = []
        for (ci, cand) in candidates.enumerated() {
            // No scalar in common: nothing shared.
            guard candidateBlooms[ci] & qBloom != 0 else { continue }
            // Shared weight of the multiset intersection: each candidate scalar takes one equal query scalar.
            for k in 0..<taken.count { taken[k] = false }
            var shared = 0.0
            for v in cand.scalars {
                for k in 0..<q.count where !taken[k] && q[k] == v {
                    taken[k] = true
                    shared += LawIndex.weight(v)
                    break
                }
            }
            guard shared >= 1 else { continue }
            let dice = 2 * shared / Double(q.count + cand.scalars.count)
            guard dice >= 0.3 else { continue }
            let d = LawIndex.editDistance(q, cand.scalars, &prev, &cur)
            let score = dice + 0.5 * (1 - Double(d) / Double(max(q.count, cand.scalars.count)))
            if score > best[cand.law] ?? -1 { best[cand.law] = score }
        }
        return best.sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            if laws[a.key].isInForce != laws[b.key].isInForce { return laws[a.key].isInForce }
            return a.key < b.key
        }.prefix(limit).map { laws[$0.key] }
    }

    /// A 64-bit set of scalar hashes: two lists with disjoint blooms share no scalar.
    @inline(__always) static func bloom(_ scalars: [UInt32]) -> UInt64 {
        var b: UInt64 = 0
        for v in scalars { b |= 1 << UInt64((v &* 0x9E37_79B1) >> 26) }
        return b
    }

    /// `editDistance(a, b)` with caller-owned row buffers.
    static func editDistance(_ a: [UInt32], _ b: [UInt32], _ prev: inout [Int], _ cur: inout [Int]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let m = b.count
        if prev.count < m + 1 {
            prev = [Int](repeating: 0, count: m + 1)
            cur = [Int](repeating: 0, count: m + 1)
        }
        for j in 0...m { prev[j] = j }
        for i in 1...a.count {
            cur[0] = i
            let ai = a[i - 1]
            for j in 1...m {
                let cost = ai == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            }
            swap(&prev, &cur)
        }
        return prev[m]
    }

    /// Levenshtein distance.
    public static func editDistance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    // MARK: Prefix search

    /// Laws for completion after 《: names or short forms starting with `prefix` (exact matches first),
    /// then names containing it; documents in force first, then by kind (法律, 行政法规, …) and length.
    public func prefixSearch(_ prefix: String, limit: Int = 20) -> [Law] {
        let p = LawNames.normalize(prefix)
        var ranked: [(tier: Int, index: Int)] = []
        for (i, forms) in searchForms.enumerated() {
            var tier = 3
            for f in forms {
                if p.isEmpty { tier = 1; break }
                if f == p { tier = 0; break }
                if f.hasPrefix(p) { tier = min(tier, 1) } else if tier > 2 && f.contains(p) { tier = 2 }
            }
            if tier < 3 { ranked.append((tier, i)) }
        }
        let kindOrder = Dictionary(uniqueKeysWithValues: LawKind.allCases.enumerated().map { ($0.element.rawValue, $0.offset) })
        ranked.sort { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            let la = laws[a.index], lb = laws[b.index]
            if la.isInForce != lb.isInForce { return la.isInForce }
            let ka = kindOrder[la.kind] ?? 99, kb = kindOrder[lb.kind] ?? 99
            if ka != kb { return ka < kb }
            let ca = la.name.unicodeScalars.count, cb = lb.name.unicodeScalars.count
            if ca != cb { return ca < cb }
            return a.index < b.index
        }
        return ranked.prefix(max(0, limit)).map { laws[$0.index] }
    }
}

/// `LawIndex.SearchParts` computed once, on first use, under a lock (the index itself is a value type
/// shared across threads).
final class LazyLawIndexParts: @unchecked Sendable {
    private let lock = NSLock()
    private var value: LawIndex.SearchParts?
    private let make: @Sendable () -> LawIndex.SearchParts

    init(_ make: @escaping @Sendable () -> LawIndex.SearchParts) { self.make = make }

    var parts: LawIndex.SearchParts {
        lock.lock()
        defer { lock.unlock() }
        if let v = value { return v }
        let v = make()
        value = v
        return v
    }
}
