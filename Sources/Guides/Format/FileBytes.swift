#if canImport(Glibc)
import Glibc
#endif

/// Reads small data files with plain POSIX calls (cheaper than Foundation at start-up).
enum FileBytes {
    /// Why a file could not be read, in words for staff.
    struct Problem: Error {
        let message: String
    }


    /// Up to `limit` bytes of the regular file at `path`.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Problem> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Problem(message: "cannot read the file (\(String(cString: strerror(errno))))")) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(Problem(message: "cannot read the file (not a regular file)"))
        }
        var bytes = [UInt8](repeating: 0, count: min(limit, Int(info.st_size) + 1))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .failure(Problem(message: "cannot read the file (\(String(cString: strerror(errno))))")) }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }
}
