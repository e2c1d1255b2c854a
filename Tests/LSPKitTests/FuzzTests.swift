import XCTest
import Foundation
import FazhiJSON
@testable import LSPKit

final class FuzzTests: XCTestCase {
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Garbled, random and truncated frames interleaved with valid requests: the server must not
    /// crash, and every valid request must be answered.
    func testFuzzedStreamStillAnswersValidRequests() throws {
        var rng = Rng(state: 0xFA2_41)
        let h = Harness()
        var stream: [UInt8] = []
        func validRequest(_ id: String) -> [UInt8] {
            frame(RPCMessage.request(id: .string(id), method: "echo", params: ["text": .string("法治😀 \(id)")]).json.serializedString())
        }
        stream += frame(RPCMessage.request(id: .int(1000), method: "initialize", params: ["capabilities": [:]]).json.serializedString())
        var expected: Set<String> = []
        let alphabet = Array("{}[]:,\"\\ \r\n\tabcxyz0123456789-:".utf8) + [0xFF, 0xE4, 0x00]
        for i in 0..<3000 {
            let garbledBody = Array(RPCMessage.request(id: .int(100_000 + i), method: "echo", params: ["n": .int(i)]).json.serializedString().utf8)
            switch rng.int(9) {
            case 0:  // random bytes
                for _ in 0..<rng.int(60) { stream.append(alphabet[rng.int(alphabet.count)]) }
            case 1:  // Content-Length too long (swallows what follows)
                stream += Array("Content-Length: \(garbledBody.count + 1 + rng.int(200))\r\n\r\n".utf8)
                stream += garbledBody[0..<rng.int(garbledBody.count)]
            case 2:  // Content-Length too short
                let n = rng.int(garbledBody.count)
                stream += Array("Content-Length: \(n)\r\n\r\n".utf8) + garbledBody
            case 3:  // flipped bytes, right length
                var b = garbledBody
                for _ in 0..<(1 + rng.int(3)) { b[rng.int(b.count)] = alphabet[rng.int(alphabet.count)] }
                stream += Array("Content-Length: \(b.count)\r\n\r\n".utf8) + b
            case 4:  // bad headers
                let bad = ["Content-Length: -3", "Content-Length: x", "Content-Type: a", "Content-Length:", "Content-Length: 1e3"]
                stream += Array("\(bad[rng.int(bad.count)])\r\n\r\n".utf8) + garbledBody
            case 5:  // valid JSON, invalid JSON-RPC
                let bodies = ["[]", "1", "{}", #"{"id":{},"method":"x"}"#, #"{"method":1}"#, "null", #"{"id":5}"#]
                stream += frame(bodies[rng.int(bodies.count)])
            case 6:  // oversized header, rarely
                if rng.int(20) == 0 { stream += [UInt8](repeating: 0x61, count: 17_000) }
            default:
                break
            }
            let id = "v-\(i)"
            expected.insert(id)
            stream += validRequest(id)
        }

        // Write in random chunk sizes on another thread while this one reads the answers.
        var chunks: [[UInt8]] = []
        var off = 0
        while off < stream.count {
            let n = min(stream.count - off, 1 + rng.int(3000))
            chunks.append(Array(stream[off..<(off + n)]))
            off += n
        }
        let writer = Thread { [chunks] in
            for c in chunks { h.sendRaw(c) }
            h.closeInput()
        }
        writer.start()

        var answered: Set<String> = []
        var initialized = false
        while let m = h.receive() {
            if m["id"] == 1000 { initialized = m["result"] != nil }
            if let id = m["id"]?.stringValue, id.hasPrefix("v-") {
                XCTAssertNotNil(m["result"], "\(m.serializedString())")
                answered.insert(id)
            }
        }
        XCTAssertTrue(initialized)
        XCTAssertEqual(h.waitExit(), 1)
        let missing = expected.subtracting(answered)
        if let first = missing.sorted(by: { Int($0.dropFirst(2))! < Int($1.dropFirst(2))! }).first {
            let needle = Array("\"\(first)\"".utf8)
            if let r = stream.firstRange(of: needle) {
                let lo = max(0, r.lowerBound - 900)
                print("fuzz: context of first unanswered request \(first):", String(decoding: stream[lo..<r.upperBound], as: UTF8.self).debugDescription)
            }
        }
        XCTAssertTrue(missing.isEmpty, "\(missing.count) valid requests unanswered, e.g. \(missing.sorted().prefix(5))")
    }
}
