/// A short message shown above a screen's choices after an input that did not move on.
public enum Notice: Hashable, Sendable {
    case staffCalled, invalidChoice, firstScreen, returnedFromGuide
}
