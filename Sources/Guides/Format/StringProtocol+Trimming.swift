extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (scanned on the UTF-8 bytes).
    var trimmingSpaces: SubSequence {
        let bytes = utf8
        var start: Index?
        var end = endIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] != 0x20 && bytes[index] != 0x09 {
                if start == nil { start = index }
                end = next
            }
            index = next
        }
        guard let start else { return self[endIndex...] }
        return self[start..<end]
    }
}
