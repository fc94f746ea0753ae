/// Recognises typed text that looks like personal data, so the kiosk can drop it at once.
///
/// The kiosk never needs an identifier: anything that looks like one is discarded before it is searched, shown,
/// stored or put in line history. Menu numbers, poster codes and years (up to 5 digits) are never personal data.
public enum PersonalDataGuard {
    /// What the dropped text looked like (for tests and the staff log; never the text itself).
    public enum Kind: String, Sendable, CaseIterable {
        case citizenID = "citizen-id"
        case oldID = "old-id"
        case phone
        case code
        case card
        case email
        case digits
    }

    /// The kind of identifier `text` contains, or nil when it is safe to use.
    public static func check(_ text: String) -> Kind? {
        if containsEmail(text) { return .email }
        var runs: [[UInt8]] = []
        var current: [UInt8] = []
        // Digit runs, allowing the separators people type inside numbers: space, dot, dash.
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x30 && byte <= 0x39 {
                current.append(byte - 0x30)
            } else if !current.isEmpty, byte == 0x20 || byte == 0x2E || byte == 0x2D,
                index + 1 < bytes.count, bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39
            {
                // A separator between digits keeps the run going.
            } else if !current.isEmpty {
                runs.append(current)
                current = []
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
