import Foundation
print("fazhi")
