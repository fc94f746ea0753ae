/// A line at column 1 of the step area: a step or a `use` of a shared block.
enum RawItem: Sendable {
    case step(RawStep)
    case use(Located)
}
