import Foundation
import FazhiText

/// Validators for the knowledge files. Each returns a list of problems (empty when the file is sound),
/// one line each, in the form `laws.json laws[3] (xingzheng-chufa-fa)：问题`.
public enum KnowledgeValidation {
    static func isStableId(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }

    static func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    static func hasTitleMarks(_ s: String) -> Bool { s.hasPrefix("《") || s.hasSuffix("》") }

    static func checkDate(_ s: String, field: String, at: String, into p: inout [String]) {
        if KnowledgeDate(s) == nil { p.append("\(at)：\(field) 日期格式应为 YYYY[-MM[-DD]]：“\(s)”") }
    }

    // MARK: laws.json

    public static func validate(_ file: LawsFile) -> [String] {
        var p: [String] = []
        let f = LawsFile.fileName
        if file.version != 1 { p.append("\(f)：version 应为 1，实为 \(file.version)") }
        if file.laws.isEmpty { p.append("\(f)：laws 为空") }
        let index = LawIndex(file: file)
        var ids: [String: Int] = [:], names: [String: Int] = [:], shorts: [String: Int] = [:]
        for (i, law) in file.laws.enumerated() {
            let at = "\(f) laws[\(i)] (\(law.id.isEmpty ? law.name : law.id))"
            if law.id.isEmpty { p.append("\(at)：缺少 id") }
            else if !isStableId(law.id) { p.append("\(at)：id 应为小写 ASCII（字母、数字、-）：“\(law.id)”") }
            if let j = ids[law.id], !law.id.isEmpty { p.append("\(at)：id 与 laws[\(j)] 重复") } else { ids[law.id] = i }
            if blank(law.name) { p.append("\(at)：缺少 name") }
            if hasTitleMarks(law.name) { p.append("\(at)：name 不应带书名号《》") }
            let key = LawNames.key(law.name)
            if !key.isEmpty {
                if let j = names[key] { p.append("\(at)：name 与 laws[\(j)] 重复（规范化后相同）") } else { names[key] = i }
            }
            for s in law.short {
                if blank(s) { p.append("\(at)：short 含空字符串") }
                if hasTitleMarks(s) { p.append("\(at)：short “\(s)” 不应带书名号《》") }
            }
            if law.lawKind == nil { p.append("\(at)：kind “\(law.kind)” 不在允许值 \(LawKind.allCases.map(\.rawValue)) 中") }
            if blank(law.issuer) { p.append("\(at)：缺少 issuer") }
            if blank(law.adopted) { p.append("\(at)：缺少 adopted") } else { checkDate(law.adopted, field: "adopted", at: at, into: &p) }
            if let am = law.amended {
                for d in am { checkDate(d, field: "amended", at: at, into: &p) }
                let dates = am.compactMap(KnowledgeDate.init)
                if dates != dates.sorted() { p.append("\(at)：amended 应按时间先后排列") }
                if let a = law.adoptedDate, let first = dates.first, first.isCertainlyBefore(a) {
                    p.append("\(at)：amended \(first) 早于 adopted \(a)")
                }
            }
            if let e = law.effective { checkDate(e, field: "effective", at: at, into: &p) }
            if law.lawStatus == nil { p.append("\(at)：status “\(law.status)” 不在允许值 \(LawStatus.allCases.map(\.rawValue)) 中") }
            if let r = law.replacedBy, blank(r) { p.append("\(at)：replacedBy 为空字符串") }
            if let d = law.docNumber, blank(d) { p.append("\(at)：docNumber 为空字符串") }
            if let n = law.note, blank(n) { p.append("\(at)：note 为空字符串") }
            if let r = law.repealed { checkDate(r, field: "repealed", at: at, into: &p) }
            if let r = law.repealedDate, let a = law.adoptedDate, r.isCertainlyBefore(a) { p.append("\(at)：repealed \(r) 早于 adopted \(a)") }
            if let e = law.effectiveDate, let a = law.adoptedDate, e.isCertainlyBefore(a) { p.append("\(at)：effective \(e) 早于 adopted \(a)") }
            if law.isInForce {
                if law.repealed != nil { p.append("\(at)：现行有效的文件不应有 repealed") }
                if law.replacedBy != nil { p.append("\(at)：现行有效的文件不应有 replacedBy") }
            } else if law.lawStatus != nil && law.repealed == nil && law.replacedBy == nil {
                p.append("\(at)：\(law.status)的文件应注明 repealed（停止施行的日期）或 replacedBy（继任文件）")
            }
            let sources = law.sources ?? []
            if sources.isEmpty { p.append("\(at)：缺少 sources（事实的出处）") }
            for s in sources where blank(s) { p.append("\(at)：sources 含空字符串") }
            if let r = law.citedRank, r < 1 { p.append("\(at)：citedRank 应为正整数（1 表示几乎每份报告都引用）") }
        }
        // replacedBy names a document in the list (by full name or short form).
        for (i, law) in file.laws.enumerated() {
            guard let r = law.replacedBy, !blank(r) else { continue }
            guard let succ = index.resolve(r) else {
                p.append("\(f) laws[\(i)] (\(law.id))：replacedBy “\(r)” 不是 laws 中的已知文件"); continue
            }
            if succ.id == law.id { p.append("\(f) laws[\(i)] (\(law.id))：replacedBy 指向自身") }
        }
        let ambiguous = Set(file.ambiguousShort.map(LawNames.key))
        // Short forms: unambiguous and not another document's full name.
        for (i, law) in file.laws.enumerated() {
            let own = LawNames.key(law.name)
            for s in law.short {
                let k = LawNames.key(s)
                guard !k.isEmpty, k != own else { continue }
                if let j = names[k], j != i { p.append("\(f) laws[\(i)] (\(law.id))：short “\(s)” 是 laws[\(j)] 的全称") }
                if let j = shorts[k], j != i {
                    if !ambiguous.contains(k) { p.append("\(f) laws[\(i)] (\(law.id))：short “\(s)” 与 laws[\(j)] 的简称重复，无法唯一识别（确属多指时列入 ambiguousShort）") }
                } else { shorts[k] = i }
            }
        }
        for a in file.ambiguousShort where shorts[LawNames.key(a)] == nil {
            p.append("\(f)：ambiguousShort “\(a)” 不是任何文件的简称")
        }
        var mnames: [String: Int] = [:]
        for (i, m) in file.misnomers.enumerated() {
            let at = "\(f) misnomers[\(i)] (\(m.name))"
            if blank(m.name) { p.append("\(at)：缺少 name") }
            if hasTitleMarks(m.name) { p.append("\(at)：name 不应带书名号《》") }
            let k = LawNames.key(m.name)
            if !k.isEmpty {
                if let j = mnames[k] { p.append("\(at)：与 misnomers[\(j)] 重复") } else { mnames[k] = i }
            }
            if index.resolve(m.name) != nil { p.append("\(at)：name 是已知文件的名称，不应列为错误名称") }
            if m.suggest.isEmpty { p.append("\(at)：缺少 suggest") }
            for s in m.suggest where index.resolve(s) == nil {
                p.append("\(at)：suggest “\(s)” 不是 laws 中的已知文件")
            }
            if blank(m.reason) { p.append("\(at)：缺少 reason") }
        }
        return p
    }

    // MARK: terms.json

    public static func validate(_ file: TermsFile) -> [String] {
        var p: [String] = []
        let f = TermsFile.fileName
        if file.version != 1 { p.append("\(f)：version 应为 1，实为 \(file.version)") }
        if file.terms.isEmpty { p.append("\(f)：terms 为空") }
        var forms: [String: Int] = [:]
        for (i, t) in file.terms.enumerated() {
            let at = "\(f) terms[\(i)] (\(t.term))"
            if blank(t.term) { p.append("\(at)：缺少 term") }
            if t.term.contains("“") || t.term.contains("”") { p.append("\(at)：term 不应带引号") }
            for a in t.aliases ?? [] where blank(a) { p.append("\(at)：aliases 含空字符串") }
            for form in t.forms where !blank(form) {
                if let j = forms[form], j != i { p.append("\(at)：“\(form)” 与 terms[\(j)] 重复") } else { forms[form] = i }
            }
            if blank(t.explanation) { p.append("\(at)：缺少 explanation") }
            if blank(t.source) { p.append("\(at)：缺少 source") }
            for w in t.wrongForms ?? [] {
                if blank(w) { p.append("\(at)：wrongForms 含空字符串"); continue }
                if !t.term.isEmpty && w.contains(t.term) { p.append("\(at)：wrongForms “\(w)” 含有 term 本身，会误报正确写法") }
                if t.forms.contains(w) { p.append("\(at)：wrongForms “\(w)” 同时是正确写法") }
            }
            if let parts = t.parts {
                let whole = parts.joined(separator: t.joiner ?? "") + (t.tail ?? "")
                if parts.count < 2 || parts.contains(where: blank) { p.append("\(at)：parts 应至少有两项且不含空字符串") }
                else if whole != t.term { p.append("\(at)：parts 连同 joiner、tail 拼成“\(whole)”，与 term 不一致") }
                if let m = t.minParts, m < 2 || m > parts.count { p.append("\(at)：minParts 应在 2 到 \(parts.count) 之间") }
                for (i, a) in parts.enumerated() {
                    for (j, b) in parts.enumerated() where i != j && !a.isEmpty && b.contains(a) {
                        p.append("\(at)：parts “\(b)” 含有另一项“\(a)”，无法逐项识别")
                    }
                }
            } else if t.joiner != nil || t.tail != nil || t.minParts != nil {
                p.append("\(at)：joiner、tail、minParts 只能与 parts 一起使用")
            }
            for c in t.truncations ?? [] {
                if blank(c.form) || !t.term.contains(c.form) || c.form == t.term { p.append("\(at)：truncations 的 form “\(c.form)” 应是 term 的一部分") }
                if c.before.isEmpty && c.after.isEmpty { p.append("\(at)：truncations “\(c.form)” 缺少 before 或 after") }
            }
            if let a = t.area {
                let ok = a.hasPrefix("A") && a.count > 1 && a.dropFirst().allSatisfy(\.isASCII) && Int(a.dropFirst()) != nil
                if !ok { p.append("\(at)：area “\(a)” 应为 A1…A10") }
            }
        }
        for (i, t) in file.terms.enumerated() {
            for w in t.wrongForms ?? [] {
                if let j = forms[w], j != i { p.append("\(f) terms[\(i)] (\(t.term))：wrongForms “\(w)” 是 terms[\(j)] 的正确写法") }
            }
        }
        return p
    }

    // MARK: phrases.json

    /// Problems of an LSP snippet's placeholders (`${1:年份}`, `$1`, `\\$` escapes); empty when balanced.
    public static func snippetProblems(_ snippet: String) -> [String] {
        var p: [String] = []
        let s = Array(snippet.unicodeScalars)
        var i = 0
        var depth = 0
        var count = 0
        while i < s.count {
            let c = s[i]
            if c == "\\" { i += 2; continue }
            if c == "$" {
                if i + 1 < s.count && s[i + 1] == "{" {
                    var j = i + 2
                    while j < s.count && s[j].properties.numericType != nil && s[j].isASCII { j += 1 }
                    if j == i + 2 { p.append("占位符 ${ 后应为数字：位置 \(i)"); i += 2; continue }
                    if j < s.count && s[j] == ":" { depth += 1; count += 1; i = j + 1; continue }
                    if j < s.count && s[j] == "}" { count += 1; i = j + 1; continue }
                    if j < s.count && s[j] == "|" { depth += 1; count += 1; i = j + 1; continue }
                    p.append("占位符格式错误：位置 \(i)")
                    i = j
                    continue
                }
                if i + 1 < s.count && s[i + 1].isASCII && s[i + 1].properties.numericType != nil { count += 1 }
                i += 1
                continue
            }
            if c == "}" {
                if depth == 0 { p.append("多余的 }：位置 \(i)") } else { depth -= 1 }
            }
            i += 1
        }
        if depth > 0 { p.append("有 \(depth) 个占位符没有闭合的 }") }
        if count == 0 { p.append("snippet 不含占位符（无占位符时应省略 snippet）") }
        return p
    }

    public static func validate(_ file: PhrasesFile) -> [String] {
        var p: [String] = []
        let f = PhrasesFile.fileName
        if file.version != 1 { p.append("\(f)：version 应为 1，实为 \(file.version)") }
        if file.phrases.isEmpty { p.append("\(f)：phrases 为空") }
        var seen: [String: Int] = [:]
        for (i, ph) in file.phrases.enumerated() {
            let at = "\(f) phrases[\(i)] (\(ph.label))"
            if blank(ph.label) { p.append("\(at)：缺少 label") }
            if blank(ph.text) { p.append("\(at)：缺少 text") }
            if let j = seen[ph.text], !ph.text.isEmpty { p.append("\(at)：text 与 phrases[\(j)] 重复") } else { seen[ph.text] = i }
            if ph.contexts.isEmpty { p.append("\(at)：缺少 contexts") }
            for c in ph.contexts where PhraseContext(rawValue: c) == nil {
                p.append("\(at)：context “\(c)” 不在允许值 \(PhraseContext.allCases.map(\.rawValue)) 中")
            }
            if let sn = ph.snippet {
                if blank(sn) { p.append("\(at)：snippet 为空字符串") }
                else { for e in snippetProblems(sn) { p.append("\(at)：snippet \(e)") } }
            }
        }
        return p
    }

    // MARK: confusables.json

    public static func validate(_ file: ConfusablesFile) -> [String] {
        var p: [String] = []
        let f = ConfusablesFile.fileName
        if file.version != 1 { p.append("\(f)：version 应为 1，实为 \(file.version)") }
        if file.pairs.isEmpty { p.append("\(f)：pairs 为空") }
        var wrongs: [String: Int] = [:]
        for (i, pair) in file.pairs.enumerated() {
            let at = "\(f) pairs[\(i)] (\(pair.wrong)→\(pair.right))"
            if blank(pair.wrong) { p.append("\(at)：缺少 wrong") }
            if blank(pair.right) { p.append("\(at)：缺少 right") }
            if !pair.wrong.isEmpty && pair.wrong == pair.right { p.append("\(at)：wrong 与 right 相同") }
            if let j = wrongs[pair.wrong], !pair.wrong.isEmpty { p.append("\(at)：wrong 与 pairs[\(j)] 重复") } else { wrongs[pair.wrong] = i }
            if blank(pair.reason) { p.append("\(at)：缺少 reason") }
            if !["error", "warning", "info"].contains(pair.severity) { p.append("\(at)：severity “\(pair.severity)” 应为 error、warning 或 info") }
            if let r = pair.rule, ConfusableRule(rawValue: r) == nil { p.append("\(at)：rule “\(r)” 应为 confusable 或 term-form") }
            for e in pair.exceptions ?? [] {
                if blank(e) { p.append("\(at)：exceptions 含空字符串") }
                else if !pair.wrong.isEmpty && !e.contains(pair.wrong) { p.append("\(at)：exception “\(e)” 不含 wrong，不起作用") }
                else if e == pair.wrong { p.append("\(at)：exception 与 wrong 相同，本条永远不会报出") }
            }
            if blank(pair.okExample) { p.append("\(at)：缺少 okExample") }
            if blank(pair.badExample) { p.append("\(at)：缺少 badExample") }
            guard !pair.wrong.isEmpty else { continue }
            let own = ConfusableIndex(pairs: [pair])
            if !pair.okExample.isEmpty && !own.matches(in: pair.okExample).isEmpty {
                p.append("\(at)：okExample 会被本条误报：“\(pair.okExample)”")
            }
            if !pair.badExample.isEmpty {
                if !pair.badExample.contains(pair.wrong) { p.append("\(at)：badExample 不含 wrong：“\(pair.badExample)”") }
                else if own.matches(in: pair.badExample).isEmpty { p.append("\(at)：badExample 未被本条检出（被 exceptions 排除）：“\(pair.badExample)”") }
            }
        }
        return p
    }

    // MARK: anchors.json

    public static func validate(_ file: AnchorsFile) -> [String] {
        var p: [String] = []
        let f = AnchorsFile.fileName
        if file.version != 1 { p.append("\(f)：version 应为 1，实为 \(file.version)") }
        if file.anchors.isEmpty { p.append("\(f)：anchors 为空") }
        var ids: [String: Int] = [:], phrases: [String: Int] = [:]
        for (i, a) in file.anchors.enumerated() {
            let at = "\(f) anchors[\(i)] (\(a.id))"
            if a.id.isEmpty { p.append("\(at)：缺少 id") }
            else if !isStableId(a.id) { p.append("\(at)：id 应为小写 ASCII（字母、数字、-）：“\(a.id)”") }
            if let j = ids[a.id], !a.id.isEmpty { p.append("\(at)：id 与 anchors[\(j)] 重复") } else { ids[a.id] = i }
            if a.phrases.isEmpty { p.append("\(at)：缺少 phrases") }
            for ph in a.phrases {
                if blank(ph) { p.append("\(at)：phrases 含空字符串"); continue }
                if let j = phrases[ph], j != i { p.append("\(at)：phrase “\(ph)” 与 anchors[\(j)] 重复") } else { phrases[ph] = i }
            }
            if a.anchorKind == nil { p.append("\(at)：kind “\(a.kind)” 不在允许值 \(AnchorKind.allCases.map(\.rawValue)) 中") }
            if blank(a.date) { p.append("\(at)：缺少 date") } else { checkDate(a.date, field: "date", at: at, into: &p) }
            if let u = a.until {
                checkDate(u, field: "until", at: at, into: &p)
                if let d = a.startDate, let ud = a.untilDate, ud.isCertainlyBefore(d) { p.append("\(at)：until \(u) 早于 date \(a.date)") }
            }
            if let s = a.supersededBy, blank(s) { p.append("\(at)：supersededBy 为空字符串") }
            if blank(a.note) { p.append("\(at)：缺少 note") }
        }
        return p
    }
}

extension LawsFile { public func validate() -> [String] { KnowledgeValidation.validate(self) } }
extension TermsFile { public func validate() -> [String] { KnowledgeValidation.validate(self) } }
extension PhrasesFile { public func validate() -> [String] { KnowledgeValidation.validate(self) } }
extension ConfusablesFile { public func validate() -> [String] { KnowledgeValidation.validate(self) } }
extension AnchorsFile { public func validate() -> [String] { KnowledgeValidation.validate(self) } }
