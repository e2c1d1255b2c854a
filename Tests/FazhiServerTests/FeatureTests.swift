import FazhiJSON
import Foundation
import XCTest

/// Applies LSP text edits (UTF-16 positions) to a string.
func applyEdits(_ text: String, _ edits: [JSON]) -> String {
    var u = Array(text.utf16)
    func offset(_ p: JSON) -> Int {
        let line = p["line"]!.int!, ch = p["character"]!.int!
        var starts = [0]
        for (i, c) in u.enumerated() where c == 10 { starts.append(i + 1) }
        guard line < starts.count else { return u.count }
        var end = line + 1 < starts.count ? starts[line + 1] - 1 : u.count
        if end > starts[line] && u[end - 1] == 13 { end -= 1 }
        return min(starts[line] + ch, end)
    }
    let sorted = edits.sorted { offset($0["range"]!["start"]!) > offset($1["range"]!["start"]!) }
    for e in sorted {
        let a = offset(e["range"]!["start"]!), b = offset(e["range"]!["end"]!)
        u.replaceSubrange(a..<b, with: Array(e["newText"]!.str!.utf16))
    }
    return String(decoding: u, as: UTF16.self)
}

func edits(of action: JSON, uri: String) -> [JSON] {
    if let dc = action["edit"]?["documentChanges"]?.arr {
        return dc.filter { $0["textDocument"]?["uri"]?.str == uri }.flatMap { $0["edits"]?.arr ?? [] }
    }
    return action["edit"]?["changes"]?[uri]?.arr ?? []
}

final class ServerFeatureTests: XCTestCase {
    var c: LSPTestClient!
    let uri = "file:///tmp/fazhi-features/report.txt"

    override func setUpWithError() throws {
        c = try LSPTestClient()
        _ = c.initialize(richCapabilities)
    }

    override func tearDown() {
        if let c, c.process.isRunning { c.finish() }
    }

    func lines(_ s: String) -> [String] { s.components(separatedBy: "\n") }

    /// The editor's outline is honest about merged and position-judged parts, as `fazhi outline` is.
    func testOutlineSaysWhichPartsAreMergedWhere() {
        let text = "××镇人民政府关于2024年度法治政府建设情况的报告\n一、强化组织领导，夯实法治基础\n（一）履行推进法治建设第一责任人职责\n镇党委书记带头述法。\n二、存在的不足和原因\n培训不足，原因是经费有限。\n三、2025年工作安排\n继续加强培训。\n"
        c.open(uri, text)
        let tops = c.request("textDocument/documentSymbol", doc(uri)).arr.first?["children"]?.arr ?? []
        XCTAssertEqual(tops.count, 3)
        let detail = tops.first?["detail"]?.str ?? ""
        XCTAssertTrue(detail.hasPrefix("主要举措和成效（按位置判断）；含党政主要负责人履行第一责任人职责情况（未单列） · "), detail)
        let sub = tops.first?["children"]?.arr.first?["detail"]?.str ?? ""
        XCTAssertTrue(sub.hasPrefix("党政主要负责人履行第一责任人职责情况（未单列） · "), sub)
        XCTAssertTrue(tops[1]["detail"]?.str?.hasPrefix("存在的不足和原因 · ") ?? false)
    }

    func testDocumentSymbolHierarchy() {
        c.open(uri, sampleReport)
        let syms = c.request("textDocument/documentSymbol", doc(uri)).arr
        XCTAssertEqual(syms.count, 1)
        let title = syms[0]
        XCTAssertEqual(title["name"]?.str, "××镇人民政府关于2024年度法治政府建设情况的报告")
        XCTAssertEqual(title["kind"]?.int, 1)
        let tops = title["children"]?.arr ?? []
        XCTAssertEqual(tops.count, 5)
        XCTAssertEqual(tops.first?["name"]?.str, "一、2024年度推进法治政府建设的主要举措和成效")
        XCTAssertEqual(tops.first?["detail"]?.str?.hasPrefix("主要举措和成效 · 2项/"), true, tops.first?["detail"]?.str ?? "")
        XCTAssertEqual(tops.first?["children"]?.arr.map { $0["name"]?.str ?? "" }, ["（一）加强组织领导", "（二）规范行政执法"])
        XCTAssertEqual(tops[2]["detail"]?.str?.hasPrefix("党政主要负责人履行第一责任人职责情况"), true)
        // selectionRange is the heading text, range the section.
        let l = lines(sampleReport).firstIndex { $0.hasPrefix("一、") }!
        XCTAssertEqual(tops[0]["selectionRange"], rng(l, 2, l, lines(sampleReport)[l].utf16.count))
        XCTAssertEqual(tops[0]["range"]?["start"], pos(l, 0))
        XCTAssertEqual(tops[0]["range"]?["end"], pos(l + 5, 0))

        let folds = c.request("textDocument/foldingRange", doc(uri)).arr
        XCTAssertTrue(folds.contains { $0["startLine"]?.int == l && $0["endLine"]?.int == l + 4 }, "\(folds)")
        let ws = c.request("workspace/symbol", ["query": "不足"]).arr
        XCTAssertEqual(ws.map { $0["name"]?.str ?? "" }, ["二、存在的不足和原因"])
        var sp = doc(uri).objectValue!
        sp["positions"] = [pos(l + 2, 4)]
        let sel = c.request("textDocument/selectionRange", .object(sp)).arr
        var depth = 0
        var node: JSON? = sel.first
        while let n = node, !n.isNull { depth += 1; node = n["parent"] }
        XCTAssertGreaterThanOrEqual(depth, 4)
    }

    func testHoverOnHeadingLawAndRate() {
        c.open(uri, sampleReport)
        let ls = lines(sampleReport)
        let l = ls.firstIndex { $0.hasPrefix("三、") }!
        var p = doc(uri).objectValue!
        p["position"] = pos(l, 4)
        let h = c.request("textDocument/hover", .object(p))
        XCTAssertEqual(h["contents"]?["kind"]?.str, "markdown")
        let v = h["contents"]?["value"]?.str ?? ""
        XCTAssertTrue(v.contains("党政主要负责人履行第一责任人职责情况"), v)
        XCTAssertTrue(v.contains("上一年度党政主要负责人履行推进法治建设第一责任人职责"), v)
        XCTAssertTrue(v.contains("依据：《法治政府建设与责任落实督察工作规定》"), v)
        XCTAssertTrue(v.contains("要求："), v)

        let lawLine = ls.firstIndex { $0.contains("《行政处罚法》") }!
        p["position"] = pos(lawLine, Array(ls[lawLine].utf16).count - 5)
        let lh = c.request("textDocument/hover", .object(p))["contents"]?["value"]?.str ?? ""
        XCTAssertTrue(lh.contains("中华人民共和国行政处罚法"), lh)
        XCTAssertTrue(lh.contains("现行有效"), lh)

        let rateLine = ls.firstIndex { $0.contains("办结率") }!
        let ch = (ls[rateLine] as NSString).range(of: "办结率").location + 1
        p["position"] = pos(rateLine, ch)
        let rh = c.request("textDocument/hover", .object(p))["contents"]?["value"]?.str ?? ""
        XCTAssertTrue(rh.contains("114 ÷ 120"), rh)
        let termCh = (ls[rateLine] as NSString).range(of: "双随机").location + 1
        p["position"] = pos(rateLine, termCh)
        let th = c.request("textDocument/hover", .object(p))["contents"]?["value"]?.str ?? ""
        XCTAssertTrue(th.contains("随机抽取检查对象") && th.contains("国办发〔2015〕58号"), th)
        let hints = c.request("textDocument/inlayHint", ["textDocument": ["uri": .string(uri)], "range": rng(0, 0, 40, 0)]).arr
        XCTAssertTrue(hints.contains { $0["label"]?.str == "≈95%" }, "\(hints)")
        XCTAssertLessThanOrEqual(hints.count, 5)
        let links = c.request("textDocument/documentLink", doc(uri)).arr
        XCTAssertEqual(links.first?["target"]?.str,
                       "https://flk.npc.gov.cn/search?keyword=" + "中华人民共和国行政处罚法".addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abc"))!)
    }

    func completion(_ line: Int, _ ch: Int) -> [JSON] {
        var p = doc(uri).objectValue!
        p["position"] = pos(line, ch)
        let r = c.request("textDocument/completion", .object(p))
        return r["items"]?.arr ?? r.arr
    }

    func testCompletionTemplateHeadingsLawsAndOrdinals() {
        // Empty document: the whole report.
        c.open(uri, "")
        let t = completion(0, 0)
        XCTAssertEqual(t.count, 1)
        XCTAssertEqual(t.first?["insertTextFormat"]?.int, 2)
        let body = t.first?["textEdit"]?["newText"]?.str ?? ""
        for marker in ["一、", "二、", "三、", "四、", "五、", "特此报告"] { XCTAssertTrue(body.contains(marker), marker) }
        XCTAssertTrue(body.contains("${1:××镇}"), body)

        // Next heading on an empty line.
        let text = "××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n（一）加强领导\n全年召开会议4次。\n\n"
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2], "contentChanges": [["text": .string(text)]]])
        let next = completion(4, 0).map { $0["label"]?.str ?? "" }
        XCTAssertTrue(next.contains("（二）"), "\(next)")
        XCTAssertTrue(next.contains { $0.hasPrefix("二、") && $0.contains("存在的不足和原因") }, "\(next)")

        // After 《: law names with the closing 》, in the form the user is typing: the short name after
        // "《行政" (so that prefix-filtering clients keep it), the full name after "《中华人民共和国行".
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 3],
                                           "contentChanges": [["range": rng(4, 0, 4, 0), "text": "严格执行《行政"]]])
        let laws = completion(4, 7)
        let chufa = laws.first { $0["label"]?.str == "行政处罚法" }
        XCTAssertNotNil(chufa, "\(laws)")
        XCTAssertEqual(chufa?["textEdit"]?["newText"]?.str, "行政处罚法》")
        XCTAssertEqual(chufa?["filterText"]?.str, "行政处罚法")
        // The edit replaces what was typed after 《.
        XCTAssertEqual(chufa?["textEdit"]?["range"], marked("\n\n\n\n严格执行《⟦行政⟧").range)
        for item in laws {
            XCTAssertTrue(item["textEdit"]?["newText"]?.str?.hasPrefix("行政") ?? false, "\(item)")
            XCTAssertTrue(item["filterText"]?.str?.hasPrefix("行政") ?? false, "\(item)")
        }
        // Only names in force in the report year (2024, from the title), the most cited first.
        XCTAssertEqual(laws.compactMap { $0["label"]?.str }, ["行政复议法", "行政处罚法"])
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 31],
                                           "contentChanges": [["range": rng(4, 7, 4, 7), "text": "》中华人民共和国行"]]])
        // Line 4 is now "严格执行《行政》中华人民共和国行"; no 《 before the cursor's run: no law list.
        XCTAssertFalse(completion(4, 16).contains { $0["kind"]?.int == 18 })
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 32],
                                           "contentChanges": [["range": rng(4, 7, 4, 8), "text": "，《"]]])
        let full = completion(4, 17)
        XCTAssertEqual(Set(full.compactMap { $0["textEdit"]?["newText"]?.str }), ["中华人民共和国行政处罚法》", "中华人民共和国行政复议法》"], "\(full)")
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 33],
                                           "contentChanges": [["range": rng(4, 0, 4, 17), "text": "严格执行《行政"]]])
        let resolved = c.request("completionItem/resolve", chufa ?? .null)
        XCTAssertTrue(resolved["documentation"]?["value"]?.str?.contains("全国人民代表大会常务委员会") ?? false)

        // 一是 … → 二是
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 4],
                                           "contentChanges": [["range": rng(4, 0, 4, 7), "text": "一是健全机制；"]]])
        let ord = completion(4, 7)
        XCTAssertEqual(ord.first?["label"]?.str, "二是", "\(ord)")

        // Phrases by prefix, in the part the cursor is in.
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 5],
                                           "contentChanges": [["range": rng(4, 0, 4, 7), "text": "健全依法"]]])
        let ph = completion(4, 4)
        XCTAssertTrue(ph.contains { $0["label"]?.str == "健全依法决策机制" }, "\(ph)")
    }

    func testFlatSymbolsAndMarkerTrigger() throws {
        let d = try LSPTestClient()
        _ = d.initialize([:])
        d.open(uri, sampleReport)
        let flat = d.request("textDocument/documentSymbol", doc(uri)).arr
        XCTAssertTrue(flat.allSatisfy { $0["location"] != nil && $0["children"] == nil })
        XCTAssertEqual(flat.first { $0["name"]?.str == "（一）加强组织领导" }?["containerName"]?.str, "一、2024年度推进法治政府建设的主要举措和成效")
        // Hover falls back to plain text.
        let l = lines(sampleReport).firstIndex { $0.hasPrefix("二、") }!
        var hp = doc(uri).objectValue!
        hp["position"] = pos(l, 3)
        XCTAssertEqual(d.request("textDocument/hover", .object(hp))["contents"]?["kind"]?.str, "plaintext")
        // "六、" typed on a new line: heading texts of missing parts (none here), and nothing breaks.
        let text = "××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开会议4次。\n二、"
        d.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2], "contentChanges": [["text": .string(text)]]])
        hp["position"] = pos(3, 2)
        let items = d.request("textDocument/completion", .object(hp))["items"]?.arr ?? []
        XCTAssertTrue(items.contains { $0["label"]?.str?.contains("存在的不足和原因") ?? false }, "\(items)")
        XCTAssertEqual(d.finish(), 0)
    }

    func testTemplateIsPlainTextWithoutSnippetSupport() throws {
        let d = try LSPTestClient()
        _ = d.initialize([:])
        d.open(uri, "\n")
        var p = doc(uri).objectValue!
        p["position"] = pos(0, 0)
        let r = d.request("textDocument/completion", .object(p))
        let item = (r["items"]?.arr ?? [])[0]
        XCTAssertEqual(item["insertTextFormat"]?.int, 1)
        XCTAssertFalse(item["textEdit"]?["newText"]?.str?.contains("${") ?? true)
        XCTAssertEqual(d.finish(), 0)
    }

    func testCodeActions() {
        let text = "××镇人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年召开会议4次。\n三、2025年工作安排\n继续加强。\n"
        c.open(uri, text)
        var p = doc(uri).objectValue!
        p["range"] = rng(0, 0, 0, 0)
        p["context"] = ["diagnostics": []]
        let actions = c.request("textDocument/codeAction", .object(p)).arr
        let insert = actions.first { $0["title"]?.str == "插入缺少的部分：存在的不足和原因" }
        XCTAssertNotNil(insert, "\(actions.map { $0["title"]?.str ?? "" })")
        XCTAssertEqual(insert?["kind"]?.str, "quickfix")
        let applied = applyEdits(text, edits(of: insert ?? .null, uri: uri))
        XCTAssertTrue(applied.contains("全年召开会议4次。\n二、2024年推进法治政府建设存在的不足和原因\n　　（待补充）\n\n三、2025年工作安排"), applied)
        // Renumbering: 一、举措 二、安排 → the inserted part becomes 二、 and 安排 becomes 三、.
        let text2 = "××镇人民政府关于2024年度法治政府建设情况的报告\r\n一、主要举措和成效\r\n全年召开会议4次。\r\n二、2025年工作安排\r\n继续加强。\r\n"
        let uri2 = "file:///tmp/fazhi-features/report2.txt"
        c.open(uri2, text2)
        var p2 = doc(uri2).objectValue!
        p2["range"] = rng(0, 0, 0, 0)
        p2["context"] = ["diagnostics": []]
        let a2 = c.request("textDocument/codeAction", .object(p2)).arr
        let ins2 = a2.first { $0["title"]?.str == "插入缺少的部分：存在的不足和原因" }
        let out2 = applyEdits(text2, edits(of: ins2 ?? .null, uri: uri2))
        XCTAssertTrue(out2.hasSuffix("全年召开会议4次。\r\n二、2024年推进法治政府建设存在的不足和原因\r\n　　（待补充）\r\n\r\n三、2025年工作安排\r\n继续加强。\r\n"), out2)

        // Several findings on the title (e.g. the placeholder ××): take the ignore action of missing-part.
        let ignores = actions.filter { $0["title"]?.str?.hasPrefix("忽略此处") ?? false }
        let ignore = ignores.first { $0["command"]?["arguments"]?[0]?["rule"]?.str == "missing-part" }
        XCTAssertNotNil(ignore, "\(ignores.map { $0["title"]?.str ?? "" })")
        XCTAssertEqual(ignore?["command"]?["command"]?.str, "fazhi.ignore")
        // The server edits .fazhi.json itself (byte-preserving, atomically): no WorkspaceEdit for the editor.
        XCTAssertNil(ignore?["edit"])
        XCTAssertEqual(ignore?["command"]?["arguments"]?[0]?["configPath"]?.str, "/tmp/fazhi-features/.fazhi.json")

        // Quick fixes from rules, and source.fixAll.fazhi with every safe fix.
        let fixable = "××镇人民政府关于2024年度法治政府建设情况的报告。\n××县人民政府：\n一、主要举措和成效\n全年召开会议4次。\n特此报告。\n××镇人民政府\n2025.1.10\n"
        c.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2], "contentChanges": [["text": .string(fixable)]]])
        p["range"] = rng(0, 0, 10, 0)
        let all = c.request("textDocument/codeAction", .object(p)).arr
        let titles = all.map { $0["title"]?.str ?? "" }
        let quick = all.filter { $0["kind"]?.str == "quickfix" && $0["isPreferred"]?.boolValue == true }
        XCTAssertTrue(quick.contains { ($0["title"]?.str ?? "").contains("标点") }, "\(titles)")
        let fixAll = all.first { $0["kind"]?.str == "source.fixAll.fazhi" }
        XCTAssertNotNil(fixAll, "\(titles)")
        let fixedAll = applyEdits(fixable, edits(of: fixAll ?? .null, uri: uri))
        XCTAssertTrue(fixedAll.hasPrefix("××镇人民政府关于2024年度法治政府建设情况的报告\n"), fixedAll)
        XCTAssertTrue(fixedAll.contains("2025年1月10日"), fixedAll)
        var only = p
        only["context"] = ["diagnostics": [], "only": ["source.fixAll"]]
        let sources = c.request("textDocument/codeAction", .object(only)).arr
        XCTAssertTrue(sources.allSatisfy { $0["kind"]?.str == "source.fixAll.fazhi" })
    }

    func testSemanticTokensWellFormed() {
        c.open(uri, sampleReport)
        let data = c.request("textDocument/semanticTokens/full", doc(uri))["data"]?.arr.compactMap(\.int) ?? []
        XCTAssertFalse(data.isEmpty)
        XCTAssertEqual(data.count % 5, 0)
        var line = 0, ch = 0, lastEnd = -1, lastLine = -1
        for i in stride(from: 0, to: data.count, by: 5) {
            let dl = data[i], dc = data[i + 1], len = data[i + 2], type = data[i + 3]
            XCTAssertGreaterThanOrEqual(dl, 0)
            line += dl
            ch = dl == 0 ? ch + dc : dc
            XCTAssertGreaterThan(len, 0)
            XCTAssertTrue((0..<8).contains(type))
            if line == lastLine { XCTAssertGreaterThanOrEqual(ch, lastEnd, "overlapping tokens") }
            lastLine = line
            lastEnd = ch + len
        }
        let l = lines(sampleReport).firstIndex { $0.hasPrefix("一、") }!
        // The top-level heading is a `class` token covering the whole line.
        var found = false
        line = 0; ch = 0
        for i in stride(from: 0, to: data.count, by: 5) {
            line += data[i]
            ch = data[i] == 0 ? ch + data[i + 1] : data[i + 1]
            if line == l && ch == 0 && data[i + 3] == 1 { found = true }
        }
        XCTAssertTrue(found)
    }
}
