import Foundation
import Glibc
import Guides

/// Dispatches `kiosk <command> …`: help, `--version`, and the one place that turns a command's error into its
/// message, the usage line and the exit status (2 for a usage mistake, 1 for a failure).
enum CommandLineTool {
    static let commands: [Command] = [
        RunCommand.command, GuideCommand.command, CheckCommand.command, ListCommand.command, ShowCommand.command,
        SearchCommand.command, ReportCommand.command, ExportCommand.command, ImportCommand.command, PurgeCommand.command,
        StatusCommand.command, LocalesCommand.command, PosterCommand.command, BoardCommand.command, RecordCommand.command,
        ReviewCommand.command,
    ]

    static var overview: String {
        let width = commands.map(\.name.count).max() ?? 0
        return """
            usage: kiosk <command> [options]
                   kiosk --help | --version

            kiosk guides citizens, step by step, through online public services on their own phone.

            commands:
            \(commands.map { "  " + $0.name.padding(toLength: width + 3, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

            Run `kiosk <command> --help` for a command's options. Documentation: docs/ in the source tree.

            """
    }

    /// Runs the command line and returns the process exit code.
    static func run(_ arguments: [String]) -> Int32 {
        // A reader that closes the pipe (`kiosk export | head`) or a file-size limit is a write error to report,
        // not a reason to die: Output notices it and the command exits 1.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        guard let first = arguments.first else {
            // On a terminal the kiosk itself is the default; anywhere else, say how to use the program.
            if isatty(0) != 0 && isatty(1) != 0 { return execute(RunCommand.command, []) }
            Output.err(overview)
            return 2
        }
        switch first {
        case "--help", "-h":
            Output.out(overview)
            return 0
        case "help":
            guard arguments.count > 1 else {
                Output.out(overview)
                return 0
            }
            // The manual page of the Debian package, from the same definitions as every --help.
            if arguments[1] == "--man" {
                Output.out(ManualPage.roff(commands, version: KioskVersion.current, date: arguments.count > 2 ? arguments[2] : ""))
                return 0
            }
            guard let command = commands.first(where: { $0.name == arguments[1] }) else {
                Output.err("kiosk help: unknown command \"\(Quoted.escape(arguments[1]))\""
                    + Suggestion.suffix(for: arguments[1], among: commands.map(\.name)) + "\nusage: kiosk help COMMAND\n")
                return 2
            }
            Output.out(command.help)
            return 0
        case "--version":
            Output.out("kiosk \(KioskVersion.current)\n")
            return 0
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            Output.err("kiosk: unknown command \"\(Quoted.escape(first))\"" + Suggestion.suffix(for: first, among: commands.map(\.name))
                + "\nusage: kiosk <command> [options]   (kiosk --help lists the commands)\n")
            return 2
        }
        return execute(command, Array(arguments.dropFirst()))
    }

    /// Parses and runs one command.
    static func execute(_ command: Command, _ arguments: [String]) -> Int32 {
        do throws(CommandError) {
            let parsed = try Arguments(arguments, for: command)
            if parsed.wantsHelp {
                Output.out(command.help)
                return 0
            }
            let status = try command.run(parsed)
            if status == 0, command.name != "run", command.name != "guide", Output.outFailed.load(ordering: .relaxed) {
                Output.err("kiosk \(command.name): the output could not be written completely (disk full, or the reader closed it)\n")
                return 1
            }
            return status
        } catch {
            switch error {
            case .usage(let message):
                Output.err("kiosk \(command.name): \(message)\nusage: \(command.usage)\n")
                return 2
            case .failed(let message):
                Output.err("kiosk \(command.name): \(message)\n")
                return 1
            case .diagnostics(let lines):
                Output.err(lines.map { $0 + "\n" }.joined())
                return 2
            }
        }
    }
}
