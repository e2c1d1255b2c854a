import XCTest
final class PlaceholderFazhiKnowledgeTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
