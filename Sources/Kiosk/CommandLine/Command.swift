import Glibc
import Guides

/// One `kiosk` subcommand: its usage, the arguments it accepts, and what it does.
struct Command: Sendable {
    let name: String
    let summary: String
    /// The usage line, without the leading `usage: `.
    let usage: String
    /// Longer help shown by `--help`, after the usage line.
    let help: String
    let spec: CommandSpec
    let run: @Sendable (Arguments) -> Int32
}
