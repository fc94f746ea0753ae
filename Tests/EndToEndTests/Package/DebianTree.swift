import Foundation

/// A minimal Debian bookworm made with debootstrap, unpacked in a test's sandbox, with /proc mounted (the kiosk reads
/// its arguments there, as on any real machine). The base tree is made once and kept as a tarball in .build-deb, so
/// later runs on the same machine unpack it in seconds; CI, on a fresh clone, makes it from Debian's mirror.
final class DebianTree {
    /// Debian's packages the kiosk's package needs, installed with the base so the test runs offline after it.
    /// (cage and foot: for `systemd-analyze verify` of the graphical unit.)
    static let included = ["systemd", "adduser", "libreadline8", "libsqlite3-0", "libstdc++6", "libgcc-s1", "cage", "foot"]
    /// Named for what it holds, so a changed list makes a new tree.
    static var cache: String {
        let key = included.joined(separator: ",").utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        return KioskProcess.root.path + "/.build-deb/bookworm-base-" + String(key, radix: 16) + ".tar"
    }

    let root: String
    let sandbox: TestSandbox
    private var mounted = false

    init(in sandbox: TestSandbox) throws {
        self.sandbox = sandbox
        root = sandbox.path("bookworm")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: Self.cache) { try Self.makeCache(in: sandbox) }
        let unpacked = try ExternalTool.run("/bin/tar", ["-x", "-f", Self.cache, "-C", root], in: sandbox)
        guard unpacked.status == 0 else { throw TreeError.failed("tar -x", unpacked.stderr) }
        let proc = try ExternalTool.run("/bin/mount", ["-t", "proc", "proc", root + "/proc"], in: sandbox)
        guard proc.status == 0 else { throw TreeError.failed("mount -t proc", proc.stderr) }
        mounted = true
    }

    deinit {
        if mounted { _ = try? ExternalTool.run("/bin/umount", ["-l", root + "/proc"], in: sandbox) }
    }

    /// Runs debootstrap once, into a folder beside the cache, and keeps the tree as a tarball.
    static func makeCache(in sandbox: TestSandbox) throws {
        let folder = sandbox.path("debootstrap")
        let made = try ExternalTool.run("/usr/sbin/debootstrap", ["--variant=minbase", "--include=" + included.joined(separator: ","),
            "bookworm", folder, "http://deb.debian.org/debian"], in: sandbox, timeLimit: 1200)
        guard made.status == 0 else { throw TreeError.failed("debootstrap", made.stdout.suffix(2000) + made.stderr) }
        let partial = cache + ".partial"
        let packed = try ExternalTool.run("/bin/tar", ["-c", "-f", partial, "-C", folder, "."], in: sandbox, timeLimit: 600)
        guard packed.status == 0 else { throw TreeError.failed("tar -c", packed.stderr) }
        try FileManager.default.moveItem(atPath: partial, toPath: cache)
    }

    /// Runs `script` with /bin/sh inside the tree as root, with a clean environment (nothing of the test's own).
    func shell(_ script: String, input: String? = nil) throws -> ProcessResult {
        var arguments = ["-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "DEBIAN_FRONTEND=noninteractive",
            "/usr/sbin/chroot", root, "/bin/sh", "-c"]
        if let input {
            let file = "/tmp/input-\(UUID().uuidString)"
            try input.write(toFile: root + file, atomically: true, encoding: .utf8)
            arguments.append("(\(script)) < \(file)")
        } else {
            arguments.append(script)
        }
        return try ExternalTool.run("/usr/bin/env", arguments, in: sandbox, timeLimit: 600)
    }

    /// Puts a file from outside into the tree's /tmp; its path inside.
    func copyIn(_ path: String) throws -> String {
        let inside = "/tmp/" + (path as NSString).lastPathComponent
        try? FileManager.default.removeItem(atPath: root + inside)
        try FileManager.default.copyItem(atPath: path, toPath: root + inside)
        return inside
    }

    enum TreeError: Error, CustomStringConvertible {
        case failed(String, String)
        var description: String {
            switch self { case .failed(let step, let output): "\(step) failed: \(output)" }
        }
    }
}
