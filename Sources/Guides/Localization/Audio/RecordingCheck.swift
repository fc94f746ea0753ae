import Foundation

/// What `kiosk check` says about the recordings of one language: each must be a readable WAV file with sound, no
/// longer than a limit, recorded for the line's Vietnamese as it is now, and for a line that exists and is played.
public enum RecordingCheck {
    /// The longest recording of one line, in seconds: longer is a mistake (the recorder left running).
    public static let maximumSeconds = 120.0
    /// Bytes read from the start of each file for its header: enough for the `LIST` and `bext` chunks editors put
    /// before the sound, little enough to read a thousand recordings at start.
    static let headerBytes = 4096

    /// Diagnostics for `recordings`, against `order`'s lines (their identities and Vietnamese now).
    public static func check(_ recordings: Recordings, against order: WorkOrder) -> [Diagnostic] {
        let lines = Dictionary(order.items.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let found = recordings.byKey.values.sorted { $0.audio < $1.audio }
        let results = found.concurrentMap { recording -> [Diagnostic] in
            let location = SourceLocation(path: recording.audio, line: 1, column: 1)
            var diagnostics: [Diagnostic] = []
            if let problem = recording.problem {
                diagnostics.append(Diagnostic(.error, at: location, problem + "; it is never played"))
            } else if let seconds = recording.seconds, seconds > maximumSeconds {
                diagnostics.append(Diagnostic(.error, at: location, String(format: "the recording plays %.0f s, more than %.0f s "
                    + "for one line (was the recorder left running?)", seconds, maximumSeconds)))
            }
            let key = Quoted.escape(recording.key)
            guard let line = lines[recording.key] else {
                let suggestion = Suggestion.suffix(for: recording.key, among: lines.keys)
                diagnostics.append(Diagnostic(.warning, at: location, "no line is called \"\(key)\" (removed or renamed?); it is "
                    + "never played" + suggestion))
                return diagnostics
            }
            if !line.isRecordable {
                diagnostics.append(Diagnostic(.warning, at: location, "\"\(key)\" is never played (no screen shows it, or its "
                    + "numbers change from screen to screen)"))
            } else if recording.recordedFor == nil {
                diagnostics.append(Diagnostic(.warning, at: location, "\"\(key)\": stale, not played: the .txt beside it, with the "
                    + "Vietnamese it was recorded for, is missing; record it again (kiosk record --lang \(recordings.language))"))
            } else if !recording.isFresh(for: line.vietnamese) {
                diagnostics.append(Diagnostic(.warning, at: location, "\"\(key)\": stale, not played: recorded for other words than "
                    + "the line's Vietnamese now; record it again (kiosk record --lang \(recordings.language))"))
            }
            return diagnostics
        }
        return results.flatMap { $0 }
    }

    /// The header of the sound file at `path`, or why it cannot be played.
    public static func sound(_ path: String) -> Result<WaveHeader, FileBytes.Problem> {
        guard let file = FileBytes.head(path, limit: headerBytes) else {
            return .failure(FileBytes.Problem(message: "cannot read the recording (not a regular file, or no permission)"))
        }
        guard file.size > 0 else { return .failure(FileBytes.Problem(message: "the recording is empty")) }
        return WaveHeader.read(file.bytes, fileSize: file.size).mapError { FileBytes.Problem(message: $0.message) }
    }
}
