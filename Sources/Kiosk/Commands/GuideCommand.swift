import Guides

/// `kiosk guide`: a volunteer starts one guide for a visitor, at once.
enum GuideCommand {
    static let command = Command(
        name: "guide",
        summary: "start one guide at once for a visitor, as a volunteer-assisted session",
        usage: "kiosk guide [--lang CODE] [options] ID|CODE",
        help: "options:\n          --lang CODE          the visitor's language (default: the configured default)\n"
            + KioskSetup.optionHelp + """


            The session counts as volunteer-assisted, and every screen reminds that the citizen presses every button.
            The program ends when the session ends.
            """,
        spec: CommandSpec(valued: KioskSetup.options.union(["--lang"]), flags: KioskSetup.flags, positionals: 1...1),
        run: run)

    static func run(_ arguments: Arguments) -> Int32 {
        guard let setup = KioskSetup(arguments, usage: command.usage) else { return 2 }
        let library = setup.loadLibrary()
        let name = arguments.positionals[0]
        guard let guide = library.citizenGuides.first(where: { $0.id == name || $0.code == name }) else {
            let known = library.citizenGuides.flatMap { [$0.id, $0.code] }
            let draft = library.guides.contains { ($0.id == name || $0.code == name) && !$0.status.isShownToCitizens }
            Output.err("kiosk guide: no guide \"\(name)\" for citizens" + Suggestion.suffix(for: name, among: known)
                + (draft ? " (it is a draft: its steps are not sourced yet)" : "") + "\n")
            return 1
        }
        if let language = arguments.value("--lang"), !setup.languages.contains(where: { $0.code == language }) {
            let offered = setup.languages.map(\.code).joined(separator: ", ")
            Output.err("kiosk guide: language \"\(language)\" is not offered here (offered: \(offered))\nusage: \(command.usage)\n")
            return 2
        }
        let runner = setup.runner(library: library, renderer: setup.renderer(localizers: setup.loadCatalogs()), exitAfterSession: true)
        return runner.run(startingWith: runner.startVolunteer(guide, language: arguments.value("--lang")))
    }
}
