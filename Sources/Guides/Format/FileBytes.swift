import Foundation

/// Reads small data files (guides, catalogs, lists) whole, with a size limit, through Foundation.
enum FileBytes {
    /// Why a file could not be read, in words for staff.
    struct Problem: Error {
        let message: String
    }

    /// Up to `limit` bytes of the regular file at `path`.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Problem> {
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: path) else {
            return .failure(Problem(message: "cannot read the file (no such file, or no permission to see it)"))
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            return .failure(Problem(message: "cannot read the file (not a regular file)"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(Problem(message: "cannot read the file (no permission to read it)"))
        }
        defer { try? handle.close() }
        do {
            // nil means the file is empty.
            return .success(try handle.read(upToCount: limit).map { [UInt8]($0) } ?? [])
        } catch {
            return .failure(Problem(message: "cannot read the file (\(error.localizedDescription))"))
        }
    }
}
