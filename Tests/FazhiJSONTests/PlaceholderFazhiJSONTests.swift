import XCTest
final class PlaceholderFazhiJSONTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
