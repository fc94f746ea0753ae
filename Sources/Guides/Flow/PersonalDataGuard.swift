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
        if spelledDigits(text) >= 6 { return .digits }
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
        guard properties.numericType == .decimal || properties.numericType == .digit, let value = properties.numericValue,
            value >= 0, value < 100, value.rounded() == value
        else { return nil }
        let number = Int(value)
        return number < 10 ? [UInt8(number)] : [UInt8(number / 10), UInt8(number % 10)]
    }

    /// Spelled-out numbers (`không chín một hai …`, `zero nine one …`): the longest run of digit words.
    static func spelledDigits(_ text: String) -> Int {
        let words: Set<String> = ["khong", "mot", "hai", "ba", "bon", "tu", "nam", "lam", "sau", "bay", "tam", "chin", "linh",
            "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        var longest = 0
        var run = 0
        for token in TextFolding.tokens(text) {
            if words.contains(token) {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        return longest
    }

    /// A password, PIN or code typed after the word for it (`matkhau Abc@12345`, `mật khẩu: xyz123`): the word
    /// followed by something that looks like a secret (a digit, a symbol, or upper and lower case), not a plain word
    /// such as `mật khẩu vneid`.
    static func containsSecret(_ text: String) -> Bool {
        let keywords: Set<String> = ["matkhau", "mk", "password", "pass", "passcode", "pin", "otp", "pwd"]
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == ":" || $0 == "=" }).map(String.init)
        let folded = words.map { TextFolding.tokens($0).joined() }
        for index in folded.indices.dropLast() {
            let pair = index > 0 ? folded[index - 1] + folded[index] : ""
            guard keywords.contains(folded[index]) || pair == "matkhau" || pair == "mapin" else { continue }
            let secret = words[index + 1]
            let hasDigit = secret.unicodeScalars.contains { digitValue($0) != nil }
            let hasSymbol = secret.unicodeScalars.contains { !$0.properties.isAlphabetic && digitValue($0) == nil }
            let mixedCase = secret.contains(where: \.isUppercase) && secret.contains(where: \.isLowercase)
            if secret.count >= 4 && (hasDigit || hasSymbol || mixedCase) { return true }
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
        for word in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }) {
            guard let at = word.firstIndex(of: "@") else { continue }
            let local = word[..<at]
            let domain = word[word.index(after: at)...]
            if !local.isEmpty, domain.contains("."), domain.last != "." { return true }
        }
        return false
    }
}
