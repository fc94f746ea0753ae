/// A question shown over the base screen (welcome, menu, results, a guide session, thanks). Dismissing an overlay
/// always returns to that base, whatever overlay was shown before.
enum FlowOverlay: Hashable, Sendable {
    /// "Are you still there?": any key or line dismisses it; the reset follows if nobody answers.
    case idleWarning
    /// "Stop and go back to the start?" after Ctrl-C and the like: 1 leaves, anything else stays.
    case confirmLeave
}
