extension RuleCatalog {
    static let timeRules: [any Rule] = [
    ]
}
