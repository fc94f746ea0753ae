extension Int {
    /// Adds `other`, stopping at `Int.max`: a report over absurd totals shows the largest number, never crashes.
    mutating func add(saturating other: Int) {
        let (sum, overflow) = addingReportingOverflow(other)
        self = overflow ? (other > 0 ? .max : .min) : sum
    }

    /// Zero, or at least `minimum`: a count that cannot point at a few people.
    func isNoneOrAtLeast(_ minimum: Int) -> Bool { self == 0 || self >= minimum }
}
