import Foundation

/// A line of an import file that could not be used, with its place.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    let path: String
    let line: Int
    let message: String
    public var description: String { "\(path):\(line):1: error: \(message)" }
}
