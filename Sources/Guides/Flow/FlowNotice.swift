/// A message shown with a flow screen after an input that did not move on.
public enum FlowNotice: Hashable, Sendable {
    case personalDataDropped, noMatch, invalidChoice, volunteerHowTo, lineTooLong
}
