/// A DEFLATE decoder (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Why its own: Fazhi has no package dependencies and libz is not part of the platform contract.
/// Decoding is table-driven: each Huffman code gets a single-level lookup table indexed by the next
/// `maxLength` input bits (at most 2^15 entries), so a symbol costs one table load. Input bits come from
/// a 64-bit buffer refilled eight bytes at a time.
///
/// Safety: every malformed stream throws `DocxError.corruptDeflate` — invalid block types, over-subscribed
/// or unused codes, distances before the start of the output, lengths that run past the code tables,
/// reading past the end of the input (truncation), and producing more than `limit` bytes (a zip bomb).
/// Each decoded symbol consumes at least one input bit and reading past the end stops after 8 bytes of
/// padding, so a stream can neither loop forever nor allocate beyond `limit`.
public enum Inflate {
    /// Decompresses a raw DEFLATE stream. Produces at most `limit` bytes: more is an error, never a larger
    /// allocation. `expectedSize` (when known, e.g. from a ZIP directory) sizes the output buffer up front.
    public static func decompress(_ input: UnsafeBufferPointer<UInt8>, limit: Int, expectedSize: Int? = nil) throws -> [UInt8] {
        var out = Output(limit: max(0, limit), initial: expectedSize ?? input.count * 4)
        defer { out.free() }
        var bits = BitReader(input)
        var final = false
        while !final {
            bits.refill()
            final = bits.take(1) == 1
            let type = bits.take(2)
            switch type {
            case 0: try storedBlock(&bits, &out)
            case 1: try huffmanBlock(&bits, &out, Fixed.literals, Fixed.distances)
            case 2:
                let (lit, dist) = try dynamicTables(&bits)
                try huffmanBlock(&bits, &out, lit, dist)
            default: throw DocxError.corruptDeflate("无效的块类型 3")
            }
            if bits.overran { throw DocxError.corruptDeflate("数据被截断") }
        }
        return out.array()
    }

    public static func decompress(_ input: [UInt8], limit: Int, expectedSize: Int? = nil) throws -> [UInt8] {
        try input.withUnsafeBufferPointer { try decompress($0, limit: limit, expectedSize: expectedSize) }
    }

    // MARK: blocks

    static func storedBlock(_ bits: inout BitReader, _ out: inout Output) throws {
        bits.alignToByte()
        bits.refill()
        let len = Int(bits.take(16)), nlen = Int(bits.take(16))
        guard len == ~nlen & 0xFFFF else { throw DocxError.corruptDeflate("存储块长度校验不符") }
        var at = bits.bytePosition()
        guard at <= bits.input.count, len <= bits.input.count - at else { throw DocxError.corruptDeflate("数据被截断") }
        try out.reserve(len)
        out.append(UnsafeBufferPointer(rebasing: bits.input[at..<(at + len)]))
        at += len
        bits.restart(at: at)
    }

    static func huffmanBlock(_ bits: inout BitReader, _ out: inout Output, _ lit: HuffmanTable, _ dist: HuffmanTable) throws {
        try lit.entries.withUnsafeBufferPointer { lt in
            try dist.entries.withUnsafeBufferPointer { dt in
                let litMask = UInt64((1 << lit.maxLength) - 1), distMask = UInt64((1 << dist.maxLength) - 1)
                while true {
                    bits.refill()
                    let e = lt[Int(bits.buffer & litMask)]
                    let n = Int(e & 15)
                    guard n != 0 else { throw DocxError.corruptDeflate("无效的哈夫曼码") }
                    bits.drop(n)
                    let sym = Int(e >> 4)
                    if sym < 256 {
                        if bits.overran { throw DocxError.corruptDeflate("数据被截断") }
                        try out.reserve(1)
                        out.append(UInt8(sym))
                        continue
                    }
                    if sym == 256 { return }
                    let li = sym - 257
                    guard li < 29 else { throw DocxError.corruptDeflate("无效的长度码 \(sym)") }
                    let length = Int(Tables.lengthBase[li]) + Int(bits.take(Int(Tables.lengthExtra[li])))
                    bits.refill()
                    let d = dt[Int(bits.buffer & distMask)]
                    let dn = Int(d & 15)
                    guard dn != 0 else { throw DocxError.corruptDeflate("无效的距离码") }
                    bits.drop(dn)
                    let ds = Int(d >> 4)
                    guard ds < 30 else { throw DocxError.corruptDeflate("无效的距离码 \(ds)") }
                    let distance = Int(Tables.distBase[ds]) + Int(bits.take(Int(Tables.distExtra[ds])))
                    if bits.overran { throw DocxError.corruptDeflate("数据被截断") }
                    guard distance <= out.count else { throw DocxError.corruptDeflate("回溯距离超出已解压的数据") }
                    try out.reserve(length)
                    out.copyMatch(distance: distance, length: length)
                }
            }
        }
    }

    /// Reads the code-length code and the literal/length and distance code lengths of a dynamic block.
    static func dynamicTables(_ bits: inout BitReader) throws -> (HuffmanTable, HuffmanTable) {
        bits.refill()
        let hlit = Int(bits.take(5)) + 257, hdist = Int(bits.take(5)) + 1, hclen = Int(bits.take(4)) + 4
        guard hlit <= 286, hdist <= 30 else { throw DocxError.corruptDeflate("码表长度无效") }
        var clLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<hclen {
            bits.refill()
            clLengths[Int(Tables.codeLengthOrder[i])] = UInt8(bits.take(3))
        }
        let cl = try HuffmanTable(lengths: clLengths)
        var lengths = [UInt8](repeating: 0, count: hlit + hdist)
        var i = 0
        let mask = UInt64((1 << cl.maxLength) - 1)
        while i < lengths.count {
            bits.refill()
            let e = cl.entries[Int(bits.buffer & mask)]
            let n = Int(e & 15)
            guard n != 0 else { throw DocxError.corruptDeflate("无效的码长码") }
            bits.drop(n)
            let sym = Int(e >> 4)
            var value: UInt8 = 0, repeatCount = 1
            switch sym {
            case 0...15: value = UInt8(sym)
            case 16:
                guard i > 0 else { throw DocxError.corruptDeflate("码长重复没有前值") }
                value = lengths[i - 1]
                repeatCount = 3 + Int(bits.take(2))
            case 17: repeatCount = 3 + Int(bits.take(3))
            default: repeatCount = 11 + Int(bits.take(7))
            }
            guard repeatCount <= lengths.count - i else { throw DocxError.corruptDeflate("码长重复超出范围") }
            for k in i..<(i + repeatCount) { lengths[k] = value }
            i += repeatCount
            if bits.overran { throw DocxError.corruptDeflate("数据被截断") }
        }
        guard lengths[256] != 0 else { throw DocxError.corruptDeflate("缺少块结束码") }
        let lit = try HuffmanTable(lengths: Array(lengths[0..<hlit]))
        let dist = try HuffmanTable(lengths: Array(lengths[hlit...]))
        return (lit, dist)
    }

    // MARK: tables

    enum Tables {
        static let lengthBase: [UInt16] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        static let lengthExtra: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        static let distBase: [UInt16] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                                         4097, 6145, 8193, 12289, 16385, 24577]
        static let distExtra: [UInt8] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        static let codeLengthOrder: [UInt8] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    }

    /// The fixed codes of block type 1 (RFC 1951 3.2.6), built once.
    enum Fixed {
        static let literals: HuffmanTable = {
            var l = [UInt8](repeating: 8, count: 288)
            for i in 144..<256 { l[i] = 9 }
            for i in 256..<280 { l[i] = 7 }
            return try! HuffmanTable(lengths: l) // a constant, complete code
        }()
        static let distances: HuffmanTable = try! HuffmanTable(lengths: [UInt8](repeating: 5, count: 30)) // constant
    }
}

/// A canonical Huffman code as a single-level lookup table: entry = symbol << 4 | code length, 0 = no code.
struct HuffmanTable {
    let entries: [UInt16]
    let maxLength: Int

    init(lengths: [UInt8]) throws {
        var count = [Int](repeating: 0, count: 16)
        var maxLen = 0
        for l in lengths where l > 0 {
            count[Int(l)] += 1
            maxLen = max(maxLen, Int(l))
        }
        // Over-subscribed codes cannot be decoded unambiguously; incomplete ones leave entries at 0,
        // which the decoder rejects if the stream ever uses them.
        var left = 1
        for len in 1..<16 {
            left = left * 2 - count[len]
            guard left >= 0 else { throw DocxError.corruptDeflate("哈夫曼码表超额") }
        }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for len in 1..<16 {
            code = (code + count[len - 1]) << 1
            next[len] = code
        }
        var table = [UInt16](repeating: 0, count: 1 << maxLen)
        for (sym, l) in lengths.enumerated() where l > 0 {
            let len = Int(l)
            let c = next[len]
            next[len] += 1
            // Codes are packed most significant bit first; the input is read least significant bit first.
            var rev = 0
            for b in 0..<len where c & (1 << b) != 0 { rev |= 1 << (len - 1 - b) }
            let entry = UInt16(sym << 4 | len)
            var k = rev
            while k < table.count {
                table[k] = entry
                k += 1 << len
            }
        }
        entries = table
        maxLength = maxLen
    }
}

/// Least-significant-bit-first reader over the input, with up to 8 bytes of zero padding past the end
/// (so a lookup near the end never reads outside the buffer; `overran` tells when the padding was used).
struct BitReader {
    let input: UnsafeBufferPointer<UInt8>
    var pos = 0
    var buffer: UInt64 = 0
    var count = 0

    init(_ input: UnsafeBufferPointer<UInt8>) { self.input = input }

    /// Tops the buffer up to at least 56 bits.
    @inline(__always) mutating func refill() {
        if count >= 56 { return }
        if pos + 8 <= input.count, let base = input.baseAddress {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self))
            buffer |= w << UInt64(count)
            let adv = (63 - count) >> 3
            pos += adv
            count += adv << 3
            return
        }
        while count <= 56 {
            let b: UInt64 = pos < input.count ? UInt64(input[pos]) : 0
            buffer |= b << UInt64(count)
            pos += 1
            count += 8
        }
    }

    /// Bits consumed so far went past the real input.
    @inline(__always) var overran: Bool { pos * 8 - count > input.count * 8 }

    @inline(__always) mutating func drop(_ n: Int) {
        buffer >>= UInt64(n)
        count -= n
    }

    /// Takes `n` ≤ 32 bits; the caller has refilled.
    @inline(__always) mutating func take(_ n: Int) -> UInt32 {
        let v = UInt32(truncatingIfNeeded: buffer & ((1 << UInt64(n)) - 1))
        drop(n)
        return v
    }

    mutating func alignToByte() { drop(count & 7) }

    /// The byte offset of the next unread bit (byte-aligned).
    func bytePosition() -> Int { pos - count / 8 }

    mutating func restart(at offset: Int) {
        pos = offset
        buffer = 0
        count = 0
    }
}

/// The growing output buffer, never larger than `limit`.
struct Output {
    let limit: Int
    var base: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var count = 0

    init(limit: Int, initial: Int) {
        self.limit = limit
        capacity = max(64, min(limit, initial))
        base = .allocate(capacity: capacity)
    }

    func free() { base.deallocate() }

    @inline(__always) mutating func reserve(_ n: Int) throws {
        guard n <= limit - count else { throw DocxError.corruptDeflate("解压后的数据超过上限 \(limit) 字节") }
        if n <= capacity - count { return }
        let newCapacity = min(limit, max(capacity * 2, count + n))
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        fresh.update(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = newCapacity
    }

    @inline(__always) mutating func append(_ b: UInt8) {
        base[count] = b
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let src = bytes.baseAddress { (base + count).update(from: src, count: bytes.count) }
        count += bytes.count
    }

    /// LZ77 copy; an overlapping copy (distance < length) repeats the pattern, so it goes byte by byte.
    @inline(__always) mutating func copyMatch(distance: Int, length: Int) {
        let dst = base + count
        let src = dst - distance
        if distance >= length {
            dst.update(from: src, count: length)
        } else {
            for k in 0..<length { dst[k] = src[k] }
        }
        count += length
    }

    func array() -> [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
