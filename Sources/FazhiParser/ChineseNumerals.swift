/// Chinese numerals for ordinals (一 … 九十九, then Arabic digits).
public enum ChineseNumerals {
    static let digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    public static func string(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        if n < 10 { return digits[n] }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        if n < 100 { return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        return String(n)
    }

    /// The marker of a heading at `level` (1…4) with number `n`, in the standard form.
    public static func marker(level: Int, number n: Int) -> String {
        switch level {
        case 1: return string(n) + "、"
        case 2: return "（" + string(n) + "）"
        case 3: return "\(n)."
        default: return "（\(n)）"
        }
    }
}
