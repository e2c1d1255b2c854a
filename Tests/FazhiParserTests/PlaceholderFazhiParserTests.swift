import XCTest
final class PlaceholderFazhiParserTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
