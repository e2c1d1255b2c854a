import XCTest
final class PlaceholderFazhiServerTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
