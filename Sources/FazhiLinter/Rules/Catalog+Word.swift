extension RuleCatalog {
    static let wordRules: [any Rule] = [
    ]
}
