// Strict conversion between encodings with the C library's iconv (part of glibc on Linux and of the
// system on macOS): no //IGNORE or //TRANSLIT, so an invalid sequence stops the conversion and we learn
// the offset of the first byte that could not be converted.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum Iconv {
    enum Failure: Error, Equatable {
        /// The bytes at `offset` are not a valid sequence in the source encoding (or have no mapping).
        case invalid(offset: Int)
        /// The input ends in the middle of a sequence that starts at `offset`.
        case incomplete(offset: Int)
        /// iconv does not know one of the encodings.
        case unavailable(from: String, to: String)
    }

    static func convert(_ input: [UInt8], from: String, to: String) -> Result<[UInt8], Failure> {
        let cd = iconv_open(to, from)
        if cd == iconv_t(bitPattern: -1) { return .failure(.unavailable(from: from, to: to)) }
        defer { iconv_close(cd) }
        if input.isEmpty { return .success([]) }
        var output = [UInt8](repeating: 0, count: max(64, input.count * 2))
        var produced = 0
        var consumed = 0
        var source = input
        while true {
            let inLeftBefore = source.count - consumed
            var status = 0
            var err: Int32 = 0
            var inLeft = inLeftBefore
            var outLeft = output.count - produced
            source.withUnsafeMutableBytes { ip in
                output.withUnsafeMutableBytes { op in
                    var inPtr: UnsafeMutablePointer<CChar>? = ip.baseAddress!.advanced(by: consumed).assumingMemoryBound(to: CChar.self)
                    var outPtr: UnsafeMutablePointer<CChar>? = op.baseAddress!.advanced(by: produced).assumingMemoryBound(to: CChar.self)
                    status = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if status == -1 { err = Posix.errno }
                }
            }
            consumed += inLeftBefore - inLeft
            produced = output.count - outLeft
            if status != -1 { break }
            switch err {
            case E2BIG:
                output.append(contentsOf: repeatElement(0, count: output.count))
            case EILSEQ:
                return .failure(.invalid(offset: consumed))
            case EINVAL:
                return .failure(.incomplete(offset: consumed))
            case EINTR:
                continue
            default:
                return .failure(.invalid(offset: consumed))
            }
        }
        return .success(Array(output[0..<produced]))
    }
}
