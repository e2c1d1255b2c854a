import Foundation

/// `fazhi bench [--format text|json]`: performance benchmark.
enum BenchCommand {
    static func run(_ args: [String]) -> Int32 {
        CLI.fail("bench 尚未实现")
    }
}
