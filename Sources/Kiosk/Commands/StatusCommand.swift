import Foundation
import Telemetry

/// `kiosk status`: is the statistics database healthy, and what did the running kiosk last report?
enum StatusCommand {
    static let command = Command(
        name: "status",
        summary: "check the statistics database and show the kiosk's last reported fault",
        options: [KioskOptions.database],
        notes: "Exit status 0 when healthy, 1 when there is a problem.",
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let path = try StatisticsOptions.databasePath(arguments)
        var healthy = true
        Output.out("database: \(path)\n")
        // Who the sessions counted here are counted for: said, since a commune left unset cannot be added afterwards.
        let configuration = Configuration.load(flag: nil).0
        Output.out("terminal: \(configuration.terminal)\n")
        if configuration.communeCode.isEmpty {
            Output.out("commune: not set (commune-code and commune in the configuration): reports cannot say which commune "
                + "counted these sessions\n")
        } else {
            Output.out("commune: \(configuration.communeCode) \(configuration.commune)\n")
        }
        if let status = StatusFile.read(for: path) {
            Output.out("kiosk reported: \(status.current)\n")
            // The last fault of any kind (statistics, calls for staff, the audio player), even after writing works again.
            if let last = status.lastFault, !status.isFault { Output.out("last fault: \(last)\n") }
            if status.isFault { healthy = false }
        }
        guard FileManager.default.fileExists(atPath: path) else {
            Output.out("state: no database yet (it is created with the first session)\n")
            return healthy ? 0 : 1
        }
        var info = statvfs()
        let directory = (path as NSString).deletingLastPathComponent
        if statvfs(directory.isEmpty ? "." : directory, &info) == 0 {
            let free = Double(info.f_bavail) * Double(info.f_frsize) / 1_048_576
            Output.out(String(format: "free disk space: %.0f MB", free) + (free < 10 ? " (too little: under 10 MB)\n" : "\n"))
            if free < 10 { healthy = false }
        }
        if access(path, W_OK) != 0 || access(directory.isEmpty ? "." : directory, W_OK) != 0 {
            var info = stat()
            // Staff in the kiosk's group read a file another account owns: that is how it should be. The owner (the
            // kiosk's own account) unable to write is the problem.
            if stat(path, &info) == 0, info.st_uid != getuid() {
                Output.out("access: read-only for this account (the kiosk's own account writes it)\n")
            } else {
                Output.out("state: cannot be written (read-only or no permission)\n")
                healthy = false
            }
        }
        do {
            let health = try StoreHealth.read(path: path)
            Output.out("integrity: \(health.integrity)\nschema: \(health.schemaVersion) (this kiosk: \(StoreHealth.currentSchemaVersion))\n")
            Output.out("sessions: \(health.sessions), open: \(health.open), last day: \(health.lastDay ?? "-")\n")
            if health.integrity != "ok" { healthy = false }
        } catch {
            if case .notKiosk = error {
                Output.out("state: this is not a kiosk statistics database\n")
            } else {
                Output.out("state: \(error.description)\n")
            }
            healthy = false
        }
        Output.out(healthy ? "healthy\n" : "PROBLEM: see above; the kiosk keeps guiding citizens meanwhile\n")
        return healthy ? 0 : 1
    }
}
