import Foundation
import Guides

/// `kiosk run`: the kiosk at the counter (the default on a terminal).
enum RunCommand {
    static let command = Command(
        name: "run",
        summary: "start the kiosk: language, menu, search, step-by-step guides (the default on a terminal)",
        options: KioskOptions.kiosk,
        notes: """
            On a terminal, Ctrl-C, Ctrl-\\, Ctrl-Z and Ctrl-D never leave the kiosk: they offer a return to the start.
            SIGTERM or SIGHUP ends it cleanly. When standard input is not a terminal, the kiosk runs in plain line mode
            (no readline, no colours) and ends at the end of input.
            """,
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        // Anything started from here (a shell a misconfiguration let through, a player) is the citizen's session.
        setenv(RecordCommand.citizenSession, "1", 1)
        let setup = try KioskSetup(arguments)
        // Greet at once; the guides load while the citizen reads the welcome screen.
        setup.drawWelcome(with: setup.renderer())
        let library = setup.loadLibrary()
        let renderer = setup.renderer(localizers: setup.loadCatalogs(library: library))
        return setup.runner(library: library, renderer: renderer).run(welcomeDrawn: true)
    }
}
