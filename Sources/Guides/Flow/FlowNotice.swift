/// A message shown with a flow screen after an input that did not move on.
public enum FlowNotice: Hashable, Sendable {
    case personalDataDropped, noMatch, invalidChoice, volunteerHowTo, lineTooLong
    /// A resume or poster code that matches no guide step.
    case noSuchCode
    /// The guide that fits the search is still a draft: it is named, and the citizen is sent to staff.
    case beingPrepared(guide: String, title: Line)
    /// The call reached staff (the board or the centre's notify command took it).
    case staffCalled
    /// Nothing confirmed the call: the citizen is told to raise a hand or go to the counter instead.
    case staffNotReached

    /// True when the notice sends the citizen to staff, so the screen also says where staff are (when configured).
    public var sendsToStaff: Bool {
        switch self {
        case .noMatch, .beingPrepared, .staffNotReached: return true
        default: return false
        }
    }

    /// The interface text that says it (`beingPrepared` fills in the guide's title).
    public var text: UIText {
        switch self {
        case .personalDataDropped: .noticePersonalData
        case .noMatch: .noticeNoMatch
        case .beingPrepared: .noticeBeingPrepared
        case .invalidChoice: .noticeInvalidChoice
        case .volunteerHowTo: .noticeVolunteerHowTo
        case .lineTooLong: .noticeTooLong
        case .noSuchCode: .noticeNoCode
        case .staffCalled: .noticeStaffCalled
        case .staffNotReached: .noticeStaffNotReached
        }
    }
}
