extension RuleCatalog {
    static let numberingRules: [any Rule] = [
        NumberingSequenceRule(),
        NumberingLevelRule(),
        NumberingStyleRule(),
        EnumerationSequenceRule(),
    ]
}
