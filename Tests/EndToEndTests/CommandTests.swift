import Foundation
import Testing

/// The staff commands, run as a real process: exit codes, usage errors, and what they print.
@Suite struct CommandTests {
    @Test func checkPassesOnTheShippedLibrary() throws {
        let result = try KioskProcess.run(["check"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("guides checked: 0 errors"))
    }

    @Test func checkReportsErrorsWithLocationsAndExitsOne() throws {
        let broken = KioskProcess.root.appendingPathComponent("Tests/EndToEndTests/Fixtures/broken").path
        let result = try KioskProcess.run(["check", "--guides", broken])
        #expect(result.status == 1)
        #expect(result.stdout.contains("/broken/khai-sinh.guide:15:12: error: unknown target \"dang-nhapp\" (did you mean \"dang-nhap\"?)"))
        #expect(result.stdout.contains("1 guide checked: 1 error, 0 warnings"))
    }

    @Test(arguments: [["check", "--bogus"], ["list", "extra"], ["show"], ["search"], ["check", "--max-age", "soon"], ["frobnicate"]])
    func usageErrorsExitTwoAndPrintTheUsageLine(arguments: [String]) throws {
        let result = try KioskProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("usage: kiosk"))
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ["check", "list", "show", "search"])
    func everyCommandHasHelp(command: String) throws {
        let result = try KioskProcess.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("usage: kiosk \(command)"))
    }

    @Test func topLevelHelpListsTheCommands() throws {
        let result = try KioskProcess.run(["--help"])
        #expect(result.status == 0)
        for command in ["check", "list", "show", "search"] { #expect(result.stdout.contains("  \(command) ")) }
    }

    @Test func listShowsCodeIDStatusAndTitle() throws {
        let result = try KioskProcess.run(["list"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("21   khai-sinh") && $0.contains("sourced") && $0.contains("Đăng ký khai sinh") })
        #expect(lines.count >= 3)
    }

    @Test(arguments: [("khai sinh", "khai-sinh"), ("ddawng kys khai sinh", "khai-sinh"), ("kich hoat vneid", "kich-hoat-vneid"),
        ("dang nhap dich vu cong", "dang-nhap-dvcqg"), ("21", "khai-sinh"), ("12", "dang-nhap-dvcqg")])
    func searchRanksTheExpectedGuideFirst(query: String, expected: String) throws {
        let result = try KioskProcess.run(["search"] + query.split(separator: " ").map(String.init))
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").first?.contains(" \(expected) ") == true, "\(result.stdout)")
    }

    @Test func searchWithNoMatchExitsOne() throws {
        let result = try KioskProcess.run(["search", "xyzzy"])
        #expect(result.status == 1)
        #expect(result.stderr == "no guide matches\n")
    }

    @Test func showAnUnknownGuideSuggestsOne() throws {
        let result = try KioskProcess.run(["show", "khai-sinhh"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean \"khai-sinh\""))
    }
}
