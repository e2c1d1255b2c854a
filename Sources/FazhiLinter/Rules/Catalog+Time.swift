extension RuleCatalog {
    static let timeRules: [any Rule] = [
        PlanYearRule(),
        ReportYearRule(),
        DateFormatRule(),
        LateReportRule(),
    ]
}
