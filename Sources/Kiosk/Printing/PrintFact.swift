/// A label and its text.
struct PrintFact: Sendable {
    let label: String
    let text: String
}
