import XCTest
final class PlaceholderLSPKitTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
