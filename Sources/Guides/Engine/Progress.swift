/// "Step k of n": the position along the guide's main path.
public struct Progress: Hashable, Sendable {
    public let index: Int
    public let total: Int
    /// The step is off the main path (a fix-up branch): it is shown as "extra to step k of n", never as step k.
    public let isBranch: Bool

    init(index: Int, total: Int, isBranch: Bool = false) {
        self.index = index
        self.total = total
        self.isBranch = isBranch
    }
}
