// Generates Sources/FazhiKnowledge/Resources/t2s.txt: one "traditional simplified" character pair per line,
// for every CJK ideograph that ICU's Traditional-Simplified transform maps to a different single ideograph.
// Run: swiftc -O Scripts/knowledge/make_t2s.swift -o /tmp/make_t2s && /tmp/make_t2s > Sources/FazhiKnowledge/Resources/t2s.txt
import Foundation

let transform = StringTransform("Traditional-Simplified")
var lines: [String] = ["# 繁体字→简体字（逐字），由 Scripts/knowledge/make_t2s.swift 用 ICU 的 Traditional-Simplified 转换生成，只用于匹配，不改写用户文本"]
for range in [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF] {
    for v in range {
        guard let scalar = Unicode.Scalar(v) else { continue }
        let s = String(Character(scalar))
        guard let out = s.applyingTransform(transform, reverse: false), out != s, out.unicodeScalars.count == 1 else { continue }
        let o = out.unicodeScalars.first!.value
        // Only ideograph → ideograph mappings.
        guard (0x3400...0x9FFF).contains(o) else { continue }
        lines.append(s + out)
    }
}
print(lines.joined(separator: "\n"))
