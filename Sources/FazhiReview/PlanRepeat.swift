import FazhiKnowledge

/// Whether a unit's plans for next year repeat its plans of the year before (照搬上年安排).
///
/// Unlike copying between units, standard wording is not excluded here: a plan made of the same standard
/// sentences as last year's is still last year's plan. The comparison is between two sections of one unit,
/// so every shingle of last year's plans goes into a set and this year's plans are marked where they hit it.
public struct PlanRepeat: Sendable, Equatable {
    /// Index of the earlier report (into the documents given to `PlanRepeat.find`).
    public var previous: Int
    /// Share of this year's plans (normalised characters) found in last year's plans.
    public var share: Double
    /// Normalised characters of this year's plans section.
    public var planChars: Int

    /// For each document (nil for earlier-year ones and for those without a match): its repeat of the same
    /// unit's plans of the latest earlier year, when at least `parameters.planRepeatShare` of it repeats.
    public static func find(_ docs: [CopyDocument], parameters: CopyParameters = .default) -> [PlanRepeat?] {
        let units = UnitMatcher(docs.enumerated().compactMap { i, d in d.isPrevious ? (i, d.unitName) : nil })
        return docs.map { d in
            guard !d.isPrevious, !d.plans.isEmpty, let name = d.unitName else { return nil }
            // The latest earlier year of the same unit.
            let candidates = units.matches(name).filter { p in
                guard let y = d.year else { return true }
                return docs[p].year.map { $0 < y } ?? true
            }
            guard let p = candidates.max(by: { (docs[$0].year ?? 0, -$0) < (docs[$1].year ?? 0, -$1) }),
                  !docs[p].plans.isEmpty else { return nil }
            let share = repeatedShare(d, of: docs[p], k: parameters.planK)
            let total = d.plans.reduce(0) { $0 + $1.count }
            return share >= parameters.planRepeatShare ? PlanRepeat(previous: p, share: share, planChars: total) : nil
        }
    }

    /// Share of `doc`'s plans characters covered by shingles that also occur in `earlier`'s plans.
    static func repeatedShare(_ doc: CopyDocument, of earlier: CopyDocument, k: Int) -> Double {
        var seen = Set<UInt64>()
        for r in earlier.plans {
            for h in Winnowing.shingles(Array(earlier.chars[r]), k: k) { seen.insert(h) }
        }
        var covered = 0, total = 0
        for r in doc.plans {
            let part = Array(doc.chars[r])
            total += part.count
            var hit = [Bool](repeating: false, count: part.count)
            for (i, h) in Winnowing.shingles(part, k: k).enumerated() where seen.contains(h) {
                for x in i..<(i + k) { hit[x] = true }
            }
            covered += hit.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        return total == 0 ? 0 : Double(covered) / Double(total)
    }
}

/// Finds the same unit across years by name: the same name, or the same name without the county or city
/// in front (青禾县云溪镇 and 云溪镇), so a report that names its county one year and not the next still meets
/// its earlier self.
struct UnitMatcher {
    var byName: [String: [Int]] = [:]
    var byCore: [String: [Int]] = [:]

    init(_ items: [(Int, String?)]) {
        for (i, name) in items {
            guard let name, let key = UnitMatcher.key(name) else { continue }
            byName[key, default: []].append(i)
            byCore[UnitMatcher.core(key), default: []].append(i)
        }
    }

    func matches(_ name: String) -> [Int] {
        guard let key = UnitMatcher.key(name) else { return [] }
        if let exact = byName[key] { return exact }
        return byCore[UnitMatcher.core(key)] ?? []
    }

    /// The name without spaces, in simplified characters (a unit names itself as written, and a copy
    /// republished in traditional characters is the same unit: 羅店鎮 meets 罗店镇); nil when it is too short
    /// or holds a placeholder (××镇, 某县): such a name stands for no unit in particular.
    static func key(_ name: String) -> String? {
        let k = MatchNormalizer.shared.normalize(String(String.UnicodeScalarView(name.unicodeScalars.filter { !$0.properties.isWhitespace })))
        let placeholder = k.unicodeScalars.contains { "×XxＸ*＊某".unicodeScalars.contains($0) }
        return placeholder || k.unicodeScalars.count < 2 ? nil : k
    }

    /// The name after the last 省/市/县/区 that is followed by at least two characters (青禾县云溪镇 → 云溪镇).
    static func core(_ key: String) -> String {
        let s = Array(key.unicodeScalars)
        var cut = 0
        for (i, c) in s.enumerated() where (c == "省" || c == "市" || c == "县" || c == "区") && s.count - i - 1 >= 2 {
            cut = i + 1
        }
        return String(String.UnicodeScalarView(s[cut...]))
    }
}
