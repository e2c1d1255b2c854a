@testable import FazhiDocx
import XCTest

final class DocumentTests: XCTestCase {
    func r(_ t: String, preserve: Bool = true) -> String {
        "<w:r><w:rPr><w:b/></w:rPr><w:t\(preserve ? #" xml:space="preserve""# : "")>\(t)</w:t></w:r>"
    }

    func p(_ runs: String...) -> String { "<w:p>" + runs.joined() + "</w:p>" }

    func testRunsTabsBreaksAndHyphens() throws {
        let body = p(r("全年"), "<w:r><w:tab/><w:t>办理</w:t><w:br/><w:t>案件</w:t><w:cr/><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:softHyphen/><w:t>C</w:t></w:r>")
            + #"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs></w:pPr>"# + r("制表位定义不是制表符") + "</w:p>"
        XCTAssertEqual(try Support.text(body: body), "全年\t办理\n案件\nA-BC\n制表位定义不是制表符\n")
    }

    func testWhiteSpaceWithoutPreserveIsNotContent() throws {
        let body = p(r("  保留  "), r("  去掉  ", preserve: false), r("换\n行", preserve: false))
        XCTAssertEqual(try Support.text(body: body), "  保留  去掉换 行\n")
    }

    func testTrackedChangesFieldsAndReferences() throws {
        let body = p(r("审查"), "<w:del w:id=\"1\"><w:r><w:delText>21</w:delText></w:r></w:del>", "<w:ins w:id=\"2\">" + r("23") + "</w:ins>",
                     r("件，"), "<w:moveFrom w:id=\"3\">" + r("旧位置") + "</w:moveFrom>", "<w:moveTo w:id=\"4\">" + r("新位置") + "</w:moveTo>",
                     #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF a \h </w:instrText></w:r>"#,
                     #"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#, r(" 嵌套域代码 "), #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
                     #"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#, r("域结果"), #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
                     #"<w:fldSimple w:instr=" PAGE ">"# + r("7") + "</w:fldSimple>",
                     #"<w:r><w:footnoteReference w:id="1"/></w:r><w:commentRangeStart w:id="0"/>"#, r("批注范围"),
                     #"<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#)
        XCTAssertEqual(try Support.text(body: body), "审查23件，新位置域结果7批注范围\n")
    }

    func testContainersKeepTheirTextAndPropertiesDoNot() throws {
        let body = p(#"<w:hyperlink r:id="x" xmlns:r="urn:r">"# + r("链接") + "</w:hyperlink>", "<w:smartTag>" + r("智能标记") + "</w:smartTag>",
                     "<w:sdt><w:sdtPr><w:alias w:val=\"标题\"/><w:text/></w:sdtPr><w:sdtContent>" + r("内容控件") + "</w:sdtContent></w:sdt>",
                     "<w:customXml>" + r("自定义") + "</w:customXml>")
            + "<w:sdt><w:sdtContent>" + p(r("块级内容控件")) + "</w:sdtContent></w:sdt>"
            + p(r("正文")) + "<w:sectPr><w:headerReference w:type=\"default\"/></w:sectPr>"
        XCTAssertEqual(try Support.text(body: body), "链接智能标记内容控件自定义\n块级内容控件\n正文\n")
    }

    func testAlternateContentIsReadOnce() throws {
        let box = "<w:txbxContent>" + p(r("文本框")) + "</w:txbxContent>"
        let body = p(r("图前"), #"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>"# + box
                     + "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>" + box + "</w:pict></mc:Fallback></mc:AlternateContent></w:r>", r("图后"))
            + p(#"<mc:AlternateContent><mc:Choice Requires="w">"# + r("懂的选项") + "</mc:Choice><mc:Fallback>" + r("备用") + "</mc:Fallback></mc:AlternateContent>")
        XCTAssertEqual(try Support.text(body: body), "文本框\n图前图后\n懂的选项\n")
    }

    func testDeletedParagraphMarksAndPageBreaks() throws {
        let deletedMark = #"<w:pPr><w:rPr><w:del w:id="9" w:author="a"/></w:rPr></w:pPr>"#
        let body = "<w:p>" + deletedMark + r("前半句") + "</w:p>" + p(r("后半句。"))
            + "<w:p>" + deletedMark + "<w:del w:id=\"8\"><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>" + p(r("下一段。"))
            + p(#"<w:r><w:br w:type="page"/></w:r>"#, r("分页后"), #"<w:r><w:br w:type="page"/></w:r>"#, r("再分页"), #"<w:r><w:br w:type="column"/></w:r>"#)
        XCTAssertEqual(try Support.text(body: body), "前半句后半句。\n下一段。\n分页后\n再分页\n")
    }

    func testTablesAreSetApartCellByCell() throws {
        func tc(_ paras: String...) -> String { "<w:tc><w:tcPr><w:tcW w:w=\"100\"/></w:tcPr>" + paras.joined() + "</w:tc>" }
        let table = "<w:tbl><w:tblPr/><w:tblGrid/><w:tr>" + tc(p(r("项目"))) + tc(p(r("数量"))) + "</w:tr><w:tr>"
            + tc(p(r("复议")), p(r("其中纠错"))) + tc(p()) + "</w:tr></w:tbl>"
        let body = p(r("数据如下：")) + table + p(r("表后正文。")) + table + p() + p(r("空段后"))
        XCTAssertEqual(try Support.text(body: body),
                       "数据如下：\n\n项目\n\n数量\n\n复议\n\n其中纠错\n\n表后正文。\n\n项目\n\n数量\n\n复议\n\n其中纠错\n\n空段后\n")
    }

    func testLocationsPointAtParagraphAndCharacter() throws {
        let numbering = #"<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#
        let heading = #"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>"# + r("主要举措") + "</w:p>"
        let d = try DocxReader.read(bytes: Support.docx(body: p(r("标题")) + p() + heading + p(r("第一行"), "<w:r><w:br/></w:r>", r("𠀀第二行")), numbering: numbering))
        XCTAssertEqual(d.text, "标题\n\n一、主要举措\n第一行\n𠀀第二行\n")
        XCTAssertEqual(d.paragraphs.map(\.number), [1, 2, 3], "empty paragraphs are not counted")
        XCTAssertEqual(d.text(of: 1), "一、主要举措")
        func at(_ s: String) -> (Int, Int)? {
            let off = d.text.utf8.count - d.text[d.text.range(of: s)!.lowerBound...].utf8.count
            return d.location(ofUTF8Offset: off).map { ($0.paragraph, $0.character) }
        }
        XCTAssertEqual(at("题")?.0, 0); XCTAssertEqual(at("题")?.1, 2)
        XCTAssertEqual(at("一、")?.1, 0, "inside the automatic number")
        XCTAssertEqual(at("举措")?.1, 3, "counted after the number")
        XCTAssertEqual(at("第二")?.0, 2); XCTAssertEqual(at("第二")?.1, 6, "a line break and 𠀀 count one character each")
        XCTAssertNil(d.location(ofUTF8Offset: -1))
        XCTAssertEqual(d.location(ofUTF8Offset: 7)?.paragraph, 0, "the blank line after a paragraph belongs to it")
    }

    func testMissingOrBrokenPartsAreNamed() throws {
        XCTAssertThrowsError(try DocxReader.read(bytes: Support.zip([("content.xml", Array("<x/>".utf8))]))) { e in
            XCTAssertEqual(e as? DocxError, .missingPart("word/document.xml"))
        }
        XCTAssertThrowsError(try Support.text(body: "<w:p><w:r><w:t>未闭合</w:r></w:p>")) { e in
            XCTAssertTrue("\(e)".contains("word/document.xml"), "\(e)")
        }
        // The main part is found through the package relationships, wherever it is.
        let rels = #"<Relationships xmlns="x"><Relationship Id="r" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/main/doc.xml"/></Relationships>"#
        let doc = #"<w:document xmlns:w="\#(Support.wNS)"><w:body><w:p><w:r><w:t>别处</w:t></w:r></w:p></w:body></w:document>"#
        XCTAssertEqual(try DocxReader.read(bytes: Support.zip([("_rels/.rels", Array(rels.utf8)), ("main/doc.xml", Array(doc.utf8))])).text, "别处\n")
    }

    func testMutatedDocumentsNeverCrash() throws {
        let body = p(r("审查"), "<w:del w:id=\"1\"><w:r><w:delText>21</w:delText></w:r></w:del>", #"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
                     #"<w:r><w:instrText>REF</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#, r("结果"),
                     #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#) + "<w:tbl><w:tr><w:tc>" + p(r("格")) + "</w:tc></w:tr></w:tbl>"
            + #"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="2"/></w:rPr></w:pPr>"# + r("合并") + "</w:p>"
        let numbering = #"<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#
        let package = Support.docx(body: body, numbering: numbering)
        let zip = try ZipArchive(bytes: package)
        let doc = try zip.data(for: zip.entry(named: "word/document.xml")!, limit: 1 << 20)
        let num = try zip.data(for: zip.entry(named: "word/numbering.xml")!, limit: 1 << 20)
        var ok = 0
        for seed in 1...600 {
            let rnd = Support.random(4, seed: UInt64(seed) &* 2654435761)
            var d = doc, n = num
            if seed % 2 == 0 { d[Int(rnd[0]) * d.count / 256] = rnd[1] } else { n[Int(rnd[0]) * n.count / 256] = rnd[1] }
            d.removeLast(Int(rnd[2]) % 3)
            let mutated = Support.zip([("word/document.xml", d), ("word/numbering.xml", n)])
            if (try? DocxReader.read(bytes: mutated)) != nil { ok += 1 }
        }
        XCTAssertGreaterThan(ok, 0)
    }
}
