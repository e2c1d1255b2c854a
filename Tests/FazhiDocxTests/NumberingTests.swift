@testable import FazhiDocx
import XCTest

final class NumberingTests: XCTestCase {
    func testChineseCounting() {
        let f = NumberFormat.chineseCounting
        let expected: [Int: String] = [1: "一", 9: "九", 10: "十", 11: "十一", 19: "十九", 20: "二十", 21: "二十一", 99: "九十九",
                                       100: "一百", 101: "一百零一", 110: "一百一十", 1001: "一千零一", 10010: "一万零一十", 0: "〇"]
        for (n, s) in expected { XCTAssertEqual(f.render(n), s, "\(n)") }
        XCTAssertEqual(NumberFormat.chineseLegalSimplified.render(12), "壹拾贰")
    }

    func testOtherFormats() {
        XCTAssertEqual(NumberFormat.upperLetter.render(1), "A")
        XCTAssertEqual(NumberFormat.upperLetter.render(27), "AA")
        XCTAssertEqual(NumberFormat.lowerLetter.render(28), "bb")
        XCTAssertEqual(NumberFormat.upperRoman.render(1994), "MCMXCIV")
        XCTAssertEqual(NumberFormat.lowerRoman.render(4), "iv")
        XCTAssertEqual(NumberFormat.decimalEnclosedCircle.render(20), "⑳")
        XCTAssertEqual(NumberFormat.decimalEnclosedCircleChinese.render(21), "21")
        XCTAssertEqual(NumberFormat.decimalFullWidth.render(12), "１２")
        XCTAssertEqual(NumberFormat.decimalZero.render(7), "07")
        XCTAssertEqual(NumberFormat.ideographTraditional.render(3), "丙")
        XCTAssertEqual(NumberFormat.ideographDigital.render(105), "一〇五")
        XCTAssertEqual(NumberFormat(word: "someFutureFormat"), .decimal)
        XCTAssertEqual(NumberFormat.none.render(3), "")
    }

    static let abstract = """
    <w:abstractNum w:abstractNumId="1">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="1"/><w:suff w:val="space"/><w:lvlText w:val="（%4）"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
    """

    func p(_ text: String, num: Int? = nil, ilvl: Int? = nil, style: String? = nil) -> String {
        var ppr = ""
        if let style { ppr += #"<w:pStyle w:val="\#(style)"/>"# }
        if num != nil || ilvl != nil {
            ppr += "<w:numPr>" + (ilvl.map { #"<w:ilvl w:val="\#($0)"/>"# } ?? "") + (num.map { #"<w:numId w:val="\#($0)"/>"# } ?? "") + "</w:numPr>"
        }
        return "<w:p><w:pPr>\(ppr)</w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
    }

    func testLevelsRestartAsWordDoes() throws {
        let body = [p("甲", num: 5, ilvl: 0), p("乙", num: 5, ilvl: 1), p("丙", num: 5, ilvl: 2), p("丁", num: 5, ilvl: 2),
                    p("戊", num: 5, ilvl: 3), p("己", num: 5, ilvl: 1), p("庚", num: 5, ilvl: 2), p("辛", num: 5, ilvl: 3),
                    p("壬", num: 5, ilvl: 0), p("癸", num: 5, ilvl: 1), p("子", num: 5, ilvl: 3)].joined()
        // Level 3 restarts only when level 1 (ilvl 0) appears (w:lvlRestart 1); a space suffix is a space.
        XCTAssertEqual(try Support.text(body: body, numbering: Self.abstract),
                       "一、甲\n（一）乙\n1.丙\n2.丁\n（1） 戊\n（二）己\n1.庚\n（2） 辛\n二、壬\n（一）癸\n（1） 子\n")
    }

    func testNumsSharingAnAbstractContinueUnlessTheyOverrideTheStart() throws {
        let body = [p("a", num: 5, ilvl: 0), p("b", num: 5, ilvl: 1), p("c", num: 6, ilvl: 1), p("d", num: 6, ilvl: 1),
                    p("e", num: 5, ilvl: 1), p("f", num: 0, ilvl: 0), p("g", num: 99, ilvl: 0)].joined()
        XCTAssertEqual(try Support.text(body: body, numbering: Self.abstract), "一、a\n（一）b\n（三）c\n（四）d\n（二）e\nf\ng\n")
    }

    func testNumberingInheritedFromStylesAndBasedOnChains() throws {
        let styles = """
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="H1Bold"><w:basedOn w:val="H1"/></w:style>
        <w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr>
          <w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="3"/><w:numId w:val="6"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="LoopA"><w:basedOn w:val="LoopB"/></w:style>
        <w:style w:type="paragraph" w:styleId="LoopB"><w:basedOn w:val="LoopA"/></w:style>
        """
        let body = [p("总体", style: "H1"), p("分项", style: "H2"), p("再一项", style: "H1Bold"), p("正文"), p("循环样式", style: "LoopA"),
                    p("直接指定层级", ilvl: 1, style: "H1")].joined()
        XCTAssertEqual(try Support.text(body: body, numbering: Self.abstract, styles: styles),
                       "一、总体\n（一）分项\n二、再一项\n正文\n循环样式\n（一）直接指定层级\n")
    }

    func testLegalNumberingAndLevelOverrides() throws {
        let numbering = """
        <w:abstractNum w:abstractNumId="2">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/><w:suff w:val="space"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/><w:suff w:val="space"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%3)"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="2"/>
          <w:lvlOverride w:ilvl="2"><w:lvl w:ilvl="2"><w:start w:val="4"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl></w:lvlOverride>
        </w:num>
        """
        let body = [p("总则", num: 1, ilvl: 0), p("目的", num: 1, ilvl: 1), p("依据", num: 1, ilvl: 2), p("范围", num: 1, ilvl: 1)].joined()
        XCTAssertEqual(try Support.text(body: body, numbering: numbering), "第一章 总则\n1.1 目的\n(iv)依据\n1.2 范围\n")
    }

    func testNumberFormatInAlternateContentTakesTheFallback() throws {
        // Word 2010 writes custom formats as an mc:Choice (Requires="w14") with a Fallback in older terms.
        let numbering = """
        <w:abstractNum w:abstractNumId="3" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
          <w:lvl w:ilvl="0"><w:start w:val="1"/>
            <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>
            <mc:Fallback><w:numFmt w:val="decimalEnclosedCircle"/></mc:Fallback></mc:AlternateContent>
            <w:lvlText w:val="%1"/><w:suff w:val="nothing"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num>
        """
        XCTAssertEqual(try Support.text(body: p("项", num: 1, ilvl: 0) + p("项", num: 1, ilvl: 0), numbering: numbering), "①项\n②项\n")
    }

    func testHostileNumberingNeitherOverflowsNorExplodes() throws {
        let numbering = """
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="9223372036854775807"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1%1%1%9"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="-5"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%2%"/></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="40000"/></w:lvlOverride></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        """
        let body = (0..<3).map { _ in p("x", num: 1, ilvl: 0) + p("y", num: 2, ilvl: 0) + p("z", num: 2, ilvl: 1) + p("w", num: 1, ilvl: 12) }.joined()
        let text = try Support.text(body: body, numbering: numbering)
        // Start values are clamped to Word's 0…32767; letters past 40 repeats fall back to digits.
        XCTAssertTrue(text.hasPrefix("3276732767327670x\n3276732767327670y\n〇%z\nw\n3276832768327680x\n"), text)
    }
}
