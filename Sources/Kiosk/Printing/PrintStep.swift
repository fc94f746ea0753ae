/// One step of a handout: heading, instruction paragraphs, warnings, the check question and the numbered answers.
struct PrintStep: Sendable {
    let heading: String
    let paragraphs: [String]
    let warnings: [PrintFact]
    let check: PrintFact?
    let choices: [String]
}
