import Foundation

/// `fazhi lsp [--stdio]`: runs the language server over stdin/stdout.
enum LSPCommand {
    static func run(_ args: [String]) -> Int32 {
        CLI.fail("lsp 尚未实现")
    }
}
