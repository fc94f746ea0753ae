import Testing
@testable import Kiosk

/// The small command-line parser every subcommand uses.
@Suite struct ArgumentsTests {
    let spec = CommandSpec(valued: ["--guides"], flags: ["--all"], positionals: 0...2)

    @Test func valuesFlagsAndPositionals() throws {
        let parsed = try Arguments(["--guides", "g", "--all", "khai", "sinh"], spec: spec)
        #expect(parsed.value("--guides") == "g")
        #expect(parsed.has("--all"))
        #expect(parsed.positionals == ["khai", "sinh"])
    }

    @Test func equalsFormAndDoubleDash() throws {
        let parsed = try Arguments(["--guides=dir", "--", "--all"], spec: spec)
        #expect(parsed.value("--guides") == "dir")
        #expect(!parsed.has("--all"))
        #expect(parsed.positionals == ["--all"])
    }

    @Test(arguments: [(["--bogus"], "unknown option --bogus"), (["--guides"], "--guides needs a value"),
        (["a", "b", "c"], "unexpected argument \"c\""), (["--all=yes"], "unknown option --all")])
    func mistakesAreUsageErrors(arguments: [String], message: String) {
        #expect(throws: UsageError.self) { try Arguments(arguments, spec: spec) }
        do {
            _ = try Arguments(arguments, spec: spec)
        } catch {
            #expect(error.message == message)
        }
    }
}
