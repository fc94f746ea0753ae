extension Step {
    /// Eight hex digits that change whenever anything staff compare with the phone changes: the title, the body,
    /// the warnings, the check question, and each choice's words and where it leads (FNV-1a, 32 bits).
    public var fingerprint: String {
        var hash: UInt32 = 0x811C_9DC5
        func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt32(byte)
                hash = hash &* 0x0100_0193
            }
            // A separator no text holds, so ("ab", "c") and ("a", "bc") differ.
            hash ^= 0x1F
            hash = hash &* 0x0100_0193
        }
        add(title.text)
        add(body?.text ?? "")
        warnings.forEach { add($0.text) }
        add(check?.text ?? "")
        for choice in choices {
            add(choice.label.text)
            switch choice.target {
            case .step(let id): add("step " + id)
            case .guide(let id): add("guide " + id)
            case .end(let kind): add("end " + kind.rawValue)
            }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
