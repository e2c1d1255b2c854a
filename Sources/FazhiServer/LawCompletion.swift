// Law-name completion after 《: what is inserted starts with what the user typed, so that clients which
// filter by prefix (Neovim's omnifunc, Emacs's completion-at-point) keep the common laws; only documents
// in force in the report year are offered, the most cited first.
import FazhiJSON
import FazhiKnowledge
import LSPKit

extension FazhiLanguageServer {
    /// The name form to insert for a typed prefix: the full name when the user is typing it
    /// (中华人民共和国…), else the short name that starts with the prefix, else the full name if it does;
    /// nil when no form of the name starts with the prefix. Right after 《 the short name (when there is
    /// one), so that typing on (行政…) still matches in clients that filter the open list themselves.
    static func lawForm(_ law: Law, prefix: String) -> String? {
        if prefix.isEmpty { return law.short.first ?? law.name }
        if law.name.hasPrefix(prefix) { return law.name }
        return law.short.filter { $0.hasPrefix(prefix) }.max { $0.count < $1.count }
    }

    /// Orders laws for the list: by how often reports cite them (`citedRank`, 1 = most), the rest after
    /// them in the index's order (exact and prefix matches, in-force, kind, shorter names).
    static func rankedForCompletion(_ laws: [Law]) -> [Law] {
        laws.enumerated().sorted { a, b in
            switch (a.element.citedRank, b.element.citedRank) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    func lawItems(prefix: String, year: Int, close: Bool, range: LSP.Range, limit: Int = 30) -> [JSON] {
        let found = knowledge.lawPrefixSearch(prefix, limit: 1000).filter { $0.status(inReportYear: year) == .inForce }
        var items: [JSON] = []
        var seen = Set<String>()
        for law in Self.rankedForCompletion(found) {
            guard let form = Self.lawForm(law, prefix: prefix), seen.insert(form).inserted else { continue }
            let detail = (form == law.name ? "" : law.name + " · ") + "\(law.kind) · \(year)年有效"
            items.append(completionItem(label: form, kind: 18, detail: detail, insert: close ? form + "》" : form, range: range,
                                        filter: form, sort: format4(items.count), data: ["k": "law", "id": .string(law.id)]))
            if items.count >= limit { break }
        }
        return items
    }
}
