import Foundation
import Glibc

/// A file written whole or not at all (`--output`, a review, a marked guide): a hidden draft of its own beside it, with
/// the old file's mode, written, synced, renamed over it, and the folder synced. A crash, a full disk or a power cut
/// leaves the old file or the new one, never half of either, and two writers never share a draft.
struct WholeFile {
    /// Why a file could not be written: the path and the system's reason.
    struct Failure: Error {
        let path: String
        let reason: String
    }

    let path: String
    private let draft: String
    private let descriptor: Int32
    private var failed = false

    init(_ path: String) throws(Failure) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        draft = (folder.isEmpty ? "" : folder + "/") + "." + (path as NSString).lastPathComponent + "." + UUID().uuidString + ".new"
        var old = stat()
        let mode = stat(path, &old) == 0 ? old.st_mode & 0o7777 : 0o644
        descriptor = open(draft, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        // The umask must not narrow the old file's mode.
        fchmod(descriptor, mode)
    }

    mutating func write(_ bytes: [UInt8]) {
        guard !failed else { return }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 {
                failed = true
                return
            }
            offset += written
        }
    }

    /// Leaves the old file as it was.
    func abandon() {
        close(descriptor)
        unlink(draft)
    }

    /// Puts the new file in place; on any failure the old one stays and the draft goes.
    func finish() throws(Failure) {
        let synced = fsync(descriptor) == 0
        let reason = failed || !synced ? String(cString: strerror(errno)) : ""
        close(descriptor)
        guard !failed, synced else {
            unlink(draft)
            throw Failure(path: path, reason: reason.isEmpty ? "the disk may be full" : reason)
        }
        guard rename(draft, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(draft)
            throw Failure(path: path, reason: reason)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let directory = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    /// `bytes` into `path`, whole or not at all.
    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        var file = try WholeFile(path)
        file.write(bytes)
        try file.finish()
    }
}
