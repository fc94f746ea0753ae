import Foundation

/// Reads data files (guides, catalogs, lists, configuration, import files) whole, with a size limit.
///
/// Only regular files are read: a FIFO, a device or a directory in a data folder is reported, never opened, so it
/// cannot hang the kiosk at start-up (opening a FIFO waits for a writer that never comes). Symbolic links are followed
/// to what they name, and the size is checked before any byte is read.
public enum FileBytes {
    /// Why a file could not be read, in words for staff.
    public struct Problem: Error, Sendable {
        public let message: String
    }

    /// Up to `limit` bytes of the regular file at `path` (a larger file gives `limit` bytes; callers check the size).
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], Problem> {
        // The common case (a regular file named directly) costs one lookup; only a link is resolved, since resolving
        // every path costs a system call per folder and the catalogs stand between the start and the first screen.
        var resolved = path
        guard var attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            return .failure(Problem(message: "cannot read the file (no such file, or no permission to see it)"))
        }
        if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard let target = try? FileManager.default.attributesOfItem(atPath: resolved) else {
                return .failure(Problem(message: "cannot read the file (no such file, or no permission to see it)"))
            }
            attributes = target
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            return .failure(Problem(message: "cannot read the file (not a regular file: a FIFO, device or folder is never read)"))
        }
        guard let handle = FileHandle(forReadingAtPath: resolved) else {
            return .failure(Problem(message: "cannot read the file (no permission to read it)"))
        }
        defer { try? handle.close() }
        do {
            // nil means the file is empty.
            // Copied in one block (a byte-by-byte copy out of Data costs as much as scanning the file).
            return .success(try handle.read(upToCount: limit).map { data in
                data.withUnsafeBytes { [UInt8]($0.bindMemory(to: UInt8.self)) }
            } ?? [])
        } catch {
            return .failure(Problem(message: "cannot read the file (\(error.localizedDescription))"))
        }
    }
}
