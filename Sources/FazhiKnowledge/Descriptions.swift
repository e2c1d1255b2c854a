/// Chinese descriptions of knowledge entries, shared by `fazhi explain` and the language server's hover.
extension Law {
    /// Labelled lines ("类别：法律" …), without the name itself.
    public var descriptionLines: [String] {
        var out: [String] = []
        out.append("类别：\(kind)")
        if !issuer.isEmpty { out.append("制定机关：\(issuer)") }
        if let d = adoptedDate { out.append("通过或发布：\(d.chinese)") }
        let amends = amendedDates
        if !amends.isEmpty { out.append("修改：" + amends.map(\.chinese).joined(separator: "、")) }
        if let e = effectiveDate { out.append("施行：\(e.chinese)") }
        var status = "状态：\(self.status)"
        if let r = replacedBy { status += "（已由《\(r)》取代）" }
        out.append(status)
        if let r = repealedDate { out.append("\(lawStatus == .expired ? "失效" : "废止")：\(r.chinese)") }
        if let n = docNumber, !n.isEmpty { out.append("文号：\(n)") }
        if !short.isEmpty { out.append("常用简称：" + short.map { "《\($0)》" }.joined(separator: "、")) }
        if let n = note, !n.isEmpty { out.append("说明：\(n)") }
        return out
    }

    /// "来源：" lines, one per source, for `fazhi explain` (a hover keeps to the facts).
    public var sourceLines: [String] { (sources ?? []).map { "来源：\($0)" } }
}

extension Term {
    public var descriptionLines: [String] {
        var out = [explanation, "出处：\(source)"]
        if let a = aliases, !a.isEmpty { out.append("也写作：" + a.joined(separator: "、")) }
        if let w = wrongForms, !w.isEmpty { out.append("不规范写法：" + w.joined(separator: "、")) }
        return out
    }
}
