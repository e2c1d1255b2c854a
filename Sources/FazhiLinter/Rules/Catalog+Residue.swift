extension RuleCatalog {
    static let residueRules: [any Rule] = [
        ConversionArtifactRule(),
        PlaceholderRule(),
        BrokenLineRule(),
        WebPageResidueRule(),
    ]
}
