import Foundation

/// What centre staff saw on a real phone when they walked a guide step by step (`kiosk review`), as kept in
/// `guides/reviews/<guide>.review`: one entry per answered step, the latest answer only.
public struct Review: Hashable, Sendable {
    /// The reviewed guide's id.
    public let guide: String
    /// The day this review round began.
    public var started: Day
    /// The app or site version staff gave at the start (`VNeID 2.2.6, Android 14`).
    public var version: String
    /// Answers in the guide's step order (the order they are written), one per step.
    public private(set) var entries: [ReviewEntry]
    /// The file it was read from (or is written to).
    public let path: String
    /// Where `finished:` is written, when the file says the round ended.
    let finishedLocation: SourceLocation?
    /// The `finished:` date as written (the state of the guide decides whether it still holds).
    let writtenFinished: Day?

    /// A new, empty review round.
    public init(guide: String, started: Day, version: String, path: String) {
        self.init(guide: guide, started: started, version: version, entries: [], path: path, finished: nil, finishedLocation: nil)
    }

    init(guide: String, started: Day, version: String, entries: [ReviewEntry], path: String, finished: Day?,
        finishedLocation: SourceLocation?) {
        self.guide = guide
        self.started = started
        self.version = version
        self.entries = entries
        self.path = path
        self.writtenFinished = finished
        self.finishedLocation = finishedLocation
    }

    /// The answer for step `id`, if any.
    public func entry(_ id: String) -> ReviewEntry? { entries.first { $0.step == id } }

    /// Records `entry`, replacing an earlier answer for the same step; entries stay in `order` (the guide's steps).
    public mutating func record(_ entry: ReviewEntry, order: [String]) {
        entries.removeAll { $0.step == entry.step }
        entries.append(entry)
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        entries.sort { (rank[$0.step] ?? Int.max, $0.step) < (rank[$1.step] ?? Int.max, $1.step) }
    }

    /// The file's text: a header, then one block per answered step of `guide`, so a change is a small diff.
    public func text(for guide: Guide) -> String {
        let state = ReviewState(guide: guide, review: self)
        var out = """
            # What centre staff saw on a real phone, step by step (written by `kiosk review \(guide.id)`).
            # shows = the phone shows this; differs = the phone shows something else (the step needs an edit);
            # skipped = asked again next time. `text` is the step's wording when it was answered: an edited step is
            # reviewed again. See docs/guide-format.md, "Review on a real phone".
            review: \(self.guide)
            started: \(started)
            version: \(Self.oneLine(version))

            """
        if let finished = state.finished { out += "finished: \(finished)\n" }
        // Answers for steps the guide no longer has are dropped here: they count for nothing.
        for entry in entries where guide.step(entry.step) != nil {
            out += "\nstep \(entry.step): \(entry.result.rawValue)\n  on: \(entry.day)\n"
            if let version = entry.version { out += "  version: \(Self.oneLine(version))\n" }
            out += "  text: \(entry.fingerprint)\n"
            if let note = entry.note { out += "  note: \(Self.oneLine(note))\n" }
        }
        return out
    }

    /// Text typed by staff, as one line of the file: no line breaks, no control characters, no edge spaces.
    static func oneLine(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { scalar -> Character in
            scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || scalar.properties.generalCategory == .lineSeparator || scalar.properties.generalCategory == .paragraphSeparator
                ? " " : Character(scalar)
        }
        return String(String(scalars).trimmingSpaces).precomposedStringWithCanonicalMapping
    }
}
