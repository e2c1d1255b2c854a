// swift-tools-version:6.0
// Fazhi (法治): a checker and language server for the annual 法治政府建设情况报告.
// No package dependencies: Foundation, Dispatch and XCTest only.
import PackageDescription

let package = Package(
    name: "Fazhi",
    products: [
        .executable(name: "fazhi", targets: ["fazhi"]),
    ],
    targets: [
        // Text storage, line index and position conversion (UTF-8 offsets inside, any encoding at the edge).
        .target(name: "FazhiText"),
        // Word documents: ZIP + DEFLATE reader and WordprocessingML -> plain text with automatic numbering.
        // Depends on nothing: bounded memory, never traps on malformed archives.
        .target(name: "FazhiDocx"),
        // Ordered JSON value, parser and serializer (no Foundation JSON on hot paths).
        .target(name: "FazhiJSON"),
        // Files as users have them: encoding detection and lossless decoding (libc iconv), Word documents
        // (through FazhiDocx), other formats refused, atomic checked writes, unified diffs. Files are decoded
        // losslessly or refused; every write is atomic and checked against what was read.
        .target(name: "FazhiFiles", dependencies: ["FazhiText", "FazhiDocx"],
                linkerSettings: [.linkedLibrary("iconv", .when(platforms: [.macOS]))]),
        // Domain knowledge as data: laws, terms, phrases, confusables, time anchors, profiles; matchers over it.
        .target(name: "FazhiKnowledge", dependencies: ["FazhiText", "FazhiJSON"], resources: [.copy("Resources")]),
        // Parser core: text -> report model with source ranges.
        .target(name: "FazhiParser", dependencies: ["FazhiText", "FazhiKnowledge"]),
        // Linter core: report model -> diagnostics and fixes. Knows nothing about LSP.
        .target(name: "FazhiLinter", dependencies: ["FazhiText", "FazhiParser", "FazhiKnowledge", "FazhiFiles"]),
        // The reviewer's sheet: a folder of reports -> matrix, findings in context, copy detection (winnowed
        // shingles), rendered as self-contained HTML, JSON and CSV. A core: knows nothing about LSP.
        .target(name: "FazhiReview", dependencies: ["FazhiText", "FazhiParser", "FazhiKnowledge", "FazhiLinter", "FazhiJSON"]),
        // JSON-RPC 2.0 over stdio and LSP 3.17 protocol types. Knows nothing about Chinese or reports.
        .target(name: "LSPKit", dependencies: ["FazhiJSON"]),
        // Language server logic: maps LSP requests onto the parser, linter and knowledge cores.
        .target(name: "FazhiServer", dependencies: ["LSPKit", "FazhiJSON", "FazhiText", "FazhiParser", "FazhiLinter", "FazhiKnowledge", "FazhiFiles"]),
        // The one executable: fazhi lint | fix | review | outline | explain | rules | lsp | bench
        .executableTarget(name: "fazhi", dependencies: ["FazhiServer", "FazhiReview", "FazhiLinter", "FazhiParser", "FazhiKnowledge", "FazhiJSON", "FazhiText", "FazhiFiles", "FazhiDocx"]),

        .testTarget(name: "FazhiTextTests", dependencies: ["FazhiText"]),
        .testTarget(name: "FazhiFilesTests", dependencies: ["FazhiFiles", "FazhiText"]),
        .testTarget(name: "FazhiJSONTests", dependencies: ["FazhiJSON"]),
        .testTarget(name: "FazhiDocxTests", dependencies: ["FazhiDocx"], exclude: ["Fixtures"]),
        .testTarget(name: "FazhiKnowledgeTests", dependencies: ["FazhiKnowledge", "FazhiText"]),
        .testTarget(name: "FazhiParserTests", dependencies: ["FazhiParser", "FazhiText", "FazhiKnowledge"]),
        .testTarget(name: "FazhiLinterTests", dependencies: ["FazhiLinter", "FazhiParser", "FazhiText", "FazhiKnowledge"]),
        .testTarget(name: "FazhiReviewTests", dependencies: ["FazhiReview", "FazhiLinter", "FazhiParser", "FazhiText", "FazhiJSON"], exclude: ["Fixtures"]),
        .testTarget(name: "LSPKitTests", dependencies: ["LSPKit", "FazhiJSON"]),
        // Spawns the built `fazhi` binary (CLI and `fazhi lsp`) and talks to it as a user or editor would.
        .testTarget(name: "FazhiServerTests", dependencies: ["fazhi", "FazhiServer", "FazhiJSON", "LSPKit"]),
        .testTarget(name: "CLITests", dependencies: ["fazhi", "FazhiJSON"]),
    ]
)
