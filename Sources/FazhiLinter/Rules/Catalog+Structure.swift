extension RuleCatalog {
    static let structureRules: [any Rule] = [
        MissingPartRule(),
        PartOrderRule(),
        EmptyPartRule(),
        MissingCauseRule(),
        TitleFormatRule(),
        MissingRecipientRule(),
        OpeningLeadInRule(),
        ClosingPhraseRule(),
    ]
}
