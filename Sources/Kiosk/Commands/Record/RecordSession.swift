import Foundation
import Guides

/// One sitting of `kiosk record`: the lines to record in order, each recorded, heard back, kept or redone or skipped.
/// Every kept recording is in place before the next line shows, so stopping, a crash or a power cut loses at most the
/// line being recorded.
struct RecordSession {
    let language: String
    /// `locales/audio/<language>`.
    let folder: String
    let order: WorkOrder
    /// The Vietnamese interface (what staff read) and the language's own catalog (its translations, shown beside).
    let vietnamese: Localizer
    let target: Localizer
    let recorder: VoiceRecorder
    let player: AudioPlayer
    private let input = LineReader()
    private var kept = 0

    init(language: String, folder: String, order: WorkOrder, vietnamese: Localizer, target: Localizer,
        recorder: VoiceRecorder, player: AudioPlayer) {
        self.language = language
        self.folder = folder
        self.order = order
        self.vietnamese = vietnamese
        self.target = target
        self.recorder = recorder
        self.player = player
    }

    /// Lines skipped in an earlier sitting: they come last.
    private var skippedFile: String { folder + "/.record-skipped" }

    /// The lines to record: stale ones first, then those without a recording, skipped ones (stale or not) last.
    func todo() -> [(item: WorkOrder.Item, stale: Bool)] {
        let recordings = Recordings(language: language, audio: (folder as NSString).deletingLastPathComponent)
        let skipped = Set(((try? String(contentsOfFile: skippedFile, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
        var stale: [(WorkOrder.Item, Bool)] = [], missing: [(WorkOrder.Item, Bool)] = [], later: [(WorkOrder.Item, Bool)] = []
        for item in order.items {
            if let recording = recordings.byKey[item.key] {
                // Stale or broken (empty, not a sound file): recorded again.
                if !recording.isPlayable(for: item.vietnamese) {
                    if skipped.contains(item.key) { later.append((item, true)) } else { stale.append((item, true)) }
                }
            } else if skipped.contains(item.key) {
                later.append((item, false))
            } else {
                missing.append((item, false))
            }
        }
        return stale + missing + later
    }

    private func say(_ key: UIText, _ values: [String: String] = [:]) { Output.out(vietnamese.text(key, values) + "\n") }

    mutating func run() -> Int32 {
        removeDrafts()
        let lines = todo()
        guard !lines.isEmpty else {
            say(.recordNothing)
            return 0
        }
        say(.recordTitle, ["language": language, "count": String(lines.count)])
        for (index, entry) in lines.enumerated() {
            Output.out("\n")
            say(.recordLine, ["index": String(index + 1), "total": String(lines.count), "key": entry.item.key, "met": String(entry.item.met)])
            Output.out("  \(vietnamese.text(.recordVietnamese)): \(TextLayout.sanitize(entry.item.vietnamese, keepNewlines: true))\n")
            if language != "vi" {
                let translation = target.translation(key: entry.item.key, source: entry.item.vietnamese)
                Output.out("  \(vietnamese.text(.recordTranslation)): "
                    + (translation.map { TextLayout.sanitize($0, keepNewlines: true) } ?? vietnamese.text(.recordNoTranslation)) + "\n")
            }
            if entry.stale { say(.recordStale) }
            guard record(entry.item) else { break }
        }
        player.stop()
        say(.recordDone, ["kept": String(kept)])
        return 0
    }

    /// Records one line until it is kept or skipped; false when the person stops.
    private mutating func record(_ item: WorkOrder.Item) -> Bool {
        guard let relative = Recording.relativePath(of: item.key) else { return true }
        let final = folder + "/" + relative + ".wav"
        let directory = (final as NSString).deletingLastPathComponent
        // Hidden until kept: no scan and no player ever sees a half-made recording.
        let draft = directory + "/." + (final as NSString).lastPathComponent + ".new"
        defer { try? FileManager.default.removeItem(atPath: draft) }
        say(.recordReady)
        while true {
            switch input.next() {
            case .end, .timeout: return false
            case .line(let text):
                switch text.trimmingCharacters(in: .whitespaces) {
                case "/": return false
                case "2", "4":
                    skip(item.key)
                    return true
                case "":
                    break
                default:
                    say(.recordReady)
                    continue
                }
            }
            // Record, then review until kept, redone or skipped.
            var take: String? = capture(into: draft, directory: directory)
            while take == nil {
                // Not after Ctrl-C: the sitting is ending.
                if input.isInterrupted { return false }
                player.play([draft])
                say(.recordReview)
                switch input.next() {
                case .end, .timeout: return false
                case .line(let text):
                    switch text.trimmingCharacters(in: .whitespaces) {
                    case "1":
                        player.stop()
                        if let problem = keep(draft, as: final, for: item) {
                            say(.recordFailed, ["reason": problem])
                            take = "failed"
                        } else {
                            kept += 1
                            say(.recordKept)
                            return true
                        }
                    case "2":
                        player.stop()
                        take = capture(into: draft, directory: directory)
                    case "4":
                        player.stop()
                        skip(item.key)
                        return true
                    case "/":
                        player.stop()
                        return false
                    default:
                        continue
                    }
                }
            }
        }
    }

    /// Records into `draft` until Enter; nil when it holds sound, else a word on what went wrong (already said).
    private mutating func capture(into draft: String, directory: String) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            say(.recordFailed, ["reason": "cannot write in \(directory) (\(error.localizedDescription))"])
            return "failed"
        }
        try? FileManager.default.removeItem(atPath: draft)
        if let problem = recorder.start(draft) {
            say(.recordFailed, ["reason": problem])
            return "failed"
        }
        say(.recordRecording)
        var stoppedByPerson = false
        // Enter stops it; so does the recorder's own end (an error: no microphone, a busy device, a full disk).
        while recorder.isRunning {
            switch input.next(waiting: 100) {
            case .timeout: continue
            case .line, .end: stoppedByPerson = true
            }
            if stoppedByPerson { break }
        }
        if let problem = recorder.stop() {
            say(.recordFailed, ["reason": problem])
            return "failed"
        }
        // No sound at all, or only silence (a muted or unplugged microphone): said at once, never kept.
        guard case .success(let header) = RecordingCheck.sound(draft), case .success(let bytes) = FileBytes.read(draft, limit: 64 << 20),
            !header.isSilent(bytes) else {
            say(.recordSilent)
            return "silent"
        }
        return nil
    }

    /// Puts the draft in place, then the Vietnamese it was recorded for: in that order, a crash between the two
    /// leaves a recording that is stale (never played), never an old one that passes for new.
    private func keep(_ draft: String, as final: String, for item: WorkOrder.Item) -> String? {
        Self.sync(draft)
        guard rename(draft, final) == 0 else { return "cannot save \(final) (\(String(cString: strerror(errno))))" }
        let text = String(final.dropLast(4)) + ".txt"
        do {
            try (item.vietnamese + "\n").write(toFile: text, atomically: true, encoding: .utf8)
        } catch {
            return "cannot save \(text) (\(error.localizedDescription))"
        }
        Self.sync(text)
        Self.sync((final as NSString).deletingLastPathComponent)
        unskip(item.key)
        return nil
    }

    /// Drafts a sitting stopped with Ctrl-C (or a crash) left behind: never a recording, so they go.
    private func removeDrafts() {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix("."), name.hasSuffix(".wav.new") { try? FileManager.default.removeItem(atPath: folder + "/" + relative) }
        }
    }

    /// Forces `path` (a file or a folder) to the disk: a power cut right after "saved" keeps what was said saved.
    private static func sync(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private func skip(_ key: String) {
        let known = (try? String(contentsOfFile: skippedFile, encoding: .utf8)) ?? ""
        if !known.split(separator: "\n").contains(Substring(key)) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? (known + key + "\n").write(toFile: skippedFile, atomically: true, encoding: .utf8)
        }
        say(.recordSkipped)
    }

    private func unskip(_ key: String) {
        guard let known = try? String(contentsOfFile: skippedFile, encoding: .utf8), known.contains(key) else { return }
        let rest = known.split(separator: "\n").filter { $0 != key }.map { $0 + "\n" }.joined()
        try? rest.write(toFile: skippedFile, atomically: true, encoding: .utf8)
    }
}
