/// Every rule Fazhi has, in catalog order. Rule ids are a public interface: never rename one.
public enum RuleCatalog {
    public static let all: [any Rule] = [
    ]

    public static func rule(_ id: String) -> (any Rule)? { all.first { $0.metadata.id == id } }
}
