import FazhiLinter
import FazhiText
import Foundation

/// `fazhi fix [--dry-run] PATH...`: applies the safe fixes; with --dry-run prints a unified diff instead.
enum FixCommand {
    static func run(_ args: [String]) -> Int32 {
        let (opts, pos, err) = CLI.parseOptions(args, valued: ["--config"], flags: ["--dry-run"])
        if let err { return CLI.fail(err) }
        guard !pos.isEmpty, !pos.contains("-") else { return CLI.fail("fix 需要至少一个文件或文件夹") }
        let dry = opts["--dry-run"] != nil
        var runner = LintRunner()
        if let c = opts["--config"] {
            do { runner.explicitConfig = try ConfigFile.load(URL(fileURLWithPath: c)) } catch { return CLI.fail("\(error)") }
        }
        let (files, errors, _) = LintRunner.expand(pos)
        for e in errors { CLI.warn(e) }
        var refused = false
        var refusedCount = 0
        var warnings: [String] = []
        var cache: [String: LintConfig?] = [:]
        var changedFiles = 0, totalFixes = 0
        for path in files {
            if ReportFile.docxExtensions.contains(ReportFile.ext(path)) {
                // Never rewrite a Word document: its text is only a rendering of the XML inside.
                CLI.warn("\(path)：不能直接修改 .docx 文件，请在 Word/WPS 中按 fazhi lint \(path) 的提示修改，或另存为 .txt 后再用 fix")
                refused = true
                refusedCount += 1
                continue
            }
            if let what = ReportFile.refusedExtensions[ReportFile.ext(path)] {
                CLI.warn(ReportFile.refusal(path, what))
                refused = true
                refusedCount += 1
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else { CLI.warn("无法读取 \(path)"); continue }
            if case .success(let loaded) = ReportFile.load(bytes: [UInt8](data), name: path), loaded.docx == nil {} else {
                // A renamed Word/PDF file or a damaged document: never written.
                CLI.warn("\(path)：不是纯文本文件，不能修改")
                refused = true
                refusedCount += 1
                continue
            }
            let config = runner.config(for: path, cache: &cache, warnings: &warnings)
            let original = SourceText(bytes: [UInt8](data))
            let (fixed, count) = applySafeFixes(original, config: config)
            guard count > 0 else { continue }
            changedFiles += 1
            totalFixes += count
            if dry {
                CLI.write(Diff.unified(old: original.string, new: fixed, path: path))
            } else {
                do { try Data(fixed.utf8).write(to: URL(fileURLWithPath: path)) } catch { CLI.warn("无法写入 \(path)：\(error)"); return 2 }
            }
        }
        for w in warnings { CLI.warn(w) }
        // A run that only met refused files said so for each; a count of nothing would just add noise.
        if refused && changedFiles == 0 && files.count == refusedCount { return 2 }
        CLI.warn(dry ? "可修复 \(totalFixes) 处（\(changedFiles) 个文件），未写入。" : "已修复 \(totalFixes) 处（\(changedFiles) 个文件）。")
        return errors.isEmpty && !refused ? 0 : 2
    }

    /// Applies safe fixes repeatedly (a fix may make room for another) until nothing changes.
    static func applySafeFixes(_ text: SourceText, config: LintConfig) -> (String, Int) {
        var current = text
        var total = 0
        for _ in 0..<5 {
            let (_, diags) = Linter(config: config).lint(current)
            var edits: [TextEdit] = []
            var taken: [TextRange] = []
            for d in diags {
                guard let f = d.fixes.first(where: \.isSafe) else { continue }
                if f.edits.contains(where: { e in taken.contains { $0.overlaps(e.range) || ($0.isEmpty && e.range.isEmpty && $0.start == e.range.start) } }) { continue }
                edits += f.edits
                taken += f.edits.map(\.range)
                total += 1
            }
            if edits.isEmpty { break }
            current = SourceText(edits.applied(to: current))
        }
        return (current.string, total)
    }
}

/// A small line-based unified diff (common prefix/suffix, LCS in between).
enum Diff {
    static func unified(old: String, new: String, path: String) -> String {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        var p = 0
        while p < a.count && p < b.count && a[p] == b[p] { p += 1 }
        var s = 0
        while s < a.count - p && s < b.count - p && a[a.count - 1 - s] == b[b.count - 1 - s] { s += 1 }
        let ma = Array(a[p..<(a.count - s)]), mb = Array(b[p..<(b.count - s)])
        var ops: [(Character, String)] = []
        if ma.count * mb.count <= 4_000_000 {
            var dp = Array(repeating: Array(repeating: 0, count: mb.count + 1), count: ma.count + 1)
            for i in stride(from: ma.count - 1, through: 0, by: -1) {
                for j in stride(from: mb.count - 1, through: 0, by: -1) {
                    dp[i][j] = ma[i] == mb[j] ? dp[i + 1][j + 1] + 1 : max(dp[i + 1][j], dp[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < ma.count || j < mb.count {
                if i < ma.count && j < mb.count && ma[i] == mb[j] {
                    ops.append((" ", ma[i])); i += 1; j += 1
                } else if i < ma.count && (j == mb.count || dp[i + 1][j] >= dp[i][j + 1]) {
                    ops.append(("-", ma[i])); i += 1 // removals before additions, as diff(1) prints them
                } else {
                    ops.append(("+", mb[j])); j += 1
                }
            }
        } else {
            ops = ma.map { ("-", $0) } + mb.map { ("+", $0) }
        }
        let ctxStart = max(0, p - 3)
        let before = a[ctxStart..<p].map { (Character(" "), $0) }
        let afterEnd = min(a.count, a.count - s + 3)
        let after = a[(a.count - s)..<afterEnd].map { (Character(" "), $0) }
        let all = before + ops + after
        let oldLen = all.filter { $0.0 != "+" }.count, newLen = all.filter { $0.0 != "-" }.count
        var out = "--- \(path)\n+++ \(path)（修复后）\n@@ -\(ctxStart + 1),\(oldLen) +\(ctxStart + 1),\(newLen) @@\n"
        for (op, line) in all { out += "\(op)\(line)\n" }
        return out
    }
}
