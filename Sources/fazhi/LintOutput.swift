import FazhiDocx
import FazhiJSON
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output with a buffer that is written out whenever it passes 256 KB: output that is
/// produced file by file never has to be held whole (a 64 MB report can have a million findings).
final class OutputStream: @unchecked Sendable {
    static let standard = OutputStream(fd: 1)
    private let fd: Int32
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 18

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(OutputStream.chunk + 4096)
    }

    func write(_ s: String) {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= OutputStream.chunk { flush() }
    }

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= OutputStream.chunk { flush() }
    }

    /// Appends in place (for writers that build JSON straight into the buffer), then flushes when full.
    func append(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= OutputStream.chunk { flush() }
    }

    func flush() {
        var done = 0
        buffer.withUnsafeBytes { p in
            while done < p.count {
                let n = Foundation.write(fd, p.baseAddress! + done, p.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return // a closed pipe (`fazhi lint | head`): nothing more can be written
                }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes lint results as they arrive, file by file, then the closing summary.
protocol LintWriter: AnyObject, Sendable {
    /// One file's findings (called in the order the files were given, one call at a time).
    func file(_ r: LintResult)
    /// After the last file: `ok` are the files that were read, `all` includes those that could not be.
    func finish(_ ok: [FileSummary], all: [FileSummary])
}

enum LintOutput {
    /// The text after the findings: the summary table, the skipped files.
    static func summaryText(_ results: [FileSummary], summary: Bool, findingsWritten: Bool, skipped: [String]) -> String {
        guard summary, !results.isEmpty || !skipped.isEmpty else { return "" }
        if results.isEmpty { return skippedNote(skipped) }
        var out = findingsWritten ? "\n" : ""
        let header = ["文件", "年度", "缺少的必备部分", "错误", "警告", "提示"]
        var rows: [[String]] = []
        for r in results {
            let missing = r.missingParts.map(\.short).joined(separator: "、")
            rows.append([r.path, r.year.map(String.init) ?? "—", missing.isEmpty ? "无" : missing,
                         String(r.count(.error)), String(r.count(.warning)), String(r.count(.info) + r.count(.hint))])
        }
        let total = ["合计（\(results.count)份）", "", "\(results.filter { !$0.missingParts.isEmpty }.count)份缺少",
                     String(results.map { $0.count(.error) }.reduce(0, +)), String(results.map { $0.count(.warning) }.reduce(0, +)),
                     String(results.map { $0.count(.info) + $0.count(.hint) }.reduce(0, +))]
        out += Table.render(header: header, rows: rows, footer: results.count > 1 ? total : nil, rightAligned: [3, 4, 5])
        return out + skippedNote(skipped)
    }

    static func skippedNote(_ skipped: [String]) -> String {
        guard !skipped.isEmpty else { return "" }
        return "已跳过 \(skipped.count) 个文件（不是纯文本或 .docx 文件，请另存为 .docx 或 .txt 后再检查）：\n"
            + skipped.map { "  \($0)\n" }.joined()
    }
}
