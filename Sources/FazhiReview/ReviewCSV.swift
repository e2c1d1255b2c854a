/// The matrix as CSV for spreadsheets: UTF-8 with a byte order mark (without it, Excel on Chinese
/// Windows reads the file as GBK and garbles every character), CRLF line ends and RFC 4180 quoting.
/// A cell that would start with = + - @ (a formula to a spreadsheet) is prefixed with an apostrophe,
/// so a report cannot plant a formula in the reviewer's spreadsheet.
public enum ReviewCSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func render(_ sheet: ReviewSheet) -> String {
        var header = ["序号", "单位", "文件", "年度"]
        header += sheet.columns.map(\.short)
        header += ["必备部分齐全", "成文日期", "公开期限", "期限情况", "逾期天数", "错误", "警告", "提示", "雷同比例", "安排照搬上年"]
        var out = byteOrderMark + line(header)
        for (n, e) in sheet.entries.enumerated() {
            var row = ["\(n + 1)", e.unit?.name ?? "", e.path, e.year.map(String.init) ?? ""]
            for c in sheet.columns {
                guard let p = e.parts.first(where: { $0.id == c.id }) else { row.append(""); continue }
                row.append(p.presence == .merged && p.container != nil ? "\(p.label)（在“\(p.container!)”中）" : p.label)
            }
            row.append(e.partsComplete ? "是" : "否")
            row.append(e.date?.text ?? "")
            row.append(e.deadline.deadline?.description ?? "")
            row.append(statusLabel(e.deadline))
            if case .late(_, let days) = e.deadline { row.append("\(days)") } else { row.append("") }
            row += ["\(e.counts.error)", "\(e.counts.warning)", "\(e.counts.notes)", HTMLText.percent(e.copy.share)]
            row.append(e.copy.planRepeat.map { "\(HTMLText.percent($0.share))（\($0.previous.path)）" } ?? "")
            out += line(row)
        }
        return out
    }

    static func statusLabel(_ d: DeadlineStatus) -> String {
        switch d {
        case .onTime: return "按期"
        case .late: return "逾期"
        case .noDate: return "无成文日期"
        case .noYear: return "年度不明"
        case .implausible: return "日期早于报告年度"
        }
    }

    static func line(_ cells: [String]) -> String { cells.map(field).joined(separator: ",") + "\r\n" }

    /// One field: formula-looking starts defused, quoted when it holds a comma, quote or line break.
    public static func field(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        let needsQuotes = s.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return s }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for c in s.unicodeScalars {
            quoted.append(c)
            if c == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }
}

/// Recognises a file Fazhi wrote as a sheet, so `fazhi review -o` replaces an earlier sheet but never a
/// report or anything else that happens to have the name.
public enum ReviewOutput {
    public static func isGeneratedSheet(_ text: String) -> Bool {
        let head = String(decoding: text.utf8.prefix(4096), as: UTF8.self)
        if head.hasPrefix("<!DOCTYPE html>") && head.contains("<meta name=\"generator\" content=\"fazhi") { return true }
        if head.hasPrefix("{") && head.contains("\"generator\"") && head.contains("\"copyDetection\"") && head.contains("\"fazhi") { return true }
        // The CSV's header row (the BOM is stripped when the file is read).
        let csv = head.hasPrefix(ReviewCSV.byteOrderMark) ? String(head.dropFirst()) : head
        return csv.hasPrefix("序号,单位,文件,年度,")
    }
}
