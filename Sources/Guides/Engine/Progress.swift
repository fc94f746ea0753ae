/// "Step k of n": the position along the guide's main path.
public struct Progress: Hashable, Sendable {
    public let index: Int
    public let total: Int

    init(index: Int, total: Int) {
        self.index = index
        self.total = total
    }
}
