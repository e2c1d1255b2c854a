import FazhiParser
import FazhiText

/// `date-format`: the 成文日期 in the closing is written 2025年3月6日 and falls after the reported year.
struct DateFormatRule: Rule {
    let metadata = RuleMetadata(
        id: "date-format",
        category: .time,
        defaultSeverity: .warning,
        title: "成文日期格式不规范或年份不符",
        rationale: "成文日期用阿拉伯数字将年、月、日标全，年份不简写，月、日不编虚位（写“2025年3月6日”，不写“2025年03月06日”），也不写成“2025.3.6”“2025-03-06”。用汉字小写数字书写（“二〇二五年三月六日”）是2012年以前的旧式写法；汉字与阿拉伯数字“0”或字母“O”混写（“二0二五年”）是错误写法。年度报告在报告年度结束后形成，成文日期应晚于报告年度。",
        source: "GB/T 9704-2012《党政机关公文格式》7.3.5.4",
        examples: [
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n特此报告。\n××镇人民政府\n2025年03月06日\n", triggers: true, note: "月、日编虚位"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n特此报告。\n××镇人民政府\n2025.3.6\n", triggers: true),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n特此报告。\n××镇人民政府\n二0二五年三月六日\n", triggers: true, note: "汉字与数字0混写"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n特此报告。\n××镇人民政府\n2024年12月20日\n", triggers: true, note: "成文日期不晚于报告年度"),
            RuleExample("××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开专题会议4次。\n特此报告。\n××镇人民政府\n2025年3月6日\n", triggers: false),
        ],
        fixable: true)

    static let monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    func check(_ ctx: LintContext, into sink: inout DiagnosticSink) {
        let r = ctx.report
        guard let d = r.closing.date else { return }
        let text = ctx.text(d.range)
        var valid = false
        if let y = d.year, let m = d.month, let day = d.day {
            valid = m >= 1 && m <= 12 && day >= 1 && day <= Self.monthDays[m - 1] && y >= 1990 && y <= 2100
                && !(m == 2 && day == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        }
        if d.year != nil && d.month != nil && d.day != nil && !valid {
            sink.report(d.range, "成文日期“\(text)”不是有效日期", severity: .error)
            return
        }
        let standard = valid ? "\(d.year!)年\(d.month!)月\(d.day!)日" : nil
        func fixes() -> [Fix] {
            guard let s = standard, s != text else { return [] }
            return [Fix(title: "改为“\(s)”", edits: [TextEdit(range: d.range, newText: s)])]
        }
        if d.chineseNumerals {
            let mixed = text.unicodeScalars.contains { Scalars.isASCIIDigit($0.value) || $0 == "O" || $0 == "o" || $0 == "Ｏ" || $0 == "０" }
            if mixed {
                sink.report(d.range, "成文日期“\(text)”中汉字数字与阿拉伯数字“0”或字母“O”混写；应使用阿拉伯数字，如“\(standard ?? "2025年3月6日")”",
                            fixes: fixes(), severity: .error)
            } else {
                sink.report(d.range, "成文日期用汉字数字书写是旧式写法；现行标准要求使用阿拉伯数字，如“\(standard ?? "2025年3月6日")”",
                            fixes: fixes(), severity: .info)
            }
        } else if d.numericForm {
            sink.report(d.range, "成文日期应写成“××××年×月×日”，不用“\(text)”这样的数字简写形式", fixes: fixes())
        } else if d.zeroPadded {
            sink.report(d.range, "成文日期的月、日不编虚位（不加前导0），应写成“\(standard ?? text)”", fixes: fixes())
        }
        // The year: the report is written after the reported year ends.
        if let reported = r.year, let y = d.year, let yr = r.yearRange {
            let related = [RelatedLocation(range: yr, message: "报告年度为\(reported)年")]
            if y <= reported {
                sink.report(d.range, "成文日期（\(y)年）不晚于报告年度（\(reported)年）；年度报告应在报告年度结束后成文，请核对日期或报告年度",
                            related: related)
            } else if y > reported + 1 {
                sink.report(d.range, "成文日期（\(y)年）比报告年度（\(reported)年）晚了\(y - reported)年；请核对日期或报告年度",
                            related: related)
            }
        }
    }
}
