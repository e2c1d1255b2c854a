import Foundation

extension CLI {
    static func runMore(_ cmd: String, _ rest: [String]) -> Int32 {
        switch cmd {
        case "review": return ReviewCommand.run(rest)
        default: return fail("未知命令 \(cmd)；运行 fazhi --help 查看用法")
        }
    }
}
