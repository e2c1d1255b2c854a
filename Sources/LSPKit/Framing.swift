// Content-Length framing (the LSP base protocol) over byte streams and file descriptors.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import FazhiJSON

/// A problem in the framing layer. Every one is answered by the server with -32700 (id null).
public enum FramingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A header section ended without a usable `Content-Length`.
    case missingContentLength
    /// `Content-Length` was negative, not a number, or did not fit in an Int.
    case invalidContentLength(String)
    /// The header section grew beyond the limit without ending.
    case headerTooLarge(limit: Int)
    /// The announced body is larger than the limit; the header is dropped and the parser resynchronises.
    case contentTooLarge(length: Int, limit: Int)
    /// A header line that is not `Name: value` (garbage between frames).
    case malformedHeader
    /// A body that is not JSON (reported by `MessageReader`, not by `FrameParser`).
    case invalidJSON(JSONParseError)

    public var description: String {
        switch self {
        case .missingContentLength: return "header without Content-Length"
        case .invalidContentLength(let v): return "invalid Content-Length: \(v)"
        case .headerTooLarge(let limit): return "header section larger than \(limit) bytes"
        case .contentTooLarge(let n, let limit): return "Content-Length \(n) exceeds the limit of \(limit) bytes"
        case .malformedHeader: return "malformed header line"
        case .invalidJSON(let e): return e.description
        }
    }
}

/// A pure, incremental Content-Length frame parser: feed it bytes, pop frames.
///
/// - Header names are case-insensitive; `Content-Type` and other headers are ignored; lines may end
///   in `\r\n` or just `\n`; empty lines between frames are skipped.
/// - Bad input never stops it: a garbage line, a header section without a valid `Content-Length`,
///   or one larger than `maxHeaderBytes` yields one `.error` and parsing resynchronizes at the next
///   `Content-Length:`. A `Content-Length` above `maxContentLength` yields `.error` and the parser
///   resynchronises at the next `Content-Length:`; the announced bytes are never allocated.
/// - Consecutive errors are reported once: after an error, further errors are suppressed until
///   the next frame is produced.
public struct FrameParser: Sendable {
    public struct Limits: Sendable {
        public var maxHeaderBytes: Int
        public var maxContentLength: Int
        public init(maxHeaderBytes: Int = 16 * 1024, maxContentLength: Int = 64 * 1024 * 1024) {
            self.maxHeaderBytes = maxHeaderBytes
            self.maxContentLength = maxContentLength
        }
    }

    public enum Event: Equatable, Sendable {
        case frame([UInt8])
        case error(FramingError)
    }

    enum State: Sendable {
        case header
        case body(Int)
        case discard(Int)
        case resync
    }

    public let limits: Limits
    var buffer: [UInt8] = []
    /// Start of unconsumed data in `buffer`.
    var start = 0
    var state: State = .header
    /// Where to continue scanning for a newline (header) or a `Content-Length:` (resync).
    var scan = 0
    /// Header section bookkeeping.
    var sectionBytes = 0
    var sectionHasHeaders = false
    var contentLength: Int? = nil
    var contentLengthError: FramingError? = nil
    var errorReported = false

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Bytes buffered and not yet consumed.
    public var bufferedCount: Int { buffer.count - start }

    /// True while a body is being read (at EOF this means the last frame was truncated).
    public var isInsideBody: Bool { if case .body = state { return true } else { return false } }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        compact()
        if case .discard(let n) = state, start == buffer.count {
            // Skip discarded bytes without copying them.
            let k = min(n, bytes.count)
            let rest = n - k
            state = rest > 0 ? .discard(rest) : .header
            if rest == 0 { beginSection() }
            if k < bytes.count { buffer.append(contentsOf: bytes[k...]) }
            return
        }
        buffer.append(contentsOf: bytes)
    }

    public mutating func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { feed($0) }
    }

    public mutating func feed(_ string: String) {
        feed(Array(string.utf8))
    }

    /// Puts bytes back in front of the unconsumed data and restarts header parsing there.
    /// `MessageReader` uses it when a body is not JSON but contains a `Content-Length:` header:
    /// the announced length was wrong and the real next frame starts inside that body.
    public mutating func pushBack(_ bytes: ArraySlice<UInt8>) {
        var b = Array(bytes)
        b.append(contentsOf: buffer[start...])
        buffer = b
        start = 0
        state = .header
        beginSection()
    }

    /// At end of input: if a truncated body contains the start of another frame (`Content-Length:`),
    /// restart parsing there and return true; otherwise return false (the rest is dropped).
    public mutating func recoverAtEOF() -> Bool {
        guard case .body = state else { return false }
        guard let k = FrameParser.findContentLength(buffer, from: start, to: buffer.count) else { return false }
        start = k
        state = .header
        beginSection()
        return true
    }

    /// The next frame or error, or nil when more bytes are needed.
    public mutating func next() -> Event? {
        while true {
            switch state {
            case .discard(let n):
                let k = min(n, buffer.count - start)
                start += k
                if k < n {
                    state = .discard(n - k)
                    return nil
                }
                state = .header
                beginSection()

            case .resync:
                let from = max(scan, start)
                if let k = FrameParser.findContentLength(buffer, from: from, to: buffer.count) {
                    start = k
                    state = .header
                    beginSection()
                } else {
                    // Keep a tail that could be the beginning of "content-length:".
                    let keep = min(buffer.count - start, FrameParser.marker.count - 1)
                    start = buffer.count - keep
                    scan = start
                    return nil
                }

            case .body(let n):
                guard buffer.count - start >= n else { return nil }
                let frame = Array(buffer[start..<(start + n)])
                start += n
                state = .header
                beginSection()
                errorReported = false
                return .frame(frame)

            case .header:
                if let event = parseHeaderLines() { return event }
                if case .header = state { return nil }
            }
        }
    }

    mutating func beginSection() {
        scan = start
        sectionBytes = 0
        sectionHasHeaders = false
        contentLength = nil
        contentLengthError = nil
    }

    mutating func report(_ e: FramingError) -> Event? {
        if errorReported { return nil }
        errorReported = true
        return .error(e)
    }

    mutating func enterResync(skipping n: Int = 0) {
        start = min(start + n, buffer.count)
        state = .resync
        scan = start
    }

    /// Consumes complete header lines. Returns an event, or nil with `state` changed (go on) or
    /// unchanged (need more bytes).
    mutating func parseHeaderLines() -> Event? {
        while true {
            // Find the end of the current line.
            var nl = -1
            buffer.withUnsafeBufferPointer { p in
                var i = max(scan, start)
                let e = p.count
                while i < e {
                    if p[i] == 0x0A { nl = i; break }
                    i += 1
                }
                if nl < 0 { scan = e }
            }
            if nl < 0 {
                if sectionBytes + (buffer.count - start) > limits.maxHeaderBytes {
                    let e = report(.headerTooLarge(limit: limits.maxHeaderBytes))
                    enterResync(skipping: 1)
                    return e
                }
                return nil
            }
            let lineStart = start
            var lineEnd = nl
            if lineEnd > lineStart && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            sectionBytes += nl + 1 - start
            start = nl + 1
            scan = start
            if sectionBytes > limits.maxHeaderBytes {
                // Resynchronize inside this line too: the next frame may be glued to its end.
                let e = report(.headerTooLarge(limit: limits.maxHeaderBytes))
                start = lineStart
                enterResync(skipping: 1)
                return e
            }

            if lineEnd == lineStart {
                // End of the header section.
                if !sectionHasHeaders {
                    beginSection()  // a stray empty line between frames
                    continue
                }
                if let err = contentLengthError {
                    let e = report(err)
                    enterResync()
                    return e
                }
                guard let n = contentLength else {
                    let e = report(.missingContentLength)
                    enterResync()
                    return e
                }
                if n > limits.maxContentLength {
                    // No client sends bodies this large: treat the header as garbage and resynchronise at
                    // the next Content-Length instead of swallowing the following `n` bytes (which would
                    // let one bad header silence the connection). Reported even after another error.
                    errorReported = true
                    enterResync()
                    return .error(.contentTooLarge(length: n, limit: limits.maxContentLength))
                }
                state = .body(n)
                return nil
            }

            // A header line: "Content-Length: n", some other "Name: value", or garbage.
            if let k = FrameParser.findContentLength(buffer, from: lineStart, to: lineEnd) {
                if k > lineStart {
                    // Garbage glued in front of a real header: restart the section there.
                    start = k
                    beginSection()
                    if let e = report(.malformedHeader) { return e }
                    continue
                }
                sectionHasHeaders = true
                parseContentLengthValue(from: k + FrameParser.marker.count, to: lineEnd)
                continue
            }
            if isHeaderLine(from: lineStart, to: lineEnd) {
                sectionHasHeaders = true
                continue
            }
            // Garbage: drop this line and start a fresh section after it.
            beginSection()
            if let e = report(.malformedHeader) { return e }
        }
    }

    mutating func parseContentLengthValue(from a: Int, to b: Int) {
        var i = a
        var e = b
        while i < e && (buffer[i] == 0x20 || buffer[i] == 0x09) { i += 1 }
        while e > i && (buffer[e - 1] == 0x20 || buffer[e - 1] == 0x09) { e -= 1 }
        let text = String(decoding: buffer[i..<e], as: UTF8.self)
        var value = 0
        var ok = i < e
        var j = i
        while ok && j < e {
            let c = buffer[j]
            guard c >= 0x30 && c <= 0x39 else { ok = false; break }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(c - 0x30))
            if o1 || o2 { ok = false; break }
            value = s
            j += 1
        }
        if ok {
            contentLength = value
            contentLengthError = nil
        } else {
            contentLength = nil
            contentLengthError = .invalidContentLength(String(text.prefix(40)))
        }
    }

    /// `token ":" anything`, where token is visible ASCII without separators.
    func isHeaderLine(from a: Int, to b: Int) -> Bool {
        var i = a
        while i < b {
            let c = buffer[i]
            if c == 0x3A { return i > a }
            // RFC 7230 tchar: visible ASCII except separators.
            if c <= 0x20 || c >= 0x7F { return false }
            switch c {
            case 0x22, 0x28, 0x29, 0x2C, 0x2F, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F, 0x40, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D:
                return false
            default: break
            }
            i += 1
        }
        return false
    }

    static let marker: [UInt8] = Array("content-length:".utf8)

    /// Index of the first case-insensitive "content-length:" in `b[from..<to]`.
    static func findContentLength(_ b: [UInt8], from: Int, to: Int) -> Int? {
        let m = marker
        let n = m.count
        guard to - from >= n else { return nil }
        return b.withUnsafeBufferPointer { p -> Int? in
            var i = from
            let last = to - n
            while i <= last {
                if p[i] | 0x20 == 0x63 {  // 'c' or 'C'
                    var j = 1
                    while j < n {
                        let c = p[i + j]
                        let lower = (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
                        if lower != m[j] { break }
                        j += 1
                    }
                    if j == n { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// Where to resume parsing inside a body that turned out not to be JSON: at its first
    /// `Content-Length:`, or at a tail that could be the beginning of one (the announced length cut
    /// the next header in two). Nil if neither.
    public static func resyncPoint(inBadBody body: [UInt8]) -> Int? {
        if let k = findContentLength(body, from: 0, to: body.count) { return k }
        let m = marker
        var len = min(m.count - 1, body.count)
        while len > 0 {
            let s = body.count - len
            var ok = true
            for j in 0..<len {
                let c = body[s + j]
                let lower = (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
                if lower != m[j] { ok = false; break }
            }
            if ok { return s }
            len -= 1
        }
        return nil
    }

    mutating func compact() {
        if start > 0 && (start == buffer.count || start >= 64 * 1024 || start * 2 >= buffer.count) {
            buffer.removeSubrange(0..<start)
            scan = max(0, scan - start)
            start = 0
        }
    }
}

/// Reads framed JSON-RPC messages from a file descriptor (stdin by default) with its own buffer.
/// Not thread-safe: use it from one thread (the runner's reader thread).
public final class MessageReader {
    public enum Event: Sendable {
        /// A complete, syntactically valid JSON body (not yet classified as a JSON-RPC message).
        case message(JSON)
        /// A framing or JSON error; the server answers it with -32700 and an id of null.
        case error(FramingError)
        /// End of input (a truncated last frame is dropped).
        case eof
    }

    public let fd: Int32
    var parser: FrameParser
    var chunk: [UInt8]
    var atEOF = false

    public init(fd: Int32 = 0, limits: FrameParser.Limits = .init(), chunkSize: Int = 64 * 1024) {
        self.fd = fd
        self.parser = FrameParser(limits: limits)
        self.chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
    }

    /// Blocks until the next message, error or EOF.
    public func next() -> Event {
        while true {
            if let e = parser.next() {
                switch e {
                case .error(let f): return .error(f)
                case .frame(let body):
                    do {
                        return .message(try JSON.parse(body))
                    } catch let err as JSONParseError {
                        // A wrong Content-Length may have swallowed the start of the next frame.
                        if let k = FrameParser.resyncPoint(inBadBody: body) {
                            parser.pushBack(body[k...])
                        }
                        return .error(.invalidJSON(err))
                    } catch {
                        return .error(.invalidJSON(JSONParseError(offset: 0, message: "\(error)")))
                    }
                }
            }
            if atEOF {
                if parser.recoverAtEOF() { continue }
                return .eof
            }
            let n = chunk.withUnsafeMutableBytes { p -> Int in
                while true {
                    let r = read(fd, p.baseAddress, p.count)
                    if r < 0 && errno == EINTR { continue }
                    return r
                }
            }
            if n <= 0 {
                atEOF = true
                continue
            }
            chunk.withUnsafeBytes { parser.feed(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
    }
}

/// Frames and writes JSON messages to a file descriptor (stdout by default). Thread-safe: a lock
/// keeps frames whole. Partial writes are retried; once the peer is gone (EPIPE or another error)
/// later writes are dropped silently. Ignore SIGPIPE (`LanguageServerRunner.ignoreSIGPIPE()`) so a
/// closed pipe shows up as EPIPE instead of killing the process.
public final class MessageWriter: @unchecked Sendable {
    public let fd: Int32
    let lock = Lock()
    var broken = false

    public init(fd: Int32 = 1) {
        self.fd = fd
    }

    /// Serializes and writes one message. Returns false if the output is broken.
    @discardableResult
    public func write(_ message: JSON) -> Bool {
        var body: [UInt8] = []
        body.reserveCapacity(256)
        JSONWriter.write(message, into: &body, indent: nil, level: 0)
        return write(body: body)
    }

    /// Writes one already serialized JSON body with its header.
    @discardableResult
    public func write(body: [UInt8]) -> Bool {
        write(bodyParts: [body])
    }

    /// Writes one message whose body is the concatenation of `bodyParts`, without concatenating them: a
    /// large payload (the diagnostics of a 64 MB document are hundreds of megabytes) is written from
    /// where it lies instead of being copied into a frame first. Small messages go out in one write.
    @discardableResult
    public func write(bodyParts: [[UInt8]]) -> Bool {
        let length = bodyParts.reduce(0) { $0 + $1.count }
        var head: [UInt8] = Array("Content-Length: \(length)\r\n\r\n".utf8)
        var parts: [[UInt8]]
        if length <= 1 << 16 {
            head.reserveCapacity(head.count + length)
            for p in bodyParts { head.append(contentsOf: p) }
            parts = [head]
        } else {
            parts = [head]
            parts.append(contentsOf: bodyParts)
        }
        return lock.withLock {
            if broken { return false }
            for part in parts where !writeAll(part) {
                broken = true
                return false
            }
            return true
        }
    }

    /// Writes every byte (lock held); false on an error other than EINTR/EAGAIN.
    private func writeAll(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { p -> Bool in
            var off = 0
            while off < p.count {
                let r = sysWrite(fd, p.baseAddress! + off, p.count - off)
                if r < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return false
                }
                off += r
            }
            return true
        }
    }
}

@inline(__always)
func sysWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    write(fd, p, n)
}

/// A minimal mutex (pthread) usable from Swift 6 strict concurrency without Foundation.
final class Lock: @unchecked Sendable {
    private let m: UnsafeMutablePointer<pthread_mutex_t>
    init() {
        m = .allocate(capacity: 1)
        m.initialize(to: pthread_mutex_t())
        pthread_mutex_init(m, nil)
    }
    deinit {
        pthread_mutex_destroy(m)
        m.deallocate()
    }
    func lock() { pthread_mutex_lock(m) }
    func unlock() { pthread_mutex_unlock(m) }
    @inline(__always)
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(m)
        defer { pthread_mutex_unlock(m) }
        return try body()
    }
}
