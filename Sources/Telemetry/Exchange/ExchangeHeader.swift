/// The first line of every export: which format and version the file is, who wrote it, for where and for when.
/// Files written before version 2 have no header; an import reads them as version 1.
public struct ExchangeHeader: Sendable, Equatable {
    /// The format's name, so a file of something else is refused at its first line.
    public static let format = "kiosk-statistics"
    /// The version this kiosk writes. The minor number grows when fields or line types are only added (older readers
    /// skip them); the major number when a meaning changes (older readers refuse the file).
    public static let current = Version(major: 2, minor: 0)

    /// A format version, `MAJOR.MINOR`.
    public struct Version: Sendable, Equatable, Comparable, CustomStringConvertible {
        public let major: Int
        public let minor: Int

        public init(major: Int, minor: Int) { (self.major, self.minor) = (major, minor) }

        /// Reads `2.0`; nil for anything else.
        public init?(_ text: String) {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ (1...4).contains($0.utf8.count) && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
                let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
            (self.major, self.minor) = (major, minor)
        }

        public var description: String { "\(major).\(minor)" }

        public static func < (a: Version, b: Version) -> Bool { (a.major, a.minor) < (b.major, b.minor) }
    }

    public var version: Version
    /// The kiosk version that wrote the file, such as "0.3.0".
    public var kiosk: String
    /// The configured commune of the exporting kiosk ("" when none is set).
    public var communeCode: String
    public var commune: String
    public var centre: String
    /// The period exported, first and last day; nil for every day (`--all`).
    public var from: String?
    public var to: String?
    /// When the export was written, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var exportedAt: String

    public init(kiosk: String, communeCode: String, commune: String, centre: String, from: String?, to: String?,
        exportedAt: String, version: Version = ExchangeHeader.current) {
        (self.kiosk, self.communeCode, self.commune, self.centre) = (kiosk, communeCode, commune, centre)
        (self.from, self.to, self.exportedAt, self.version) = (from, to, exportedAt, version)
    }

    /// The header line as written.
    func write(to writer: inout JSONLineWriter) {
        writer.beginObject()
        writer.field("type", "header")
        writer.field("format", Self.format)
        writer.field("version", version.description)
        writer.field("kiosk", kiosk)
        writer.field("commune_code", communeCode)
        writer.field("commune", commune)
        writer.field("centre", centre)
        writer.field("from", from)
        writer.field("to", to)
        writer.field("exported_at", exportedAt)
        writer.endObject()
        writer.endLine()
    }

    /// Reads a header line; the message says what is wrong, and a version too new for this kiosk is refused here.
    static func read(_ f: JSONFields) throws(JSONFields.Problem) -> ExchangeHeader {
        guard (try? f.string("format")) == Self.format else {
            throw JSONFields.Problem(message: "this header is not of a kiosk statistics export (\"format\" must be \"\(Self.format)\")")
        }
        guard let version = Version(try f.string("version")) else {
            throw JSONFields.Problem(message: "\"version\" must be MAJOR.MINOR, such as \"\(Self.current)\"")
        }
        guard version.major <= Self.current.major else {
            throw JSONFields.Problem(message: "this file is format version \(version), written by a newer kiosk; this kiosk "
                + "reads versions up to \(Self.current.major).x: update the kiosk that imports it")
        }
        let header = ExchangeHeader(kiosk: try f.string("kiosk", absent: ""), communeCode: try f.string("commune_code", absent: ""),
            commune: try f.string("commune", absent: ""), centre: try f.string("centre", absent: ""), from: try f.optionalString("from"),
            to: try f.optionalString("to"), exportedAt: try f.string("exported_at", absent: ""), version: version)
        return header
    }
}
