import FazhiFiles
import FazhiKnowledge
import Foundation

enum CLI {
    static let version = "0.1.0"

    static let usage = """
    fazhi —— 法治政府建设年度报告检查工具与语言服务器

    用法：fazhi <命令> [选项]

    命令：
      lint [--format text|json|sarif] [--config 文件] [--stdin-filename 名称] [--verbose] 路径... | -
                                  检查报告（文件或文件夹，.txt/.md/.docx），输出问题与汇总表；
                                  --verbose 显示所用配置文件和各文件的编码
      fix [--dry-run] [--config 文件] [--verbose] 路径...
                                  自动修复可安全修复的问题，按原编码安全写回（--dry-run 只显示差异；不修改 .docx）
      review [-o 审核.html] [--format html|json|csv] [--previous 往年文件夹] [--deadline MM-DD] [--config 文件] 路径...
                                  审核一批报告：生成审核表（各单位五个部分、成文日期是否逾期、问题数，
                                  逐份问题及原句，与其他单位或往年报告雷同的段落）；默认写入 审核.html，
                                  json、csv 默认输出到标准输出；--deadline 为报送期限（默认 04-01）
      text 文件                   显示 fazhi 读到的文字（.docx 的正文、自动编号、表格，或解码后的 .txt）
      outline [--format text|json] 文件
                                  显示报告的结构（标题、年度、单位、各级标题及对应部分）
      explain 名称                解释术语、法律法规名称或规则
      rules [--format text|json|markdown]
                                  列出全部检查规则
      lsp [--stdio]               以语言服务器（LSP）方式运行，通过标准输入输出通信
      bench [--format text|json]  运行性能基准测试（--docx 文件：测量读取一份 Word 文档的时间；
                                  --loop parse|lint [--runs N]：只反复解析或检查 50 KB 样本，供性能剖析）
      --help, -h                  显示本帮助
      --version                   显示版本

    编码：读取 UTF-8（可带 BOM）、带 BOM 的 UTF-16 和 GB18030（GBK、GB2312）；无法无损识别的文件
    不读取也不修改。

    退出码：0 没有警告及以上问题；1 有警告或错误（或 explain 找不到名称）；
            2 用法错误、读写错误、无法识别编码、配置错误或找不到知识库。review 生成了审核表即为 0（有报告未能读取时为 2）。
    """

    static func run(_ args: [String]) -> Int32 {
        guard let cmd = args.first else {
            print(usage)
            return 2
        }
        let rest = Array(args.dropFirst())
        // Commands that read a report or the knowledge refuse to give untrustworthy results without it
        // (`text` only converts a document; `rules` prints the rules' own metadata; `lsp` tells the editor).
        if ["outline", "lint", "fix", "explain", "bench", "review"].contains(cmd), let why = KnowledgeResources.unavailableMessage {
            return fail(why)
        }
        switch cmd {
        case "--help", "-h", "help":
            print(usage)
            return 0
        case "--version", "-V", "version":
            print("fazhi \(version)")
            return 0
        case "outline": return OutlineCommand.run(rest)
        case "text": return TextCommand.run(rest)
        case "lsp": return LSPCommand.run(rest)
        case "lint": return LintCommand.run(rest)
        case "fix": return FixCommand.run(rest)
        case "rules": return RulesCommand.run(rest)
        case "explain": return ExplainCommand.run(rest)
        case "bench": return BenchCommand.run(rest)
        case "review": return ReviewCommand.run(rest)
        default:
            return fail("未知命令 \(cmd)；运行 fazhi --help 查看用法")
        }
    }

    /// Writes to standard output.
    static func write(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    /// Writes a warning to standard error.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("fazhi: " + message + "\n").utf8))
    }

    /// Loads the one document a command reads: a path, or "-" for standard input.
    static func loadDocument(_ arg: String) throws(FileError) -> LoadedReport {
        arg == "-" ? try FileLoader.load(bytes: FileLoader.readStandardInput(name: "-"), name: "-") : try FileLoader.load(path: arg)
    }

    static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(("fazhi: " + message + "\n").data(using: .utf8)!)
        return 2
    }

    /// Splits `--flag value` options from positional arguments.
    static func parseOptions(_ args: [String], valued: Set<String>, flags: Set<String>) -> (options: [String: String], positional: [String], error: String?) {
        var opts: [String: String] = [:]
        var pos: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "--" { pos.append(contentsOf: args[(i + 1)...]); break }
            if a.hasPrefix("--"), a.count > 2 {
                var name = a
                var value: String?
                if let eq = a.firstIndex(of: "=") {
                    name = String(a[..<eq])
                    value = String(a[a.index(after: eq)...])
                }
                if valued.contains(name) {
                    if value == nil {
                        guard i + 1 < args.count else { return (opts, pos, "选项 \(name) 需要一个值") }
                        i += 1
                        value = args[i]
                    }
                    opts[name] = value
                } else if flags.contains(name) {
                    opts[name] = "1"
                } else {
                    return (opts, pos, "未知选项 \(a)")
                }
            } else {
                pos.append(a)
            }
            i += 1
        }
        return (opts, pos, nil)
    }
}
