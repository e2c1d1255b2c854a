import Foundation
import XCTest

/// A fresh temporary directory, removed by the caller's `defer`.
func makeTempDir(_ tag: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-files-\(tag)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

func write(_ bytes: [UInt8], _ url: URL) throws {
    try Data(bytes).write(to: url)
}

func read(_ url: URL) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: url))
}

/// Files in `dir` whose names look like SafeWriter's temporary files.
func leftovers(_ dir: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.contains(".fazhi-") }
}

/// Encodes text with an encoder that is not the one under test: Python's codecs when python3 exists,
/// else the iconv program. Nil when neither is available.
func externalEncode(_ text: String, as encoding: String) -> [UInt8]? {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-enc-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    guard (try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)) != nil else { return nil }
    let input = dir.appendingPathComponent("in.txt"), output = dir.appendingPathComponent("out.bin")
    guard (try? Data(text.utf8).write(to: input)) != nil else { return nil }
    let candidates: [(String, [String])] = [
        ("/usr/bin/env", ["python3", "-c", "import sys; open(sys.argv[2],'wb').write(open(sys.argv[1],'rb').read().decode('utf-8').encode(sys.argv[3]))", input.path, output.path, encoding.lowercased()]),
        ("/bin/sh", ["-c", "iconv -f UTF-8 -t \(encoding) '\(input.path)' > '\(output.path)'"]),
    ]
    for (exe, args) in candidates {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { continue }
        p.waitUntilExit()
        if p.terminationStatus == 0, let d = try? Data(contentsOf: output) { return [UInt8](d) }
    }
    return nil
}
