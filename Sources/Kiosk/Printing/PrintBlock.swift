import Guides

/// One block of a printable document.
enum PrintBlock: Sendable {
    /// The document's title; underlined in text when `underlined`.
    case title(String, underlined: Bool)
    /// "Mã số: 12 · dang-nhap-dvcqg": the poster code a citizen types, and the guide's id for staff.
    case code(label: String, code: String)
    case paragraph(String)
    /// A heading and bulleted items.
    case list(heading: String, items: [String])
    /// A heading and numbered items.
    case numbered(heading: String, items: [String])
    /// Labelled facts ("Lệ phí: …", "Thời gian: …").
    case facts([PrintFact])
    case step(PrintStep)
    /// A heading and the sources: web pages (linked) and documents cited by name, official ones first.
    case links(heading: String, sources: [SourceAddress])
    /// A small note (the status line).
    case note(String)
    /// Poster rows: a code to type and what it opens.
    case codes([PrintFact])
    /// A sentence that must stand out (the poster's rule).
    case warning(String)
}
