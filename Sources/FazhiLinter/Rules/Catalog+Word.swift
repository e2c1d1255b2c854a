extension RuleCatalog {
    static let wordRules: [any Rule] = [
        ConfusableRule(),
        TermFormRule(),
        UnknownLawRule(),
        UnitMismatchRule(),
        // Category `.time`; listed here because the time group's file has another owner.
        AnachronismRule(),
    ]
}
