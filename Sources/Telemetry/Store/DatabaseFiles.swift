import Foundation

/// The files of one SQLite database: the main file and, in WAL mode, its `-wal` and `-shm` companions.
public enum DatabaseFiles {
    /// The companions SQLite keeps beside a database in WAL mode.
    static let companions = ["-wal", "-shm"]

    /// Why the file at `path` is not for the kiosk to open, or nil: it exists, is not empty, does not start with
    /// SQLite's header, and has no WAL beside it (a kiosk database whose header was damaged keeps its WAL).
    public static func foreignFileProblem(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        else { return nil }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { return "not a regular file; it was left untouched" }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty || header == Data("SQLite format 3\u{0}".utf8) { return nil }
        if FileManager.default.fileExists(atPath: path + "-wal") { return nil }
        return "not a SQLite database at all; it was left untouched"
    }

    /// Moves a damaged database aside as `<path>.corrupt-<stamp>`, **together with** its `-wal` and `-shm` files,
    /// which may hold committed sessions not yet copied into the main file. Returns the new main path, or nil when
    /// the main file could not be moved (then nothing was moved).
    public static func moveAside(_ path: String, stamp: String) -> String? {
        let manager = FileManager.default
        let aside = path + ".corrupt-" + stamp
        guard !manager.fileExists(atPath: aside), (try? manager.moveItem(atPath: path, toPath: aside)) != nil else { return nil }
        for suffix in companions where manager.fileExists(atPath: path + suffix) {
            try? manager.moveItem(atPath: path + suffix, toPath: aside + suffix)
        }
        return aside
    }
}
