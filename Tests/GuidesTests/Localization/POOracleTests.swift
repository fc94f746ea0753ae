import Foundation
import Testing
@testable import Guides

/// Runs a GNU gettext tool and returns its standard output (the oracle for PO parsing).
func gettext(_ tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw OracleError(message: "\(tool) \(arguments.joined(separator: " ")) failed") }
    return String(decoding: data, as: UTF8.self)
}

func parsePO(_ text: String, path: String = "oracle.po") -> POCatalog {
    POParser.parse(SourceText(path: path, bytes: Array(text.utf8), limits: .catalog)).0
}

/// Every entry's strings by gettext key, for the entries msgfmt compiles (translated, not fuzzy, not obsolete).
func compiled(_ catalog: POCatalog) -> [String: [String]] {
    var result: [String: [String]] = [:]
    for entry in catalog.entries where !entry.isHeader && !entry.isObsolete && !entry.isFuzzy && entry.isTranslated {
        result[entry.key + (entry.plural.map { "\u{00}" + $0 } ?? "")] = entry.strings
    }
    return result
}

/// Real catalogs this project did not write, compared entry by entry with what GNU gettext reads.
@Suite struct POOracleTests {
    static let sharedFolder = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared/data/po").path
    static let sharedFiles = ((try? FileManager.default.contentsOfDirectory(atPath: sharedFolder)) ?? []).filter { $0.hasSuffix(".po") }.sorted()
    /// Vietnamese catalogs Debian packages install, turned back into PO by msgunfmt.
    static let installed = ["dpkg", "glib20", "coreutils", "gettext-tools", "apt"].filter {
        FileManager.default.fileExists(atPath: "/usr/share/locale/vi/LC_MESSAGES/\($0).mo")
    }

    func compare(_ path: String) throws {
        let (ours, problems) = POParser.parse(contentsOf: path)
        #expect(!problems.hasErrors, "\(problems.prefix(3))")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("oracle-\(UUID().uuidString).mo").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        _ = try gettext("msgfmt", ["-o", scratch, path])
        let oracle = parsePO(try gettext("msgunfmt", [scratch]))
        let expected = compiled(oracle)
        let actual = compiled(ours)
        #expect(expected.count > 30, "\(path): the oracle found too few entries to compare")
        #expect(actual.count == expected.count, "\(path): \(actual.count) compiled entries, gettext has \(expected.count)")
        for (key, strings) in expected where actual[key] != strings {
            Issue.record("\(path): entry \(key.debugDescription) differs: ours \(String(describing: actual[key])), gettext \(strings)")
            break
        }
        let fuzzy = Set(parsePO(try gettext("msgattrib", ["--only-fuzzy", "--no-obsolete", path])).entries.filter { !$0.isHeader }.map(\.key))
        #expect(Set(ours.entries.filter { $0.isFuzzy && !$0.isObsolete && !$0.isHeader }.map(\.key)) == fuzzy, "\(path): fuzzy entries differ")
        let obsolete = Set(parsePO(try gettext("msgattrib", ["--only-obsolete", path])).entries.filter { $0.isObsolete }.map(\.key))
        #expect(Set(ours.entries.filter(\.isObsolete).map(\.key)) == obsolete, "\(path): obsolete entries differ")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let previous = text.split(separator: "\n").filter { $0.hasPrefix("#| msgid ") || $0.hasPrefix("#~| msgid ") }.count
        #expect(ours.entries.filter { $0.previousID != nil }.count == previous, "\(path): previous msgids differ")
        // What we write, gettext accepts, and it reads back the same.
        let written = FileManager.default.temporaryDirectory.appendingPathComponent("written-\(UUID().uuidString).po").path
        defer { try? FileManager.default.removeItem(atPath: written) }
        try POWriter.write(ours).write(toFile: written, atomically: true, encoding: .utf8)
        _ = try gettext("msgfmt", ["--check-format", "--check-domain", "-o", "/dev/null", written])
        let reread = POParser.parse(contentsOf: written).0
        #expect(reread.entries == ours.entries.map { entry -> POEntry in var copy = entry; copy.line = reread.entries.first { $0.key == entry.key && $0.isObsolete == entry.isObsolete }?.line ?? 0; return copy },
            "\(path): writing and reading back changes entries")
    }

    @Test func installedDebianCatalogsMatchGettext() throws {
        #expect(Self.installed.count >= 2, "Vietnamese .mo files from Debian packages are needed (dpkg, coreutils…)")
        for name in Self.installed {
            let po = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).po").path
            defer { try? FileManager.default.removeItem(atPath: po) }
            _ = try gettext("msgunfmt", ["-o", po, "/usr/share/locale/vi/LC_MESSAGES/\(name).mo"])
            try compare(po)
        }
    }

    @Test(.enabled(if: !sharedFiles.isEmpty, "the real PO catalogs of ../shared/data/po are not on this machine"),
        arguments: sharedFiles)
    func sharedThirdPartyCatalogsMatchGettext(name: String) throws {
        try compare(Self.sharedFolder + "/" + name)
    }
}
