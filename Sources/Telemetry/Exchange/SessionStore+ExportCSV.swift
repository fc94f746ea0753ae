/// One table of an export as CSV (RFC 4180: a header row, CRLF line ends, fields quoted where needed), for
/// PostgreSQL's and DuckDB's `COPY`. NULL is an empty field and an empty text is `""`, as `COPY … (FORMAT csv)`
/// reads them; the rows are those the JSON Lines export of the same period holds.
extension SessionStore {
    /// The SQL reading `table` for a period, its columns in `ExchangeTable.columns` order.
    static func csvRows(_ table: ExchangeTable) -> String {
        switch table {
        case .session:
            return """
                SELECT id, terminal, day, hour, guide, lang, launched_by, steps_seen, furthest_step, backs, helps, outcome, duration,
                    last_guide, last_step, commune_code FROM session WHERE day BETWEEN ?1 AND ?2 AND outcome IS NOT NULL ORDER BY day, id
                """
        case .stepEvent:
            return """
                SELECT e.session, e.seq, e.guide, e.step, e.kind, e.session_guide, e.day
                FROM session s JOIN step_event e ON e.session = s.id
                WHERE s.day BETWEEN ?1 AND ?2 AND s.outcome IS NOT NULL ORDER BY s.day, s.id, e.seq
                """
        case .daily:
            return """
                SELECT day, hour, terminal, guide, lang, launched_by, outcome, commune_code, sessions FROM daily
                WHERE day BETWEEN ?1 AND ?2 ORDER BY day, hour, terminal, guide, lang, launched_by, outcome, commune_code
                """
        case .dailyStep:
            return """
                SELECT day, terminal, session_guide, guide, step, commune_code, reached, left_done, left_staff, left_later, left_lost
                FROM daily_step WHERE day BETWEEN ?1 AND ?2 ORDER BY day, terminal, session_guide, guide, step, commune_code
                """
        case .purged:
            return "SELECT id, day FROM purged_session WHERE day BETWEEN ?1 AND ?2 ORDER BY day, id"
        case .commune:
            // Every commune named here: a handful of rows, and what the other tables' codes refer to.
            return "SELECT code, name, centre FROM commune WHERE ?1 <= ?2 ORDER BY code"
        }
    }

    /// Writes `table` of `period` as CSV to `sink`, in chunks.
    public func exportCSV(_ table: ExchangeTable, period: ReportPeriod, progress: ((ExchangeProgress) -> Void)? = nil,
        to sink: ([UInt8]) -> Void) throws(ExchangeError) {
        var out: [UInt8] = []
        out.reserveCapacity(Self.exportChunk + 4096)
        out += Array(table.columns.joined(separator: ",").utf8) + [0x0D, 0x0A]
        let range: [SQLValue] = [.text(period.from), .text(period.to)]
        var lines = 1
        do throws(SQLiteError) {
            let total = progress == nil ? 0 : Int(try database.query(
                "SELECT count(*) FROM session WHERE day BETWEEN ?1 AND ?2 AND outcome IS NOT NULL", range).first?.first?.int ?? 0)
            try database.scan(Self.csvRows(table), range) { row in
                for column in 0..<row.count {
                    if column > 0 { out.append(UInt8(ascii: ",")) }
                    if let number = row.integer(column) {
                        out += Array(String(number).utf8)
                    } else if let text = row.text(column) {
                        Self.csvField(text, into: &out)
                    }
                }
                out += [0x0D, 0x0A]
                lines += 1
                if out.count >= Self.exportChunk {
                    sink(out)
                    out.removeAll(keepingCapacity: true)
                    if let progress, table == .session { progress(ExchangeProgress(lines: lines, done: lines - 1, total: total)) }
                }
            }
        } catch {
            sink(out)
            throw .database(error)
        }
        sink(out)
    }

    /// A text field: quoted when empty (so it is not NULL) or when it holds a comma, a quote or a line break.
    static func csvField(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let quoted = text.isEmpty || text.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard quoted else {
            out.append(contentsOf: text)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in text {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }
}
