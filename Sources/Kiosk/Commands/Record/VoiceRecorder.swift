import Foundation
import Guides

/// One run of the configured `audio-recorder` into one file: started, then stopped with SIGINT (what `arecord` takes
/// to close its file properly), or ended by itself with an error (no microphone, device busy, disk full).
final class VoiceRecorder {
    let command: [String]
    private var process: Process?
    private var errors: Pipe?

    init(command: [String]) { self.command = command }

    /// Starts recording into `file`; the reason when it cannot start.
    func start(_ file: String) -> String? {
        guard let program = command.first, let executable = AudioPlayer.find(program) else {
            return "\"\(command.first ?? "")\" was not found (install Debian's alsa-utils for arecord, or set audio-recorder)"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst()) + [file]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return "\(executable) could not be started (\(error.localizedDescription))"
        }
        self.process = process
        self.errors = errors
        return nil
    }

    /// True while it records.
    var isRunning: Bool { process?.isRunning ?? false }

    /// Stops it (when still running) and says how it ended: nil when it closed its file, else what it reported.
    func stop() -> String? {
        guard let process else { return "nothing was being recorded" }
        defer {
            // Closed here, not left to the objects: Foundation keeps finished processes (and their pipes) alive, and
            // a sitting records hundreds of lines.
            try? errors?.fileHandleForReading.close()
            self.process = nil
            errors = nil
        }
        if process.isRunning {
            AudioPlayer.signal(process, SIGINT)
            let deadline = Date().addingTimeInterval(3)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning {
                AudioPlayer.signal(process, SIGKILL)
                process.waitUntilExit()
                return "the recorder did not stop within 3 s"
            }
            // Stopped by us, it ends as it takes SIGINT (arecord exits with status 1 then): the file, checked next,
            // says whether it recorded.
            return nil
        } else if process.terminationStatus == 0, process.terminationReason == .exit {
            return nil
        }
        let said = String(decoding: errors?.fileHandleForReading.readDataToEndOfFile().prefix(400) ?? Data(), as: UTF8.self)
        let first = said.split(separator: "\n").last.map { TextLayout.sanitize(String($0)) } ?? ""
        return first.isEmpty ? "it stopped with status \(process.terminationStatus)" : first
    }
}
