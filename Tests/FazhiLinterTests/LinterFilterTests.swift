import FazhiLinter
import Foundation
import FazhiParser
import FazhiText
import XCTest

/// What the linter drops after the rules ran: findings inside web-page chrome and ignored findings.
final class LinterFilterTests: XCTestCase {
    let text = """
    当前位置：首页 > 政务公开 > 法治政府建设
    发布时间：2025-02-14　来源：××镇 ,  点击数：12
    ××镇2024年度法治政府建设情况报告
    2024年，××镇扎实推进法治政府建设,截止目前召开会议4次。
    一、主要举措和成效
    全年召开专题会议4次,截止目前办结12余件。
    （二）其它工作
    依照《信访法》办理。

    """

    /// Every rule run by hand, without the linter's filters.
    func unfiltered(_ source: SourceText) -> (Report, [Diagnostic]) {
        let report = ReportParser().parse(source)
        let ctx = LintContext(report: report, config: LintConfig())
        var all: [Diagnostic] = []
        for rule in RuleCatalog.all {
            var sink = DiagnosticSink(rule: rule.metadata.id, severity: rule.metadata.defaultSeverity)
            rule.check(ctx, into: &sink)
            all += sink.diagnostics
        }
        return (report, all)
    }

    func key(_ d: Diagnostic) -> String { "\(d.rule)@\(d.range)#\(d.message)" }

    func testNothingButTheResidueFindingIsReportedInsideChrome() {
        let source = SourceText(text)
        let (report, raw) = unfiltered(source)
        let chrome = report.lines.filter { $0.kind == .chrome }.map(\.range)
        XCTAssertFalse(chrome.isEmpty)
        func inChrome(_ d: Diagnostic) -> Bool {
            chrome.contains { $0.overlaps(d.range) || ($0.start <= d.range.start && d.range.start < $0.end) }
        }
        // The rules do find things in the chrome lines (the half-width comma, the date) …
        XCTAssertTrue(raw.contains { $0.rule != "web-page-residue" && inChrome($0) })
        // … and the linter keeps exactly the others, in position order.
        let (_, linted) = Linter().lint(source)
        let expected = raw.filter { $0.rule == "web-page-residue" || !inChrome($0) }
        XCTAssertEqual(Set(linted.map(key)), Set(expected.map(key)))
        XCTAssertEqual(linted.count, expected.count)
        XCTAssertTrue(linted.contains { $0.rule == "web-page-residue" })
        XCTAssertEqual(linted.map(\.range.start), linted.map(\.range.start).sorted())
    }

    func testIgnoreEntriesDropExactlyWhatTheyName() {
        let source = SourceText(text)
        let (report, all) = Linter().lint(source)
        XCTAssertTrue(all.contains { $0.rule == "confusable" })
        let cases: [[IgnoreEntry]] = [
            [IgnoreEntry(rule: "confusable", text: "截止目前")],
            [IgnoreEntry(rule: nil, text: "截止目前"), IgnoreEntry(rule: "halfwidth-punctuation", text: nil)],
            [IgnoreEntry(rule: "approximate-number", text: "12余件"), IgnoreEntry(rule: "confusable", text: "不存在")],
            [IgnoreEntry(rule: nil, text: nil)],
            [IgnoreEntry(rule: "confusable", text: "其它"), IgnoreEntry(rule: "confusable", text: "截止目前"), IgnoreEntry(rule: "unknown-law", text: nil)],
        ]
        for ignores in cases {
            var config = LintConfig()
            config.ignores = ignores
            let (_, kept) = Linter(config: config).lint(source)
            let expected = all.filter { d in
                !ignores.contains { ($0.rule == nil || $0.rule == d.rule) && ($0.text == nil || $0.text == report.text(d.range)) }
            }
            XCTAssertEqual(kept.map(key), expected.map(key), "\(ignores)")
            XCTAssertLessThan(kept.count, all.count, "\(ignores)")
        }
    }

    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var n = 0
        func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
    }

    func testCancellationBetweenRulesReturnsNothing() {
        let report = ReportParser().parse(SourceText(text))
        let asked = Counter()
        XCTAssertNil(Linter().lint(report, isCancelled: { asked.next() > 3 }))
        XCTAssertEqual(asked.n, 4)
        XCTAssertEqual(Linter().lint(report, isCancelled: { false })?.map(key), Linter().lint(report).map(key))
        // Shared between two threads: stopped too, and nothing is returned.
        let asked2 = Counter()
        XCTAssertNil(Linter().lint(report, isCancelled: { asked2.next() > 3 }, parallel: true))
        XCTAssertLessThan(asked2.n, RuleCatalog.all.count)
    }

    /// The rules shared out between two threads give exactly the findings, in the same order.
    func testParallelLintGivesTheSameFindings() {
        var texts = [text]
        if let dir = URL(string: "file://" + #filePath)?.deletingLastPathComponent().appendingPathComponent("../../Examples"),
           let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) {
            for n in names where n.hasSuffix(".txt") {
                if let t = try? String(contentsOf: dir.appendingPathComponent(n), encoding: .utf8) { texts.append(t) }
            }
        }
        XCTAssertGreaterThan(texts.count, 1)
        var total = 0
        for t in texts {
            let report = ReportParser().parse(SourceText(t))
            let one = Linter().lint(report).map(key)
            for _ in 0..<5 { XCTAssertEqual(Linter().lint(report, isCancelled: nil, parallel: true)?.map(key), one) }
            total += one.count
        }
        XCTAssertGreaterThan(total, 10)
    }
}
