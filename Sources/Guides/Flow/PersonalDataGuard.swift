import Foundation

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
        case secret
    }

    /// The kind of identifier `text` contains, or nil when it is safe to use.
    ///
    /// Every Unicode digit (full-width, superscript, circled, other scripts) counts as a digit and every kind of space
    /// (tabs, no-break spaces) as a space, before anything else is looked at.
    static func check(_ text: String) -> Kind? {
        if containsEmail(text) || containsEmail(compactedEmail(text)) { return .email }
        for run in digitRuns(text) {
            if let kind = classify(run) { return kind }
        }
        if containsSecret(text) { return .secret }
        // Digits spelled out, or half typed and half spelled (`09123 bốn năm sáu bảy tám`).
        if let spelled = spelledAsDigits(text) {
            for run in digitRuns(spelled) where run.count >= 6 {
                if let kind = classify(run) { return kind }
            }
        }
        return nil
    }

    /// Runs of digits joined across what people type inside numbers: up to three separators (a run of spaces counts
    /// once; dots, dashes, slashes, commas…), and single letters between digit groups (`079a203b001c234`).
    /// A word of two or more letters ends a run.
    static func digitRuns(_ text: String) -> [[UInt8]] {
        var runs: [[UInt8]] = []
        var current: [UInt8] = []
        var gap = 0
        var inSpace = false
        var letters = 0
        func end() {
            if !current.isEmpty { runs.append(current) }
            current = []
            gap = 0
        }
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if let digits = digitValue(scalar) {
                if gap > 3 || letters > 1 { end() }
                current += digits
                gap = 0
                letters = 0
                inSpace = false
            } else if properties.isAlphabetic {
                letters += 1
                if letters > 1 { end() }
                inSpace = false
            } else if properties.isWhitespace || properties.generalCategory == .spaceSeparator {
                if !inSpace, !current.isEmpty { gap += 1 }
                inSpace = true
                if letters > 0 { letters = 2 }
            } else if !current.isEmpty {
                gap += 1
                inSpace = false
            }
        }
        if letters > 1 || !current.isEmpty { end() }
        return runs
    }

    /// The digits a scalar stands for: 0–9 for decimal digits of any script and for superscript and circled digits,
    /// and the digits of a circled or parenthesised number such as ⑫; nil for anything else.
    static func digitValue(_ scalar: Unicode.Scalar) -> [UInt8]? {
        let properties = scalar.properties
        guard properties.numericType == .decimal || properties.numericType == .digit
            || (properties.numericType == .numeric && scalar.value >= 0x2460 && scalar.value <= 0x24FF),
            let value = properties.numericValue,
            value >= 0, value < 100, value.rounded() == value
        else { return nil }
        let number = Int(value)
        return number < 10 ? [UInt8(number)] : [UInt8(number / 10), UInt8(number % 10)]
    }

    /// The text with every digit word written as its digit (`không chín một` → `0 9 1`), when it has any.
    static func spelledAsDigits(_ text: String) -> String? {
        let words: [String: String] = ["khong": "0", "mot": "1", "hai": "2", "ba": "3", "bon": "4", "tu": "4", "nam": "5",
            "lam": "5", "sau": "6", "bay": "7", "tam": "8", "chin": "9", "linh": "0", "zero": "0", "oh": "0", "one": "1",
            "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"]
        let tokens = TextFolding.tokens(text)
        guard tokens.contains(where: { words[$0] != nil }) else { return nil }
        return tokens.map { words[$0] ?? $0 }.joined(separator: " ")
    }

    /// A password, PIN or code typed after the word for it (`matkhau Abc@12345`, `mật khẩu: xyz123`): the word
    /// followed by something that looks like a secret (a digit, a symbol, or upper and lower case), not a plain word
    /// such as `mật khẩu vneid`.
    static func containsSecret(_ text: String) -> Bool {
        // "pin" alone is also a battery ("thay pin"): only "mã pin" counts.
        let keywords: Set<String> = ["matkhau", "mk", "password", "pass", "passcode", "otp", "pwd"]
        let fillers: Set<String> = ["la", "cua", "toi", "minh", "em", "anh", "chi", "is", "my", "the", "moi", "cu"]
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == ":" || $0 == "=" })
            .map { String($0.trimmingCharacters(in: .punctuationCharacters)) }.filter { !$0.isEmpty }
        let folded = words.map { TextFolding.tokens($0).joined() }
        for index in folded.indices.dropLast() {
            let pair = index > 0 ? folded[index - 1] + folded[index] : ""
            guard keywords.contains(folded[index]) || pair == "matkhau" || pair == "mapin" else { continue }
            // The secret may come after a few small words: "mật khẩu của tôi là xyz789".
            for candidate in words[(index + 1)...].prefix(4) {
                if fillers.contains(TextFolding.tokens(candidate).joined()) { continue }
                let hasDigit = candidate.unicodeScalars.contains { digitValue($0) != nil }
                let hasLetter = candidate.unicodeScalars.contains { $0.properties.isAlphabetic }
                let innerSymbol = candidate.unicodeScalars.contains { !$0.properties.isAlphabetic && digitValue($0) == nil }
                if candidate.count >= 4 && (hasDigit && hasLetter || innerSymbol || hasDigit && candidate.count >= 4) { return true }
                break
            }
        }
        return false
    }

    /// `text` with e-mail spelled out or spaced written plainly: `a.b @ gmail . com`, `nguyenvana(at)gmail.com`,
    /// `an a còng gmail chấm com`.
    static func compactedEmail(_ text: String) -> String {
        var folded = " " + TextFolding.tokens(text.replacingOccurrences(of: "@", with: " zzat ").replacingOccurrences(of: ".", with: " zzdot "))
            .joined(separator: " ") + " "
        for (words, symbol) in [(["zzat", "at", "a cong"], "@"), (["zzdot", "dot", "cham"], ".")] {
            for word in words { folded = folded.replacingOccurrences(of: " \(word) ", with: symbol) }
        }
        return folded.trimmingCharacters(in: .whitespaces)
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
        guard text.contains("@") else { return false }
        for raw in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }) {
            let word = raw.trimmingCharacters(in: CharacterSet(charactersIn: ".!?:)]>\"'"))
            guard let at = word.firstIndex(of: "@") else { continue }
            let local = word[..<at]
            let domain = word[word.index(after: at)...]
            if !local.isEmpty, domain.contains("."), domain.last != "." { return true }
        }
        return false
    }
}
