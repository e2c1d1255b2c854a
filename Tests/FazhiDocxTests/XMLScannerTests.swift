@testable import FazhiDocx
import XCTest

final class XMLScannerTests: XCTestCase {
    /// Collects the text of all w:t elements, through the scanner alone.
    func texts(_ xml: String) throws -> [String] {
        var x = XMLScanner(Array(xml.utf8), part: "test.xml")
        var out: [String] = []
        var inT = false
        var buf: [UInt8] = []
        while true {
            switch try x.next() {
            case .eof: return out
            case .start: if x.ns == .w && x.local == "t" { inT = true; buf = [] }
            case .end: if x.ns == .w && x.local == "t" { inT = false; out.append(String(decoding: buf, as: UTF8.self)) }
            case .text(let r): if inT { x.appendText(r, to: &buf) }
            case .cdata(let r): if inT { buf += x.b[r] }
            }
        }
    }

    let open = #"<w:document xmlns:w="\#(Support.wNS)">"#

    func testEntitiesReferencesCDATAAndComments() throws {
        let xml = open + #"<?pi x?><!-- <w:t>not text</w:t> --><w:t>a&lt;b&gt;c&amp;d&quot;e&apos;f</w:t><w:t>&#20013;&#x6587;&#x1F600;</w:t>"#
            + #"<w:t><![CDATA[<w:t>&amp;</w:t>]]></w:t><w:t>&unknown; &#xD800; &#0; &amp</w:t></w:document>"#
        XCTAssertEqual(try texts(xml), ["a<b>c&d\"e'f", "中文😀", "<w:t>&amp;</w:t>", "&unknown; \u{FFFD} \u{FFFD} &amp"])
    }

    func testPrefixesAreResolvedNotAssumed() throws {
        // The main namespace under another prefix is still WordprocessingML; "w" bound elsewhere is not.
        let xml = #"<x:document xmlns:x="\#(Support.wNS)" xmlns:w="urn:other"><x:t>yes</x:t><w:t>no</w:t>"#
            + #"<y:t xmlns:y="\#(Support.wNS)">scoped</y:t><y:t>unbound</y:t></x:document>"#
        XCTAssertEqual(try texts(xml), ["yes", "scoped"])
    }

    func testDeclaredEntitiesAreNeverExpanded() throws {
        // A "billion laughs" DOCTYPE is skipped; its entities are left as written.
        let xml = #"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>"#
            + open + "<w:t>&b;</w:t></w:document>"
        XCTAssertEqual(try texts(xml), ["&b;"])
    }

    func testMalformedXMLThrows() {
        let bad = [
            open + "<w:t>x</w:p></w:document>", // mismatched end tag
            open + "<w:t>x</w:t>", // unclosed root
            open + "<w:t x=1/></w:document>", // unquoted attribute
            open + "<w:t x=\"1/></w:document>", // unterminated attribute
            open + "<!-- never closed", open + "<![CDATA[ x", open + "<w:t", "</w:t>", open + "< >",
        ]
        for b in bad {
            XCTAssertThrowsError(try texts(b), b) { e in
                guard case DocxError.malformedXML = e else { return XCTFail("\(b): \(e)") }
            }
        }
    }

    func testDepthLimitAndLongRunsOfMarkupDoNotExhaustTheStack() throws {
        let deep = open + String(repeating: "<w:r>", count: 5000) + String(repeating: "</w:r>", count: 5000) + "</w:document>"
        XCTAssertThrowsError(try texts(deep))
        let comments = open + String(repeating: "<!--c-->", count: 200_000) + "<w:t>end</w:t></w:document>"
        XCTAssertEqual(try texts(comments), ["end"])
    }

    func testGarbageNeverCrashes() {
        let seedXML = Array((open + #"<w:p><w:r><w:t xml:space="preserve"> a&amp;b </w:t></w:r></w:p><!--c--><![CDATA[x]]></w:document>"#).utf8)
        for seed in 1...2000 {
            var b = seedXML
            let r = Support.random(3, seed: UInt64(seed))
            b[Int(r[0]) % b.count] = r[1]
            b = Array(b[0..<(b.count - Int(r[2]) % 8)])
            var x = XMLScanner(b, part: "fuzz")
            var steps = 0
            while steps < 10_000, let e = try? x.next(), e != .eof { steps += 1 }
            XCTAssertLessThan(steps, 10_000)
        }
    }
}
