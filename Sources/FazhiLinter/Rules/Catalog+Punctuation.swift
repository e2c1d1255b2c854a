extension RuleCatalog {
    static let punctuationRules: [any Rule] = [
        HalfwidthPunctuationRule(),
        UnpairedMarkRule(),
        DuplicatePunctuationRule(),
        SerialCommaBetweenQuotesRule(),
        DashInRangeRule(),
        EllipsisRule(),
    ]
}
