/// Markup compatibility (ECMA-376 Part 3): of an mc:AlternateContent, exactly one branch is read.
///
/// A Choice is taken only when every prefix in its Requires names a namespace this reader understands
/// (WordprocessingML itself); otherwise the Fallback is read. Word 2010+ writes new features (text boxes as
/// DrawingML shapes, custom number formats) as a Choice with a Fallback in the older vocabulary, which
/// carries the same text — so the text is read once, never twice. The mc elements themselves are invisible
/// to the caller.
struct ContentScanner {
    var xml: XMLScanner
    /// For each open AlternateContent: whether a branch has been taken.
    private var taken: [Bool] = []
    /// Depths (after opening) of mc elements whose end tag must be swallowed.
    private var transparent: [Int] = []

    init(_ bytes: [UInt8], part: String) { xml = XMLScanner(bytes, part: part) }

    var ns: XMLNamespace { xml.ns }
    var local: String { xml.local }
    var depth: Int { xml.depth }
    func attribute(_ ns: XMLNamespace, _ local: String) -> String? { xml.attribute(ns, local) }
    func appendText(_ r: Range<Int>, to out: inout [UInt8]) { xml.appendText(r, to: &out) }

    mutating func next() throws -> XMLScanner.Event {
        while true {
            let e = try xml.next()
            switch e {
            case .start:
                guard xml.ns == .mc else { return e }
                switch xml.local {
                case "AlternateContent":
                    taken.append(false)
                    transparent.append(xml.depth)
                case "Choice" where !taken.isEmpty && !taken[taken.count - 1] && understood(xml.attribute(.none, "Requires")):
                    taken[taken.count - 1] = true
                    transparent.append(xml.depth)
                case "Fallback" where !taken.isEmpty && !taken[taken.count - 1]:
                    taken[taken.count - 1] = true
                    transparent.append(xml.depth)
                case "Choice", "Fallback":
                    try skipElement()
                default:
                    return e
                }
            case .end:
                if let d = transparent.last, d == xml.depth + 1 {
                    transparent.removeLast()
                    if xml.local == "AlternateContent", !taken.isEmpty { taken.removeLast() }
                    continue
                }
                return e
            default:
                return e
            }
        }
    }

    /// Consumes everything up to and including the end of the element just started.
    mutating func skipElement() throws {
        try xml.skipCurrentElement()
    }

    /// Whether every prefix in a Requires list is WordprocessingML (the only vocabulary read here).
    private func understood(_ requires: String?) -> Bool {
        guard let r = requires else { return false }
        let prefixes = r.split(separator: " ")
        return !prefixes.isEmpty && prefixes.allSatisfy { $0 == "w" }
    }
}
