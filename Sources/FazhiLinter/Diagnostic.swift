import FazhiText

/// How serious a finding is. Ordered: error > warning > info > hint.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case error, warning, info, hint

    public var rank: Int {
        switch self {
        case .error: return 3
        case .warning: return 2
        case .info: return 1
        case .hint: return 0
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// Chinese label for people.
    public var label: String {
        switch self {
        case .error: return "错误"
        case .warning: return "警告"
        case .info: return "提示"
        case .hint: return "建议"
        }
    }
}

/// A replacement of a byte range with new text.
public struct TextEdit: Sendable, Equatable {
    public var range: TextRange
    public var newText: String
    public init(range: TextRange, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// A fix: one or more edits applied together. `isSafe` fixes are applied by `fazhi fix` and
/// "fix all"; the others are offered only as quick fixes for a person to choose.
public struct Fix: Sendable, Equatable {
    public var title: String
    public var edits: [TextEdit]
    public var isSafe: Bool
    public init(title: String, edits: [TextEdit], isSafe: Bool = true) {
        self.title = title
        self.edits = edits
        self.isSafe = isSafe
    }
}

/// Another place that explains a diagnostic (e.g. the title's year for `plan-year`).
public struct RelatedLocation: Sendable, Equatable {
    public var range: TextRange
    public var message: String
    public init(range: TextRange, message: String) {
        self.range = range
        self.message = message
    }
}

public struct Diagnostic: Sendable, Equatable {
    /// The rule id, e.g. `missing-part`.
    public var rule: String
    public var severity: Severity
    /// Chinese message for the user.
    public var message: String
    public var range: TextRange
    public var fixes: [Fix]
    public var related: [RelatedLocation]
    /// Rule-specific data that editors may round-trip (e.g. the missing part's id).
    public var data: String?

    public init(rule: String, severity: Severity, message: String, range: TextRange,
                fixes: [Fix] = [], related: [RelatedLocation] = [], data: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.range = range
        self.fixes = fixes
        self.related = related
        self.data = data
    }
}

extension Array where Element == TextEdit {
    /// Applies non-overlapping edits to a text (edits are sorted; overlapping later edits are dropped).
    public func applied(to text: SourceText) -> String {
        let sorted = self.sorted { $0.range.start < $1.range.start || ($0.range.start == $1.range.start && $0.range.end < $1.range.end) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var pos = 0
        for e in sorted {
            let s = Swift.min(Swift.max(e.range.start, 0), text.count), en = Swift.min(Swift.max(e.range.end, s), text.count)
            if s < pos { continue }
            out.append(contentsOf: text.bytes[pos..<s])
            out.append(contentsOf: e.newText.utf8)
            pos = en
        }
        out.append(contentsOf: text.bytes[pos...])
        return String(decoding: out, as: UTF8.self)
    }
}
