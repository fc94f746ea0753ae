import Foundation
import Testing

struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
