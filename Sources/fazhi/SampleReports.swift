import FazhiParser

/// Deterministic synthetic reports for benchmarks: realistic structure (header, five parts, four heading
/// levels, enumerations, numbers, law names, a few typical defects) in sentences written for this project.
enum SampleReports {
    static let openings = [
        "全年召开专题会议", "组织集中学法", "开展执法检查", "调处矛盾纠纷", "开展法治宣传活动",
        "审查行政规范性文件", "培训执法人员", "走访企业和群众", "完成合同合法性审查", "更新权责清单事项",
    ]
    static let clauses = [
        "严格落实“三重一大”集体决策制度，重大事项均经法律顾问合法性审查",
        "依照《中华人民共和国行政处罚法》规范执法程序，全面推行行政执法三项制度",
        "坚持和发展新时代“枫桥经验”，矛盾纠纷就地化解率持续提升",
        "深入学习宣传习近平法治思想，把法治教育纳入干部培训必修课",
        "推进政务公开，主动公开政府信息并接受群众监督",
        "落实“谁执法谁普法”普法责任制，组织法律明白人开展入户宣讲",
        "依照《信访工作条例》规范办理群众来信来访，做到件件有回音",
        "健全公共法律服务体系，村（社区）法律顾问实现全覆盖",
        "截止目前已形成会议纪要，执法纪录仪配备到位",
        "开展安全生产隐患排查，督促整改问题并建立工作台账",
    ]
    static let headings2 = ["加强组织领导", "规范行政决策", "严格规范执法", "化解矛盾纠纷", "推进政务公开", "深化法治宣传", "强化权力监督", "优化营商环境"]

    /// A report of at least `bytes` UTF-8 bytes.
    static func report(bytes target: Int, seed: UInt64 = 1) -> String {
        var rng = seed
        func next() -> Int {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: rng >> 33)
        }
        var out = "中共青禾县云溪镇委员会\n青禾县云溪镇人民政府\n关于2024年度法治政府建设情况的报告\n\n青禾县人民政府：\n"
        out += "2024年，云溪镇坚持以习近平法治思想为指导，认真落实法治政府建设各项任务。现将有关情况报告如下：\n"
        let parts = ["2024年推进法治政府建设的主要举措和成效", "党政主要负责人履行推进法治建设第一责任人职责情况",
                     "存在的不足和原因", "2025年推进法治政府建设的主要安排"]
        // Grow the measures part until the target size is reached.
        var body = ""
        var n2 = 0
        while out.utf8.count + body.utf8.count < target - 1200 {
            n2 += 1
            body += "（\(ChineseNumerals.string((n2 - 1) % 30 + 1))）\(headings2[n2 % headings2.count])。"
            body += "\(openings[next() % openings.count])\(next() % 40 + 2)次，\(clauses[next() % clauses.count])。\n"
            for k in 1...3 {
                body += "\(k).\(headings2[(n2 + k) % headings2.count])\n"
                let total = next() % 90 + 10, done = total - next() % 3
                body += "一是\(clauses[next() % clauses.count])；二是\(openings[next() % openings.count])\(next() % 20 + 1)次，受理\(total)件，办结\(done)件，办结率\(done * 100 / total)%；"
                body += "三是\(clauses[next() % clauses.count])。\n"
            }
        }
        out += "一、\(parts[0])\n" + body
        out += "二、\(parts[1])\n镇党委书记、镇长认真履行推进法治建设第一责任人职责，带头述法，对重要工作亲自部署、重大问题亲自过问。\n"
        out += "三、\(parts[2])\n一是部分干部运用法治思维的能力不强，主要原因是培训针对性不够；二是执法人员偏少，原因是基层岗位流动较快。\n"
        out += "四、\(parts[3])\n（一）深入学习宣传习近平法治思想。\n（二）推进综合行政执法规范化建设。\n五、其他需要报告的情况\n无。\n\n特此报告。\n\n青禾县云溪镇人民政府\n2025年2月20日\n"
        return out
    }
}

