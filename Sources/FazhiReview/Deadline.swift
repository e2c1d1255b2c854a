/// A calendar date (proleptic Gregorian), enough to count days to a deadline.
public struct CivilDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// 2025-04-01
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// 2025年4月1日
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// The publication deadline as month and day of the year after the reported year: 04-01 by default (the
/// regulation: annual reports are made public before 1 April), earlier when a county office asks for its
/// copies sooner (`--deadline 03-01`).
public struct Deadline: Sendable, Equatable {
    public var month: Int
    public var day: Int

    public static let publication = Deadline(month: 4, day: 1)

    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// Parses MM-DD (or M-D); nil when it is not a day of the year (02-29 is refused: not every year has it).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]),
              parts[0].count <= 2, parts[1].count <= 2,
              m >= 1, m <= 12, d >= 1, d <= CivilDate.daysIn(month: m, year: 2023) else { return nil }
        month = m
        day = d
    }

    /// MM-DD
    public var text: String { "\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)" }

    /// The deadline for a report on `year`.
    public func date(forReportYear year: Int) -> CivilDate { CivilDate(year + 1, month, day) }

    /// How a report on `year` dated `date` stands.
    public func status(reportYear year: Int?, date: ReviewEntry.DateCell?) -> DeadlineStatus {
        guard let date, let y = date.year, let m = date.month, let d = date.day,
              m >= 1, m <= 12, d >= 1, d <= CivilDate.daysIn(month: m, year: y) else { return .noDate }
        guard let year else { return .noYear }
        let due = self.date(forReportYear: year)
        let signed = CivilDate(y, m, d)
        if signed.year < year { return .implausible(deadline: due) }
        if signed < due { return .onTime(deadline: due) }
        // "Before 1 April": 31 March is the last day, so a report dated 1 April is one day late.
        return .late(deadline: due, days: signed.dayNumber - due.dayNumber + 1)
    }
}
