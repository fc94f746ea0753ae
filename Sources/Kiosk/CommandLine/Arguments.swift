/// Arguments parsed against a `CommandSpec`.
struct Arguments {
    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    /// Parses `arguments`; `--name=value` and `--name value` both work; `--` ends options.
    init(_ arguments: [String], spec: CommandSpec) throws(UsageError) {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            if spec.flags.contains(name), inline == nil {
                flags.insert(name)
            } else if spec.valued.contains(name) {
                if let inline {
                    values[name] = inline
                } else if index < arguments.count {
                    values[name] = arguments[index]
                    index += 1
                } else {
                    throw UsageError(message: "\(name) needs a value")
                }
            } else {
                throw UsageError(message: "unknown option \(name)")
            }
        }
        guard spec.positionals.contains(positionals.count) else {
            throw UsageError(message: positionals.count < spec.positionals.lowerBound
                ? "missing argument" : "unexpected argument \"\(positionals[spec.positionals.upperBound])\"")
        }
    }

    /// No arguments at all.
    static let empty = Arguments()

    private init() {}

    func value(_ name: String) -> String? { values[name] }
    func has(_ flag: String) -> Bool { flags.contains(flag) }
}
