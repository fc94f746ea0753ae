import Testing
@testable import Kiosk

/// The command-line layer every subcommand uses: options defined once, `--name=value` everywhere, `--` ends
/// options, values checked as they are read, help generated in aligned columns.
@Suite struct ArgumentsTests {
    static let guides = Option("--guides", "DIR", help: "the guide directory")
    static let width = Option("--width", "N", .number(30...200), help: "line width")
    static let format = Option("--format", "F", .choice(["text", "markdown", "html"]), help: "the format")
    static let all = Option(flag: "--all", help: "everything")
    static let options = [guides, width, format, all]

    func parse(_ arguments: [String]) throws(CommandError) -> Arguments {
        try Arguments(arguments, options: Self.options, positionals: 0...2)
    }

    @Test func valuesFlagsAndPositionals() throws {
        let parsed = try parse(["--guides", "g", "--all", "khai", "sinh"])
        #expect(parsed[Self.guides] == "g")
        #expect(parsed.has(Self.all))
        #expect(parsed.positionals == ["khai", "sinh"])
    }

    @Test func equalsFormWorksForEveryOptionWithAValue() throws {
        let parsed = try parse(["--guides=dir", "--width=40", "--format=html"])
        #expect(parsed[Self.guides] == "dir" && parsed.number(Self.width) == 40 && parsed[Self.format] == "html")
    }

    @Test func afterADoubleDashEverythingIsAnArgumentEvenHelp() throws {
        let parsed = try parse(["--", "-h", "--all"])
        #expect(!parsed.wantsHelp && !parsed.has(Self.all))
        #expect(parsed.positionals == ["-h", "--all"])
        #expect(try parse(["x", "-h"]).wantsHelp)
    }

    @Test(arguments: [(["--bogus"], "unknown option --bogus"), (["--guides"], "--guides needs a value"),
        (["a", "b", "c"], "unexpected argument \"c\""), (["--all=yes"], "--all takes no value"),
        (["--width", "20"], "--width needs a number from 30 to 200"), (["--width=wide"], "--width needs a number from 30 to 200"),
        (["--format", "pdf"], "--format must be text, markdown or html"), (["--guide", "x"], "unknown option --guide (did you mean \"--guides\"?)")])
    func mistakesAreUsageErrors(arguments: [String], message: String) {
        #expect(throws: CommandError.usage(message)) { try parse(arguments) }
    }

    @Test func helpListsEveryOptionInAlignedColumns() {
        let command = Command(name: "demo", summary: "a demo", operands: "WORDS...", positionals: 0...2, options: Self.options,
            notes: "More words.", run: { _ throws(CommandError) in 0 })
        let lines = command.help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "usage: kiosk demo [options] WORDS...")
        let rows = lines.filter { $0.hasPrefix("  --") }
        #expect(rows.count == Self.options.count)
        let columns = Set(rows.map { row in row.distance(from: row.startIndex, to: row.range(of: "  ", range: row.index(row.startIndex, offsetBy: 2)..<row.endIndex).map { r in
            row[r.upperBound...].firstIndex { $0 != " " } ?? row.endIndex } ?? row.endIndex) })
        #expect(columns.count == 1, "help columns do not align:\n\(command.help)")
        #expect(lines.contains("More words."))
    }
}
