import FazhiKnowledge
@testable import FazhiParser
import FazhiText
import Foundation
import XCTest

/// The parser's fast paths must give exactly what the straightforward definitions give.
final class FastPathTests: XCTestCase {
    static let sample = """
    关于2024年度法治政府建设情况的报告
    2024年，我镇坚持依法行政。现将有关情况报告如下：
    一、主要举措和成效
    （一）加强组织领导。一是成立领导小组，二是召开专题会议。
    1.健全制度。全年修订制度5项。
    （1）完善清单
    2.规范执法
    （二）推进依法决策
    二、存在的不足和原因
    存在的问题：
    一是学法不够深入；二是执法不够规范。
    三、下一步工作打算
    下一步工作打算
    （一）继续加强学习
    特此报告。
    某某镇人民政府
    2025年1月10日
    """

    /// The former linear definition of `innermostHeading(at:)`.
    func linearInnermost(_ r: Report, _ offset: Int) -> Int? {
        var best: Int?
        for (i, h) in r.headings.enumerated() where h.sectionRange.contains(offset) || h.lineRange.contains(offset) {
            if best == nil || r.headings[best!].depth <= h.depth { best = i }
        }
        return best
    }

    func testInnermostHeadingMatchesLinearDefinition() {
        for text in [Self.sample, Self.sample.replacingOccurrences(of: "\n", with: "\r\n"), "", "一、", "正文\n一、甲\n（一）乙\n（二）丙"] {
            let r = ReportParser().parse(text)
            for o in -2...(r.source.count + 2) {
                XCTAssertEqual(r.innermostHeading(at: o), linearInnermost(r, o), "offset \(o)")
            }
        }
    }

    func testPartMatcherAgreesWithProfile() {
        let profile = Profiles.default
        let m = PartMatcher.matcher(for: profile)
        let labels = ["主要举措和成效", "存在的问题", "存在的不足和原因", "下一步工作打算", "党政主要负责人履行推进法治建设第一责任人职责情况",
                      "其他需要报告的情况", "存在的问题及下一步打算", "工作开展情况", "问题😀", "存在\u{0301}的问题", "举措\u{200D}成效", "",
                      "存在 的 问题", "ＡＢ存在的问题（一）", "成效举措", "主要做法和成效，问题", "存在的問題", "存在的\u{F9EC}问题", "推進法治政府建設的主要舉措和成效", "應(yīng)急管理存在的問(wèn)題"]
        for label in labels {
            let folded = MatchNormalizer.shared.normalize(label.unicodeScalars.map(\.value))
            XCTAssertEqual(m.parts(covering: folded), profile.parts(covering: label), label)
        }
    }
}
