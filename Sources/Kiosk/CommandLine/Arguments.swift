import Guides

/// A command's arguments, parsed against its options: `--name value` and `--name=value` for every option that
/// takes a value, flags, `--` to end options, and positional arguments. Values are checked as they are read.
struct Arguments {
    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []
    /// `--help` or `-h` appeared before any `--`.
    private(set) var wantsHelp = false

    init(_ arguments: [String], for command: Command) throws(CommandError) {
        try self.init(arguments, options: command.options, positionals: command.positionals)
    }

    init(_ arguments: [String], options: [Option], positionals allowed: ClosedRange<Int>) throws(CommandError) {
        var known: [String: Option] = [:]
        for option in options { known[option.name] = option }
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
            if argument == "--help" || argument == "-h" {
                wantsHelp = true
                continue
            }
            var name = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            guard let option = known[name] else {
                throw .usage("unknown option \(Quoted.escape(name))" + Suggestion.suffix(for: name, among: known.keys))
            }
            if option.isFlag {
                guard inline == nil else { throw .usage("\(name) takes no value") }
                flags.insert(name)
                continue
            }
            guard let value = inline ?? (index < arguments.count ? arguments[index] : nil) else {
                throw .usage("\(name) needs a value")
            }
            if inline == nil { index += 1 }
            if let problem = option.check(value) { throw .usage(problem) }
            values[name] = value
        }
        if wantsHelp { return }
        guard allowed.contains(positionals.count) else {
            throw .usage(positionals.count < allowed.lowerBound
                ? "missing argument" : "unexpected argument \"\(Quoted.escape(positionals[allowed.upperBound]))\"")
        }
    }

    /// No arguments at all.
    static let empty = Arguments()

    private init() {}

    subscript(_ option: Option) -> String? { values[option.name] }
    func has(_ option: Option) -> Bool { flags.contains(option.name) }
    /// The value of a number option (already checked against its range).
    func number(_ option: Option) -> Int? { values[option.name].flatMap { Int($0) } }
}
