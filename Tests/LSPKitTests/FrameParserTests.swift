import XCTest
import FazhiJSON
@testable import LSPKit

func frame(_ body: String, header: String = "Content-Length", sep: String = "\r\n") -> [UInt8] {
    Array("\(header): \(body.utf8.count)\(sep)\(sep)\(body)".utf8)
}

final class FrameParserTests: XCTestCase {
    func drain(_ p: inout FrameParser) -> [FrameParser.Event] {
        var out: [FrameParser.Event] = []
        while let e = p.next() { out.append(e) }
        return out
    }

    func events(_ bytes: [UInt8], limits: FrameParser.Limits = .init(), byteAtATime: Bool = false) -> [FrameParser.Event] {
        var p = FrameParser(limits: limits)
        var out: [FrameParser.Event] = []
        if byteAtATime {
            for b in bytes {
                p.feed([b])
                out += drain(&p)
            }
        } else {
            p.feed(bytes)
            out += drain(&p)
        }
        return out
    }

    func body(_ s: String) -> FrameParser.Event { .frame(Array(s.utf8)) }

    func testByteAtATimeCRLFAndLF() {
        let a = #"{"jsonrpc":"2.0","method":"a"}"#
        let b = #"{"text":"法治😀"}"#
        let stream = frame(a) + frame(b, sep: "\n") + frame(a, header: "content-length") + frame(b, header: "CONTENT-LENGTH")
        let expected = [body(a), body(b), body(a), body(b)]
        XCTAssertEqual(events(stream, byteAtATime: true), expected)
        XCTAssertEqual(events(stream), expected)
    }

    func testOtherHeadersIgnoredAndMixedLineEnds() {
        let a = "{}"
        let s = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\n\r\n{}"
        XCTAssertEqual(events(Array(s.utf8)), [body(a)])
        let s2 = "Content-Length:2\r\nX-Other:  y\r\n\r\n{}"
        XCTAssertEqual(events(Array(s2.utf8), byteAtATime: true), [body(a)])
        // Stray empty lines between frames are harmless.
        XCTAssertEqual(events(Array("\r\n\n".utf8) + frame(a) + Array("\r\n".utf8) + frame(a)), [body(a), body(a)])
    }

    func testTwoFramesInOneChunk() {
        XCTAssertEqual(events(frame("[1]") + frame("[2]")), [body("[1]"), body("[2]")])
    }

    func testMissingContentLength() {
        let s = Array("Content-Type: x\r\n\r\n{\"a\":1}".utf8) + frame("[1]")
        XCTAssertEqual(events(s), [.error(.missingContentLength), body("[1]")])
        XCTAssertEqual(events(s, byteAtATime: true), [.error(.missingContentLength), body("[1]")])
    }

    func testInvalidContentLengths() {
        for v in ["-5", "abc", "12x", "", "99999999999999999999999", "1 2"] {
            let s = Array("Content-Length: \(v)\r\n\r\n{}".utf8) + frame("[1]")
            let ev = events(s)
            XCTAssertEqual(ev.count, 2, v)
            if case .error(.invalidContentLength) = ev.first {} else { XCTFail("\(v): \(ev)") }
            XCTAssertEqual(ev.last, body("[1]"), v)
            XCTAssertEqual(events(s, byteAtATime: true), ev, v)
        }
    }

    func testHugeContentLengthDiscardedWithoutBuffering() {
        let limits = FrameParser.Limits(maxHeaderBytes: 16 * 1024, maxContentLength: 1000)
        var p = FrameParser(limits: limits)
        p.feed(Array("Content-Length: 5000000\r\n\r\n".utf8))
        XCTAssertEqual(drain(&p), [.error(.contentTooLarge(length: 5_000_000, limit: 1000))])
        let chunk = [UInt8](repeating: 0x41, count: 100_000)
        for _ in 0..<50 {
            p.feed(chunk)
            XCTAssertEqual(drain(&p), [])
            XCTAssertLessThanOrEqual(p.bufferedCount, chunk.count)
        }
        p.feed(frame("[7]"))
        XCTAssertEqual(drain(&p), [body("[7]")])
        XCTAssertEqual(p.bufferedCount, 0)

        // Same, byte-exact at the default limit.
        let s = Array("Content-Length: \(64 * 1024 * 1024 + 1)\r\n\r\n".utf8)
        XCTAssertEqual(events(s), [.error(.contentTooLarge(length: 64 * 1024 * 1024 + 1, limit: 64 * 1024 * 1024))])
    }

    func testOversizedHeader() {
        let big = Array("X-Junk: ".utf8) + [UInt8](repeating: 0x61, count: 20_000)
        let s1 = big + Array("\r\n\r\n{}".utf8) + frame("[1]")
        XCTAssertEqual(events(s1), [.error(.headerTooLarge(limit: 16 * 1024)), body("[1]")])
        // No newline at all, fed byte by byte (must not be quadratic or stuck).
        let s2 = [UInt8](repeating: 0x62, count: 20_000) + frame("[2]")
        XCTAssertEqual(events(s2, byteAtATime: true), [.error(.headerTooLarge(limit: 16 * 1024)), body("[2]")])
        // Too many header lines: resynchronizes at the next Content-Length, which is still in this section.
        var s3: [UInt8] = []
        for i in 0..<2000 { s3 += Array("X-\(i): v\r\n".utf8) }
        s3 += Array("Content-Length: 2\r\n\r\n{}".utf8) + frame("[3]")
        XCTAssertEqual(events(s3), [.error(.headerTooLarge(limit: 16 * 1024)), body("{}"), body("[3]")])
    }

    func testTruncatedBody() {
        var p = FrameParser()
        p.feed(Array("Content-Length: 10\r\n\r\n{\"a\"".utf8))
        XCTAssertEqual(drain(&p), [])
        XCTAssertTrue(p.isInsideBody)
        XCTAssertFalse(p.recoverAtEOF())
    }

    func testGarbageLinesAndGluedGarbage() {
        let s = Array("hello world\r\n{oops}\n".utf8) + frame("[1]")
        XCTAssertEqual(events(s), [.error(.malformedHeader), body("[1]")])
        let g = Array("}}garbageContent-Length: 3\r\n\r\n[4]".utf8)
        XCTAssertEqual(events(g), [.error(.malformedHeader), body("[4]")])
        XCTAssertEqual(events(g, byteAtATime: true), [.error(.malformedHeader), body("[4]")])
    }

    func testErrorsCoalescedUntilNextFrame() {
        let s = Array("junk\r\nmore junk\r\nContent-Length: x\r\n\r\n".utf8) + frame("[1]") + Array("junk\n".utf8) + frame("[2]")
        XCTAssertEqual(events(s), [.error(.malformedHeader), body("[1]"), .error(.malformedHeader), body("[2]")])
    }

    func testMessageReaderRecoversFromShortAndLongContentLength() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let good = #"{"id":1,"method":"m"}"#
        var stream: [UInt8] = []
        stream += Array("Content-Length: 5\r\n\r\n".utf8) + Array(good.utf8)  // too short
        stream += frame(good)
        stream += Array("Content-Length: 60\r\n\r\n{\"id\":".utf8)  // too long: swallows the next frame
        stream += frame(good)
        stream += Array("Content-Length: 500\r\n\r\n{\"x\":".utf8)  // too long at EOF
        stream += frame(good)
        stream.withUnsafeBytes { _ = write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        let reader = MessageReader(fd: fds[0], chunkSize: 7)
        var messages = 0
        var errors = 0
        loop: while true {
            switch reader.next() {
            case .message(let j): XCTAssertEqual(j, try JSON.parse(good)); messages += 1
            case .error: errors += 1
            case .eof: break loop
            }
        }
        close(fds[0])
        XCTAssertEqual(messages, 3)
        XCTAssertGreaterThanOrEqual(errors, 3)
    }
}
