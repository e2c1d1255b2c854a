import XCTest
final class PlaceholderFazhiLinterTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
