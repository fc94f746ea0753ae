import Guides

/// One screen as drawn, in parts the pager treats differently: the header and the notes come on every page, the body
/// is split across pages, and the closing part (question, choices, prompt) comes whole on the last page.
struct ScreenLayout: Sendable {
    /// The screen's title lines (guide and step), on the first page.
    var header: [String] = []
    /// A shorter title (a step's heading alone, without the guide's title or the volunteer reminder), used on every
    /// page only when the full one leaves no room for text on a small terminal.
    var compactHeader: [String] = []
    /// What may be split across pages.
    var body: [String] = []
    /// The end of the body that belongs with the question (the papers to bring, above "have you got them all?"):
    /// kept on the last page with the closing when the terminal is tall enough.
    var lead: [String] = []
    /// The question, the choices and the prompt: never split, always on the last page.
    var closing: [String] = []
    /// "Type a number to answer": after the closing, left out when a note says something more useful (so a notice
    /// never pushes a screen that fitted onto a second page).
    var prompt: [String] = []
    /// Notices and the waiting-for-staff line, on every page, just above the page line and the legend.
    var notes: [String] = []
    /// The keys the legend offers (the listen key is added when the screen has recordings).
    var keys: [LegendKey] = []
    /// The key legend, on every page.
    var legend: [String] = []

    /// All of it on one page.
    var lines: [String] { header + body + lead + closing + notes + legend }
}
