import FazhiFiles
import FazhiLinter
import FazhiText
import Foundation

/// `fazhi fix [--dry-run] PATH...`: applies the safe fixes; with --dry-run prints a unified diff instead.
/// Files are written back in the encoding, BOM and line endings they were read in, with `SafeWriter`
/// (atomic, and refused when the file changed since it was read).
enum FixCommand {
    static func run(_ args: [String]) -> Int32 {
        let (opts, pos, err) = CLI.parseOptions(args, valued: ["--config"], flags: ["--dry-run", "--verbose"])
        if let err { return CLI.fail(err) }
        guard !pos.isEmpty, !pos.contains("-") else { return CLI.fail("fix 需要至少一个文件或文件夹") }
        let dry = opts["--dry-run"] != nil
        let verbose = opts["--verbose"] != nil
        var runner = LintRunner()
        if let c = opts["--config"], let e = runner.loadExplicit(c) { return CLI.fail(e) }
        let (files, errors, _) = LintRunner.expand(pos)
        for e in errors { CLI.warn(e) }
        var warnings: [String] = []
        var cache: [String: ConfigChoice] = [:]
        var changedFiles = 0, totalFixes = 0, failed = errors.count
        for path in files {
            let choice = runner.config(for: path, cache: &cache, warnings: &warnings)
            if let e = choice.error { CLI.warn("\(path)：未修复：\(e)"); failed += 1; continue }
            let loaded: LoadedReport
            do { loaded = try FileLoader.load(path: path) } catch { CLI.warn(error.description); failed += 1; continue }
            // Never rewrite a Word document: its text is only a rendering of the XML inside.
            guard let decoded = loaded.decoded else {
                CLI.warn("\(path)：不能直接修改 .docx 文件，请在 Word/WPS 中按 fazhi lint \(path) 的提示修改，或另存为 .txt 后再用 fix")
                failed += 1
                continue
            }
            if verbose {
                CLI.warn("\(path)：\(decoded.summary)；配置：\(choice.source ?? "默认设置（未找到 .fazhi.json）")")
            }
            let (fixed, count) = applySafeFixes(loaded.source, config: choice.config)
            guard count > 0 else { continue }
            let bytes: [UInt8]
            do { bytes = try decoded.encode(edited: Array(fixed.utf8)) } catch {
                CLI.warn(FileError(path: path, error).description); failed += 1; continue
            }
            if dry {
                if decoded.encoding == .utf8 {
                    // The file's own bytes (BOM included), so that `patch -p0` applies the diff as is.
                    CLI.write(UnifiedDiff.make(old: (try? decoded.encode(edited: decoded.utf8)) ?? decoded.utf8, new: bytes, path: path))
                } else {
                    CLI.warn("\(path) 是 \(decoded.encoding.displayName) 编码：差异按 UTF-8 显示，不能直接用 patch 应用（fazhi fix 会按原编码写回）")
                    CLI.write(UnifiedDiff.make(old: decoded.utf8, new: Array(fixed.utf8), path: path))
                }
            } else {
                do {
                    guard let snapshot = loaded.snapshot else { throw FileError(path: path, .notRegularFile) }
                    try SafeWriter.replace(path: path, with: bytes, expecting: snapshot)
                } catch {
                    CLI.warn("\(error)")
                    failed += 1
                    continue
                }
            }
            changedFiles += 1
            totalFixes += count
        }
        for w in warnings { CLI.warn(w) }
        // A run in which every file was refused said so for each; a count of nothing would only add noise.
        if changedFiles == 0 && failed > 0 && failed == files.count + errors.count { return 2 }
        var summary = dry ? "可修复 \(totalFixes) 处（\(changedFiles) 个文件），未写入。" : "已修复 \(totalFixes) 处（\(changedFiles) 个文件）。"
        if failed > 0 { summary += "另有 \(failed) 个文件未处理（原因见上）。" }
        CLI.warn(summary)
        return failed == 0 ? 0 : 2
    }

    /// Applies safe fixes repeatedly (a fix may make room for another) until nothing changes.
    static func applySafeFixes(_ text: SourceText, config: LintConfig) -> (String, Int) {
        var current = text
        var total = 0
        for _ in 0..<5 {
            let (_, diags) = Linter(config: config).lint(current)
            let (edits, count) = SafeFixes.select(diags)
            total += count
            if edits.isEmpty { break }
            current = SourceText(edits.applied(to: current))
        }
        return (current.string, total)
    }
}

