extension RuleCatalog {
    static let punctuationRules: [any Rule] = [
    ]
}
