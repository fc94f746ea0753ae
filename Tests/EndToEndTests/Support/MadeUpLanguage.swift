import Foundation
@testable import Guides

/// A throwaway copy of the shipped locales with a made-up test language, `zz` ("Test language, made up"), whose lines
/// are the Vietnamese with `[zz] ` in front: clearly no language at all. Tests of partial catalogs and voices use it,
/// since no line of Ê Đê, Jrai or M'Nông may be written by developers; the shipped catalogs stay as they are.
/// Recordings are made with espeak-ng from Debian's packages, saying made-up English test text.
final class MadeUpLanguage: @unchecked Sendable {
    let folder: String
    let code = "zz"

    /// Translates the template lines whose identity satisfies `translating` (all of the interface by default).
    init(translating: (String) -> Bool = { $0.hasPrefix("ui:") }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-zz-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: KioskProcess.root.appendingPathComponent("locales").path, toPath: folder)
        let list = try String(contentsOfFile: folder + "/languages.txt", encoding: .utf8)
        try (list + "zz | Test language | Tiếng thử | made up by the tests, never shipped\n")
            .write(toFile: folder + "/languages.txt", atomically: true, encoding: .utf8)
        try write(translating: translating)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The made-up translation of a Vietnamese line.
    static func translation(of text: String) -> String { "[zz] " + text }

    /// Rewrites `zz.po` with the lines whose identity satisfies `translating`.
    func write(translating: (String) -> Bool) throws {
        let (template, _) = POParser.parse(contentsOf: folder + "/kiosk.pot")
        var entries = template.entries
        for index in entries.indices where !entries[index].isHeader {
            if let context = entries[index].context, translating(context) {
                entries[index].strings = [Self.translation(of: entries[index].id)]
            }
        }
        try POWriter.write(POCatalog(entries: entries)).write(toFile: folder + "/zz.po", atomically: true, encoding: .utf8)
    }

    /// The Vietnamese of the template line `key`.
    func vietnamese(_ key: String) -> String? {
        POParser.parse(contentsOf: folder + "/kiosk.pot").0.entries.first { $0.context == key }?.id
    }

    /// Records made-up speech for line `key` in `language`, as recorded for `recordedFor` (the line's Vietnamese now
    /// unless given; nil leaves the text file out). Returns the sound file.
    @discardableResult
    func record(_ key: String, language: String = "zz", recordedFor: String?? = .none) throws -> String {
        guard let relative = Recording.relativePath(of: key) else { throw OracleFailure("no file name for \(key)") }
        let base = folder + "/audio/\(language)/" + relative
        try FileManager.default.createDirectory(atPath: (base as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let espeak = Process()
        espeak.executableURL = URL(fileURLWithPath: "/usr/bin/espeak-ng")
        espeak.arguments = ["-v", "en", "-w", base + ".wav", "made up test recording"]
        espeak.standardOutput = FileHandle.nullDevice
        espeak.standardError = FileHandle.nullDevice
        try espeak.run()
        espeak.waitUntilExit()
        guard espeak.terminationStatus == 0 else { throw OracleFailure("espeak-ng failed with \(espeak.terminationStatus)") }
        let text: String? = switch recordedFor {
        case .none: vietnamese(key)
        case .some(let given): given
        }
        if let text { try (text + "\n").write(toFile: base + ".txt", atomically: true, encoding: .utf8) }
        return base + ".wav"
    }
}

/// A tool a test relies on did not do its part.
struct OracleFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
