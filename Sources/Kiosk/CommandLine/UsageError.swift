/// A command-line usage mistake: the message is printed with the command's usage line, and the exit code is 2.
struct UsageError: Error {
    let message: String
}
