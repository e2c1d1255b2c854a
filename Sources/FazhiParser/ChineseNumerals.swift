/// Chinese numerals for ordinals, shared by the parser, the rules and the server.
public enum ChineseNumerals {
    static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五 (1…999; other numbers in Arabic digits).
    public static func string(_ n: Int) -> String {
        guard n > 0 && n < 1000 else { return String(n) }
        if n < 10 { return digits[n] }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        if n < 100 { return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        let rest = n % 100
        if rest == 0 { return digits[n / 100] + "百" }
        if rest < 10 { return digits[n / 100] + "百零" + digits[rest] }
        return digits[n / 100] + "百" + (rest < 20 ? "一" + string(rest) : string(rest))
    }

    /// The value of a Chinese ordinal numeral (一, 十二, 二十三, 一百零五); nil when it is not one.
    public static func value(_ s: String) -> Int? {
        Chars.chineseNumberValue(s.unicodeScalars.map(\.value))
    }

    /// The marker of a heading at `level` (1…4) with number `n`, in the standard form: 一、 （一） 1. （1）.
    public static func marker(level: Int, number n: Int) -> String {
        switch level {
        case 1: return string(n) + "、"
        case 2: return "（" + string(n) + "）"
        case 3: return "\(n)."
        default: return "（\(n)）"
        }
    }
}
