import Foundation
import Testing

/// A real terminal for end-to-end tests: a detached tmux server of its own, driven with send-keys and read with capture-pane.
final class Tmux {
    let socket = "kiosk-test-\(UUID().uuidString.prefix(8))"

    /// Starts `arguments` (the built kiosk and its options) in a `width`×`height` terminal with a UTF-8 locale.
    /// The kiosk's own temporary home: no test terminal reads `/etc/kiosk` or writes a real kiosk's statistics.
    let sandbox: TestSandbox

    init(_ arguments: [String], width: Int = 80, height: Int = 60, sandbox: TestSandbox? = nil) throws {
        self.sandbox = try sandbox ?? TestSandbox()
        let environment = self.sandbox.environment
        let places = ["HOME", "XDG_DATA_HOME", "STATE_DIRECTORY", "KIOSK_CONFIG"].map { "\($0)=\(environment[$0] ?? "")" }
        let command = (["env", "-u", "KIOSK_GUIDES", "-u", "KIOSK_LOCALES", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color"]
            + places + [KioskProcess.binary.path] + arguments)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)",
            "-c", KioskProcess.root.path, command])
        try tmux(["set-option", "-t", "main", "remain-on-exit", "on"])
        try tmux(["set-option", "-t", "main", "history-limit", "5000"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Runs one tmux command with posix_spawn and waitpid; its output goes through a temporary file, so a
    /// daemonising server can never hold a pipe open.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-u", "-L", socket] + arguments
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        // Test threads block most signals and posix_spawn passes the mask on: give tmux (and so the kiosk) a clean one.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, cArguments, environ) == 0 else {
            throw TmuxError(message: "tmux is not installed (make test installs it)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        if (!exited || code != 0) && arguments.first != "kill-server" {
            throw TmuxError(message: "tmux \(arguments.prefix(3).joined(separator: " ")) failed (status \(status))")
        }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// Types `text` literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

    /// Presses keys by tmux name (`Enter`, `C-c`, `BSpace`, `Up`).
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

    /// Types `text` and presses Enter.
    func enter(_ text: String) throws {
        if !text.isEmpty { try type(text) }
        try press("Enter")
    }

    /// The visible screen, or the screen and all scrollback.
    func capture(history: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"] + (history ? ["-S", "-", "-E", "-"] : []))
    }

    /// Waits until the visible screen contains `text`; fails the test with the screen when it does not in time.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 8, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if screen.contains(text) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("waited \(seconds)s for \"\(text)\"; the screen shows:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    /// Waits until `predicate` holds for the visible screen; fails the test with the screen when it does not in time.
    @discardableResult
    func waitUntil(_ description: String, seconds: Double = 8, sourceLocation: SourceLocation = #_sourceLocation,
        _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("waited \(seconds)s for \(description); the screen shows:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    /// Presses Enter page after page ("Trang 1/3. Bấm Enter để xem tiếp.") until `text` is on screen; returns every
    /// page seen. Fails the test when `text` never comes within `pages` pages.
    @discardableResult
    func pageUntil(_ text: String, pages: Int = 8, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        var seen: [String] = []
        for _ in 0..<pages {
            let screen = try waitUntil("a page", sourceLocation: sourceLocation) { screen in
                screen.split(separator: "\n").contains { $0 == ">" || $0.hasPrefix("> ") }
            }
            seen.append(screen)
            if screen.contains(text) { return seen }
            let page = screen.split(separator: "\n").first { $0.contains("Trang ") || $0.contains("Page ") }.map(String.init) ?? ""
            try press("Enter")
            try waitUntil("the next page after \"\(page)\"", sourceLocation: sourceLocation) { $0 != screen }
        }
        Issue.record("\"\(text)\" did not come within \(pages) pages; the last was:\n\(seen.last ?? "")", sourceLocation: sourceLocation)
        return seen
    }

    /// True while the kiosk process is still running in the pane.
    func isRunning() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "main", "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0"
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }
}
