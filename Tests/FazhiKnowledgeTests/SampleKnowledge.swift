import Foundation
import FazhiKnowledge

/// Small in-memory knowledge files in the real schemas.
enum Sample {
    static let laws = #"""
    {"version": 1,
     "laws": [
      {"id": "xingzheng-chufa-fa", "name": "中华人民共和国行政处罚法", "short": ["行政处罚法"], "kind": "法律",
       "issuer": "全国人民代表大会", "adopted": "1996-03-17", "amended": ["2009-08-27", "2017-09-01", "2021-01-22"],
       "effective": "2021-07-15", "status": "现行有效", "note": "规定行政处罚的设定和实施。", "sources": ["样例：行政处罚法题注"]},
      {"id": "minfadian", "name": "中华人民共和国民法典", "short": ["民法典"], "kind": "法律",
       "issuer": "全国人民代表大会", "adopted": "2020-05-28", "effective": "2021-01-01", "status": "现行有效", "sources": ["样例"]},
      {"id": "xingzheng-xuke-fa", "name": "中华人民共和国行政许可法", "short": ["行政许可法"], "kind": "法律",
       "issuer": "全国人民代表大会常务委员会", "adopted": "2003-08-27", "status": "现行有效", "sources": ["样例"]},
      {"id": "tudi-guanli-fa", "name": "中华人民共和国土地管理法", "short": ["土地管理法"], "kind": "法律",
       "issuer": "全国人民代表大会常务委员会", "adopted": "1986-06-25", "status": "现行有效", "sources": ["样例"]},
      {"id": "xinfang-tiaoli", "name": "信访工作条例", "short": [], "kind": "党内法规",
       "issuer": "中共中央、国务院", "adopted": "2022-01-24", "effective": "2022-05-01", "status": "现行有效", "sources": ["样例"]},
      {"id": "fazhi-zhengfu-gangyao-2021", "name": "法治政府建设实施纲要（2021—2025年）", "short": [], "kind": "规范性文件",
       "issuer": "中共中央、国务院", "adopted": "2021-08", "status": "现行有效", "docNumber": "中发〔2021〕33号", "sources": ["样例"]},
      {"id": "fazhi-zhengfu-gangyao-2015", "name": "法治政府建设实施纲要（2015—2020年）", "short": [], "kind": "规范性文件",
       "issuer": "中共中央、国务院", "adopted": "2015-12", "status": "已失效", "repealed": "2021-08",
       "replacedBy": "法治政府建设实施纲要（2021—2025年）", "sources": ["样例"]},
      {"id": "guizhang-guanli", "name": "关于〈中华人民共和国立法法〉的解释", "short": [], "kind": "司法解释",
       "issuer": "最高人民法院", "adopted": "2019", "status": "现行有效", "sources": ["样例"]}
     ],
     "misnomers": [
      {"name": "信访法", "suggest": ["信访工作条例"], "reason": "我国没有《信访法》，信访工作依据是《信访工作条例》。"}
     ]}
    """#

    static let terms = #"""
    {"version": 1, "terms": [
      {"term": "三重一大", "aliases": ["“三重一大”事项"], "explanation": "重大事项决策、重要干部任免、重大项目安排和大额度资金使用。",
       "source": "中共中央相关规定", "wrongForms": ["三大一重"], "area": "A2"},
      {"term": "枫桥经验", "explanation": "发动和依靠群众，坚持矛盾不上交，就地解决。", "source": "新时代“枫桥经验”",
       "wrongForms": ["枫桥工作经验"], "area": "A7"},
      {"term": "行政执法三项制度", "aliases": ["三项制度"], "explanation": "行政执法公示、执法全过程记录、重大执法决定法制审核。",
       "source": "国办发〔2018〕118号", "area": "A4"}
    ]}
    """#

    static let phrases = #"""
    {"version": 1, "phrases": [
      {"label": "报告标题", "text": "××镇2024年法治政府建设情况报告", "snippet": "${1:××镇}${2:2024}年法治政府建设情况报告", "contexts": ["title"]},
      {"label": "开头：总体情况", "text": "2024年，在区委、区政府的坚强领导下，我镇……", "contexts": ["opening"]},
      {"label": "存在问题：学法不够", "text": "学法用法的深度和广度还不够。", "contexts": ["shortcomings"]},
      {"label": "特此报告", "text": "特此报告。", "contexts": ["closing", "any"]}
    ]}
    """#

    static let confusables = #"""
    {"version": 1, "pairs": [
      {"wrong": "截止目前", "right": "截至目前", "reason": "“截至”后接时间点，表示到某时为止。", "severity": "error",
       "okExample": "截至目前，已办结案件12件。", "badExample": "截止目前，已办结案件12件。"},
      {"wrong": "做为", "right": "作为", "reason": "“作为”是规范写法。", "severity": "warning",
       "exceptions": ["大有可做为"], "okExample": "作为第一责任人，他带头学法。", "badExample": "做为第一责任人，他带头学法。"},
      {"wrong": "制订", "right": "制定", "reason": "制定法规、规章用“制定”。", "severity": "info",
       "exceptions": ["制订计划", "制订方案"], "okExample": "制订计划并制定办法。", "badExample": "依法制订规范性文件。"},
      {"wrong": "枫桥工作经验", "right": "枫桥经验", "reason": "规范提法为“枫桥经验”。", "severity": "warning", "rule": "term-form",
       "okExample": "坚持和发展新时代“枫桥经验”。", "badExample": "推广枫桥工作经验。"}
    ]}
    """#

    static let anchors = #"""
    {"version": 1, "anchors": [
      {"id": "20-3-plenum", "phrases": ["二十届三中全会", "党的二十届三中全会"], "kind": "plenum", "date": "2024-07",
       "note": "党的二十届三中全会于2024年7月召开。"},
      {"id": "bawu-pufa", "phrases": ["八五普法"], "kind": "pufa", "date": "2021-06", "until": "2025-12", "note": "“八五”普法规划（2021—2025年）。"}
    ]}
    """#

    static var files: [String: Data] {
        ["laws.json": Data(laws.utf8), "terms.json": Data(terms.utf8), "phrases.json": Data(phrases.utf8),
         "confusables.json": Data(confusables.utf8), "anchors.json": Data(anchors.utf8)]
    }

    static let knowledge = Knowledge(files: files)
}
