/// Where in a guide a word was found. A title or a keyword says what the guide is about; a word deep in a step only
/// says that the guide mentions it, so it weighs less both in ranking and in deciding whether a guide fits at all.
enum SearchField: Sendable {
    case title, keywords, summary, bring, stepTitle, stepText

    /// The share of a word's weight that a match in this field earns (1 for what the guide is about).
    var weight: Float {
        switch self {
        case .title, .keywords: return 1
        case .summary: return 0.8
        // Below half: a need that a guide only mentions (a law's name in what to bring, a scam's subject in a step)
        // never makes it fit on its own.
        case .stepTitle: return 0.45
        case .bring, .stepText: return 0.35
        }
    }
}

/// One piece of a guide's text to index: which guide, which field, its phrases as search keys
/// (`TextFolding.phrases`, then `searchKey`), and whether it is the Vietnamese source.
struct SearchText: Sendable {
    let guide: Int
    let field: SearchField
    let phrases: [[String]]
    /// True for Vietnamese text, where two syllables that are never next to each other are not the word typed.
    let isSource: Bool
}
