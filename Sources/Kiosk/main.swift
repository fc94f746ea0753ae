import Foundation

// The `kiosk` executable: subcommands for staff, and the citizen's guide at the terminal.
exit(CommandLineTool.run(Array(CommandLine.arguments.dropFirst())))
