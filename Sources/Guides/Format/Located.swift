/// A text value with the place it was written.
struct Located: Hashable, Sendable {
    let text: String
    let location: SourceLocation
    /// The item's own id, for lines that carry one (`bring giay-chung-sinh: …`, `! otp: …`).
    var id: String? = nil
}
