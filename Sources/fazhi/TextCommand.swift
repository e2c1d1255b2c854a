import FazhiFiles
import Foundation

/// `fazhi text FILE`: prints the text exactly as Fazhi checks it — for a .docx the body paragraphs with
/// their automatic numbers, tables and tracked changes resolved; for a text file the decoded text.
enum TextCommand {
    static func run(_ args: [String]) -> Int32 {
        let (_, pos, err) = CLI.parseOptions(args, valued: [], flags: [])
        if let err { return CLI.fail(err) }
        guard pos.count == 1 else { return CLI.fail("text 需要且只需要一个文件") }
        let loaded: LoadedReport
        do { loaded = try CLI.loadDocument(pos[0]) } catch { return CLI.fail(error.description) }
        // The bytes as they are: no copy into a String and another into Data (a large file would be held three times).
        OutputStream.standard.write(loaded.source.bytes)
        OutputStream.standard.flush()
        return 0
    }
}
