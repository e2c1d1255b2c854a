import FazhiJSON
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
        // Candidates are tried in order and the search stops at the first folder holding profiles.json,
        // with plain path strings, getenv and access(2): Foundation's environment dictionary, Bundle and
        // URL operations made finding the folder a millisecond of every cold start.
        func found(_ c: String) -> String? {
            for dir in [c, c + "/Resources"] where exists(dir + "/profiles.json") { return dir }
            return nil
        }
        func inExeDir(_ d: String) -> String? {
            for c in [d + "/" + bundleName, d + "/" + bundleName + "/Resources", parent(d) + "/share/fazhi"] {
                if let f = found(c) { return f }
            }
            return nil
        }
        if let env = getenv("FAZHI_RESOURCES").map({ String(cString: $0) }), !env.isEmpty, let f = found(env) {
            return URL(fileURLWithPath: f)
        }
        let exeDirs: [() -> String?] = [
            { executablePath().map(parent) },
            { Bundle.main.executableURL?.deletingLastPathComponent().path },
            { Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path },
            { parent(CommandLine.arguments.first ?? ".") },
            { Bundle.main.bundleURL.path },
        ]
        for d in exeDirs {
            if let dir = d(), let f = inExeDir(dir) { return URL(fileURLWithPath: f) }
        }
        return nil
    }()

    /// The running executable's path: /proc/self/exe where there is one, else what Bundle says.
    static func executablePath() -> String? {
        #if os(Linux)
            var buf = [CChar](repeating: 0, count: 4097)
            let n = readlink("/proc/self/exe", &buf, 4096)
            if n > 0 { return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #endif
        return Bundle.main.executableURL?.path
    }

    /// The folder of a path ("." for a bare name).
    static func parent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Why nothing can be checked on this installation, or nil: the knowledge folder was not found (a
    /// `fazhi` copied away from its `Fazhi_FazhiKnowledge.resources`). Without it the parser misreads
    /// headers and parts and the rules miss their word lists, so findings would be wrong, errors included:
    /// the command line refuses and the language server shows this instead of diagnostics.
    public static var unavailableMessage: String? {
        guard directory == nil else { return nil }
        return "找不到知识库文件夹 \(bundleName)。它应与 fazhi 程序放在同一目录（安装时放在 ../share/fazhi），"
            + "也可以设置环境变量 FAZHI_RESOURCES 指向它。没有知识库，检查结果不可信，因此没有检查。"
    }

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
            // FazhiJSON's parser and a Decoder over its value: several times faster than JSONDecoder,
            // which a cold start paid for every knowledge file.
            return try JSONValueDecoder().decode(T.self, from: [UInt8](d))
        } catch {
            throw KnowledgeError(file: name, message: "\(error)")
        }
    }
}
