import Synchronization

/// One language's search index, built once, the first time it is needed: a kiosk builds the Vietnamese index at
/// start, and another language's ahead in the background or when a visitor first searches in it, so that every
/// translated language does not add to the start.
final class LazyIndex: Sendable {
    private let state: Mutex<SearchIndex?>
    private let build: @Sendable () -> SearchIndex

    init(_ build: @escaping @Sendable () -> SearchIndex) {
        state = Mutex(nil)
        self.build = build
    }

    /// The index, built now if nobody has yet (a second caller waits for the first).
    var index: SearchIndex {
        state.withLock { current in
            if let current { return current }
            let made = build()
            current = made
            return made
        }
    }
}
