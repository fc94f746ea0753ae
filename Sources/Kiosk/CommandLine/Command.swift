import Foundation

/// One `kiosk` subcommand: its options (shared definitions), its arguments, its help, and what it does.
struct Command: Sendable {
    let name: String
    let summary: String
    /// The positional part of the usage line (`ID|CODE`, `WORDS...`), empty when there is none.
    let operands: String
    /// How many positional arguments it takes.
    let positionals: ClosedRange<Int>
    let options: [Option]
    /// Paragraphs shown by `--help` after the options.
    let notes: String
    /// Usage lines to show instead of the generated one (a command with two forms).
    let usageLines: [String]?
    let run: @Sendable (Arguments) throws(CommandError) -> Int32

    init(name: String, summary: String, operands: String = "", positionals: ClosedRange<Int> = 0...0, options: [Option],
        notes: String = "", usageLines: [String]? = nil, run: @escaping @Sendable (Arguments) throws(CommandError) -> Int32) {
        self.name = name
        self.summary = summary
        self.operands = operands
        self.positionals = positionals
        self.options = options
        self.notes = notes
        self.usageLines = usageLines
        self.run = run
    }

    /// The usage line(s), without the leading `usage: `.
    var usage: String {
        if let usageLines { return usageLines.joined(separator: "\n       ") }
        return "kiosk \(name)" + (options.isEmpty ? "" : " [options]") + (operands.isEmpty ? "" : " " + operands)
    }

    /// The whole `--help` text: usage, summary, the options in aligned columns, then the notes.
    var help: String {
        var text = "usage: \(usage)\n\n\(summary)\n"
        if !options.isEmpty {
            let width = options.map(\.synopsis.count).max() ?? 0
            text += "\noptions:\n" + options.map { option in
                "  " + option.synopsis.padding(toLength: width + 3, withPad: " ", startingAt: 0) + option.help + "\n"
            }.joined()
        }
        if !notes.isEmpty { text += "\n" + notes + "\n" }
        return text
    }
}
