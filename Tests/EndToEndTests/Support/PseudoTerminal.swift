import Foundation

/// The kiosk on a raw pseudo-terminal: what it writes is read byte for byte (tmux would interpret it first), and what
/// is written to it arrives as typed bytes, even ones no keyboard layout produces.
final class PseudoTerminal: @unchecked Sendable {
    private let master: Int32
    private var pid: pid_t = 0
    /// What the kiosk wrote, filled by the reading thread (which must not hold `self`, or it would never be freed
    /// and the kiosk never stopped).
    private final class Received: @unchecked Sendable {
        let lock = NSLock()
        var bytes: [UInt8] = []
    }
    private let received = Received()
    private let reader = DispatchGroup()

    init(_ arguments: [String], sandbox: TestSandbox) throws {
        // posix_openpt and friends are not in Swift's Glibc module: the same through /dev/ptmx and Linux's ioctls
        // (TIOCSPTLCK to unlock the slave, TIOCGPTN for its number).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw TmuxError(message: "no pseudo-terminal")
        }
        var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slavePath = "/dev/pts/\(number)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, slavePath, O_RDWR, 0) }
        // Nothing else of the test process (other tests' pipes) may stay open in the kiosk: a reader of such a pipe
        // would wait for this kiosk to exit.
        // (glibc has `posix_spawn_file_actions_addclosefrom_np` since 2.34; Swift's Glibc module does not declare it.)
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            throw TmuxError(message: "this C library cannot close inherited descriptors")
        }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        // POSIX_SPAWN_SETSID (0x80 in glibc): a session of its own, with the pseudo-terminal as its terminal.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK) | 0x80)
        var environment = sandbox.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        let argv = ([KioskProcess.binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        guard posix_spawn(&pid, KioskProcess.binary.path, &actions, &attributes, argv, envp) == 0 else {
            throw TmuxError(message: "the kiosk did not start on the pseudo-terminal")
        }
        reader.enter()
        let fd = master
        let received = received
        let reader = reader
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(fd, &buffer, buffer.count)
                if count <= 0 { break }
                received.lock.withLock { received.bytes += buffer[..<count] }
            }
            reader.leave()
        }
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Everything the kiosk wrote so far, as bytes.
    var bytes: [UInt8] { received.lock.withLock { received.bytes } }

    /// Writes raw bytes, as if typed.
    func send(_ bytes: [UInt8]) { _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) } }

    /// Waits until the output holds `text` (at most 10 s).
    func waitFor(_ text: String, after offset: Int = 0) -> Bool {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let all = bytes
            if all.count >= needle.count + offset,
                (offset...(all.count - needle.count)).contains(where: { all[$0..<($0 + needle.count)].elementsEqual(needle) }) {
                return true
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }
}
