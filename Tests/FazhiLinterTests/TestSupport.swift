import Foundation
import FazhiLinter
import FazhiParser
import FazhiText
import XCTest

/// Lints `text` with only the rule `id` enabled.
func lint(_ text: String, only id: String, config: LintConfig = LintConfig()) -> [Diagnostic] {
    guard let rule = RuleCatalog.rule(id) else {
        XCTFail("no rule \(id)")
        return []
    }
    let linter = Linter(config: config, rules: [rule])
    return linter.lint(SourceText(text)).1
}

/// The flagged text of each diagnostic.
func flagged(_ text: String, _ diags: [Diagnostic]) -> [String] {
    let src = SourceText(text)
    return diags.map { src.string($0.range) }
}

/// Applies every fix's first edit set of the diagnostics and returns the text.
func applyingFixes(_ text: String, _ diags: [Diagnostic]) -> String {
    let edits = diags.compactMap { $0.fixes.first }.flatMap(\.edits)
    return edits.applied(to: SourceText(text))
}

/// The shared development corpus beside the package (../shared/corpus), found from this file's place, never
/// from an absolute path. Tests that need it skip when it is absent.
enum TestCorpus {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/corpus").standardizedFileURL
    static let openings = dir.appendingPathComponent("openings")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
}
