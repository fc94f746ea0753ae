import Foundation

/// The edit `kiosk review` makes to a guide file once every step is confirmed on a real phone: `status: reviewed`
/// and `reviewed: <day>`, changing those two metadata lines only, so the rest of the file stays byte for byte.
public enum StatusPromotion {
    /// The file's text with the guide marked reviewed on `day`, or nil when the file has no `status:` line before its
    /// first step (nothing is guessed).
    public static func apply(to text: String, day: Day) -> String? {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        var statusIndex: Int?
        var reviewedIndex: Int?
        for (index, line) in lines.enumerated() {
            // Metadata lines start at column 1 and come before the first step or `use`.
            if line.hasPrefix("step ") || line.hasPrefix("use ") { break }
            if line.hasPrefix("status:") { statusIndex = index }
            if line.hasPrefix("reviewed:") { reviewedIndex = index }
        }
        guard let statusIndex else { return nil }
        lines[statusIndex] = "status: reviewed"
        if let reviewedIndex {
            lines[reviewedIndex] = "reviewed: \(day)"
        } else {
            lines.insert("reviewed: \(day)", at: statusIndex + 1)
        }
        return lines.joined(separator: newline)
    }
}
