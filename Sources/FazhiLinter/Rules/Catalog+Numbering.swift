extension RuleCatalog {
    static let numberingRules: [any Rule] = [
    ]
}
