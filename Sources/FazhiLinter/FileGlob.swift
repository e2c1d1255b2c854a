// File-name patterns for the `files` setting: `*` and `?` within one path segment, `**` across segments,
// `{a,b}` alternatives. Matched against a path relative to the folder the pattern was written for; a
// pattern without `/` matches the file name in any folder (as in .gitignore).
public struct FileGlob: Sendable, Equatable {
    public let pattern: String
    private let alternatives: [[Character]]
    private let anyFolder: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var p = pattern
        if p.hasPrefix("./") { p.removeFirst(2) }
        anyFolder = !p.contains("/")
        alternatives = FileGlob.expandBraces(p).map(Array.init)
    }

    /// Whether `relativePath` (segments separated by `/`) matches.
    public func matches(_ relativePath: String) -> Bool {
        let path = Array(relativePath)
        let name = anyFolder ? Array(relativePath.split(separator: "/").last.map(String.init) ?? relativePath) : path
        return alternatives.contains { FileGlob.match($0[...], name[...]) }
    }

    static func expandBraces(_ p: String) -> [String] {
        guard let open = p.firstIndex(of: "{"), let close = p[open...].firstIndex(of: "}") else { return [p] }
        let head = p[..<open], tail = String(p[p.index(after: close)...])
        return p[p.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
            .flatMap { expandBraces(head + $0 + tail) }
    }

    /// Backtracking match; patterns are short and typed by people, paths are short.
    static func match(_ p: ArraySlice<Character>, _ s: ArraySlice<Character>) -> Bool {
        guard let c = p.first else { return s.isEmpty }
        if c == "*" {
            if p.dropFirst().first == "*" {
                // `**/` matches zero or more whole folders; a trailing `**` matches the rest.
                var rest = p.dropFirst(2)
                if rest.first == "/" { rest = rest.dropFirst() }
                var i = s.startIndex
                while true {
                    if match(rest, s[i...]) { return true }
                    guard let slash = s[i...].firstIndex(of: "/") else { return rest.isEmpty }
                    i = slash + 1
                }
            }
            var i = s.startIndex
            while true {
                if match(p.dropFirst(), s[i...]) { return true }
                if i == s.endIndex || s[i] == "/" { return false }
                i += 1
            }
        }
        guard let h = s.first else { return false }
        if c == "?" ? h != "/" : c == h { return match(p.dropFirst(), s.dropFirst()) }
        return false
    }
}
