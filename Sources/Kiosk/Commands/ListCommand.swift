import Foundation
import Guides

/// `kiosk list`: every guide with its poster code, id, status and title.
enum ListCommand {
    static let command = Command(
        name: "list",
        summary: "list every guide: poster code, id, status, title",
        options: [KioskOptions.guides],
        notes: "Draft guides are listed but never shown to citizens. Guides with errors are left out; `kiosk check` says why.",
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let library = Library.load(directory: Paths.guides(arguments[KioskOptions.guides]), options: Library.Options(today: Clock.today()))
        let idWidth = library.guides.map { $0.id.count }.max() ?? 0
        Output.out(lines: library.guides.map { guide in
            guide.code.padding(toLength: 5, withPad: " ", startingAt: 0)
                + guide.id.padding(toLength: idWidth + 2, withPad: " ", startingAt: 0)
                + guide.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + guide.title.text
        })
        if !library.rejected.isEmpty {
            Output.err("\(library.rejected.count) guide(s) left out because of errors (\(library.rejected.joined(separator: ", "))); "
                + "run `kiosk check` to see them\n")
        }
        return library.guides.isEmpty && !library.diagnostics.isEmpty ? 1 : 0
    }
}
