/// A `source:` line read for what a citizen can check: a web page (with an optional note after the address), a
/// document cited by name (a law, the province's plan), or a site named without its page.
public struct SourceAddress: Hashable, Sendable {
    /// The whole line as written.
    public let text: String
    /// The web address (the line's first word), when the line starts with http:// or https://.
    public let url: String?
    /// The site's host name (`cafef.vn`), for web addresses.
    let host: String?
    /// True when the address names a site, not the page that states the fact (`https://cafef.vn`).
    public let isBareDomain: Bool
    /// True for a line that looks like an address written without `https://` (`cafef.vn/...`).
    let lacksScheme: Bool

    public init(_ text: String) {
        self.text = text
        let first = text.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        let lowered = first.lowercased()
        if let scheme = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }) {
            url = first
            let rest = first.dropFirst(scheme.count)
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            host = rest[..<slash].lowercased()
            let path = rest[slash...]
            isBareDomain = path.isEmpty || path == "/"
            lacksScheme = false
        } else {
            url = nil
            host = nil
            isBareDomain = false
            // A first word with a dot and a name after it, and no spaces: a site written without its scheme.
            let parts = first.split(separator: "/", maxSplits: 1).first?.split(separator: ".") ?? []
            lacksScheme = parts.count >= 2 && parts.allSatisfy { part in
                !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            } && parts.last.map { $0.allSatisfy(\.isLetter) } == true
        }
    }

    /// What follows the web address on the line (`(bài 188250824065024589, 24/08/2025)`), if anything.
    public var note: String? {
        guard let url else { return nil }
        let rest = String(text.dropFirst(url.count).trimmingSpaces)
        return rest.isEmpty ? nil : rest
    }

    /// The first words of a legal or state document cited by name (a law, a decree, a decision, a plan).
    static let documentKinds = ["Hiến pháp", "Luật", "Bộ luật", "Nghị định", "Nghị quyết", "Thông tư", "Quyết định", "Chỉ thị",
        "Kế hoạch", "Công văn", "NĐ", "NQ", "QĐ"]

    /// An official source: a government site (`.gov.vn`), or a law or state plan cited by name.
    public var isOfficial: Bool {
        guard let host else {
            return Self.documentKinds.contains { text.hasPrefix($0 + " ") }
        }
        return host == "gov.vn" || host.hasSuffix(".gov.vn")
    }

    /// Sources in the order a handout lists them: official ones first, then press and secondary pages, each group
    /// in alphabetical order, every line once.
    public static func handoutOrder(_ lines: [String]) -> [SourceAddress] {
        Set(lines).map(SourceAddress.init).sorted { ($0.isOfficial ? 0 : 1, $0.text) < ($1.isOfficial ? 0 : 1, $1.text) }
    }
}
