/// The edit `kiosk review` makes to a guide file once every step is confirmed on a real phone: `status: reviewed`
/// and `reviewed: <day>`, changing those two metadata lines only, so the rest of the file stays byte for byte.
public enum StatusPromotion {
    /// The file's text with the guide marked reviewed on `day`, or nil when the file has no `status:` line before its
    /// first step (nothing is guessed).
    public static func apply(to text: String, day: Day) -> String? {
        // Lines split at line feeds, on the bytes (a Swift Character holds "\r\n" whole), each keeping its own carriage
        // return: a file with Windows or mixed endings keeps them.
        var lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        func ending(_ line: String) -> String { line.utf8.last == 0x0D ? "\r" : "" }
        var statusIndex: Int?
        var reviewedIndex: Int?
        for (index, line) in lines.enumerated() {
            // Metadata lines start at column 1 and come before the first step or `use`.
            if line.hasPrefix("step ") || line.hasPrefix("use ") { break }
            if line.hasPrefix("status:") { statusIndex = index }
            if line.hasPrefix("reviewed:") { reviewedIndex = index }
        }
        guard let statusIndex else { return nil }
        let cr = ending(lines[statusIndex])
        lines[statusIndex] = "status: reviewed" + cr
        if let reviewedIndex {
            lines[reviewedIndex] = "reviewed: \(day)" + ending(lines[reviewedIndex])
        } else {
            lines.insert("reviewed: \(day)" + cr, at: statusIndex + 1)
        }
        return lines.joined(separator: "\n")
    }
}
