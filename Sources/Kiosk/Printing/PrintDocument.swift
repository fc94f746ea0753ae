/// A printable document (a guide's handout, the poster): blocks of text that three small writers turn into plain
/// text, Markdown or one self-contained HTML page. The words are already in the document's language.
struct PrintDocument: Sendable {
    /// The language code (`lang` of the HTML page).
    let language: String
    /// The page's title (the HTML `<title>`).
    let title: String
    /// Styles the HTML page adds to the shared page style.
    var extraStyle = ""
    var blocks: [PrintBlock] = []
}
