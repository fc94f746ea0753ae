/// Recognises typed text that looks like personal data, so the kiosk can drop it at once.
///
/// The kiosk never needs an identifier: anything that looks like one is discarded before it is searched, shown,
/// stored or put in line history. Menu numbers, poster codes and years (up to 5 digits) are never personal data.
enum PersonalDataGuard {
    /// What the dropped text looked like (for tests and the staff log; never the text itself).
    enum Kind: String, Sendable, CaseIterable {
        case citizenID = "citizen-id"
        case oldID = "old-id"
        case phone
        case code
        case card
        case email
        case digits
    }

    /// The kind of identifier `text` contains, or nil when it is safe to use.
    static func check(_ text: String) -> Kind? {
        if containsEmail(text) { return .email }
        // Runs of digits (any script's decimal digits), joined across the separators people type inside numbers:
        // up to three spaces, dots, dashes, slashes, commas or the like. A letter ends a run.
        var runs: [[UInt8]] = []
        var current: [UInt8] = []
        var gap = 0
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.numericType == .decimal, let value = properties.numericValue {
                if gap > 3, !current.isEmpty {
                    runs.append(current)
                    current = []
                }
                current.append(UInt8(value))
                gap = 0
            } else if properties.isAlphabetic {
                if !current.isEmpty { runs.append(current) }
                current = []
                gap = 0
            } else if !current.isEmpty {
                gap += 1
            }
        }
        if !current.isEmpty { runs.append(current) }
        for run in runs {
            if let kind = classify(run) { return kind }
        }
        return nil
    }

    /// Classifies one run of digits.
    static func classify(_ digits: [UInt8]) -> Kind? {
        let count = digits.count
        if count <= 5 { return nil }
        if count == 12 && digits.first == 0 { return .citizenID }
        if count == 10 && digits.first == 0 { return .phone }
        if count == 11 && digits.starts(with: [8, 4]) { return .phone }
        if count == 9 { return .oldID }
        if count == 6 { return .code }
        if (13...19).contains(count) && luhn(digits) { return .card }
        if count == 12 { return .citizenID }
        // Any other long number has no place in a search: a passcode, an account or part of an ID.
        return .digits
    }

    /// The Luhn checksum used by payment cards.
    static func luhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    /// Something shaped like `name@domain.tld`.
    static func containsEmail(_ text: String) -> Bool {
        for word in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }) {
            guard let at = word.firstIndex(of: "@") else { continue }
            let local = word[..<at]
            let domain = word[word.index(after: at)...]
            if !local.isEmpty, domain.contains("."), domain.last != "." { return true }
        }
        return false
    }
}
