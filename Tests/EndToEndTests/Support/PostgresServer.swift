import Foundation

/// A PostgreSQL server of the test's own, from Debian's packages: a data directory in the sandbox, listening on a free
/// loopback port only (no Unix socket), trusting local connections, stopped by `stop()`. As root (CI), the server runs
/// as `nobody`, since PostgreSQL refuses to run as root.
final class PostgresServer {
    let port: Int
    let data: String
    private let bin: String
    private let sandbox: TestSandbox
    private let asUser: [String]
    private var running = false

    /// The newest installed server's programs (`/usr/lib/postgresql/15/bin`).
    static func binaries() throws -> String {
        let versions = (try FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")).compactMap(Int.init).sorted()
        guard let newest = versions.last else { throw Failure(message: "PostgreSQL is not installed (make test installs it)") }
        return "/usr/lib/postgresql/\(newest)/bin"
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    init(in sandbox: TestSandbox) throws {
        self.sandbox = sandbox
        bin = try Self.binaries()
        port = try Self.freePort()
        data = sandbox.path("pg-data")
        asUser = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] : []
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        if getuid() == 0 {
            // The server's own folders belong to the account it runs as; the sandbox above must let it through.
            chmod(sandbox.root, 0o755)
            chown(data, 65534, 65534)
        }
        let initialised = try run(bin + "/initdb", ["-D", data, "-U", "kiosk", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-N"])
        guard initialised.status == 0 else { throw Failure(message: "initdb failed: \(initialised.stdout)\(initialised.stderr)") }
        let options = "-c listen_addresses=127.0.0.1 -p \(port) -c unix_socket_directories='' -c fsync=off -c max_wal_size=4GB"
        let started = try run(bin + "/pg_ctl", ["-D", data, "-w", "-t", "60", "-l", data + "/server.log", "-o", options, "start"])
        guard started.status == 0 else {
            let log = (try? String(contentsOfFile: data + "/server.log", encoding: .utf8)) ?? ""
            throw Failure(message: "the server did not start: \(started.stderr)\(log)")
        }
        running = true
    }

    /// Runs a server program as the server's account, with posix_spawn and waitpid: Foundation's Process never sees
    /// pg_ctl end once the server it started has left (the child stays a zombie), so it is not used here. Output goes
    /// to a file.
    private func run(_ program: String, _ arguments: [String]) throws -> ProcessResult {
        let argv = asUser + [program] + arguments
        let log = sandbox.path("pg-\(UUID().uuidString).log")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of this process: tests running beside this one hold hundreds of pipes, which the server would
        // inherit and then refuse to start ("insufficient file descriptors"). glibc ignores a close of an fd that
        // another thread has closed meanwhile.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            if let fd = Int32(name), fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
        let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let variables: [String] = ["LC_ALL=C.UTF-8", "PATH=/usr/bin:/bin"]
        let environment: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, nil, cArguments, environment) == 0 else {
            throw Failure(message: "cannot start \(program)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        // The exit status, as the shell gives it (WEXITSTATUS; a signal counts as failure).
        let exited = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128
        return ProcessResult(status: exited, stdout: output, stderr: "")
    }

    /// `psql` on the test database: `arguments` after the connection options, with ON_ERROR_STOP.
    func psql(_ arguments: [String], directory: String? = nil) throws -> ProcessResult {
        try ExternalTool.run(bin + "/psql", ["-X", "-q", "-h", "127.0.0.1", "-p", String(port), "-U", "kiosk", "-d", "postgres",
            "-v", "ON_ERROR_STOP=1"] + arguments, in: sandbox, environment: ["PGCONNECT_TIMEOUT": "10"], timeLimit: 600)
    }

    /// The rows of `sql` as a JSON array (PostgreSQL's own `json_agg`), parsed.
    func json(_ sql: String) throws -> NSObject {
        let result = try psql(["-At", "-c", "SELECT coalesce(json_agg(t), '[]') FROM (\(sql)) t"])
        guard result.status == 0, let value = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? NSObject else {
            throw Failure(message: "query failed: \(result.stderr)")
        }
        return value
    }

    func stop() {
        guard running else { return }
        running = false
        _ = try? run(bin + "/pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
    }

    deinit { stop() }

    /// A loopback port nothing listens on now (the kernel's choice for port 0).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(message: "no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Failure(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
