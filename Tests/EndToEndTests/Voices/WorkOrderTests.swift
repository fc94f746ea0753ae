import Foundation
import Testing

/// `kiosk locales status --by-usage`: the lines still to translate, the interface first, then those citizens met most.
@Suite struct WorkOrderTests {
    /// The line identities listed for `language`, in order.
    static func listed(_ output: String, _ language: String) -> [String] {
        let section = output.components(separatedBy: "\n\(language): ").dropFirst().first ?? ""
        return section.split(separator: "\n").dropFirst(2).prefix { !$0.isEmpty && !$0.contains(" line(s) to translate") }
            .compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init) }
    }

    @Test func theLinesCitizensMeetMostComeFirstAndItWorksWithoutADatabase() throws {
        let sandbox = try TestSandbox()
        let db = sandbox.path("kiosk.db")
        // Two sessions of guide 52 (one reaches its second step), one of guide 21.
        for input in ["52\n1\n1\n/\n1\n\n", "52\n1\n/\n1\n\n", "21\n1\n/\n1\n\n"] {
            _ = try KioskProcess.run(["run", "--db", db], stdin: input, sandbox: sandbox)
        }
        let used = try KioskProcess.run(["locales", "status", "--by-usage", "--db", db], sandbox: sandbox)
        #expect(used.status == 0)
        #expect(used.stdout.hasPrefix("Most met first: 3 session(s) from "))
        #expect(used.stdout.contains("\nen: 0 line(s) to translate\n"))
        let rad = Self.listed(used.stdout, "rad")
        let interface = rad.prefix { $0.hasPrefix("ui:") }
        #expect(interface.count > 50 && interface.first == "ui:say.0")
        let guides = rad.dropFirst(interface.count)
        #expect(guides.first == "canh-giac-lua-dao:title")
        // Guide 52's first step (two sessions) before guide 21's overview (one), before any guide no one opened.
        let firstStep = try #require(guides.firstIndex { $0.hasPrefix("canh-giac-lua-dao/") })
        let birth = try #require(guides.firstIndex { $0 == "khai-sinh:title" })
        let unused = try #require(guides.firstIndex { $0 == "kich-hoat-vneid:title" })
        #expect(firstStep < birth && birth < unused)
        #expect(rad.count == Set(rad).count, "every line once")
        // What no citizen sees comes last.
        let staffLines = rad.drop { !$0.hasPrefix("ui:record.") }
        #expect(staffLines.allSatisfy { $0.hasPrefix("ui:record.") || $0.hasPrefix("ui:review.") || $0.hasPrefix("ui:report.") }
            && staffLines.contains("ui:report.title") && staffLines.contains("ui:review.title"))
        #expect(!interface.contains("ui:search.fillers"))
        // Without statistics: the interface, then the guides in poster-code order.
        let plain = try KioskProcess.run(["locales", "status", "--by-usage", "--lang", "jra", "--db", sandbox.path("none.db")], sandbox: sandbox)
        #expect(plain.stdout.hasPrefix("No statistics at "))
        let jra = Self.listed(plain.stdout, "jra")
        #expect(jra.drop { $0.hasPrefix("ui:") }.first == "kich-hoat-vneid:title")
        #expect(jra.count == rad.count)
        let wrong = try KioskProcess.run(["locales", "status", "--by-usage", "--lang", "radd"], sandbox: sandbox)
        #expect(wrong.status == 2 && wrong.stderr.contains("did you mean \"rad\""))
    }
}
