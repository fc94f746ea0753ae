/// The printable formats of `kiosk show` and `kiosk poster`, each a writer of `PrintDocument`.
enum PrintFormat: String, CaseIterable {
    case text, markdown, html

    /// `document` in this format; `columns` is the width of text printouts.
    func write(_ document: PrintDocument, columns: Int = 72) -> String {
        switch self {
        case .text: return TextWriter(columns: columns).write(document)
        case .markdown: return MarkdownWriter().write(document)
        case .html: return HTMLWriter().write(document)
        }
    }
}
