import Foundation

extension CLI {
    static func runMore(_ cmd: String, _ rest: [String]) -> Int32 {
        fail("未知命令 \(cmd)；运行 fazhi --help 查看用法")
    }
}
