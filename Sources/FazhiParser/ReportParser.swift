import FazhiKnowledge
import FazhiText

public struct ReportParser: Sendable {
    public let profile: Profile
    public init(profile: Profile = Profiles.default) { self.profile = profile }

    public func parse(_ text: SourceText) -> Report {
        Report(source: text, profile: profile)
    }

    public func parse(_ string: String) -> Report { parse(SourceText(string)) }
}
