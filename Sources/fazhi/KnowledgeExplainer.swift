import Foundation
import FazhiKnowledge

/// Explanations from the knowledge base (terms and laws) for `fazhi explain`.
enum KnowledgeExplainer {
    /// nil when the knowledge base knows nothing of the name; `found` is false for a name recognised as wrong.
    static func explain(_ raw: String, knowledge k: Knowledge = .shared) -> (output: String, found: Bool)? {
        let name = raw.trimmingCharacters(in: .whitespaces)
        let bare = name.replacingOccurrences(of: "《", with: "").replacingOccurrences(of: "》", with: "")
        if !name.hasPrefix("《"), let t = k.term(named: bare) {
            return ("\(t.term)\n\n" + t.descriptionLines.joined(separator: "\n") + "\n", true)
        }
        if let t = k.term(withWrongForm: bare) {
            return ("“\(bare)”不是规范写法，应写作“\(t.term)”。\n\n\(t.term)\n" + t.descriptionLines.joined(separator: "\n") + "\n", false)
        }
        switch k.lookupLaw(bare) {
        case .law(let law, let short):
            var out = "《\(law.name)》\n"
            if short { out += "（“\(bare)”是简称或省略了“中华人民共和国”的写法）\n" }
            return (out + "\n" + (law.descriptionLines + law.sourceLines).joined(separator: "\n") + "\n", true)
        case .misnomer(let m, let suggestions):
            var out = "《\(bare)》不是现行法律法规的正确名称：\(m.reason)\n"
            let names = suggestions.isEmpty ? m.suggest.map { "《\($0)》" } : suggestions.map(\.citation)
            if !names.isEmpty { out += "可能是指：" + names.joined(separator: "、") + "\n" }
            return (out, false)
        case .unknown(let suggestions):
            guard k.isLikelyNationalLawName(bare) || name.hasPrefix("《") else { return nil }
            let category = k.citations.category(of: bare)
            var out = "未找到名为《\(bare)》的法律法规或中央文件。\n按名称判断，这是\(category.label)"
            out += category.claimsCatalogueEntry ? "，法规库未收录，请核对名称。\n" : (category.mayBeNational ? "。\n" : "，不在核对范围内。\n")
            if !suggestions.isEmpty { out += "相近的名称：" + suggestions.map(\.citation).joined(separator: "、") + "\n" }
            return (out, false)
        }
    }
}
