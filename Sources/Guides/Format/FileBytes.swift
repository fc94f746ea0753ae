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

    /// Opens the regular file at `path` for reading in chunks (an import of any size), with its size; the caller
    /// closes the descriptor. A FIFO, device or folder is refused, as for `read`.
    public static func openForReading(_ path: String) -> Result<(descriptor: Int32, size: Int), Problem> {
        let descriptor = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(Problem(message: errno == EACCES ? "cannot read the file (no permission to read it)"
                : "cannot read the file (no such file, or no permission to see it)"))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return .failure(Problem(message: "cannot read the file (not a regular file: a FIFO, device or folder is never read)"))
        }
        return .success((descriptor, Int(info.st_size)))
    }

    /// The first `limit` bytes of the regular file at `path` and its whole size, with plain system calls: for the
    /// thousands of small files of a recordings folder, where Foundation's per-file cost dominates. A FIFO or device is
    /// opened without waiting and refused; nil when the file cannot be read.
    public static func head(_ path: String, limit: Int) -> (bytes: [UInt8], size: Int)? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: max(0, min(limit, size)))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress.map { $0 + filled }, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return (Array(bytes.prefix(filled)), size)
    }
}
