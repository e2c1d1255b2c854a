/// The number formats of `w:numFmt` that reports use, rendered as Word shows them.
public enum NumberFormat: String, Sendable {
    case decimal, decimalZero, decimalFullWidth, decimalHalfWidth
    case decimalEnclosedCircle, decimalEnclosedCircleChinese
    case upperLetter, lowerLetter, upperRoman, lowerRoman
    case chineseCounting, chineseCountingThousand, japaneseCounting, ideographTraditional, ideographDigital
    case chineseLegalSimplified
    case bullet, none

    /// Unknown formats fall back to decimal, which is what the number means.
    public init(word: String) {
        self = NumberFormat(rawValue: word) ?? .decimal
    }

    public func render(_ n: Int) -> String {
        switch self {
        case .decimal, .decimalHalfWidth: return String(n)
        case .decimalZero: return n >= 0 && n < 10 ? "0\(n)" : String(n)
        case .decimalFullWidth:
            return String(String.UnicodeScalarView(String(n).unicodeScalars.map { u in
                u.value >= 0x30 && u.value <= 0x39 ? Unicode.Scalar(u.value - 0x30 + 0xFF10)! : u
            }))
        case .decimalEnclosedCircle, .decimalEnclosedCircleChinese:
            // ①..⑳ exist as characters; beyond them Word prints the plain number.
            return n >= 1 && n <= 20 ? String(Unicode.Scalar(0x2460 + UInt32(n - 1))!) : String(n)
        case .upperLetter: return NumberFormat.letters(n, upper: true)
        case .lowerLetter: return NumberFormat.letters(n, upper: false)
        case .upperRoman: return NumberFormat.roman(n)
        case .lowerRoman: return NumberFormat.roman(n).lowercased()
        case .chineseCounting, .chineseCountingThousand, .japaneseCounting:
            return NumberFormat.chinese(n, digits: NumberFormat.chineseDigits, units: ["", "十", "百", "千"], big: "万")
        case .chineseLegalSimplified:
            return NumberFormat.chinese(n, digits: ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"], units: ["", "拾", "佰", "仟"], big: "万",
                                        bareTen: false)
        case .ideographTraditional:
            let stems = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
            return n >= 1 && n <= 10 ? stems[n - 1] : String(n)
        case .ideographDigital:
            guard n >= 0 else { return String(n) }
            return String(n).unicodeScalars.map { NumberFormat.chineseDigits[Int($0.value - 0x30)] }.joined()
        case .bullet, .none: return ""
        }
    }

    static let chineseDigits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// Chinese counting: 一 … 十 十一 … 二十 … 九十九 一百 一百零一 一百一十 … 九千九百九十九 一万 ….
    /// `bareTen`: 10–19 are written 十, 十一 (not 一十); inside a larger number the 一 is kept (一百一十).
    static func chinese(_ n: Int, digits: [String], units: [String], big: String, bareTen: Bool = true) -> String {
        guard n > 0 else { return n == 0 ? (bareTen ? "〇" : "零") : String(n) }
        guard n < 100_000_000 else { return String(n) }
        func below10k(_ v: Int, leadingZero: Bool) -> String {
            var out = ""
            var zero = leadingZero
            var started = false
            for (k, p) in [1000, 100, 10, 1].enumerated() {
                let d = (v / p) % 10
                if d == 0 {
                    if started || leadingZero { zero = true }
                    continue
                }
                if zero && (started || leadingZero) { out += "零" } // an inner zero is 零, a lone zero 〇
                zero = false
                out += digits[d] + units[3 - k]
                started = true
            }
            return out
        }
        var s: String
        if n >= 10_000 {
            let hi = n / 10_000, lo = n % 10_000
            s = below10k(hi, leadingZero: false) + big
            if lo > 0 { s += below10k(lo, leadingZero: lo < 1000) }
        } else {
            s = below10k(n, leadingZero: false)
        }
        if bareTen, n >= 10, n < 20 { s.removeFirst() } // 一十 → 十, 一十一 → 十一
        return s
    }

    /// A, B, … Z, AA, BB, … as Word counts letters.
    static func letters(_ n: Int, upper: Bool) -> String {
        guard n > 0, n <= 26 * 40 else { return String(n) }
        let letter = Unicode.Scalar(UInt32((upper ? 0x41 : 0x61) + (n - 1) % 26))!
        return String(repeating: String(letter), count: (n - 1) / 26 + 1)
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                                      (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var v = n, out = ""
        for (value, sym) in table {
            while v >= value { out += sym; v -= value }
        }
        return out
    }
}
