extension RuleCatalog {
    static let coverageRules: [any Rule] = [
        CoverageRule(),
    ]
}
