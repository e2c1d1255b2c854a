import Foundation

/// `fazhi text FILE`: prints the text exactly as Fazhi checks it — for a .docx the body paragraphs with
/// their automatic numbers, tables and tracked changes resolved; for a text file the decoded text.
enum TextCommand {
    static func run(_ args: [String]) -> Int32 {
        let (_, pos, err) = CLI.parseOptions(args, valued: [], flags: [])
        if let err { return CLI.fail(err) }
        guard pos.count == 1 else { return CLI.fail("text 需要且只需要一个文件") }
        let loaded: Result<LoadedReport, ReportFile.LoadError>
        if pos[0] == "-" {
            guard let bytes = CLI.readInput("-") else { return CLI.fail("无法读取标准输入") }
            loaded = ReportFile.load(bytes: bytes, name: "-")
        } else {
            loaded = ReportFile.load(path: pos[0])
        }
        switch loaded {
        case .success(let file):
            CLI.write(file.source.string)
            return 0
        case .failure(let e):
            return CLI.fail(e.message)
        }
    }
}
