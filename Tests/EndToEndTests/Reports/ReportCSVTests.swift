import Foundation
import Testing

/// The CSV a commune sends: in Vietnamese by default, every row with its period, commune and terminals, guides with
/// their poster codes and titles, shares as plain numbers, a total row, what was withheld said in the file.
@Suite struct ReportCSVTests {
    func csv(_ arguments: [String], _ database: String, _ sandbox: TestSandbox) throws -> [[String]] {
        let result = try KioskProcess.run(["report", "--db", database, "--month", "2026-11", "--format", "csv"] + arguments, sandbox: sandbox)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\r\n").map(SpreadsheetTests.fields)
    }

    @Test func everyRowSaysWhatItCoversInTheLanguageAsked() throws {
        let sandbox = try TestSandbox()
        let database = try MonthFixture.database(in: sandbox)
        let kpi = try MonthlyReportTests.json(["--month", "2026-11"], database: database, sandbox: sandbox)["kpi"] as? [String: Any] ?? [:]
        let vi = try csv(["--by", "guide,outcome"], database, sandbox)
        #expect(vi[0].prefix(9) == ["Từ ngày", "Đến ngày", "Mã xã", "Xã, phường", "Máy", "Mã hướng dẫn", "Số trên áp phích", "Tên hướng dẫn", "Kết quả"])
        #expect(vi.allSatisfy { $0.count == vi[0].count })
        #expect(vi.dropFirst().allSatisfy { $0[0] == "2026-11-01" && $0[1] == "2026-11-30" && $0[2] == MonthFixture.communeCode
            && $0[3] == MonthFixture.communeName && $0[4] == "kiosk-a kiosk-b" })
        #expect(vi.contains { $0[5] == "khai-sinh" && $0[6] == "21" && $0[8] == "Tự làm xong" })
        // The total row: the indicators, shares as plain numbers in percent (the header says so).
        let total = try #require(vi.last)
        #expect(total[5] == "Tổng" && total[9] == "\(kpi["guided"] as? Int ?? -1)")
        #expect(total[11] == String(format: "%.1f", ((kpi["self_share"] as? Double ?? -1) * 1000).rounded() / 10))
        // English for a visitor from elsewhere; stable codes for a program.
        let en = try csv(["--by", "outcome", "--lang", "en"], database, sandbox)
        #expect(en[0][5] == "Outcome" && en.contains { $0[5] == "Done by themselves" } && en.last?[5] == "Total")
        let codes = try csv(["--by", "outcome", "--codes"], database, sandbox)
        #expect(codes[0][5] == "outcome" && codes[0][7] == "done_by_self" && codes.contains { $0[5] == "done" } && codes.last?[5] == "total")
        // Without --by: one row, the indicators.
        let plain = try csv([], database, sandbox)
        #expect(plain.count == 2 && plain[1][5] == "\(kpi["guided"] as? Int ?? -1)")
    }

    /// Merged at the province: each commune's row names its own terminals, and the total all of them.
    @Test func eachCommuneRowHasItsOwnTerminals() throws {
        let sandbox = try TestSandbox()
        let database = try MonthFixture.database(in: sandbox)
        _ = try MonthFixture.database(in: sandbox, seed: 8, code: "99002", name: "Phường Thử Hai", terminals: ["hai-1"])
        let rows = try csv(["--by", "commune"], database, sandbox)
        #expect(rows[0][2] == "Mã xã" && rows[0][4] == "Máy" && rows[0][5] == "Lượt được hướng dẫn")
        #expect(rows[1][2...4] == ["99001", "Xã Thử Nghiệm", "kiosk-a kiosk-b"] && rows[2][2...4] == ["99002", "Phường Thử Hai", "hai-1"])
        #expect(rows[3][2] == "Tổng" && rows[3][3] == "Tất cả (2)" && rows[3][4] == "hai-1 kiosk-a kiosk-b")
        #expect(Int(rows[3][5]) == (Int(rows[1][5]) ?? 0) + (Int(rows[2][5]) ?? 0))
    }

    @Test func withheldRowsAreSaidInsideTheFile() throws {
        let sandbox = try TestSandbox()
        let database = try MonthFixture.database(in: sandbox)
        let rows = try csv(["--by", "day", "--min-count", "10"], database, sandbox)
        let note = try #require(rows.last)
        #expect(note[0].hasPrefix("Đã ẩn ") && note[0].contains("ít hơn 10 lượt") && note.count == rows[0].count)
        // No count printed is under 10: not a day's sessions, not one of its outcomes, not the total (which is there
        // only when what was withheld adds up to nothing small).
        let counts = [6, 7, 9, 11, 13]
        #expect(rows.dropFirst().dropLast().allSatisfy { row in counts.allSatisfy { Int(row[$0]).map { $0 == 0 || $0 >= 10 } ?? true } })
        #expect(rows.count > 2, "some days are shown")
        // Far too few for the threshold: only the note.
        let none = try csv(["--by", "day", "--min-count", "1000"], database, sandbox)
        #expect(none.count == 2 && none[1][0].hasPrefix("Đã ẩn 30 dòng") && none[1][0].contains("Các chỉ số chung cũng được ẩn"))
    }

    @Test func theTableNamesTheCommuneAndWeeksStartOnMonday() throws {
        let sandbox = try TestSandbox()
        let database = try MonthFixture.database(in: sandbox)
        let table = try KioskProcess.run(["report", "--db", database, "--month", "2026-11", "--by", "commune"], sandbox: sandbox)
        #expect(table.stdout.contains("99001 Xã Thử Nghiệm"), "\(table.stdout)")
        let weeks = try MonthlyReportTests.json(["--month", "2026-11", "--by", "week"], database: database, sandbox: sandbox)
        let mondays = (weeks["rows"] as? [[String: Any]] ?? []).compactMap { $0["week"] as? String }
        // 2026-11-01 is a Sunday: its week began on Monday 2026-10-26.
        #expect(mondays == ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"])
        let communes = try MonthlyReportTests.json(["--month", "2026-11"], database: database, sandbox: sandbox)["communes"] as? [[String: Any]]
        #expect(communes?.first?["name"] as? String == MonthFixture.communeName)
    }

    @Test func optionsThatDoNotFitAreRefused() throws {
        let sandbox = try TestSandbox()
        let database = try MonthFixture.database(in: sandbox)
        for arguments in [["--codes"], ["--format", "html", "--by", "guide"], ["--format", "json", "--excel"], ["--by", "guide,guide"],
            ["--quarter", "2026-Q5"], ["--lang", "en"], ["funnel", "khai-sinh", "--format", "csv", "--codes"]] {
            let result = try KioskProcess.run(["report", "--db", database] + arguments, sandbox: sandbox)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
        let funnel = try KioskProcess.run(["report", "funnel", "khai-sinh", "--db", database, "--format", "xlsx"], sandbox: sandbox)
        #expect(funnel.status == 2)
        // --output writes the funnel too, whole.
        let file = sandbox.path("funnel.csv")
        let written = try KioskProcess.run(["report", "funnel", "khai-sinh", "--db", database, "--month", "2026-11", "--format", "csv",
            "--output", file], sandbox: sandbox)
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("guide,step,title,reached"))
    }
}
