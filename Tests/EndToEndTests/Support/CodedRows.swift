/// The breakdown rows of `kiosk report --format csv --codes`, each as its dimension values and its guided count
/// (`"khai-sinh,interrupted,1"`), without the total row.
enum CodedRows {
    static func of(_ csv: String, _ dimensions: [String]) -> [String] {
        let lines = csv.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\r\n").map(SpreadsheetTests.fields)
        guard let header = lines.first else { return [] }
        let columns = (dimensions + ["guided"]).compactMap { header.firstIndex(of: $0) }
        return lines.dropFirst().filter { $0.count == header.count && $0[columns[0]] != "total" }
            .map { line in columns.map { line[$0] }.joined(separator: ",") }
    }
}
