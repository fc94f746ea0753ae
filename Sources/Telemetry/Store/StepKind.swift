/// What a step event records.
public enum StepKind: String, Sendable, Codable {
    case shown, back, help
}
