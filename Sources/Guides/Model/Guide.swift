/// A loaded guide: metadata and its steps, with shared blocks expanded and targets resolved.
public struct Guide: Hashable, Sendable {
    public let id: String
    public let code: String
    public let title: Line
    public let summary: Line
    /// The words people may type to find this guide, comma-separated; translatable like every line, never shown.
    let keywords: Line
    public let requires: [String]
    public let bring: [Line]
    public let notHere: [Line]
    public let fee: Line
    public let time: Line
    public let sources: [String]
    public let checked: Day
    public let status: GuideStatus
    public let reviewed: Day?
    /// Steps in file order; the first one is where the guide starts.
    public let steps: [Step]
    /// The file the guide was read from.
    public let path: String

    /// The step with flat id `id`.
    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

    /// The main path: from the first step, following each step's first choice until an end or a repeat.
    public var mainPath: [String] {
        var path: [String] = []
        var seen = Set<String>()
        var current = steps.first
        while let step = current, seen.insert(step.id).inserted {
            path.append(step.id)
            guard case .step(let next)? = step.choices.first?.target else { break }
            current = self.step(next)
        }
        return path
    }
}
