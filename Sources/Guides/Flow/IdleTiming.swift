/// How long the kiosk waits before it asks "are you still there?", then before it wipes the terminal, how long the
/// thanks screen stays, and how long a screen is kept while someone waits for staff. Milliseconds.
public struct IdleTiming: Sendable, Equatable {
    /// Without a key for this long, the idle warning appears (on the welcome screen: the terminal is wiped).
    var warning: UInt64
    /// After the warning, without a key for this long, the session ends and the terminal is wiped.
    var reset: UInt64
    /// The thanks screen stays this long before the terminal resets by itself.
    public var thanks: UInt64
    /// While a call to staff is open, the screen waits this long for a key (staff may be busy at the counter).
    var staffWait: UInt64

    public init(warningSeconds: Int = 120, resetSeconds: Int = 30, thanksSeconds: Int = 15, staffWaitSeconds: Int = 900) {
        warning = UInt64(max(0, warningSeconds)) * 1000
        reset = UInt64(max(0, resetSeconds)) * 1000
        thanks = UInt64(max(0, thanksSeconds)) * 1000
        staffWait = UInt64(max(0, staffWaitSeconds)) * 1000
    }

    /// The staff wait in whole minutes, as the citizen is told it (at least 1).
    public var staffWaitMinutes: Int { max(1, Int((staffWait + 59_999) / 60_000)) }
}
