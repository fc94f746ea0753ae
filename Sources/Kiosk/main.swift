import Guides
let library = Library.load(directory: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "guides")
for d in library.diagnostics { print(d) }
