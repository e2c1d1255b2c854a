extension RuleCatalog {
    static let structureRules: [any Rule] = [
        MissingPartRule(),
    ]
}
