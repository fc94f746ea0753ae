import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores; the order of results matches the order of elements.
    func concurrentMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        nonisolated(unsafe) var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in slots[index] = transform(self[index]) }
        }
        return results.compactMap { $0 }
    }
}
