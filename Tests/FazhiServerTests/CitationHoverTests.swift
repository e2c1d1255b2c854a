import FazhiJSON
import Foundation
import XCTest

/// Hover on 《…》 citations (category, issuer, dates, standing in the report year) and on rates (the
/// linter's figure analysis), and the inlay hints of rates.
final class CitationHoverTests: XCTestCase {
    var c: LSPTestClient!
    let uri = "file:///tmp/fazhi-citations/report.txt"

    override func setUpWithError() throws {
        c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
    }

    override func tearDown() {
        if let c, c.process.isRunning { c.finish() }
    }

    static let text = """
    云溪镇人民政府关于2022年度法治政府建设情况的报告
    一、主要举措和成效
    　　贯彻《法治政府建设实施纲要（2015—2020年）》和《中华人民共和国行政处罚法》。
    　　修订《云溪镇行政规范性文件管理办法》，依照《行政机关公务员处分条例》处理，订阅《法治日报》。
    　　受理矛盾纠纷141件，其中调解75件，调解率60.5%。
    """

    /// Hover text at the first occurrence of `needle` on `line` (one character in).
    func hover(line: Int, at needle: String) -> String {
        let l = Self.text.components(separatedBy: "\n")[line]
        let ch = (l as NSString).range(of: needle).location + 1
        var p = doc(uri).objectValue!
        p["position"] = pos(line, ch)
        return c.request("textDocument/hover", .object(p))["contents"]?["value"]?.str ?? ""
    }

    func testCitationHoverShowsCategoryDatesAndStandingInTheReportYear() {
        c.open(uri, Self.text)
        let old = hover(line: 2, at: "《法治政府建设实施纲要")
        XCTAssertTrue(old.contains("类别：中央文件"), old)
        XCTAssertTrue(old.contains("2022年度：已失效") && old.contains("《法治政府建设实施纲要（2021—2025年）》"), old)
        let law = hover(line: 2, at: "《中华人民共和国行政处罚法》")
        XCTAssertTrue(law.contains("类别：国家法律") && law.contains("制定机关：全国人民代表大会") && law.contains("2022年度：有效"), law)
        let local = hover(line: 3, at: "《云溪镇")
        XCTAssertTrue(local.contains("地方或本单位文件") && local.contains("不在核对范围内"), local)
        let reg = hover(line: 3, at: "《行政机关公务员处分条例》")
        XCTAssertTrue(reg.contains("类别：行政法规"), reg)
        let paper = hover(line: 3, at: "《法治日报》")
        XCTAssertTrue(paper.contains("书籍或报刊"), paper)
    }

    func testRateHoverAndInlayHintAgreeWithTheDiagnostic() {
        c.open(uri, Self.text)
        let h = hover(line: 4, at: "调解率")
        XCTAssertTrue(h.contains("75 ÷ 141 ≈ 53.2%") && h.contains("其中调解75件") && h.contains("⚠"), h)
        let hints = c.request("textDocument/inlayHint", ["textDocument": ["uri": .string(uri)], "range": rng(0, 0, 10, 0)]).arr
        XCTAssertTrue(hints.contains { $0["label"]?.str == "≈53.2%" }, "\(hints)")
        // The published diagnostic names the same value.
        let diags = c.wait("diagnostics") { $0["method"]?.str == "textDocument/publishDiagnostics" }?["params"]?["diagnostics"]?.arr ?? []
        XCTAssertTrue(diags.contains { ($0["message"]?.str ?? "").contains("调解率应为53.2%") }, "\(diags)")
        XCTAssertFalse(diags.contains { ($0["message"]?.str ?? "").contains("行政机关公务员处分条例") && $0["severity"]?.int ?? 9 <= 2 }, "\(diags)")
    }
}
