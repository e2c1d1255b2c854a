import Foundation

// Entry point: `fazhi <command> [options]`. Each command lives in its own file.
let code = CLI.run(Array(CommandLine.arguments.dropFirst()))
exit(code)
