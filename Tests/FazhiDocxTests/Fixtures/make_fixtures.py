#!/usr/bin/env python3
"""Makes the .docx fixtures of FazhiDocxTests with python-docx (Debian: python3-docx), and their .txt twins.

Usage: make_fixtures.py [OUTPUT_DIR]   (default: the folder of this script)

Each fixture is described once, below, as paragraphs made of segments; the script writes the .docx with
python-docx (numbering, tracked changes, fields and comments through its low-level OxmlElement/part API,
since python-docx has no API for them) and, from the same description, the .txt twin: the text as Word shows
it, with the automatic numbers written out literally here (never computed by Fazhi). The test suite checks
that Fazhi extracts exactly the twin from the .docx and that both give the same outline and findings.
All report text is invented for these fixtures (青禾县柳塘镇 does not exist).
"""
import os
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = "2025-02-18T09:00:00Z"
_ids = iter(range(100, 100000))


# ---------------------------------------------------------------- segments: (docx runs, twin text)

def text(s):
    return ("text", s)


def ins(s):
    return ("ins", s)


def dele(s):
    return ("del", s)


def br():
    return ("br", None)


def field(instr, result):
    return ("field", (instr, result))


def comment(s, note):
    return ("comment", (s, note))


def _run(s, tag="w:t"):
    r = OxmlElement("w:r")
    t = OxmlElement(tag)
    t.set(qn("xml:space"), "preserve")
    t.text = s
    r.append(t)
    return r


def _tracked(tag, child):
    el = OxmlElement(tag)
    el.set(qn("w:id"), str(next(_ids)))
    el.set(qn("w:author"), "起草人")
    el.set(qn("w:date"), DATE)
    el.append(child)
    return el


def _fld(kind):
    r = OxmlElement("w:r")
    f = OxmlElement("w:fldChar")
    f.set(qn("w:fldCharType"), kind)
    r.append(f)
    return r


class Writer:
    def __init__(self):
        self.doc = Document()
        self.twin = []
        self.comments = []
        self.in_table = False

    # numbering.xml: python-docx's template already has a numbering part; definitions are appended to it.
    def add_abstract(self, xml_levels, abstract_id):
        numbering = self.doc.part.numbering_part.element
        el = parse_xml('<w:abstractNum %s w:abstractNumId="%d"><w:multiLevelType w:val="multilevel"/>%s</w:abstractNum>'
                       % (nsdecls("w"), abstract_id, xml_levels))
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)

    def add_num(self, num_id, abstract_id, start_overrides=None):
        overrides = "".join('<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>' % (k, v)
                            for k, v in (start_overrides or {}).items())
        self.doc.part.numbering_part.element.append(parse_xml(
            '<w:num %s w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>' % (nsdecls("w"), num_id, abstract_id, overrides)))

    def numbered_style(self, name, num_id, ilvl, based_on=None):
        st = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if based_on is not None:
            st.base_style = based_on
        if num_id is not None:
            ppr = st.element.get_or_add_pPr()
            ppr.append(parse_xml('<w:numPr %s><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (nsdecls("w"), ilvl, num_id)))
        return st

    def para(self, segments, number="", style=None, num=None, deleted_mark=False, container=None):
        """A paragraph; `number` is what Word shows before it (written out by hand), `num` = (numId, ilvl)."""
        p = (container or self.doc).add_paragraph(style=style)
        el = p._p
        ppr = el.get_or_add_pPr()
        if num is not None:
            ppr.append(parse_xml('<w:numPr %s><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (nsdecls("w"), num[1], num[0])))
        if deleted_mark:
            # The paragraph mark itself is a tracked deletion (pPr/rPr/del): Word joins it to the next paragraph.
            rpr = OxmlElement("w:rPr")
            mark = OxmlElement("w:del")
            mark.set(qn("w:id"), str(next(_ids)))
            mark.set(qn("w:author"), "起草人")
            mark.set(qn("w:date"), DATE)
            rpr.append(mark)
            ppr.append(rpr)
        shown = ""
        for kind, value in segments:
            if kind == "text":
                el.append(_run(value))
                shown += value
            elif kind == "ins":
                el.append(_tracked("w:ins", _run(value)))
                shown += value
            elif kind == "del":
                el.append(_tracked("w:del", _run(value, "w:delText")))
            elif kind == "br":
                r = OxmlElement("w:r")
                r.append(OxmlElement("w:br"))
                el.append(r)
                shown += "\n"
            elif kind == "field":
                instr, result = value
                el.append(_fld("begin"))
                el.append(_run(instr, "w:instrText"))
                el.append(_fld("separate"))
                el.append(_run(result))
                el.append(_fld("end"))
                shown += result
            elif kind == "comment":
                s, note = value
                cid = str(len(self.comments))
                start = OxmlElement("w:commentRangeStart")
                start.set(qn("w:id"), cid)
                el.append(start)
                el.append(_run(s))
                end = OxmlElement("w:commentRangeEnd")
                end.set(qn("w:id"), cid)
                el.append(end)
                ref = OxmlElement("w:r")
                cr = OxmlElement("w:commentReference")
                cr.set(qn("w:id"), cid)
                ref.append(cr)
                el.append(ref)
                self.comments.append(note)
                shown += s
        if deleted_mark:
            return p, None
        return p, number + shown

    def body(self, segments, **kw):
        _, shown = self.para(segments, **kw)
        if shown is None:
            return  # a deleted paragraph mark: this paragraph's (deleted) text runs into the next
        if self.in_table is False and getattr(self, "after_table", False):
            if shown != "" and self.twin and self.twin[-1] != "":
                self.twin.append("")
            self.after_table = False
        self.twin.append(shown)

    def table(self, rows):
        """Twin rendering: blank line, then each non-empty cell on its own line with blank lines between."""
        t = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        for i, row in enumerate(rows):
            for j, cell_text in enumerate(row):
                cell = t.cell(i, j)
                cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
                for k, line in enumerate(cell_text.split("\n")):
                    self.para([text(line)] if line else [], container=cell)
                for line in cell_text.split("\n"):
                    if line:
                        if self.twin and self.twin[-1] != "":
                            self.twin.append("")
                        self.twin.append(line)
        self.after_table = True

    def header_footer(self, header, footer):
        sec = self.doc.sections[0]
        sec.header.paragraphs[0].text = header
        fp = sec.footer.paragraphs[0]
        fp.text = footer
        fp._p.append(_fld("begin"))
        fp._p.append(_run(" PAGE ", "w:instrText"))
        fp._p.append(_fld("separate"))
        fp._p.append(_run("1"))
        fp._p.append(_fld("end"))

    def save(self, folder, name):
        if self.comments:
            body = "".join('<w:comment w:id="%d" w:author="审核人" w:date="%s" w:initials="SH"><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:comment>'
                           % (i, DATE, note) for i, note in enumerate(self.comments))
            xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="%s">%s</w:comments>' % (W_NS, body))
            part = Part(PackURI("/word/comments.xml"),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
                        xml.encode("utf-8"), self.doc.part.package)
            self.doc.part.relate_to(part, RT.COMMENTS)
        self.doc.save(os.path.join(folder, name + ".docx"))
        with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(self.twin) + "\n")


def level(ilvl, fmt, text_, start=1, suff=None, restart=None, legal=False):
    extra = ""
    if restart is not None:
        extra += '<w:lvlRestart w:val="%d"/>' % restart
    if legal:
        extra += "<w:isLgl/>"
    if suff is not None:
        extra += '<w:suff w:val="%s"/>' % suff
    return ('<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>%s<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/></w:lvl>'
            % (ilvl, start, fmt, extra, text_))


# ---------------------------------------------------------------- fixture 1: a report

def report(folder):
    w = Writer()
    # The GB/T 9704 outline as automatic numbering: 一、 （一） 1. with no gap after the number.
    w.add_abstract(level(0, "chineseCounting", "%1、", suff="nothing")
                   + level(1, "chineseCounting", "（%2）", suff="nothing")
                   + level(2, "decimal", "%3.", suff="nothing"), 90)
    w.add_num(90, 90)
    h1 = w.numbered_style("报告一级标题", 90, 0)
    h1b = w.numbered_style("报告一级标题（加粗）", None, 0, based_on=h1)  # numbering inherited through basedOn
    w.header_footer("柳塘镇人民政府（页眉不属于正文）", "第 ")

    w.body([text("青禾县柳塘镇人民政府")])
    w.body([text("关于2024年度法治政府建设情况的报告")])
    w.body([])
    w.body([text("青禾县人民政府：")])
    w.body([text("2024年，柳塘镇以习近平法治思想为指引，围绕全镇中心工作，扎实推进法治政府建设。现将有关情况报告如下。")])
    w.body([text("2024年推进法治政府建设的主要举措和成效")], number="一、", style=h1)
    w.body([text("完善依法决策机制。镇党委会、镇长办公会审议重大事项前均由法律顾问审查，全年审查"),
            dele("21"), ins("23"), text("件，按照"), field(' REF 决策规定 \\h ', "《柳塘镇重大行政决策程序规定》"),
            text("要求履行公众参与、专家论证程序。")], number="（一）", num=(90, 1))
    w.body([text("落实"), comment("“三重一大”", "请核实会议次数。"), text("制度，全年召开党政联席会议16次。")],
           number="1.", num=(90, 2))
    w.body([text("建立合法性审查台账，逐件登记审查意见。")], number="2.", num=(90, 2))
    w.body([text("规范行政执法行为。全镇持证执法人员15名，开展执法检查"), br(),
            text("26余次，截止目前未发生行政复议纠错案件。")], number="（二）", num=(90, 1))
    w.body([dele("本段在修订中整段删除。")], deleted_mark=True)
    w.body([text("执法数据如下：")])
    w.table([["项目", "2023年", "2024年"], ["行政复议案件（件）", "3", "5"], ["行政诉讼案件（件）", "2", "1\n其中败诉0件"]])
    w.body([text("党政主要负责人履行推进法治建设第一责任人职责情况")], number="二、", style=h1b)
    w.body([text("镇党委书记、镇长带头学法述法，年内主持召开专题会议研究法治建设4次，听取执法工作汇报2次。")])
    w.body([text("存在的不足和原因")], number="三、", style=h1)
    w.body([text("一是执法人员专业能力不足，原因是培训次数偏少；二是普法形式单一,原因是新媒体运用不够。")])
    w.body([text("2025年推进法治政府建设的主要安排")], number="四、", style=h1)
    w.body([text("加强执法队伍建设，每季度开展一次业务培训。")], number="（一）", num=(90, 1))
    w.body([text("创新普法方式，"), ins("利用镇公众号"), text("推出以案释法栏目。")], number="（二）", num=(90, 1))
    w.body([text("其他需要报告的情况")], number="五、", style=h1)
    w.body([text("无。")])
    w.body([])
    w.body([text("青禾县柳塘镇人民政府")])
    w.body([text("2025年2月18日")])
    w.save(folder, "柳塘镇2024年度法治政府建设情况报告")


# ---------------------------------------------------------------- fixture 2: number formats and counters

def formats(folder):
    w = Writer()
    aid = 200
    cases = [
        ("decimalEnclosedCircle", "%1", {}, ["①", "②", "③"]),
        ("upperLetter", "%1.", {}, ["A.", "B.", "C."]),
        ("lowerRoman", "%1)", {}, ["i)", "ii)", "iii)"]),
        ("ideographTraditional", "%1、", {}, ["甲、", "乙、", "丙、"]),
        ("decimalFullWidth", "%1．", {}, ["１．", "２．", "３．"]),
        ("japaneseCounting", "第%1条", {"suff": "space"}, ["第一条 ", "第二条 ", "第三条 "]),
        ("chineseCountingThousand", "%1、", {"start": 9}, ["九、", "十、", "十一、"]),
        ("bullet", "\uf0b7", {}, ["•", "•", "•"]),
    ]
    for fmt, lvl_text, kw, shown in cases:
        w.add_abstract(level(0, fmt, lvl_text, start=kw.get("start", 1), suff=kw.get("suff", "nothing")), aid)
        w.add_num(aid, aid)
        w.body([text("格式 %s：" % fmt)])
        for k, number in enumerate(shown):
            w.body([text("第%d项内容。" % (k + 1))], number=number, num=(aid, 0))
        aid += 1

    # Legal numbering: level 1 shows level 0 in decimal; level 2 never restarts.
    w.add_abstract(level(0, "chineseCounting", "%1、", suff="nothing") + level(1, "decimal", "%1.%2", suff="nothing", legal=True)
                   + level(2, "decimal", "（%3）", suff="nothing", restart=0), 300)
    w.add_num(300, 300)
    w.body([text("章")], number="一、", num=(300, 0))
    w.body([text("节")], number="1.1", num=(300, 1))
    w.body([text("款")], number="（1）", num=(300, 2))
    w.body([text("节")], number="1.2", num=(300, 1))
    w.body([text("款")], number="（2）", num=(300, 2))
    w.body([text("章")], number="二、", num=(300, 0))
    w.body([text("节")], number="2.1", num=(300, 1))
    w.body([text("款（不重新编号）")], number="（3）", num=(300, 2))

    # Two nums on one abstract continue one list; a startOverride starts a new one; numId 0 removes it.
    w.add_abstract(level(0, "decimal", "%1.", suff="nothing"), 310)
    w.add_num(310, 310)
    w.add_num(311, 310)
    w.add_num(312, 310, {0: 1})
    w.body([text("甲清单第一项")], number="1.", num=(310, 0))
    w.body([text("其间的说明文字。")])
    w.body([text("乙清单接续编号")], number="2.", num=(311, 0))
    w.body([text("丙清单重新编号")], number="1.", num=(312, 0))
    w.body([text("丁清单再接甲清单")], number="3.", num=(310, 0))
    w.body([text("取消编号的段落")], num=(0, 0))
    w.save(folder, "numbering-formats")


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    report(out)
    formats(out)
