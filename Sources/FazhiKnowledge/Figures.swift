import Foundation
import FazhiText

// figures.json: the words that tie counts and rates together in report sentences (受理…件，其中调解…件，
// 调解率…%). The analysis itself lives in FazhiLinter (Figures/); this is its vocabulary, as data.

/// The count a rate is measured against, for one kind of rate: 办结率 = 办结 ÷ 受理.
public struct RateBase: Codable, Sendable, Hashable {
    /// The verb that names the rate and its numerator (`办结`).
    public var verb: String
    /// Verbs of the counts that can be its denominator (`受理`, `收到`…); empty when only 应/实 pairs apply.
    public var bases: [String]

    public init(verb: String, bases: [String]) { self.verb = verb; self.bases = bases }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        verb = try c.str(.verb); bases = try c.strs(.bases)
    }
}

public struct FiguresFile: Codable, Sendable {
    public static let fileName = "figures.json"
    public var version: Int
    /// Measure words of counts (件、起、人…), one character each.
    public var units: [String]
    /// Characters that, right after a unit, make it a per-occurrence unit (人次、户次).
    public var repeatUnits: [String]
    /// Characters allowed between a rate word and its value (办结率达到95%), one each.
    public var rateFillers: [String]
    /// One character before a number (约、近) or after it or its unit (余、多、左右) that makes it approximate.
    public var approximateBefore: [String]
    public var approximateAfter: [String]
    /// Words that introduce a part of the total just stated (其中).
    public var subsetMarkers: [String]
    /// Words before a verb that mark the planned and the actual count (应参训 / 实际参训).
    public var plannedMarkers: [String]
    public var actualMarkers: [String]
    /// Words that mark a count as a total (共、累计).
    public var totalMarkers: [String]
    /// Words that narrow a count (成功、按期、未): a rate and its numerator must agree on them.
    public var qualifiers: [String]
    public var rates: [RateBase]

    public init(version: Int = 1, units: [String] = [], repeatUnits: [String] = [], rateFillers: [String] = [],
                approximateBefore: [String] = [], approximateAfter: [String] = [], subsetMarkers: [String] = [],
                plannedMarkers: [String] = [], actualMarkers: [String] = [], totalMarkers: [String] = [],
                qualifiers: [String] = [], rates: [RateBase] = []) {
        self.version = version; self.units = units; self.repeatUnits = repeatUnits; self.rateFillers = rateFillers
        self.approximateBefore = approximateBefore; self.approximateAfter = approximateAfter; self.subsetMarkers = subsetMarkers
        self.plannedMarkers = plannedMarkers; self.actualMarkers = actualMarkers; self.totalMarkers = totalMarkers
        self.qualifiers = qualifiers; self.rates = rates
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 0
        units = try c.strs(.units); repeatUnits = try c.strs(.repeatUnits); rateFillers = try c.strs(.rateFillers)
        approximateBefore = try c.strs(.approximateBefore); approximateAfter = try c.strs(.approximateAfter)
        subsetMarkers = try c.strs(.subsetMarkers); plannedMarkers = try c.strs(.plannedMarkers)
        actualMarkers = try c.strs(.actualMarkers); totalMarkers = try c.strs(.totalMarkers)
        qualifiers = try c.strs(.qualifiers)
        rates = try c.decodeIfPresent([RateBase].self, forKey: .rates) ?? []
    }
}

extension FiguresFile: KnowledgeFile {}

/// A few scalars, looked up by a linear scan: for lists of a few dozen, faster than hashing.
public struct ScalarList: Sendable {
    public let values: [UInt32]
    public init(_ values: [UInt32]) { self.values = values }
    @inlinable public func contains(_ v: UInt32) -> Bool {
        for x in values where x == v { return true }
        return false
    }
}

/// `figures.json` prepared for byte-level scanning: single characters as scalar lists, words as UTF-8 bytes.
public struct FigureVocabulary: Sendable {
    public let file: FiguresFile
    public let units: ScalarList
    public let repeatUnits: ScalarList
    public let rateFillers: ScalarList
    public let approximateBefore: ScalarList
    public let approximateAfter: ScalarList
    public let subsetMarkers: [[UInt8]]
    public let plannedMarkers: [[UInt8]]
    public let actualMarkers: [[UInt8]]
    public let totalMarkers: [[UInt8]]
    public let qualifiers: [[UInt8]]
    /// (verb, bases) as bytes, in file order.
    public let rates: [(verb: [UInt8], bases: [[UInt8]])]

    public init(file: FiguresFile) {
        self.file = file
        func scalars(_ xs: [String]) -> ScalarList { ScalarList(xs.compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first?.value : nil }) }
        func bytes(_ xs: [String]) -> [[UInt8]] { xs.filter { !$0.isEmpty }.map { Array($0.utf8) } }
        units = scalars(file.units)
        repeatUnits = scalars(file.repeatUnits)
        rateFillers = scalars(file.rateFillers)
        approximateBefore = scalars(file.approximateBefore)
        approximateAfter = scalars(file.approximateAfter)
        subsetMarkers = bytes(file.subsetMarkers)
        plannedMarkers = bytes(file.plannedMarkers)
        actualMarkers = bytes(file.actualMarkers)
        totalMarkers = bytes(file.totalMarkers)
        qualifiers = bytes(file.qualifiers)
        rates = file.rates.filter { !$0.verb.isEmpty }.map { (Array($0.verb.utf8), bytes($0.bases)) }
    }

    /// The denominator verbs of a rate verb (nil when the verb is not listed).
    public func bases(of verb: UnsafeBufferPointer<UInt8>) -> [[UInt8]]? {
        for r in rates where r.verb.elementsEqual(verb) { return r.bases }
        return nil
    }
}

extension KnowledgeValidation {
    public static func validate(_ file: FiguresFile) -> [String] {
        var p: [String] = []
        let f = FiguresFile.fileName
        if file.version != 1 { p.append("\(f)：version 应为 1，实为 \(file.version)") }
        if file.units.isEmpty { p.append("\(f)：units 为空") }
        let singles: [(String, [String])] = [("units", file.units), ("repeatUnits", file.repeatUnits), ("rateFillers", file.rateFillers),
                                             ("approximateBefore", file.approximateBefore), ("approximateAfter", file.approximateAfter)]
        for (name, xs) in singles {
            for x in xs where x.unicodeScalars.count != 1 { p.append("\(f) \(name)：“\(x)” 应为单个字符") }
        }
        let words: [(String, [String])] = [("subsetMarkers", file.subsetMarkers), ("plannedMarkers", file.plannedMarkers),
                                           ("actualMarkers", file.actualMarkers), ("totalMarkers", file.totalMarkers),
                                           ("qualifiers", file.qualifiers)]
        for (name, xs) in words {
            if xs.isEmpty { p.append("\(f)：\(name) 为空") }
            for x in xs where blank(x) { p.append("\(f) \(name)：含空字符串") }
        }
        var verbs = Set<String>()
        for (i, r) in file.rates.enumerated() {
            if blank(r.verb) { p.append("\(f) rates[\(i)]：缺少 verb") }
            if !verbs.insert(r.verb).inserted { p.append("\(f) rates[\(i)] (\(r.verb))：verb 重复") }
            for b in r.bases where blank(b) || b == r.verb { p.append("\(f) rates[\(i)] (\(r.verb))：bases 含空字符串或 verb 本身") }
        }
        return p
    }
}

extension FiguresFile { public func validate() -> [String] { KnowledgeValidation.validate(self) } }
