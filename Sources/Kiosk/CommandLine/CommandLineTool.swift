import Glibc
import Guides

/// Dispatches `kiosk <command> …` and turns usage errors into exit code 2.
enum CommandLineTool {
    static let commands: [Command] = [
        RunCommand.command, GuideCommand.command, CheckCommand.command, ListCommand.command, ShowCommand.command,
        SearchCommand.command, ReportCommand.command, DataCommands.export, DataCommands.importing, DataCommands.purge,
        StatusCommand.command, LocalesCommand.command, PosterCommand.command,
    ]

    static let overview = """
        usage: kiosk <command> [options]

        kiosk guides citizens, step by step, through online public services on their own phone.

        commands:
        \(commands.map { "  " + $0.name.padding(toLength: 8, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

        Run `kiosk <command> --help` for a command's options. Documentation: docs/ in the source tree.

        """

    /// Runs the command line and returns the process exit code.
    static func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else {
            // On a terminal the kiosk itself is the default; anywhere else, say how to use the program.
            if isatty(0) != 0 && isatty(1) != 0 { return RunCommand.run((try? Arguments([], spec: RunCommand.command.spec)) ?? Arguments.empty) }
            Output.err(overview)
            return 2
        }
        if first == "--help" || first == "-h" || first == "help" {
            if first == "help", arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                Output.out(helpText(command))
            } else {
                Output.out(overview)
            }
            return 0
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            Output.err("kiosk: unknown command \"\(first)\"" + Suggestion.suffix(for: first, among: commands.map(\.name))
                + "\nusage: kiosk <command> [options]   (kiosk --help lists the commands)\n")
            return 2
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            Output.out(helpText(command))
            return 0
        }
        do {
            let parsed = try Arguments(rest, spec: command.spec)
            let status = command.run(parsed)
            if status == 0, command.name != "run", command.name != "guide", Output.outFailed.load(ordering: .relaxed) {
                Output.err("kiosk \(command.name): the output could not be written completely (disk full, or the reader closed it)\n")
                return 1
            }
            return status
        } catch {
            Output.err("kiosk \(command.name): \(error.message)\nusage: \(command.usage)\n")
            return 2
        }
    }

    static func helpText(_ command: Command) -> String {
        "usage: \(command.usage)\n\n\(command.summary)\n\n\(command.help)\n"
    }
}
