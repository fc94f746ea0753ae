import Foundation

/// The recorded voices of one language, found under `locales/audio/<lang>/` and keyed by line identity.
///
/// Only `.wav` files count (what Debian's `aplay` and PipeWire's `pw-play` play); each has a `.txt` beside it with the
/// Vietnamese text it was recorded for. A recording whose text differs from the line's Vietnamese now is stale: it is
/// never played, and `kiosk check` and `kiosk record` list it for re-recording.
public struct Recordings: Sendable {
    public let language: String
    /// The folder they were read from.
    public let directory: String
    /// Every recording found, stale ones too, by line identity.
    public let byKey: [String: Recording]

    /// No recordings (a language without an audio folder).
    public init(language: String) {
        self.language = language
        directory = ""
        byKey = [:]
    }

    /// Recordings already found (tests).
    init(language: String, byKey: [String: Recording]) {
        self.language = language
        directory = ""
        self.byKey = byKey
    }

    /// Reads the folder of `language` under `audio` (`locales/audio`); a missing folder is no recordings.
    public init(language: String, audio: String) {
        self.language = language
        directory = audio + "/" + language
        let base = directory
        let files = Self.soundFiles(in: base)
        let found = files.concurrentMap { relative -> Recording? in
            guard let key = Recording.key(ofRelative: relative.dropLast(4)) else { return nil }
            let text = FileBytes.head(base + "/" + relative.dropLast(4) + ".txt", limit: 1 << 16).flatMap { file in
                String(validating: file.bytes, as: UTF8.self).map(Self.dropFinalNewline)
            }
            var recording = Recording(key: key, audio: base + "/" + relative, recordedFor: text)
            // The header is read once here: a broken file is never played (random bytes play as static).
            switch RecordingCheck.sound(recording.audio) {
            case .success(let header): recording.seconds = header.seconds
            case .failure(let problem): recording.problem = problem.message
            }
            return recording
        }
        var byKey: [String: Recording] = [:]
        for case let recording? in found { byKey[recording.key] = recording }
        self.byKey = byKey
    }

    public var isEmpty: Bool { byKey.isEmpty }

    /// True when some recording could be played (a file that reads as sound, with the text it was recorded for).
    public var hasPlayable: Bool { byKey.values.contains { $0.problem == nil && $0.recordedFor != nil } }

    /// The sound file to play for line `key` whose Vietnamese is `source`, nil when there is none, or it is stale or
    /// cannot be played.
    public func audio(for key: String, source: String) -> String? {
        guard let recording = byKey[key], recording.isPlayable(for: source) else { return nil }
        return recording.audio
    }

    /// The `.wav` files under `base`, relative to it, sorted; hidden files and folders are skipped (an editor's
    /// temporary files, a half-written recording `kiosk record` has not yet renamed). Links to files are followed,
    /// links to folders are not.
    static func soundFiles(in base: String) -> [String] {
        var files: [String] = []
        // Plain readdir: thousands of recordings, where Foundation's enumerator costs a file status per entry.
        func walk(_ relative: String) {
            guard let directory = opendir(relative.isEmpty ? base : base + "/" + relative) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                // Read in place, never copied whole: readdir's record is only as long as its name, and a copy of the
                // declared 256 bytes reads past the end of its buffer, a crash in a folder of a thousand files
                // (the bug swift-corelibs-foundation #5472 fixed in Process).
                let name = withUnsafeMutablePointer(to: &entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                    var info = stat()
                    guard stat(base + "/" + path, &info) == 0 else { continue }
                    let mode = info.st_mode & S_IFMT
                    // A link to a folder is not followed (a link to `.` would never end); one to a file is.
                    let link = type == UInt8(DT_LNK)
                    type = mode == S_IFDIR && !link ? UInt8(DT_DIR) : mode == S_IFREG ? UInt8(DT_REG) : UInt8(DT_UNKNOWN)
                }
                if type == UInt8(DT_DIR) {
                    walk(path)
                } else if type == UInt8(DT_REG), name.hasSuffix(".wav") {
                    // Only regular files: a FIFO would hang the player that opens it.
                    files.append(path)
                }
            }
        }
        walk("")
        return files.sorted()
    }

    /// The text of a `.txt` file as written by an editor: one final newline is not part of the line.
    static func dropFinalNewline(_ text: String) -> String {
        var text = text
        // "\r\n" is one Character: removing the last one removes both.
        if text.hasSuffix("\r\n") || text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
