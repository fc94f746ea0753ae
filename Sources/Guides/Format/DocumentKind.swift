/// Whether a file is a guide (`guide:`) or a shared block (`steps:`).
enum DocumentKind: String, Sendable {
    case guide
    case block = "steps"
}
