extension RuleCatalog {
    static let spacingRules: [any Rule] = [
    ]
}
