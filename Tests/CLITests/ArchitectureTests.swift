import Foundation
import XCTest

/// The invariants of ARCHITECTURE.md, checked against the code: every module imports only what
/// Package.swift declares for it, dependencies point one way (cores never see the protocol side, the
/// protocol side never sees the domain), and the protocol layer knows nothing about Chinese.
final class ArchitectureTests: XCTestCase {
    static var root: URL { Fazhi.packageRoot }

    /// Layers from the bottom: a module may import only modules of a lower layer.
    static let layer: [String: Int] = [
        "FazhiText": 0, "FazhiJSON": 0, "FazhiDocx": 0,
        "FazhiFiles": 1, "FazhiKnowledge": 1, "LSPKit": 1,
        "FazhiParser": 2,
        "FazhiLinter": 3,
        "FazhiReview": 4, "FazhiServer": 4,
        "fazhi": 5,
    ]
    /// The domain cores: they know nothing about LSP.
    static let cores: Set<String> = ["FazhiText", "FazhiJSON", "FazhiDocx", "FazhiFiles", "FazhiKnowledge", "FazhiParser", "FazhiLinter", "FazhiReview"]
    /// The protocol side: it knows nothing about reports.
    static let protocolSide: Set<String> = ["LSPKit"]

    /// `name` → declared dependencies, read from Package.swift's `.target(` / `.executableTarget(` entries.
    static func declaredTargets() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var out: [String: Set<String>] = [:]
        for line in manifest.components(separatedBy: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix(".target(") || t.hasPrefix(".executableTarget("), let name = quoted(after: "name:", in: t) else { continue }
            var deps: Set<String> = []
            if let r = t.range(of: "dependencies: [") {
                let rest = t[r.upperBound...]
                let list = rest[..<(rest.firstIndex(of: "]") ?? rest.endIndex)]
                for piece in list.split(separator: ",") {
                    let p = piece.trimmingCharacters(in: CharacterSet(charactersIn: " \""))
                    if !p.isEmpty { deps.insert(p) }
                }
            }
            out[name] = deps
        }
        return out
    }

    static func quoted(after key: String, in s: String) -> String? {
        guard let r = s.range(of: key) else { return nil }
        let rest = s[r.upperBound...]
        guard let a = rest.firstIndex(of: "\"") else { return nil }
        let after = rest[rest.index(after: a)...]
        guard let b = after.firstIndex(of: "\"") else { return nil }
        return String(after[..<b])
    }

    /// Every `import X` in the module's sources (recursively).
    static func imports(of module: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        let dir = root.appendingPathComponent("Sources/\(module)")
        guard let en = FileManager.default.enumerator(atPath: dir.path) else { return out }
        while let rel = en.nextObject() as? String {
            guard rel.hasSuffix(".swift"), let text = try? String(contentsOf: dir.appendingPathComponent(rel), encoding: .utf8) else { continue }
            for line in text.components(separatedBy: "\n") {
                let t = line.trimmingCharacters(in: .whitespaces)
                guard t.hasPrefix("import ") || t.hasPrefix("@testable import ") || t.hasPrefix("@_exported import ") else { continue }
                let name = t.components(separatedBy: " ").last ?? ""
                out[name, default: []].append(rel)
            }
        }
        return out
    }

    func testEveryImportIsDeclaredAndPointsDown() throws {
        let targets = try Self.declaredTargets()
        XCTAssertGreaterThanOrEqual(targets.count, 9, "Package.swift was not read: \(targets.keys)")
        for (module, deps) in targets.sorted(by: { $0.key < $1.key }) {
            guard let myLayer = Self.layer[module] else {
                XCTFail("\(module) has no layer in ARCHITECTURE.md's order; add it to ArchitectureTests.layer")
                continue
            }
            for dep in deps {
                XCTAssertLessThan(Self.layer[dep] ?? Int.max, myLayer, "Package.swift: \(module) depends on \(dep), which is not below it")
            }
            for (imported, files) in Self.imports(of: module) where targets[imported] != nil {
                XCTAssertTrue(deps.contains(imported), "\(module) imports \(imported) (\(files.joined(separator: ", "))) without declaring it in Package.swift")
                if Self.cores.contains(module) {
                    XCTAssertFalse(Self.protocolSide.contains(imported) || imported == "FazhiServer",
                                   "core \(module) imports \(imported) (\(files.joined(separator: ", "))): cores know nothing about LSP")
                }
                if Self.protocolSide.contains(module) {
                    XCTAssertTrue(imported == "FazhiJSON", "\(module) imports \(imported) (\(files.joined(separator: ", "))): the protocol side knows nothing about reports")
                }
            }
        }
    }

    /// LSPKit speaks protocol only: no Chinese text in it (messages to users are the server's business).
    func testProtocolLayerHasNoChineseText() throws {
        let dir = Self.root.appendingPathComponent("Sources/LSPKit")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        XCTAssertFalse(files.isEmpty)
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            let han = text.unicodeScalars.first { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
            XCTAssertNil(han, "LSPKit/\(f) contains Chinese text")
        }
    }

    /// Every source file ARCHITECTURE.md's code map should know about is named in it.
    func testCodeMapNamesEveryModuleAndFile() throws {
        let map = try String(contentsOf: Self.root.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        for module in try Self.declaredTargets().keys {
            XCTAssertTrue(map.contains("Sources/\(module)"), "ARCHITECTURE.md does not map Sources/\(module)")
            let dir = Self.root.appendingPathComponent("Sources/\(module)")
            guard let en = FileManager.default.enumerator(atPath: dir.path) else { continue }
            while let rel = en.nextObject() as? String {
                guard rel.hasSuffix(".swift") else { continue }
                let file = (rel as NSString).lastPathComponent
                // Rules are catalogued in docs/rules.md and listed per group; the map names their folder.
                if rel.hasPrefix("Rules/") { continue }
                XCTAssertTrue(map.contains(file) || map.contains((file as NSString).deletingPathExtension),
                              "ARCHITECTURE.md does not name \(module)/\(rel)")
            }
        }
    }
}
