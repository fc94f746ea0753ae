/// One command-line option, defined once and shared by every command that takes it: its name, the value it takes
/// (none for a flag), its help line, and how its value is checked.
struct Option: Sendable, Hashable {
    /// What the value must be; checked while parsing, so every command gives the same message for the same mistake.
    enum Value: Sendable, Hashable {
        case text
        case number(ClosedRange<Int>)
        case choice([String])
    }

    let name: String
    /// The value's name in help and usage (`DIR`, `FILE`); nil for a flag.
    let placeholder: String?
    let value: Value?
    let help: String

    /// An option that takes a value.
    init(_ name: String, _ placeholder: String, _ value: Value = .text, help: String) {
        self.name = name
        self.placeholder = placeholder
        self.value = value
        self.help = help
    }

    /// A flag: present or not, no value.
    init(flag name: String, help: String) {
        self.name = name
        placeholder = nil
        value = nil
        self.help = help
    }

    var isFlag: Bool { value == nil }

    /// `--name VALUE`, as help shows it.
    var synopsis: String { placeholder.map { "\(name) \($0)" } ?? name }

    /// Checks a value; the message of a usage error when it is wrong.
    func check(_ text: String) -> String? {
        switch value {
        case .number(let range):
            guard let number = Int(text), range.contains(number) else {
                return "\(name) needs a number from \(range.lowerBound) to \(range.upperBound)"
            }
        case .choice(let choices):
            guard choices.contains(text) else {
                let list = choices.count == 2 ? choices.joined(separator: " or ")
                    : choices.dropLast().joined(separator: ", ") + " or " + (choices.last ?? "")
                return "\(name) must be \(list)"
            }
        case .text:
            guard !text.isEmpty else { return "\(name) needs a value" }
        case nil:
            break
        }
        return nil
    }
}
