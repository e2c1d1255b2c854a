import XCTest
final class PlaceholderCLITests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
