import Glibc

/// The one `kiosk review` of a guide at a time: an exclusive lock on `reviews/.<guide>.review.lock`, held while the
/// sitting lasts and released when it ends (or when the process dies: the kernel drops it).
final class ReviewLock {
    private var descriptor: Int32

    /// Takes the lock, or nil when another sitting holds it (or the folder cannot be made).
    init?(folder: String, guide: String) {
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { return nil }
        descriptor = open(folder + "/." + guide + ".review.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
    }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
