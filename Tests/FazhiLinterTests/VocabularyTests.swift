import Foundation
import XCTest

/// The rules name the marks they look for (FazhiText's `Punctuation.swift`) and share one definition of
/// sentence and clause bounds (`Sentences.swift`): no code point is written as a number in the linter,
/// and no file outside FazhiText defines its own sentence end.
final class VocabularyTests: XCTestCase {
    static let linter = TestCorpus.packageRoot.appendingPathComponent("Sources/FazhiLinter")

    /// Swift files below a folder, with their text.
    private func swiftFiles(_ dir: URL) throws -> [(name: String, code: String)] {
        var out: [(String, String)] = []
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!
        for case let url as URL in e where url.pathExtension == "swift" {
            out.append((url.path.replacingOccurrences(of: dir.path + "/", with: ""), try String(contentsOf: url, encoding: .utf8)))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Hexadecimal literals in code (comments left out).
    private func hexLiterals(_ code: String) -> [String] {
        var out: [String] = []
        for line in code.components(separatedBy: "\n") {
            let code = line.components(separatedBy: "//").first!
            var rest = Substring(code)
            while let r = rest.range(of: "0x") {
                let digits = rest[r.upperBound...].prefix { $0.isHexDigit || $0 == "_" }
                if !digits.isEmpty { out.append("0x" + digits) }
                rest = rest[r.upperBound...]
            }
        }
        return out
    }

    func testNoRawCodePointsInTheLinter() throws {
        let files = try swiftFiles(Self.linter)
        XCTAssertGreaterThan(files.count, 40)
        for (name, code) in files where name != "ConfigEdit.swift" {  // ConfigEdit edits JSON bytes, not report text
            XCTAssertEqual(hexLiterals(code), [], "\(name) writes a code point as a number: name it in FazhiText/Punctuation.swift")
        }
    }

    /// The test can fail: it finds a literal where there is one.
    func testTheScanFindsLiterals() {
        XCTAssertEqual(hexLiterals("if v == 0x3002 || v == 0xFF0C { } // 0x3001 in a comment"), ["0x3002", "0xFF0C"])
    }

    func testOneDefinitionOfSentenceEnds() throws {
        let root = TestCorpus.packageRoot.appendingPathComponent("Sources")
        for module in ["FazhiLinter", "FazhiParser", "FazhiServer"] {
            for (name, code) in try swiftFiles(root.appendingPathComponent(module)) {
                for def in ["func isSentenceEnd", "func isClauseEnd", "func isTerminal(", "func isClosingMark("] where code.contains(def) {
                    // Chars keeps its two names as one-line forwards to the vocabulary.
                    let forwards = code.contains(def + "_ v: UInt32) -> Bool { Punctuation.")
                    XCTAssertTrue(forwards, "\(module)/\(name) defines \(def) itself; use FazhiText's Punctuation/Sentences")
                }
            }
        }
    }
}
