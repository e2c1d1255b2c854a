extension RuleCatalog {
    static let spacingRules: [any Rule] = [
        StraySpaceRule(),
        ApproximateNumberRule(),
        RateMismatchRule(),
        PartExceedsTotalRule(),
        PercentRangeRule(),
    ]
}
