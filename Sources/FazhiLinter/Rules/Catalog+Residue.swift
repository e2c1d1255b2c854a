extension RuleCatalog {
    static let residueRules: [any Rule] = [
    ]
}
