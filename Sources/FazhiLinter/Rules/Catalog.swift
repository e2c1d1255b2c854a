/// Every rule Fazhi has, in catalog order. Rule ids are a public interface: never rename one.
/// Each group lists its rules in its own file (Catalog+<Group>.swift); each rule lives in its own file.
public enum RuleCatalog {
    public static let all: [any Rule] = structureRules + timeRules + numberingRules + punctuationRules
        + spacingRules + wordRules + residueRules + coverageRules

    public static func rule(_ id: String) -> (any Rule)? { all.first { $0.metadata.id == id } }
}
