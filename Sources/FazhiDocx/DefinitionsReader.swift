/// Reads word/numbering.xml and word/styles.xml into `NumberingDefinitions`.
enum DefinitionsReader {
    /// ST_OnOff: an element present without w:val is on.
    static func onOff(_ v: String?) -> Bool {
        guard let v else { return true }
        return !(v == "0" || v == "false" || v == "off")
    }

    static func int(_ v: String?) -> Int? { v.flatMap { Int($0.trimmingSpaces) } }

    static func readNumbering(_ bytes: [UInt8], into defs: inout NumberingDefinitions) throws {
        var x = ContentScanner(bytes, part: "word/numbering.xml")
        var path: [String] = []
        var abs: NumberingDefinitions.Abstract?, absId: String?
        var inst: NumberingDefinitions.Instance?, instId: String?
        var level: NumberingDefinitions.Level?, levelIndex: Int?
        var overrideIndex: Int?
        while true {
            let e = try x.next()
            switch e {
            case .eof: return
            case .start:
                let name = x.ns == .w ? x.local : "?"
                let parent = path.last ?? ""
                if name == "rPr" || name == "pPr" {
                    try x.skipElement()
                    continue
                }
                let val = x.attribute(.w, "val")
                switch (parent, name) {
                case ("numbering", "abstractNum"):
                    abs = NumberingDefinitions.Abstract()
                    absId = x.attribute(.w, "abstractNumId")
                case ("abstractNum", "numStyleLink"): abs?.numStyleLink = val
                case ("abstractNum", "styleLink"): abs?.styleLink = val
                case ("abstractNum", "lvl"), ("lvlOverride", "lvl"):
                    level = NumberingDefinitions.Level()
                    levelIndex = int(x.attribute(.w, "ilvl"))
                // Word accepts start values up to 32767; clamping keeps counters far from overflow.
                case ("lvl", "start"): level?.start = min(max(int(val) ?? 0, 0), 32767)
                case ("lvl", "numFmt"): level?.format = NumberFormat(word: val ?? "decimal")
                case ("lvl", "lvlText"): level?.text = val
                case ("lvl", "lvlRestart"): level?.restart = int(val)
                case ("lvl", "isLgl"): level?.isLegal = onOff(val)
                case ("lvl", "suff"): level?.suffix = NumberingDefinitions.Suffix(rawValue: val ?? "tab") ?? .tab
                case ("lvl", "pStyle"): level?.style = val
                case ("numbering", "num"):
                    inst = NumberingDefinitions.Instance(abstractId: "")
                    instId = x.attribute(.w, "numId")
                case ("num", "abstractNumId"): inst?.abstractId = val ?? ""
                case ("num", "lvlOverride"): overrideIndex = int(x.attribute(.w, "ilvl"))
                case ("lvlOverride", "startOverride"):
                    if let k = overrideIndex, let v = int(val) { inst?.startOverrides[k] = min(max(v, 0), 32767) }
                default: break
                }
                path.append(name)
            case .end:
                let name = path.popLast() ?? ""
                let parent = path.last ?? ""
                switch (parent, name) {
                case ("abstractNum", "lvl"):
                    if let k = levelIndex, (0..<9).contains(k), let l = level { abs?.levels[k] = l }
                    level = nil
                case ("lvlOverride", "lvl"):
                    if let k = overrideIndex ?? levelIndex, (0..<9).contains(k), let l = level { inst?.levelOverrides[k] = l }
                    level = nil
                case ("numbering", "abstractNum"):
                    if let id = absId, let a = abs { defs.abstracts[id] = a }
                    abs = nil
                case ("numbering", "num"):
                    if let id = instId, let n = inst { defs.instances[id] = n }
                    inst = nil
                default: break
                }
            case .text, .cdata: break
            }
        }
    }

    static func readStyles(_ bytes: [UInt8], into defs: inout NumberingDefinitions) throws {
        var x = ContentScanner(bytes, part: "word/styles.xml")
        var path: [String] = []
        var style: NumberingDefinitions.Style?, styleId: String?
        while true {
            let e = try x.next()
            switch e {
            case .eof: return
            case .start:
                let name = x.ns == .w ? x.local : "?"
                let parent = path.last ?? ""
                switch name {
                // Run formatting, table styles and the latent style list are most of styles.xml; none numbers.
                case "rPr", "tblPr", "trPr", "tcPr", "tblStylePr", "latentStyles", "docDefaults", "rsid":
                    try x.skipElement()
                    continue
                default: break
                }
                let val = name == "basedOn" || name == "numId" || name == "ilvl" ? x.attribute(.w, "val") : nil
                switch (parent, name) {
                case ("styles", "style"):
                    if x.attribute(.w, "type") == "paragraph" {
                        style = NumberingDefinitions.Style()
                        styleId = x.attribute(.w, "styleId")
                        if onOff(x.attribute(.w, "default") ?? "0"), let id = styleId { defs.defaultParagraphStyle = id }
                    }
                case ("style", "basedOn"): style?.basedOn = val
                // Only the style's own pPr (not a tracked pPrChange inside it).
                case ("numPr", "numId") where path.suffix(3) == ["style", "pPr", "numPr"]: style?.numId = val
                case ("numPr", "ilvl") where path.suffix(3) == ["style", "pPr", "numPr"]: style?.ilvl = int(val)
                default: break
                }
                path.append(name)
            case .end:
                let name = path.popLast() ?? ""
                if name == "style", path.last == "styles" {
                    if let id = styleId, let s = style { defs.styles[id] = s }
                    style = nil
                    styleId = nil
                }
            case .text, .cdata: break
            }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
