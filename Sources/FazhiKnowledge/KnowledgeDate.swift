/// A date as precise as a fact is known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// Ordering compares (year, month ?? 0, day ?? 0), so `2021` < `2021-01` < `2021-01-01`.
/// For "could this have been cited then" questions use `isCertainlyBefore` / `isCertainlyAfter`,
/// which treat a partial date as the whole period it names.
public struct KnowledgeDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` strictly (zero-padded, real calendar day); nil otherwise.
    public init?(_ string: String) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        let widths = [4, 2, 2]
        var values: [Int] = []
        for (i, p) in parts.enumerated() {
            guard p.utf8.count == widths[i], p.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let v = Int(p) else { return nil }
            values.append(v)
        }
        guard values[0] >= 1000 else { return nil }
        if values.count > 1 { guard (1...12).contains(values[1]) else { return nil } }
        if values.count > 2 {
            guard values[2] >= 1, values[2] <= KnowledgeDate.daysIn(year: values[0], month: values[1]) else { return nil }
        }
        self.init(year: values[0], month: values.count > 1 ? values[1] : nil, day: values.count > 2 ? values[2] : nil)
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        var s = String(year)
        if let m = month { s += "-" + (m < 10 ? "0" : "") + String(m) }
        if let d = day { s += "-" + (d < 10 ? "0" : "") + String(d) }
        return s
    }

    /// Chinese rendering for messages: `2021年`, `2021年3月`, `2021年3月5日`.
    public var chinese: String {
        var s = "\(year)年"
        if let m = month { s += "\(m)月" }
        if let d = day { s += "\(d)日" }
        return s
    }

    /// First and last day of the period this date names, as (y, m, d).
    public var earliest: (Int, Int, Int) { (year, month ?? 1, day ?? 1) }
    public var latest: (Int, Int, Int) {
        let m = month ?? 12
        return (year, m, day ?? KnowledgeDate.daysIn(year: year, month: m))
    }

    /// Every day of `self` comes before every day of `other`.
    public func isCertainlyBefore(_ other: KnowledgeDate) -> Bool { latest < other.earliest }
    /// Every day of `self` comes after every day of `other`.
    public func isCertainlyAfter(_ other: KnowledgeDate) -> Bool { earliest > other.latest }

    public static func < (a: KnowledgeDate, b: KnowledgeDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = KnowledgeDate(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "日期格式应为 YYYY[-MM[-DD]]：\(s)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
