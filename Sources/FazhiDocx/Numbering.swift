/// Word's automatic numbering (word/numbering.xml) and the paragraph styles that carry it
/// (word/styles.xml), enough to render each numbered paragraph's number as Word shows it.
struct NumberingDefinitions {
    enum Suffix: String { case tab, space, nothing }

    struct Level {
        var start = 0 // ECMA-376 17.9.25: an omitted w:start means zero
        var format = NumberFormat.decimal
        var text: String?
        /// w:lvlRestart: nil = restart after any higher level; 0 = never; n = after level n (1-based) or higher.
        var restart: Int?
        var isLegal = false
        var suffix = Suffix.tab
        var style: String?
    }

    struct Abstract {
        var levels: [Int: Level] = [:]
        var numStyleLink: String?
        var styleLink: String?
    }

    struct Instance {
        var abstractId: String
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    struct Style {
        var basedOn: String?
        var numId: String?
        var ilvl: Int?
    }

    var abstracts: [String: Abstract] = [:]
    var instances: [String: Instance] = [:]
    var styles: [String: Style] = [:]
    var defaultParagraphStyle: String?

    // MARK: resolution

    /// The numbering of a paragraph from its direct properties and its style chain (basedOn, depth-limited:
    /// a cycle in a damaged styles.xml must not hang). numId 0 removes numbering.
    func numbering(numId: String?, ilvl: Int?, style: String?) -> (numId: String, ilvl: Int)? {
        var id = numId, level = ilvl
        var s = style ?? defaultParagraphStyle
        var styleWithNumbering: String?
        var hops = 0
        while let name = s, hops < 32, id == nil || level == nil {
            guard let st = styles[name] else { break }
            if id == nil, let n = st.numId { id = n; styleWithNumbering = name }
            if level == nil, let l = st.ilvl { level = l }
            s = st.basedOn
            hops += 1
        }
        guard let id, id != "0", instances[id] != nil else { return nil }
        if level == nil, let linked = styleWithNumbering, let abs = abstract(forNum: id) {
            // A style named by a level's w:pStyle takes that level.
            level = abs.levels.first { $0.value.style == linked }?.key
        }
        return (id, min(max(level ?? 0, 0), 8))
    }

    /// The abstract definition of a num, following numStyleLink to the abstract that defines the style.
    func abstractID(forNum id: String) -> String? {
        guard var absId = instances[id]?.abstractId else { return nil }
        for _ in 0..<8 {
            guard let abs = abstracts[absId], let link = abs.numStyleLink, abs.levels.isEmpty else { return absId }
            guard let target = abstracts.first(where: { $0.value.styleLink == link })?.key else { return absId }
            absId = target
        }
        return absId
    }

    func abstract(forNum id: String) -> Abstract? { abstractID(forNum: id).flatMap { abstracts[$0] } }

    /// The effective definition of one level of a num (a full w:lvl override wins, then startOverride).
    func level(num id: String, ilvl: Int) -> Level? {
        guard let inst = instances[id] else { return nil }
        var lvl = inst.levelOverrides[ilvl] ?? abstract(forNum: id)?.levels[ilvl]
        if let s = inst.startOverrides[ilvl] { lvl?.start = s }
        return lvl
    }
}

/// Counters as Word keeps them while laying out the document, one paragraph at a time.
///
/// Nums that share an abstract definition continue one list (Word's behaviour when a list is split by other
/// text); a num with a startOverride starts a list of its own.
struct NumberingCounter {
    let defs: NumberingDefinitions
    private var counters: [String: [Int?]] = [:]

    init(_ defs: NumberingDefinitions) { self.defs = defs }

    /// Advances the counters for a paragraph and returns the text Word puts before it ("一、", "（二）", "3.").
    mutating func next(numId: String, ilvl: Int) -> String {
        guard let lvl = defs.level(num: numId, ilvl: ilvl) else { return "" }
        let inst = defs.instances[numId]
        let key = (inst?.startOverrides.isEmpty ?? true) && (inst?.levelOverrides.isEmpty ?? true)
            ? "a:" + (defs.abstractID(forNum: numId) ?? numId) : "n:" + numId
        var values = counters[key] ?? Array(repeating: nil, count: 9)
        values[ilvl] = values[ilvl].map { $0 + 1 } ?? lvl.start
        for deeper in (ilvl + 1)..<9 {
            let r = defs.level(num: numId, ilvl: deeper)?.restart
            // Default: any higher level restarts it; 0: never; n: levels 1…n (1-based) restart it.
            if r == nil || (r! > 0 && ilvl < r!) { values[deeper] = nil }
        }
        counters[key] = values
        guard let template = lvl.text else { return "" }
        var out = ""
        var it = template.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = it.next()
        while let c = pending {
            pending = it.next()
            if c == "%", let d = pending, d.value >= 0x31, d.value <= 0x39 {
                pending = it.next()
                let k = Int(d.value - 0x31)
                let other = defs.level(num: numId, ilvl: k)
                let v = values[k] ?? other?.start ?? 0
                // w:isLgl shows every level of this number in decimal (1.1.2 style).
                let format = lvl.isLegal ? .decimal : other?.format ?? .decimal
                out += format.render(v)
                continue
            }
            if lvl.format == .bullet, c.value >= 0xE000, c.value <= 0xF8FF {
                out += "•" // a symbol-font bullet (private use area) shown as the bullet it draws
            } else {
                out.unicodeScalars.append(c)
            }
        }
        switch lvl.suffix {
        case .space: out += " "
        // The tab after a number is layout (it aligns text to a tab stop), not text the drafter typed:
        // rendering it would make every automatically numbered heading "contain a space".
        case .tab, .nothing: break
        }
        return out
    }
}
