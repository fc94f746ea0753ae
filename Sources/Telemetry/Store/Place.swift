/// Where sessions are counted: the commune (its official five-digit code, its name), its centre, and a hash of the
/// machine (never the machine id itself) so that two machines configured with one terminal id can be told apart.
public struct Place: Sendable, Equatable {
    /// The commune's official administrative-unit code, five digits; "" when not configured.
    public var communeCode: String
    public var commune: String
    public var centre: String
    /// 16 hexadecimal digits derived from the machine id or host name; "" when neither is known.
    public var machine: String

    public init(communeCode: String = "", commune: String = "", centre: String = "", machine: String = "") {
        (self.communeCode, self.commune, self.centre, self.machine) = (communeCode, commune, centre, machine)
    }

    /// Five ASCII digits, the form of a commune's code in the national list of administrative units.
    public static func isCommuneCode(_ text: String) -> Bool {
        text.utf8.count == 5 && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// A commune or centre name a report can print: at most 100 code points (as SQLite's `length` counts them, so a
    /// name typed with combining accents is measured the same way), no control characters.
    public static func isName(_ text: String) -> Bool {
        text.unicodeScalars.count <= 100 && !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// 16 hexadecimal digits.
    static func isMachine(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

/// A commune's name and centre as the statistics keep them, by code.
public struct CommuneName: Sendable, Equatable {
    public let name: String
    public let centre: String

    /// Every commune of the `commune` table, by code.
    static func all(in database: Database) throws(SQLiteError) -> [String: CommuneName] {
        var names: [String: CommuneName] = [:]
        try database.each("SELECT code, name, centre FROM commune", []) { row in
            guard let code = row[0].string else { return }
            names[code] = CommuneName(name: row[1].string ?? "", centre: row[2].string ?? "")
        }
        return names
    }
}

extension SessionStore {
    /// Records that `terminal` counts for `place`: the commune's name and centre (the latest configuration wins, so a
    /// corrected name shows in every report), and which machine uses the terminal id.
    public func register(_ place: Place, terminal: String) throws(SQLiteError) {
        try database.transaction { () throws(SQLiteError) in
            if Place.isCommuneCode(place.communeCode), !place.commune.isEmpty {
                try database.query("""
                    INSERT INTO commune(code, name, centre) VALUES (?1, ?2, ?3)
                    ON CONFLICT(code) DO UPDATE SET name = excluded.name, centre = excluded.centre
                    WHERE name <> excluded.name OR centre <> excluded.centre
                    """, [.text(place.communeCode), .text(place.commune), .text(place.centre)])
            }
            if Place.isMachine(place.machine) {
                try database.query("INSERT OR IGNORE INTO terminal_machine(terminal, machine) VALUES (?, ?)",
                    [.text(terminal), .text(place.machine)])
            }
        }
    }

    /// The communes known here, by code.
    public func communes() throws(SQLiteError) -> [String: CommuneName] { try CommuneName.all(in: database) }

    /// Terminal ids used by more than one machine, with how many: each machine should have its own id.
    public func sharedTerminals() throws(SQLiteError) -> [(terminal: String, machines: Int)] {
        var shared: [(String, Int)] = []
        try database.each("SELECT terminal, COUNT(*) FROM terminal_machine GROUP BY terminal HAVING COUNT(*) > 1 ORDER BY terminal", []) { row in
            shared.append((row[0].string ?? "", Int(row[1].int ?? 0)))
        }
        return shared
    }
}
