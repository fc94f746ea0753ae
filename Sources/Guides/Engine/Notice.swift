/// A short message shown above a screen's choices after an input that did not move on.
public enum Notice: Hashable, Sendable {
    case invalidChoice, firstScreen, returnedFromGuide
    /// The step was drawn again on request (`.` or Enter).
    case shownAgain
    /// A step number in the list that the citizen has not reached yet.
    case stepNotReached

    /// The interface text that says it.
    public var text: UIText {
        switch self {
        case .invalidChoice: .noticeInvalidChoice
        case .firstScreen: .noticeFirstScreen
        case .returnedFromGuide: .noticeReturned
        case .shownAgain: .noticeShownAgain
        case .stepNotReached: .noticeStepNotReached
        }
    }
}
