import Foundation
import Guides
import Telemetry

/// The kiosk's settings: built-in defaults, then the config file, then command-line flags.
struct Configuration: Sendable {
    /// The config file read when `--config` is not given (skipped when it does not exist).
    static let systemPath = "/etc/kiosk/kiosk.conf"

    /// The centre's name, shown when a citizen calls staff.
    var centre = ""
    /// Where staff are in the centre ("quầy số 1").
    var counter = ""
    /// The commune's official five-digit administrative-unit code, on every session row; "" when not set.
    var communeCode = ""
    /// The commune's name, as reports print it ("Phường Buôn Ma Thuột").
    var commune = ""
    /// This terminal's id in statistics (letters, digits, `-`; never a person). By default derived from the machine,
    /// so that two kiosks left unconfigured never count as one.
    var terminal = MachineIdentity.current.defaultTerminal
    /// Enabled language codes, in the order shown; empty means every language in locales/.
    var languages: [String] = []
    var defaultLanguage = "vi"
    /// Seconds without a key before "are you still there?".
    var idleWarningSeconds = 120
    /// Seconds after the warning before the session ends and the terminal is wiped.
    var idleResetSeconds = 30
    /// The program that plays a recording, with its arguments; the file is added as the last one. Split on spaces,
    /// never through a shell. `aplay` is Debian's alsa-utils player (PipeWire's `pw-play` also works).
    var audioPlayer = ["aplay", "-q"]
    /// The program `kiosk record` records one line with, its file added as the last argument; stopped with SIGINT.
    /// Debian's `arecord` (alsa-utils), 16 kHz mono, what a voice needs; at most 120 s (`RecordingCheck`), so a
    /// recorder orphaned by a crash stops by itself.
    var audioRecorder = ["arecord", "-q", "-d", "120", "-f", "S16_LE", "-r", "16000", "-c", "1", "-t", "wav"]
    /// Play the recordings of every new screen without waiting for the listen key.
    var audioAutoplay = false
    /// Seconds a screen is kept while a citizen waits for staff they called.
    var staffWaitSeconds = 900
    /// Days after which `kiosk check` says a guide's review on a real phone is due again (a quarter and a month).
    var reviewMaximumAge = 120
    /// A program run when a citizen calls staff (a lamp, a message on the centre's LAN), with the terminal id and the
    /// counter as its arguments; split on spaces, never through a shell.
    var notifyCommand: [String] = []
    var guides: String?
    var locales: String?
    var database: String?

    /// The configuration file a command reads: `--config FILE`, else `$KIOSK_CONFIG` (tests point it at an empty file
    /// of their own), else `/etc/kiosk/kiosk.conf` when it exists; nil when there is none to read.
    static func file(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let flag { return flag }
        if let path = environment["KIOSK_CONFIG"], !path.isEmpty { return path }
        return FileManager.default.fileExists(atPath: systemPath) ? systemPath : nil
    }

    /// Defaults, then the configuration file (see `file(flag:)`). Problems are `path:line:col` lines for staff.
    static func load(flag: String?) -> (Configuration, [String]) {
        var configuration = Configuration()
        guard let path = file(flag: flag) else { return (configuration, []) }
        guard FileManager.default.fileExists(atPath: path) else { return (configuration, ["kiosk: the configuration file \(path) does not exist"]) }
        let problems = configuration.read(file: path)
        if !problems.hasErrors, !problems.isEmpty { Output.err(problems.map { "kiosk: \($0.description)\n" }.joined()) }
        return (configuration, problems.hasErrors ? problems.map(\.description) : [])
    }

    /// The keys a config file may set, with a short description for error messages.
    static let keys: [String: String] = [
        "commune-code": "the commune's five-digit code", "commune": "the commune's name",
        "centre": "the centre's name", "counter": "where staff sit", "terminal": "this terminal's id",
        "languages": "language codes, comma-separated", "default-language": "a language code",
        "idle-warning": "seconds, 2 to 3600", "idle-reset": "seconds, 1 to 600",
        "guides": "a directory", "locales": "a directory", "database": "a file path",
        "staff-wait": "seconds, 60 to 7200", "notify-command": "an absolute program path and its arguments",
        "audio-player": "a program and its arguments", "audio-autoplay": "yes or no",
        "audio-recorder": "a program and its arguments", "review-max-age": "days, 1 to 3650",
    ]

    /// Reads `path` on top of the current values; every problem is a `path:line:col` diagnostic.
    mutating func read(file path: String) -> [Diagnostic] {
        // Read once: a FIFO or device is reported, never opened; an empty file is valid (every setting keeps its default).
        let bytes: [UInt8]
        switch FileBytes.read(path, limit: SourceText.maximumFileSize + 1) {
        case .success(let read): bytes = read
        case .failure(let problem): return [Diagnostic(.error, at: SourceLocation(path: path, line: 1, column: 1), problem.message)]
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return [] }
        let source = SourceText(path: path, bytes: bytes)
        var problems = source.diagnostics
        for (index, line) in source.lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let location = SourceLocation(path: path, line: index + 1, column: 1)
            guard let equals = line.firstIndex(of: "=") else {
                problems.append(Diagnostic(.error, at: location, "expected `key = value`"))
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            let valueColumn = line.distance(from: line.startIndex, to: equals) + 2
                + (line[line.index(after: equals)...].prefix { $0 == " " || $0 == "\t" }.count)
            if key == "language-threshold" {
                // Gone in 2026-12 (a language is offered once its interface is translated); an old file still starts.
                problems.append(Diagnostic(.warning, at: location, "\"language-threshold\" is no longer used: a language is "
                    + "offered once its interface lines are translated (docs/translating.md); remove the line"))
                continue
            }
            if let message = set(key, value) {
                problems.append(Diagnostic(.error, at: SourceLocation(path: path, line: index + 1,
                    column: Configuration.keys[key] == nil ? 1 : valueColumn), message))
            }
        }
        return problems
    }

    /// Sets one key; returns an error message naming the key when the key or value is wrong.
    mutating func set(_ key: String, _ value: String) -> String? {
        func seconds(_ range: ClosedRange<Int>) -> Int? { Int(value).flatMap { range.contains($0) ? $0 : nil } }
        switch key {
        case "centre", "commune":
            guard Place.isName(value) else { return "\"\(key)\" must be a name of at most 100 characters" }
            if key == "centre" { centre = value } else { commune = value }
        case "commune-code":
            guard Place.isCommuneCode(value) else {
                return "\"commune-code\" must be the commune's five-digit code from the national list of administrative units"
            }
            communeCode = value
        case "counter": counter = value
        case "terminal":
            guard !value.isEmpty, value.count <= 40,
                value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else { return "\"terminal\" must be letters, digits, - or _ (at most 40), such as tay-hoa-1" }
            terminal = value
        case "languages":
            let codes = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !codes.isEmpty, codes.allSatisfy(Self.isLanguageCode) else {
                return "\"languages\" must be language codes separated by commas, such as vi, en, rad"
            }
            languages = codes
        case "default-language":
            guard Self.isLanguageCode(value) else { return "\"default-language\" must be a language code such as vi" }
            defaultLanguage = value
        case "idle-warning":
            guard let number = seconds(2...3600) else { return "\"idle-warning\" must be a number of seconds from 2 to 3600" }
            idleWarningSeconds = number
        case "idle-reset":
            guard let number = seconds(1...600) else { return "\"idle-reset\" must be a number of seconds from 1 to 600" }
            idleResetSeconds = number
        case "audio-player":
            let words = value.split(separator: " ").map(String.init)
            guard !words.isEmpty else { return "\"audio-player\" needs a program, such as aplay -q" }
            audioPlayer = words
        case "audio-recorder":
            let words = value.split(separator: " ").map(String.init)
            guard !words.isEmpty else { return "\"audio-recorder\" needs a program, such as arecord -q -f S16_LE -r 16000 -c 1 -t wav" }
            audioRecorder = words
        case "audio-autoplay":
            switch value.lowercased() {
            case "yes", "true", "on", "1": audioAutoplay = true
            case "no", "false", "off", "0": audioAutoplay = false
            default: return "\"audio-autoplay\" must be yes or no"
            }
        case "staff-wait":
            guard let number = seconds(60...7200) else { return "\"staff-wait\" must be a number of seconds from 60 to 7200" }
            staffWaitSeconds = number
        case "review-max-age":
            guard let number = seconds(1...3650) else { return "\"review-max-age\" must be a number of days from 1 to 3650" }
            reviewMaximumAge = number
        case "notify-command":
            let words = value.split(separator: " ").map(String.init)
            guard let program = words.first, program.hasPrefix("/") else {
                return "\"notify-command\" must start with an absolute program path, such as /usr/local/bin/kiosk-lamp"
            }
            notifyCommand = words
        case "guides", "locales", "database":
            guard !value.isEmpty else { return "\"\(key)\" needs a path" }
            if key == "guides" { guides = value } else if key == "locales" { locales = value } else { database = value }
        default:
            return "unknown key \"\(Quoted.escape(key))\"" + Suggestion.suffix(for: key, among: Self.keys.keys)
        }
        return nil
    }

    /// The commune, centre and machine the statistics of this terminal count for.
    var place: Place {
        Place(communeCode: communeCode, commune: commune, centre: centre, machine: MachineIdentity.current.machine)
    }

    /// Two or three lowercase letters (ISO 639-1 or 639-3).
    static func isLanguageCode(_ text: String) -> Bool {
        (2...3).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isLowercase }
    }
}
