import FazhiJSON
import FazhiKnowledge

/// Standard wording that every report may share without having copied anyone: the knowledge base's
/// standard phrases (phrases.json), terms of art (terms.json), time anchors (anchors.json), the parts'
/// official names (profiles), fixed political formulas (formulas.json) and the names of laws. A shingle
/// that lies inside any of them never counts as copying.
public struct Boilerplate: Sendable {
    /// Shingle length the set was built for.
    public let k: Int
    let hashes: Set<UInt64>

    /// The set built from the knowledge base for shingles of length `k` (built once per `k`).
    public static func standard(k: Int) -> Boilerplate {
        if k == CopyParameters.default.k { return defaultSet }
        return Boilerplate(k: k, texts: knowledgeTexts())
    }

    private static let defaultSet = Boilerplate(k: CopyParameters.default.k, texts: knowledgeTexts())

    public init(k: Int, texts: [String]) {
        self.k = k
        var set = Set<UInt64>()
        for t in texts {
            let chars = CopyText.normalize(t)
            for h in Winnowing.shingles(chars, k: k) { set.insert(h) }
        }
        hashes = set
    }

    public func contains(_ hash: UInt64) -> Bool { hashes.contains(hash) }
    public var count: Int { hashes.count }

    /// Every standard text the knowledge base holds.
    public static func knowledgeTexts() -> [String] {
        let k = Knowledge.shared
        var texts: [String] = []
        for p in k.phrases.phrases { texts.append(p.text) }
        for t in k.terms.terms { texts.append(contentsOf: t.forms) }
        for a in k.anchors.anchors { texts.append(contentsOf: a.phrases) }
        for law in k.laws.laws {
            texts.append(law.name)
            texts.append(contentsOf: law.short)
        }
        for profile in Profiles.builtin {
            for part in profile.parts { texts.append(part.official); texts.append(part.short) }
        }
        texts.append(contentsOf: formulas())
        return texts
    }

    /// The fixed political formulas of formulas.json (`{"version": 1, "formulas": [string]}`); none when
    /// the file is missing or unreadable (copy detection then merely flags more).
    public static func formulas() -> [String] {
        guard let data = KnowledgeResources.data("formulas.json"),
              let json = try? JSON.parse([UInt8](data)),
              let items = json["formulas"]?.arrayValue else { return [] }
        return items.compactMap(\.stringValue)
    }
}
