import Foundation
import Guides

/// `kiosk guide`: a volunteer starts one guide for a visitor, at once.
enum GuideCommand {
    static let command = Command(
        name: "guide",
        summary: "start one guide at once for a visitor, as a volunteer-assisted session",
        operands: "ID|CODE", positionals: 1...1,
        options: [KioskOptions.visitorLanguage] + KioskOptions.kiosk,
        notes: """
            The session counts as volunteer-assisted, and every screen reminds that the citizen presses every button.
            The program ends when the session ends.
            """,
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        // Anything started from here (a shell a misconfiguration let through, a player) is the citizen's session.
        setenv(RecordCommand.citizenSession, "1", 1)
        let setup = try KioskSetup(arguments)
        let library = setup.loadLibrary()
        let name = arguments.positionals[0]
        guard let guide = library.citizenGuides.first(where: { $0.id == name || $0.code == name }) else {
            let known = library.citizenGuides.flatMap { [$0.id, $0.code] }
            let draft = library.guides.contains { ($0.id == name || $0.code == name) && !$0.status.isShownToCitizens }
            throw .failed("no guide \"\(Quoted.escape(name))\" for citizens" + Suggestion.suffix(for: name, among: known)
                + (draft ? " (it is a draft: its steps are not sourced yet)" : ""))
        }
        let language = arguments[KioskOptions.visitorLanguage]
        if let language, !setup.languages.contains(where: { $0.code == language }) {
            throw .usage("language \"\(Quoted.escape(language))\" is not offered here (offered: \(setup.languages.map(\.code).joined(separator: ", ")))")
        }
        let runner = setup.runner(library: library, renderer: setup.renderer(localizers: setup.loadCatalogs(library: library)), exitAfterSession: true)
        return runner.run(startingWith: runner.startVolunteer(guide, language: language))
    }
}
