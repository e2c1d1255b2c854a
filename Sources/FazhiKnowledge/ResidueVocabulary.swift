import Foundation

/// Words that betray a report not yet finished or not cleaned after conversion (`Resources/residue.json`):
/// template phrases left in place (待填, TODO), the words that make a bracket a blank to fill, the words
/// before （略） that make it an ordinary publication note, and picture notes left by conversion.
///
/// Drafters keep inventing such words, so they are data; `placeholder` and `conversion-artifact` hold only
/// the procedure. An empty vocabulary (resources not found) makes those rules find less, never crash.
public struct ResidueVocabulary: Codable, Sendable {
    public var version: Int
    /// Template phrases reported wherever they stand in prose (`待填`, `待补充`, `TODO`).
    public var placeholderPhrases: [String]
    /// Words that make a closed bracket (【…】, […]) a blank still to fill (`待`, `补充`, `此处`).
    public var bracketFillWords: [String]
    /// Words right before （略） that make it a note of an omitted attachment or picture (`附件`, `图片`).
    public var omittedOwners: [String]
    /// Picture notes that Word or a web page leaves in the text (`插入图片`, `图片略`).
    public var pictureNotes: [String]

    public static let empty = ResidueVocabulary(version: 1, placeholderPhrases: [], bracketFillWords: [], omittedOwners: [], pictureNotes: [])

    /// The shipped vocabulary (empty when the resources cannot be found or read).
    public static let shared: ResidueVocabulary = (try? load()) ?? .empty

    public static func load() throws -> ResidueVocabulary {
        try KnowledgeResources.decode(ResidueVocabulary.self, from: "residue.json")
    }

    /// Problems a test should fail on: empty or repeated words.
    public func problems() -> [String] {
        var out: [String] = []
        for (name, list) in [("placeholderPhrases", placeholderPhrases), ("bracketFillWords", bracketFillWords),
                             ("omittedOwners", omittedOwners), ("pictureNotes", pictureNotes)] {
            if list.contains(where: \.isEmpty) { out.append("\(name): 含空字符串") }
            var seen = Set<String>()
            for w in list where !seen.insert(w).inserted { out.append("\(name): 重复“\(w)”") }
        }
        return out
    }
}
