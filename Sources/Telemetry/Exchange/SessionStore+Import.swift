extension SessionStore {
    /// The longest line an import reads: a session with the most step events allowed is well under a megabyte.
    static let maximumLineLength = 16 << 20
    /// The page cache of an import, in KiB.
    static let importCacheKiB = 24 << 10

    /// Imports an export (docs/exchange.md) read in chunks from `read`, which fills the buffer it is given and returns
    /// how many bytes it put there: 0 at the end, a negative number when reading failed. `size` is the file's size
    /// for `progress`, which is called every few thousand lines.
    ///
    /// The whole file goes in one transaction (SQLite spills it to the write-ahead log, so memory stays the same):
    /// a bad line anywhere, or a failure, leaves nothing of the file here. Importing can only add information; see
    /// `LineImport` for the rules that make importing a file twice change nothing.
    public func importStream(path: String, size: Int = 0, progress: ((ExchangeProgress) -> Void)? = nil,
        read: (UnsafeMutableRawBufferPointer) -> Int) throws(ExchangeError) -> ImportSummary {
        do {
            // A larger page cache while importing: each session adds rows to six B-trees at random places, and with
            // SQLite's default 2 MB most inserts re-read a page; 24 MB keeps the whole import under 64 MB.
            try database.execute("PRAGMA cache_size = -\(Self.importCacheKiB)")
            try database.execute("BEGIN IMMEDIATE")
        } catch {
            throw .database(error)
        }
        defer { try? database.execute("PRAGMA cache_size = -2000") }
        do throws(ExchangeError) {
            var run = try Self.lineImport(database, path)
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            var pending: [UInt8] = []
            var number = 0, consumed = 0, atStart = true
            func take(_ line: UnsafeBufferPointer<UInt8>) throws(ExchangeError) {
                number += 1
                consumed += line.count + 1
                var start = 0, end = line.count
                // A byte-order mark at the very start, as some editors write, is not part of the first line.
                if atStart, end >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { start = 3 }
                atStart = false
                while start < end, line[start] == 0x20 || line[start] == 0x09 || line[start] == 0x0D { start += 1 }
                while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 || line[end - 1] == 0x0D { end -= 1 }
                guard start < end else { return }
                try run.consume(UnsafeBufferPointer(rebasing: line[start..<end]), line: number)
                if let progress, number % 20_000 == 0 { progress(ExchangeProgress(lines: number, done: consumed, total: size)) }
            }
            while true {
                let count = chunk.withUnsafeMutableBytes { read($0) }
                if count < 0 { throw ExchangeError.reading(path) }
                if count == 0 { break }
                try chunk.withUnsafeBufferPointer { (buffer) throws(ExchangeError) in
                    var start = 0
                    // Lines end at LF (CRLF too); U+2028 and U+2029 are valid inside JSON strings and do not end one.
                    while let newline = buffer[start..<count].firstIndex(of: 0x0A) {
                        if pending.isEmpty {
                            try take(UnsafeBufferPointer(rebasing: buffer[start..<newline]))
                        } else {
                            pending.append(contentsOf: buffer[start..<newline])
                            try pending.withUnsafeBufferPointer { (line) throws(ExchangeError) in try take(line) }
                            pending.removeAll(keepingCapacity: true)
                        }
                        start = newline + 1
                    }
                    pending.append(contentsOf: buffer[start..<count])
                }
                if pending.count > Self.maximumLineLength {
                    throw ExchangeError.line(ImportError(path: path, line: number + 1, message: "a line longer than "
                        + "\(Self.maximumLineLength >> 20) MB: not a line of a kiosk export"))
                }
            }
            if !pending.isEmpty { try pending.withUnsafeBufferPointer { (line) throws(ExchangeError) in try take(line) } }
            try run.finish()
            do {
                try database.execute("COMMIT")
            } catch {
                throw ExchangeError.database(error)
            }
            progress?(ExchangeProgress(lines: number, done: size, total: size))
            var summary = run.summary
            summary.version = run.version
            // Terminal ids of this file that more than one machine uses (here or in the file): said, never refused.
            if let shared = try? sharedTerminals() {
                summary.sharedTerminals = shared.filter { run.fileTerminals.contains($0.terminal) }.map(\.terminal)
            }
            return summary
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }

    private static func lineImport(_ database: Database, _ path: String) throws(ExchangeError) -> LineImport {
        do {
            return try LineImport(database: database, path: path)
        } catch {
            throw .database(error)
        }
    }

    /// Imports the text of an export (tests, the fuzzing harness); see `importStream`.
    public func importLines(_ text: String, path: String) throws(ExchangeError) -> ImportSummary {
        var bytes = Array(text.utf8)[...]
        return try importStream(path: path, size: bytes.count) { buffer in
            let count = min(buffer.count, bytes.count)
            buffer.copyBytes(from: bytes.prefix(count))
            bytes = bytes.dropFirst(count)
            return count
        }
    }
}
