import FazhiServer

/// `fazhi lsp [--stdio]`: runs the language server over stdin/stdout. Other options editors pass
/// (`--clientProcessId=…`) are ignored.
enum LSPCommand {
    static func run(_ args: [String]) -> Int32 {
        FazhiLanguageServer.runOverStdio()
    }
}
