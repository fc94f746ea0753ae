import Foundation

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var sessions = 0
    public var aggregates = 0
    /// Lines already present (imported before): skipped, so importing a file twice changes nothing.
    public var duplicates = 0
    /// Daily totals that differ from the ones here: the larger is kept (totals only grow), and staff are told.
    public var differing = 0
    /// Terminal ids of the file that two or more machines use: their sessions are counted, and staff are told.
    public var sharedTerminals: [String] = []
    /// Lines of a type this kiosk does not know, in a file of a newer minor version: skipped, and staff are told.
    public var skipped = 0
    /// The format version of the file (of its last header; 1.0 for a file without one).
    public var version = ExchangeHeader.Version(major: 1, minor: 0)
}
