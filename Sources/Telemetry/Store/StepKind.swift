/// What a step event records.
public enum StepKind: String, Sendable {
    case shown, back, help
}
