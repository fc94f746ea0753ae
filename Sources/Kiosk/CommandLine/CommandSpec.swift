/// The flags and options one subcommand accepts.
struct CommandSpec: Sendable {
    /// Options that take a value (`--guides DIR`).
    var valued: Set<String> = []
    /// Options without a value (`--all`).
    var flags: Set<String> = []
    /// Allowed number of positional arguments.
    var positionals: ClosedRange<Int> = 0...0
}
