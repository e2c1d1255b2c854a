import FazhiLinter
import FazhiParser

/// Renders the sheet as one self-contained HTML file: inline CSS and SVG, no script, no font or image
/// files, no network. Works opened from disk and prints on A4 landscape.
public enum ReviewHTML {
    /// Findings listed per rule per report; the rest are counted (all are in the JSON output).
    public static let findingsPerRule = 30

    /// `generator` names the tool in the footer (fazhi and its version).
    public static func render(_ sheet: ReviewSheet, generator: String = "fazhi") -> String {
        var h = HTMLWriter(capacity: 64_000 + sheet.entries.count * 8_000)
        h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        h.raw("<meta name=\"generator\" content=\"")
        h.text(generator)
        h.raw("\">\n<title>法治政府建设年度报告审核表</title>\n<style>\n")
        h.raw(HTMLStyle.css)
        h.raw("\n</style>\n</head>\n<body>\n")
        header(&h, sheet)
        overview(&h, sheet)
        matrix(&h, sheet)
        pairs(&h, sheet)
        reports(&h, sheet)
        files(&h, sheet)
        footer(&h, sheet, generator: generator)
        h.raw("</body>\n</html>\n")
        return h.out
    }

    static func header(_ h: inout HTMLWriter, _ sheet: ReviewSheet) {
        let years = Set(sheet.entries.compactMap(\.year)).sorted()
        h.raw("<header>\n<h1>法治政府建设年度报告审核表</h1>\n<p class=\"meta\">")
        h.text("共 \(sheet.entries.count) 份报告")
        if !years.isEmpty { h.text("，报告年度 " + years.map { "\($0)" }.joined(separator: "、")) }
        h.text("；公开期限：报告年度次年\(sheet.deadline.month)月\(sheet.deadline.day)日前")
        if !sheet.previous.isEmpty { h.text("；对照往年报告 \(sheet.previous.count) 份") }
        h.raw("</p>\n<nav><a href=\"#overview\">总体情况</a><a href=\"#matrix\">各单位一览</a>")
        if !sheet.pairs.isEmpty { h.raw("<a href=\"#pairs\">雷同段落</a>") }
        h.raw("<a href=\"#reports\">逐份问题</a>")
        if !sheet.skipped.isEmpty || !sheet.unreadable.isEmpty { h.raw("<a href=\"#files\">未检查的文件</a>") }
        h.raw("</nav>\n</header>\n")
    }

    static func overview(_ h: inout HTMLWriter, _ sheet: ReviewSheet) {
        let s = sheet.summary
        h.raw("<section id=\"overview\">\n<h2>总体情况</h2>\n<div class=\"cards\">\n")
        func card(_ n: String, _ label: String) {
            h.raw("<div class=\"card\"><b>")
            h.text(n)
            h.raw("</b><span>")
            h.text(label)
            h.raw("</span></div>\n")
        }
        card("\(s.reports)", "份报告")
        card("\(s.partsComplete)", "份必备部分齐全")
        card("\(s.reports - s.partsComplete)", "份缺少必备部分")
        card("\(s.late)", "份成文日期逾期")
        card("\(s.undetermined)", "份无法判断是否逾期")
        card("\(s.withCopies)", "份与其他报告有雷同段落")
        if !sheet.previous.isEmpty { card("\(s.planRepeats)", "份下一年度安排照搬上年") }
        card("\(s.counts.error) / \(s.counts.warning) / \(s.counts.notes)", "错误 / 警告 / 提示")
        h.raw("</div>\n<div class=\"charts\">\n<div class=\"chart\"><h3>最常见的问题（涉及报告份数）</h3>\n")
        h.raw(Charts.defects(s.defects, reports: s.reports))
        h.raw("\n</div>\n<div class=\"chart\"><h3>五个必备部分的情况（报告份数）</h3>\n")
        legend(&h)
        h.raw(Charts.parts(s.parts, reports: s.reports))
        h.raw("\n</div>\n</div>\n</section>\n")
    }

    static func legend(_ h: inout HTMLWriter) {
        h.raw("<p class=\"legend\"><span class=\"p-separate\"><span class=\"sym\">✓</span>单列：有自己的标题</span>")
        h.raw("<span class=\"p-merged\"><span class=\"sym\">◐</span>合并：写在其他部分之中</span>")
        h.raw("<span class=\"p-mentioned\"><span class=\"sym\">△</span>仅提及：只有零星语句</span>")
        h.raw("<span class=\"p-missing\"><span class=\"sym\">✗</span>缺少</span>")
        h.raw("<span class=\"p-optional\"><span class=\"sym\">○</span>未写（非必备）</span></p>\n")
    }

    static func matrix(_ h: inout HTMLWriter, _ sheet: ReviewSheet) {
        h.raw("<section id=\"matrix\">\n<h2>各单位报告一览（问题多的在前）</h2>\n")
        legend(&h)
        h.raw("<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th>序号</th><th>单位</th><th>年度</th>")
        for (i, c) in sheet.columns.enumerated() {
            h.raw("<th title=\"")
            h.text(c.short)
            h.raw("\">")
            h.text(i < 10 ? "\(ChineseOrdinal.of(i + 1))、\(c.short)" : c.short)
            h.raw("</th>")
        }
        h.raw("<th>成文日期</th><th>公开期限</th><th>错误</th><th>警告</th><th>提示</th><th>雷同</th></tr></thead>\n<tbody>\n")
        for (n, e) in sheet.entries.enumerated() {
            h.raw("<tr id=\"m-\(n + 1)\"><td class=\"num\">\(n + 1)</td><td class=\"unit\"><a href=\"#r-\(n + 1)\">")
            h.text(e.displayName)
            h.raw("</a><small title=\"")
            h.text(e.path)
            h.raw("\">")
            h.text(e.fileName)
            h.raw("</small></td><td class=\"num\">")
            h.text(e.year.map(String.init) ?? "—")
            h.raw("</td>")
            for c in sheet.columns {
                guard let p = e.parts.first(where: { $0.id == c.id }) else {
                    h.raw("<td class=\"part\">—</td>")
                    continue
                }
                partCell(&h, p, tag: "td")
            }
            h.raw("<td class=\"date\">")
            h.text(e.date?.text ?? "—")
            h.raw("</td><td class=\"date d-\(e.deadline.key)\"")
            if let d = e.deadline.deadline {
                h.raw(" title=\"")
                h.text("期限：\(d.chinese)前")
                h.raw("\"")
            }
            h.raw(">")
            h.text(e.deadline.label)
            h.raw("</td>")
            h.raw("<td class=\"num\(e.counts.error > 0 ? " bad" : "")\">\(e.counts.error)</td>")
            h.raw("<td class=\"num\">\(e.counts.warning)</td><td class=\"num\">\(e.counts.notes)</td>")
            h.raw("<td class=\"num \(copyClass(e.copy.share))\">")
            h.text(HTMLText.percent(e.copy.share))
            if e.copy.planRepeat != nil { h.raw("<br><small>安排照搬上年</small>") }
            h.raw("</td></tr>\n")
        }
        h.raw("</tbody>\n</table></div>\n</section>\n")
    }

    static func copyClass(_ share: Double) -> String { share >= 0.2 ? "c-high" : share > 0 ? "c-some" : "" }

    static func partCell(_ h: inout HTMLWriter, _ p: PartCell, tag: String) {
        let cls = p.presence == .missing && !p.required ? "p-optional" : "p-\(p.presence.rawValue)"
        h.raw("<\(tag) class=\"part \(cls)\" title=\"")
        h.text(partDetail(p))
        h.raw("\"><span class=\"sym\">\(p.symbol)</span>")
        h.text(tag == "td" ? p.label : "\(p.short)：\(p.label)")
        h.raw("</\(tag)>")
    }

    /// What the tooltip and the report section say about a part.
    static func partDetail(_ p: PartCell) -> String {
        var s = "\(p.short)：\(p.label)"
        if let c = p.container { s += "（在“\(c)”中）" }
        if let first = p.headings.first, p.presence != .merged || p.container == nil { s += "，标题“\(first)”" }
        if let e = p.evidence, p.presence == .mentioned || p.presence == .merged { s += "，见“\(e)”" }
        if let l = p.line { s += "（第\(l)行）" }
        return s
    }

    static func pairs(_ h: inout HTMLWriter, _ sheet: ReviewSheet) {
        guard !sheet.pairs.isEmpty else { return }
        h.raw("<section id=\"pairs\">\n<h2>雷同段落最多的报告</h2>\n<p class=\"note\">")
        h.text("两份报告中相同的段落（标准表述、固定提法和本批报告普遍使用的语句已排除），按相同字数排列。")
        h.raw("</p>\n<table class=\"pairs\"><thead><tr><th>报告</th><th>另一份报告</th><th>段落数</th><th>相同字数</th></tr></thead><tbody>\n")
        for p in sheet.pairs {
            h.raw("<tr><td>")
            other(&h, p.first)
            h.raw("</td><td>")
            other(&h, p.second)
            h.raw("</td><td class=\"num\">\(p.passages)</td><td class=\"num\">\(p.chars)</td></tr>\n")
        }
        h.raw("</tbody></table>\n</section>\n")
    }

    static func other(_ h: inout HTMLWriter, _ o: OtherReport) {
        h.text(o.displayName)
        var tail: [String] = []
        if let y = o.year { tail.append("\(y)年") }
        if o.isPrevious { tail.append("往年") }
        tail.append(o.path)
        h.raw(" <small>")
        h.text("（" + tail.joined(separator: "，") + "）")
        h.raw("</small>")
    }

    static func reports(_ h: inout HTMLWriter, _ sheet: ReviewSheet) {
        h.raw("<section id=\"reports\">\n<h2>逐份报告的问题</h2>\n")
        for (n, e) in sheet.entries.enumerated() { report(&h, e, number: n + 1) }
        h.raw("</section>\n")
    }

    static func report(_ h: inout HTMLWriter, _ e: ReviewEntry, number: Int) {
        h.raw("<article class=\"report\" id=\"r-\(number)\">\n<h3>\(number). ")
        h.text(e.displayName)
        h.raw(" <small>")
        h.text(e.path)
        h.raw("</small></h3>\n<p class=\"facts\">")
        h.raw("<span>")
        h.text("年度：" + (e.year.map { "\($0)年" } ?? "未找到") + (e.yearSource.map { "（读自\($0)）" } ?? ""))
        h.raw("</span><span>")
        h.text("成文日期：" + (e.date?.text ?? "未找到"))
        h.raw("</span><span class=\"d-\(e.deadline.key)\">")
        h.text(e.deadline.label + (e.deadline.deadline.map { "（期限 \($0.chinese)前）" } ?? ""))
        h.raw("</span><span>")
        h.text("错误 \(e.counts.error)，警告 \(e.counts.warning)，提示 \(e.counts.notes)")
        h.raw("</span><span>")
        h.text("雷同 " + HTMLText.percent(e.copy.share))
        h.raw("</span>")
        if !e.hasClosing {
            h.raw("<span class=\"d-noDate\">")
            h.text("没有结尾（特此报告、署名或日期），可能是未完稿")
            h.raw("</span>")
        }
        h.raw("</p>\n<ul class=\"parts\">")
        for p in e.parts {
            let cls = p.presence == .missing && !p.required ? "p-optional" : "p-\(p.presence.rawValue)"
            h.raw("<li class=\"\(cls)\"><span class=\"sym\">\(p.symbol)</span>")
            h.text(partDetail(p))
            h.raw("</li>")
        }
        h.raw("</ul>\n")
        findings(&h, e)
        copies(&h, e)
        h.raw("<p class=\"back\"><a href=\"#m-\(number)\">返回一览表</a></p>\n</article>\n")
    }

    static func findings(_ h: inout HTMLWriter, _ e: ReviewEntry) {
        guard !e.findings.isEmpty else {
            h.raw("<p class=\"note\">未发现问题。</p>\n")
            return
        }
        // Rules in order of their worst finding, then how many they have.
        var groups: [String: [Finding]] = [:]
        var order: [String] = []
        for f in e.findings {
            if groups[f.rule] == nil { order.append(f.rule) }
            groups[f.rule, default: []].append(f)
        }
        order.sort { a, b in
            let sa = groups[a]!.map(\.severity).max()!, sb = groups[b]!.map(\.severity).max()!
            if sa != sb { return sa > sb }
            if groups[a]!.count != groups[b]!.count { return groups[a]!.count > groups[b]!.count }
            return a < b
        }
        h.raw("<h4>问题（按规则归类）</h4>\n")
        for rule in order {
            let list = groups[rule]!
            let sev = list.map(\.severity).max()!
            let meta = RuleTitles.metadata(rule)
            h.raw("<section class=\"rule\"><h5><span class=\"sev sev-\(sev.rawValue)\">")
            h.text(sev.label)
            h.raw("</span>")
            h.text(meta?.title ?? rule)
            h.raw(" <code>")
            h.text(rule)
            h.raw("</code> <small>")
            h.text("\(list.count)处")
            h.raw("</small></h5>\n")
            if let m = meta {
                h.raw("<p class=\"why\">")
                h.text(m.rationale + (m.source.isEmpty ? "" : "（依据：\(m.source)）"))
                h.raw("</p>\n")
            }
            h.raw("<ol class=\"findings\">\n")
            for f in list.prefix(findingsPerRule) { finding(&h, f, showSeverity: f.severity != sev) }
            h.raw("</ol>\n")
            if list.count > findingsPerRule {
                h.raw("<p class=\"note\">")
                h.text("另有 \(list.count - findingsPerRule) 处未列出（JSON 输出中有全部问题）。")
                h.raw("</p>\n")
            }
            h.raw("</section>\n")
        }
    }

    static func finding(_ h: inout HTMLWriter, _ f: Finding, showSeverity: Bool) {
        h.raw("<li><span class=\"place\">")
        h.text(f.place)
        h.raw("</span>")
        if showSeverity {
            h.raw("<span class=\"sev sev-\(f.severity.rawValue)\">")
            h.text(f.severity.label)
            h.raw("</span>")
        }
        h.text(f.message)
        h.raw("\n<blockquote>")
        h.text(f.context.before)
        h.raw("<mark>")
        h.text(f.context.flagged.isEmpty ? "‸" : f.context.flagged)
        h.raw("</mark>")
        h.text(f.context.after)
        h.raw("</blockquote>")
        if let t = f.fixTitle {
            h.raw("<p class=\"fix\">")
            h.text("建议：\(t)")
            if let fixed = f.fixed {
                h.text("。修改后：")
                h.pieces(fixed, tag: "ins")
            }
            h.raw("</p>")
        }
        h.raw("</li>\n")
    }

    /// Longest passages shown side by side; longer texts are shortened in the middle.
    static let passagesShown = 12
    static let passageLimit = 400

    static func copies(_ h: inout HTMLWriter, _ e: ReviewEntry) {
        if let r = e.copy.planRepeat {
            h.raw("<p class=\"plan-repeat\">")
            h.text("下一年度主要安排与本单位\(r.previous.year.map { "\($0)年度" } ?? "往年")报告（\(r.previous.path)）的安排有 \(HTMLText.percent(r.share)) 相同，可能照搬了上年安排。")
            h.raw("</p>\n")
        }
        guard !e.copy.matches.isEmpty else { return }
        h.raw("<h4>")
        h.text("与其他报告雷同的段落（雷同 \(HTMLText.percent(e.copy.share))，共 \(e.copy.matches.count)\(e.copy.matches.count >= ReviewSheet.matchesPerReport ? "+" : "") 段）")
        h.raw("</h4>\n<p class=\"note\">")
        h.text("左为本报告，右为另一份报告；标出的是两者不同的文字。")
        h.raw("</p>\n<table class=\"copy\">\n")
        for m in e.copy.matches.prefix(passagesShown) {
            h.raw("<tr><th>")
            h.text("本报告，第\(m.line)行（\(m.chars)字）")
            h.raw("</th><th>")
            other(&h, m.other)
            h.text("，第\(m.otherLine)行")
            h.raw("</th></tr>\n<tr><td>")
            h.pieces(clip(m.here), tag: "mark")
            h.raw("</td><td>")
            h.pieces(clip(m.there), tag: "mark")
            h.raw("</td></tr>\n")
        }
        h.raw("</table>\n")
        if e.copy.matches.count > passagesShown {
            h.raw("<p class=\"note\">")
            h.text("另有 \(e.copy.matches.count - passagesShown) 段较短的雷同段落未列出（见 JSON 输出）。")
            h.raw("</p>\n")
        }
    }

    /// Keeps the first `passageLimit` characters of a passage's pieces, then an ellipsis.
    static func clip(_ pieces: [Piece]) -> [Piece] {
        var left = passageLimit
        var out: [Piece] = []
        for p in pieces {
            let n = p.text.unicodeScalars.count
            if n <= left {
                out.append(p)
                left -= n
                continue
            }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: p.text.unicodeScalars.prefix(left))
            out.append(Piece(String(v), marked: p.marked))
            out.append(Piece("……", marked: false))
            break
        }
        return out
    }

    static func files(_ h: inout HTMLWriter, _ sheet: ReviewSheet) {
        guard !sheet.skipped.isEmpty || !sheet.unreadable.isEmpty else { return }
        h.raw("<section id=\"files\">\n<h2>未检查的文件</h2>\n<ul>\n")
        for s in sheet.unreadable {
            h.raw("<li>")
            h.text(s)
            h.raw("</li>\n")
        }
        for s in sheet.skipped {
            h.raw("<li>")
            h.text("\(s)：不是纯文本或 .docx 文件，请另存为 .docx 或 .txt 后再检查")
            h.raw("</li>\n")
        }
        h.raw("</ul>\n</section>\n")
    }

    static func footer(_ h: inout HTMLWriter, _ sheet: ReviewSheet, generator: String) {
        let p = sheet.parameters
        h.raw("<footer>\n<p>")
        h.text("由 \(generator) 生成。排序：缺少必备部分多的、错误多的、逾期的、警告多的、雷同比例高的在前。")
        h.text("公开期限依据《法治政府建设与责任落实督察工作规定》：年度报告应于每年4月1日前向社会公开；本表所用期限为报告年度次年\(sheet.deadline.month)月\(sheet.deadline.day)日前（成文日期在此之前为按期）。")
        h.raw("</p>\n<p>")
        h.text("雷同检测：比较各报告正文（不含标题、主送机关、署名和日期），忽略标点、空格和数字的差别；两份报告中连续相同（允许少量改动）且不少于\(p.minChars)字、其中至少\(p.minOwnChars)字不属于标准表述和固定提法的段落，才算雷同；在超过\(sheet.commonThreshold)份报告中都出现的语句视为通用表述，不算雷同。“雷同”一栏是本报告正文中这类段落所占的比例。")
        h.raw("</p>\n</footer>\n")
    }
}

/// 一 二 三 … for column headings.
enum ChineseOrdinal {
    static func of(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return n >= 1 && n <= 10 ? digits[n] : "\(n)"
    }
}
