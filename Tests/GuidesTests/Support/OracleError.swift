import Foundation
import Testing
@testable import Guides

struct OracleError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
