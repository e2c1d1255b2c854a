import FazhiLinter
import Foundation

/// `fazhi explain NAME`: a rule's documentation, a term's explanation, or a law's details.
enum ExplainCommand {
    static func run(_ args: [String]) -> Int32 {
        let name = args.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return CLI.fail("explain 需要一个名称（术语、法律法规名称或规则名）") }
        if let rule = RuleCatalog.rule(name) {
            CLI.write(RulesCommand.document(rule.metadata, headingLevel: "#"))
            return 0
        }
        if let text = KnowledgeExplainer.explain(name) {
            CLI.write(text.output)
            return text.found ? 0 : 1
        }
        CLI.write("未找到“\(name)”：它不是已知的术语、法律法规或规则名。\n运行 fazhi rules 查看全部规则。\n")
        return 1
    }
}

