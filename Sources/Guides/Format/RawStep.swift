/// A step as written, before `use` expansion and target resolution.
struct RawStep: Sendable {
    let id: Located
    let title: Located
    var paragraphs: [String] = []
    /// Where the body's first line is written.
    var bodyLocation: SourceLocation?
    var warnings: [Located] = []
    var check: Located?
    var sources: [Located] = []
    var choices: [RawChoice] = []
    /// True while body lines continue the current paragraph.
    var paragraphOpen = false
}
