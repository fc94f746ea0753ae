/// One step of a guide: a short instruction, warnings, an optional check question and numbered choices.
public struct Step: Hashable, Sendable {
    /// Flat id, unique in the guide: the step id, prefixed with the block id for shared steps.
    public let id: String
    /// The guide or shared block that wrote this step (the `<owner>` of its line identities).
    let owner: String
    public let title: Line
    /// Paragraphs separated by "\n"; nil when the step has no body text.
    public let body: Line?
    public let warnings: [Line]
    public let check: Line?
    public let choices: [Choice]
    /// Source addresses for this step (its own, or its block's).
    public let sources: [String]
    public let location: SourceLocation
}
