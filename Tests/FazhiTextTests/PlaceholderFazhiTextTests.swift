import XCTest
final class PlaceholderFazhiTextTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
