import Foundation

/// The files of one SQLite database: the main file and, in WAL mode, its `-wal` and `-shm` companions.
public enum DatabaseFiles {
    /// The companions SQLite keeps beside a database in WAL mode.
    static let companions = ["-wal", "-shm"]

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
