import FazhiKnowledge
import FazhiLinter
import FazhiText
import Foundation
import XCTest

/// A rule written outside the linter, as a new rule file would be: it declares its trigger words and
/// reports every match it is given. Nothing else in the linter knows about it.
private struct SampleWordRule: Rule {
    static let words = TriggerList("test: 依法 and 法治") { [("依法", 1), ("法治", 2)] }
    var triggers: [TriggerList] { [Self.words] }

    let metadata = RuleMetadata(
        id: "test-words", category: .words, defaultSeverity: .info, title: "测试", rationale: "测试", source: "测试",
        examples: [], fixable: false)

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        for m in ctx.matches(Self.words) { sink.report(m.textRange, "第\(m.payload)类") }
    }
}

/// Rules declare what they look for (`Rule.triggers`); the shared scan is assembled from the rules and
/// each rule is given only its own matches.
final class TriggerTests: XCTestCase {
    let text = "截止目前，依法推进法治政府建设，全年受理案件40件，办结39件，办结率100%。\n"

    /// Adding a rule with trigger words takes its own file and one catalogue line: here, the type above
    /// and one entry in the rule list.
    func testANewRuleGetsItsOwnMatchesAndOnlyThose() {
        let linter = Linter(rules: RuleCatalog.all + [SampleWordRule()])
        let diags = linter.lint(SourceText(text)).1
        let mine = diags.filter { $0.rule == "test-words" }
        XCTAssertEqual(flagged(text, mine), ["依法", "法治"])
        XCTAssertEqual(mine.map(\.message), ["第1类", "第2类"], "payloads come back as declared")
        // The catalogue's rules still see their own words in the same scan.
        XCTAssertTrue(diags.contains { $0.rule == "confusable" && flagged(text, [$0]) == ["截止目前"] }, "\(diags)")
        XCTAssertTrue(diags.contains { $0.rule == "rate-mismatch" }, "\(diags)")
        // The same findings as without the extra rule.
        let catalogueOnly = Linter().lint(SourceText(text)).1
        XCTAssertEqual(diags.filter { $0.rule != "test-words" }, catalogueOnly)
    }

    func testARuleAloneIsScannedForItsWords() {
        let diags = Linter(rules: [SampleWordRule()]).lint(SourceText(text)).1
        XCTAssertEqual(flagged(text, diags), ["依法", "法治"])
    }

    /// A list that only some rules declare: a linter with other rules scans without it and gets nothing.
    func testUndeclaredListsAreNotScanned() {
        let diags = Linter(rules: [RuleCatalog.rule("confusable")!]).lint(SourceText("依法推进法治建设。\n")).1
        XCTAssertEqual(diags, [])
    }

    /// Every list of the catalogue has a name of its own.
    func testCatalogueListsAreNamed() {
        var byName: [String: ObjectIdentifier] = [:]
        for rule in RuleCatalog.all {
            for list in rule.triggers {
                if let other = byName[list.name] {
                    XCTAssertEqual(other, ObjectIdentifier(list), "two lists are named “\(list.name)”")
                }
                byName[list.name] = ObjectIdentifier(list)
            }
        }
        XCTAssertGreaterThanOrEqual(byName.count, 10, "\(byName.keys.sorted())")
    }

    /// The scan and the cache hold no words: every trigger word is declared by a rule's file, the figure
    /// analysis, or drawn from the knowledge files (`Triggers.swift`).
    func testTheSharedScanHoldsNoWordsOfItsOwn() throws {
        let dir = TestCorpus.packageRoot.appendingPathComponent("Sources/FazhiLinter")
        for name in ["TriggerScan.swift", "LintCache.swift", "Linter.swift", "Rule.swift"] {
            let code = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let literals = stringLiterals(code).filter { $0.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } }
            if name == "Linter.swift" || name == "Rule.swift" {
                // Messages and labels, not words to find.
                XCTAssertFalse(code.contains("TriggerList("), "\(name) declares a trigger list")
            } else {
                XCTAssertEqual(literals, [], "\(name) holds Chinese words")
            }
        }
        // Lists are declared in a rule's own file, in the figure analysis or (knowledge files) in Triggers.swift.
        let enumerator = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let code = try String(contentsOf: url, encoding: .utf8)
            guard code.contains("TriggerList(\"") else { continue }
            let allowed = url.lastPathComponent.hasSuffix("Rule.swift") || ["Triggers.swift", "FigureAnalysis.swift"].contains(url.lastPathComponent)
            XCTAssertTrue(allowed, "\(url.lastPathComponent) declares a trigger list but is not a rule's file")
        }
    }

    private func stringLiterals(_ code: String) -> [String] {
        var out: [String] = []
        for line in code.components(separatedBy: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            let parts = line.components(separatedBy: "\"")
            var k = 1
            while k < parts.count - 1 { out.append(parts[k]); k += 2 }
        }
        return out
    }
}
