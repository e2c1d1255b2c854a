import FazhiLinter
import FazhiText
import XCTest

/// Checks every rule's declared metadata and that its examples behave as declared.
final class RuleCatalogTests: XCTestCase {
    func testIdsAreUniqueAndKebabCase() {
        var seen = Set<String>()
        for r in RuleCatalog.all {
            let id = r.metadata.id
            XCTAssertTrue(seen.insert(id).inserted, "duplicate rule id \(id)")
            XCTAssertTrue(id.allSatisfy { ($0 >= "a" && $0 <= "z") || $0 == "-" }, "rule id \(id) is not kebab-case")
        }
    }

    func testMetadataIsComplete() {
        for r in RuleCatalog.all {
            let m = r.metadata
            XCTAssertFalse(m.title.isEmpty, m.id)
            XCTAssertFalse(m.rationale.isEmpty, m.id)
            XCTAssertFalse(m.source.isEmpty, m.id)
            XCTAssertTrue(m.title.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(m.id): title must be Chinese")
            XCTAssertTrue(m.examples.contains { $0.triggers }, "\(m.id) needs an example that triggers")
            XCTAssertTrue(m.examples.contains { !$0.triggers }, "\(m.id) needs an example that does not trigger")
        }
    }

    func testExamplesBehaveAsDeclared() {
        for r in RuleCatalog.all {
            for ex in r.metadata.examples {
                let diags = lint(ex.text, only: r.metadata.id)
                if ex.triggers {
                    XCTAssertFalse(diags.isEmpty, "\(r.metadata.id) should trigger on: \(ex.text)")
                } else {
                    XCTAssertTrue(diags.isEmpty, "\(r.metadata.id) should not trigger on: \(ex.text) — got \(diags.map(\.message))")
                }
                for d in diags {
                    XCTAssertEqual(d.rule, r.metadata.id)
                    XCTAssertLessThanOrEqual(d.range.end, SourceText(ex.text).count)
                    if !r.metadata.fixable { XCTAssertTrue(d.fixes.isEmpty, "\(r.metadata.id) declares no fixes but offers one") }
                }
            }
        }
    }

    func testFixesProduceCleanText() {
        // Applying a rule's safe fixes to its triggering examples must not leave the same finding in place.
        for r in RuleCatalog.all where r.metadata.fixable {
            for ex in r.metadata.examples where ex.triggers {
                let diags = lint(ex.text, only: r.metadata.id)
                let safe = diags.filter { $0.fixes.contains { $0.isSafe } }
                guard !safe.isEmpty else { continue }
                let fixed = applyingFixes(ex.text, safe)
                let after = lint(fixed, only: r.metadata.id)
                XCTAssertLessThan(after.count, diags.count, "\(r.metadata.id): fixes did not help on \(ex.text) → \(fixed)")
            }
        }
    }
}
