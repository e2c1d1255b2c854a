import Foundation

/// Finds the knowledge resource folder without ever crashing.
///
/// SwiftPM copies `Resources/` into a bundle named `Fazhi_FazhiKnowledge.resources` beside the built
/// executable or test bundle. We look there, then next to the real executable (resolving symlinks),
/// then in `../share/fazhi` (an installed layout), and honour `FAZHI_RESOURCES` first of all.
/// The generated `Bundle.module` is not used: it aborts the process when the bundle is missing.
public enum KnowledgeResources {
    public static let bundleName = "Fazhi_FazhiKnowledge.resources"

    public static let directory: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["FAZHI_RESOURCES"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        var exeDirs: [URL] = []
        if let exe = Bundle.main.executableURL {
            exeDirs.append(exe.deletingLastPathComponent())
            exeDirs.append(exe.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        exeDirs.append(URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent())
        exeDirs.append(Bundle.main.bundleURL)
        for d in exeDirs {
            candidates.append(d.appendingPathComponent(bundleName))
            candidates.append(d.appendingPathComponent(bundleName).appendingPathComponent("Resources"))
            candidates.append(d.deletingLastPathComponent().appendingPathComponent("share/fazhi"))
        }
        for c in candidates {
            for dir in [c, c.appendingPathComponent("Resources")] {
                if fm.fileExists(atPath: dir.appendingPathComponent("profiles.json").path) { return dir }
            }
        }
        return nil
    }()

    /// Reads a resource file, or nil when it cannot be found or read.
    public static func data(_ name: String) -> Data? {
        guard let dir = directory else { return nil }
        return try? Data(contentsOf: dir.appendingPathComponent(name))
    }
}

/// An error while loading or validating a knowledge file.
public struct KnowledgeError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
    public var description: String { "\(file): \(message)" }
}

extension KnowledgeResources {
    static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        guard let d = data(name) else {
            throw KnowledgeError(file: name, message: "找不到知识库文件（可设置环境变量 FAZHI_RESOURCES 指向资源目录）")
        }
        return try decode(type, data: d, name: name)
    }

    static func decode<T: Decodable>(_ type: T.Type, data d: Data, name: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: d)
        } catch {
            throw KnowledgeError(file: name, message: "\(error)")
        }
    }
}
