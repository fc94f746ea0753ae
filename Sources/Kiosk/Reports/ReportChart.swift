/// Small inline SVG charts for the printed report: no script, no font file, nothing fetched.
enum ReportChart {
    /// Vertical bars, one per label, with the largest value written above its bar and every label below when there
    /// is room (else every few).
    /// A nil value is withheld: drawn as a short grey stub, without a number.
    static func columns(_ values: [(label: String, value: Int?)], width: Int = 680, height: Int = 120) -> String {
        guard !values.isEmpty else { return "" }
        let top = max(1, values.compactMap(\.value).max() ?? 1)
        let plot = height - 28
        let step = Double(width) / Double(values.count)
        let barWidth = max(1.0, step * 0.7)
        let every = max(1, Int((Double(values.count) * 34 / Double(width)).rounded(.up)))
        var svg = "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">"
        svg += "<line x1=\"0\" y1=\"\(plot + 12)\" x2=\"\(width)\" y2=\"\(plot + 12)\" stroke=\"#000\" stroke-width=\"0.5\"/>"
        for (index, item) in values.enumerated() {
            let x = Double(index) * step + (step - barWidth) / 2
            if let value = item.value {
                let barHeight = Double(plot - 10) * Double(value) / Double(top)
                let y = Double(plot + 12) - barHeight
                svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(barWidth))\" height=\"\(f(barHeight))\" fill=\"#2b5d8a\"/>"
                if value > 0 && (values.count <= 16 || value == top) {
                    svg += "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(y - 2))\" font-size=\"8\" text-anchor=\"middle\">\(value)</text>"
                }
            } else {
                svg += "<rect x=\"\(f(x))\" y=\"\(plot + 6)\" width=\"\(f(barWidth))\" height=\"6\" fill=\"#bbb\"/>"
            }
            if index % every == 0 {
                svg += "<text x=\"\(f(x + barWidth / 2))\" y=\"\(height - 4)\" font-size=\"8\" text-anchor=\"middle\">\(HTMLWriter.escape(item.label))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// One horizontal bar split into parts (done, staff, later, lost), each as wide as its share.
    static func stacked(_ parts: [(value: Int, color: String)], width: Int = 220, height: Int = 10) -> String {
        let total = parts.reduce(0) { $0 + $1.value }
        var svg = "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"none\" stroke=\"#999\" stroke-width=\"0.5\"/>"
        var x = 0.0
        for part in parts where total > 0 && part.value > 0 {
            let w = Double(width) * Double(part.value) / Double(total)
            svg += "<rect x=\"\(f(x))\" y=\"0\" width=\"\(f(w))\" height=\"\(height)\" fill=\"\(part.color)\"/>"
            x += w
        }
        return svg + "</svg>"
    }

    /// The colours of the outcomes, distinct in grey print too.
    static let doneColor = "#1f6f3f", staffColor = "#e0a020", laterColor = "#8fb3d9", lostColor = "#b03030"

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
