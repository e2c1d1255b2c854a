// JSON-RPC 2.0 and LSP 3.17 protocol layer (see ARCHITECTURE.md).
enum LSPKitPlaceholder {}
