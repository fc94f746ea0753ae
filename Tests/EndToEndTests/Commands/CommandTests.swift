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
        #expect(result.stdout.contains("/broken/khai-sinh.guide:15:17: error: unknown target \"dang-nhapp\" (did you mean \"dang-nhap\"?)"))
        #expect(result.stdout.contains("1 guide checked: 1 error, 0 warnings"))
    }

    @Test(arguments: [["check", "--bogus"], ["list", "extra"], ["show"], ["search"], ["check", "--max-age", "soon"], ["frobnicate"]])
    func usageErrorsExitTwoAndPrintTheUsageLine(arguments: [String]) throws {
        let result = try KioskProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("usage: kiosk"))
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ["run", "guide", "check", "list", "show", "search", "report", "export", "import", "purge", "status", "locales"])
    func everyCommandHasHelp(command: String) throws {
        let result = try KioskProcess.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("usage: kiosk \(command)"))
    }

    @Test(arguments: [["help", "nosuch"], ["report", "funnel", "khai-sinh", "--min-count", "5"], ["report", "funnel", "khai-sinh", "--by", "guide"]])
    func mistakesStaffCouldMakeAreUsageErrors(arguments: [String]) throws {
        let result = try KioskProcess.run(arguments)
        #expect(result.status == 2 && result.stdout.isEmpty, "\(arguments): \(result.stderr)")
    }

    @Test func versionIsPrinted() throws {
        let result = try KioskProcess.run(["--version"])
        #expect(result.status == 0 && result.stdout == "kiosk 0.2.0\n")
        #expect(try String(contentsOf: KioskProcess.root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8).contains("## 0.2.0"))
    }

    @Test func helpAfterADoubleDashIsAnArgument() throws {
        let help = try KioskProcess.run(["show", "--help"])
        #expect(help.status == 0 && help.stdout.hasPrefix("usage: kiosk show"))
        let argument = try KioskProcess.run(["show", "--", "-h"])
        #expect(argument.status == 1 && argument.stderr.hasPrefix("kiosk show: no guide \"-h\""), "\(argument.stderr)")
    }

    @Test(arguments: [(["show", "--width=40", "--format=markdown", "--lang=en", "12"], "**Code:** 12"),
        (["poster", "--format=html", "--lang=vi"], "<table>"), (["search", "--guides=guides", "khai", "sinh"], "khai-sinh"),
        (["check", "--guides=guides", "--locales=locales", "--max-age=3650"], "0 errors")])
    func everyOptionTakesItsValueAfterAnEqualsSign(arguments: [String], expected: String) throws {
        let result = try KioskProcess.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(expected))
    }

    @Test func aFlagGivenAValueIsAUsageError() throws {
        let result = try KioskProcess.run(["search", "--all=yes", "khai"])
        #expect(result.status == 2 && result.stderr == "kiosk search: --all takes no value\nusage: kiosk search [options] WORDS...\n")
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
        #expect(result.stderr == "kiosk search: no guide fits: the visitor is told the kiosk has no guide for this, and where staff are\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func searchShowsWhatAVisitorInALanguageIsOffered() throws {
        let english = try KioskProcess.run(["search", "--lang", "en", "birth", "certificate"])
        #expect(english.status == 0)
        #expect(english.stdout.split(separator: "\n").first == "21   khai-sinh  Birth registration for your child (with permanent residence and health insurance card)")
        let vietnamese = try KioskProcess.run(["search", "giay", "khai", "sinh"])
        #expect(vietnamese.stdout.split(separator: "\n").first == "21   khai-sinh  Đăng ký khai sinh cho con (kèm thường trú, thẻ BHYT)")
        // At most what a visitor is offered: three.
        let many = try KioskProcess.run(["search", "vneid"])
        #expect((1...3).contains(many.stdout.split(separator: "\n").count), "\(many.stdout)")
        let none = try KioskProcess.run(["search", "--lang", "en", "passport"])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
        let unknown = try KioskProcess.run(["search", "--lang", "xx", "khai", "sinh"])
        #expect(unknown.status == 2)
    }

    @Test func searchNamesADraftAndAllShowsHowWellEachFits() throws {
        let draft = try KioskProcess.run(["search", "binh", "dan", "hoc", "vu", "so"])
        #expect(draft.status == 0)
        #expect(draft.stdout == "61   binh-dan-hoc-vu-so  Học kỹ năng số trên Bình dân học vụ số\n")
        #expect(draft.stderr.contains("is a draft: the visitor is told it is being prepared and to ask staff"))
        let all = try KioskProcess.run(["search", "--all", "dang", "nhap"])
        let lines = all.stdout.split(separator: "\n")
        #expect(lines.count > 3, "\(all.stdout)")
        #expect(lines.allSatisfy { ($0.contains("  (fits ") || $0.contains("  (draft, fits ")) && $0.hasSuffix("%)") })
        #expect(lines.first?.hasPrefix("12   dang-nhap-dvcqg") == true)
    }

    @Test func showAnUnknownGuideSuggestsOne() throws {
        let result = try KioskProcess.run(["show", "khai-sinhh"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean \"khai-sinh\""))
    }

    @Test func localesCommandsFollowASourceEdit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-locales-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: KioskProcess.root.appendingPathComponent("locales"), to: folder.appendingPathComponent("locales"))
        try FileManager.default.copyItem(at: KioskProcess.root.appendingPathComponent("guides"), to: folder.appendingPathComponent("guides"))
        let guide = folder.appendingPathComponent("guides/khai-sinh.guide")
        let text = try String(contentsOf: guide, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Đăng ký khai sinh cho con (kèm thường trú, thẻ BHYT)", with: "title: Đăng ký khai sinh cho bé")
            .write(to: guide, atomically: true, encoding: .utf8)
        let total = try KioskProcess.run(["locales", "status"], directory: KioskProcess.root).stdout
            .split(separator: "\n").first { $0.hasPrefix("vi ") }.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) } ?? 0
        #expect(total > 900)
        let before = try KioskProcess.run(["locales", "status"], directory: folder)
        let english = before.stdout.split(separator: "\n").first { $0.hasPrefix("en ") }?.split(separator: " ").prefix(4).map(String.init)
        #expect(english == ["en", String(total - 1), "1", "0"], "status sees the edited line as stale at once")
        #expect(try KioskProcess.run(["locales", "extract"], directory: folder).status == 0)
        let update = try KioskProcess.run(["locales", "update"], directory: folder)
        #expect(update.stdout.contains("locales/en.po: \(total - 1) translated, 1 fuzzy, 0 missing"))
        let po = try String(contentsOf: folder.appendingPathComponent("locales/en.po"), encoding: .utf8)
        #expect(po.contains("#, fuzzy\n#| msgid \"Đăng ký khai sinh cho con (kèm thường trú, thẻ BHYT)\"\nmsgctxt \"khai-sinh:title\""))
        let status = try KioskProcess.run(["locales", "status"], directory: folder)
        #expect(status.stdout.contains("rad       0           0            \(total)"))
        // Per part: the edited guide lost one line in English, every other guide and the interface none.
        let parts = status.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        let khaiSinh = try #require(parts.first { $0.first == "21" && $0.dropFirst().first == "khai-sinh" })
        let lines = try #require(Int(khaiSinh[2]))
        #expect(khaiSinh[3] == String(format: "%.1f%%", Double(lines - 1) / Double(lines) * 100) && khaiSinh[4] == "0.0%", "\(khaiSinh)")
        let others = parts.filter { ($0.count == 7 && Int($0[0]) != nil && $0[1] != "khai-sinh") || ($0.count == 6 && $0[0] == "interface") }
        // Every other guide and the interface: as many rows as there are guides.
        let guideCount = try FileManager.default.contentsOfDirectory(atPath: KioskProcess.root.path + "/guides").filter { $0.hasSuffix(".guide") }.count
        #expect(others.count == guideCount && others.allSatisfy { $0[$0.count - 4] == "100.0%" }, "\(others)")
        // Run from elsewhere with absolute paths, the references stay relative to the tree: no machine's paths.
        let elsewhere = try KioskProcess.run(["locales", "extract", "--locales", folder.appendingPathComponent("locales").path,
            "--guides", folder.appendingPathComponent("guides").path], directory: URL(fileURLWithPath: "/"))
        #expect(elsewhere.status == 0)
        let pot = try String(contentsOf: folder.appendingPathComponent("locales/kiosk.pot"), encoding: .utf8)
        #expect(pot.contains("\n#: locales/ui.vi.txt:") && pot.contains("\n#: guides/khai-sinh.guide:"))
        #expect(!pot.contains(folder.path))
    }

    @Test func checkFindsABrokenPlaceholderInACatalog() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-catalog-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: KioskProcess.root.appendingPathComponent("locales"), to: folder)
        let path = folder.appendingPathComponent("en.po")
        let text = try String(contentsOf: path, encoding: .utf8)
        try text.replacingOccurrences(of: "msgstr \"Step {index}/{total}\"", with: "msgstr \"Step {number}/{total}\"")
            .write(to: path, atomically: true, encoding: .utf8)
        let result = try KioskProcess.run(["check", "--locales", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("en.po:") && result.stdout.contains("ui:step.progress: the placeholders"))
    }

    @Test func aLanguageWhoseInterfaceIsNotTranslatedIsNotOfferedUnlessAsked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-threshold-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: KioskProcess.root.appendingPathComponent("locales"), to: folder)
        let offered = try KioskProcess.run(["run", "--locales", folder.path, "--db", "/dev/null/x.db"], stdin: "")
        #expect(offered.stdout.contains("2. English") && !offered.stdout.contains("Êđê"))
        let pilot = try KioskProcess.run(["run", "--locales", folder.path, "--all-languages", "--db", "/dev/null/x.db"], stdin: "")
        #expect(pilot.stdout.contains("3. Êđê (Tiếng Ê Đê)"))
    }
}
