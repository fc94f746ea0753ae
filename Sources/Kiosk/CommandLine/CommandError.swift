/// Why a command stopped: a usage mistake (the dispatcher adds the usage line; exit status 2) or a failure to do
/// what was asked (exit status 1). The message never carries raw control characters: `Output` sanitizes it.
enum CommandError: Error, Equatable {
    case usage(String)
    case failed(String)
    /// Problems in a file the command needs (the configuration), as `path:line:col: error: …` lines; exit status 2.
    case diagnostics([String])
}
