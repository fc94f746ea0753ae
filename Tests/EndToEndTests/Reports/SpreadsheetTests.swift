import Foundation
import Testing

/// Spreadsheets that open right in a Vietnamese office: the kiosk's own xlsx opened by LibreOffice (Debian's
/// libreoffice-calc) with the vi-VN locale setting, every value checked against `--format json`; the archive checked
/// by `unzip -t`; the CSV imported the way docs/operations.md says.
@Suite struct SpreadsheetTests {
    /// Every sheet of `file` as CSV lines, as LibreOffice shows its cells with `locale`.
    static func sheets(of file: String, locale: String, in sandbox: TestSandbox) throws -> [String: [[String]]] {
        let out = sandbox.path("sheets-\(locale)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // Comma, quote, UTF-8, every sheet (-1), cells as shown.
        let result = try ExternalTool.libreOffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir", out, file], locale: locale, in: sandbox)
        #expect(result.status == 0, "\(result.stderr)")
        var sheets: [String: [[String]]] = [:]
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        for name in try FileManager.default.contentsOfDirectory(atPath: out) where name.hasSuffix(".csv") {
            let sheet = String(name.dropFirst(base.count + 1).dropLast(4))
            let text = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
            sheets[sheet] = text.split(whereSeparator: \.isNewline).map(Self.fields)
        }
        return sheets
    }

    /// The fields of one CSV line (quotes undone).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" { quoted = true }
            else if character == "," { fields.append(field); field = "" }
            else { field.append(character) }
        }
        return fields + [field]
    }

    static func percent(_ share: Any?) -> String {
        guard let value = share as? Double else { return "" }
        return String(format: "%.1f%%", (value * 1000).rounded() / 10).replacingOccurrences(of: ".", with: ",")
    }

    @Test func theWorkbookOpensInLibreOfficeWithNumbersPercentsAndDates() throws {
        let sandbox = try TestSandbox()
        let database = try MonthFixture.database(in: sandbox)
        let file = sandbox.path("thang-11.xlsx")
        let made = try KioskProcess.run(["report", "--db", database, "--month", "2026-11", "--format", "xlsx", "--output", file],
            sandbox: sandbox)
        #expect(made.status == 0, "\(made.stderr)")
        // A sound zip archive.
        let test = try ExternalTool.run("/usr/bin/unzip", ["-t", file], in: sandbox)
        #expect(test.status == 0 && test.stdout.contains("No errors detected"), "\(test.stdout)")
        let sheets = try Self.sheets(of: file, locale: "vi-VN", in: sandbox)
        #expect(Set(sheets.keys) == ["Chỉ số", "Tên hướng dẫn", "Ngôn ngữ", "Ai mở hướng dẫn", "Ngày"], "\(sheets.keys)")
        // The indicators: counts as numbers, shares as percent cells shown the Vietnamese way, days as dates.
        let report = try MonthlyReportTests.json(["--month", "2026-11"], database: database, sandbox: sandbox)
        let kpi = report["kpi"] as? [String: Any] ?? [:]
        let indicators = sheets["Chỉ số"] ?? []
        #expect(indicators.first?.contains("Tỷ lệ tự làm xong (%)") == true)
        let expected = ["01/11/2026", "30/11/2026", MonthFixture.communeCode, MonthFixture.communeName, "kiosk-a kiosk-b",
            "\(kpi["guided"] as? Int ?? -1)", "\(kpi["done_by_self"] as? Int ?? -1)", Self.percent(kpi["self_share"]),
            "\(kpi["handed_to_staff"] as? Int ?? -1)", Self.percent(kpi["staff_share"]), "\(kpi["will_do_later"] as? Int ?? -1)",
            Self.percent(kpi["later_share"]), "\(kpi["lost"] as? Int ?? -1)", Self.percent(kpi["lost_share"]), "\(kpi["in_progress"] as? Int ?? -1)"]
        #expect(indicators.count == 2 && indicators.last == expected, "\(indicators)")
        // Every guide's row, with its poster code and Vietnamese title intact, then the total.
        let guides = try MonthlyReportTests.json(["--month", "2026-11", "--by", "guide"], database: database, sandbox: sandbox)
        let rows = guides["rows"] as? [[String: Any]] ?? []
        let sheet = sheets["Tên hướng dẫn"] ?? []
        #expect(sheet.count == rows.count + 2)
        for (row, line) in zip(rows, sheet.dropFirst()) {
            #expect(line[5] == row["guide"] as? String)
            #expect(line[8] == "\(row["sessions"] as? Int ?? -1)" && line[9] == "\(row["done_by_self"] as? Int ?? -1)")
            #expect(line[10] == Self.percent(row["self_share"]))
        }
        #expect(sheet.contains { $0.contains("Đăng ký khai sinh cho con (kèm thường trú, thẻ BHYT)") && $0.contains("21") })
        #expect(sheet.last?[5] == "Tổng" && sheet.last?[8] == "\(kpi["guided"] as? Int ?? -1)")
        // Days as dates, one row per day with sessions, adding up to the guided total.
        let days = (sheets["Ngày"] ?? []).dropFirst().dropLast()
        #expect(days.first?[5] == "01/11/2026" && days.count == 30)
        #expect(days.compactMap { Int($0[6]) }.reduce(0, +) == kpi["guided"] as? Int)
        // For publication: every sheet that withheld its smallest row says why, and staff are told on stderr.
        let published = sandbox.path("published.xlsx")
        let withheld = try KioskProcess.run(["report", "--db", database, "--month", "2026-11", "--format", "xlsx", "--min-count", "1000",
            "--output", published], sandbox: sandbox)
        #expect(withheld.status == 0 && withheld.stderr.contains("withheld for publication"), "\(withheld.stderr)")
        let publishedSheets = try Self.sheets(of: published, locale: "vi-VN", in: sandbox)
        #expect(publishedSheets.values.allSatisfy { $0.last?.first?.hasPrefix("Đã ẩn") == true || $0.last?.first?.hasPrefix("Các chỉ số") == true },
            "\(publishedSheets)")
        // The same workbook in English, under the English locale: the same figures, shown the English way.
        let english = sandbox.path("month-en.xlsx")
        _ = try KioskProcess.run(["report", "--db", database, "--month", "2026-11", "--format", "xlsx", "--lang", "en", "--output", english],
            sandbox: sandbox)
        let englishSheets = try Self.sheets(of: english, locale: "en-US", in: sandbox)
        #expect(englishSheets["Indicators"]?.last?[7] == Self.percent(kpi["self_share"]).replacingOccurrences(of: ",", with: "."))
        #expect(englishSheets["Indicators"]?.last?[0] == "2026-11-01")
    }

    /// The CSV's shares are plain numbers with a point: read as numbers when the import dialog's language is English
    /// (USA), as docs/operations.md says; left as text with the Vietnamese default, which is why the step is there.
    @Test func theCSVImportsAsNumbersWithTheDocumentedSettings() throws {
        let sandbox = try TestSandbox()
        let database = try MonthFixture.database(in: sandbox)
        let csv = try KioskProcess.run(["report", "--db", database, "--month", "2026-11", "--format", "csv", "--by", "guide"], sandbox: sandbox)
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.allSatisfy { Self.fields($0).count == Self.fields(lines[0]).count })
        let file = sandbox.path("thang-11.csv")
        try csv.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let share = Self.fields(lines[1])[10]
        #expect(Double(share) != nil && !share.contains("%"))
        func imported(_ filter: String) throws -> [[String]] {
            let out = sandbox.path("csv-\(UUID().uuidString)")
            _ = try ExternalTool.libreOffice(["--infilter=" + filter, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
                "--outdir", out, file], locale: "vi-VN", in: sandbox)
            let text = try String(contentsOfFile: out + "/thang-11.csv", encoding: .utf8)
            return text.split(whereSeparator: \.isNewline).map(Self.fields)
        }
        // Character set UTF-8 (76), separator comma (44), language English (USA) (1033): Vietnamese intact, numbers.
        let documented = try imported("CSV:44,34,76,1,,1033")
        // A number, shown the Vietnamese way (a comma, no trailing zero: "48.0" shows as "48").
        let shown = documented[1][10]
        #expect(documented[0][3] == "Xã, phường" && !shown.contains(".") && Double(shown.replacingOccurrences(of: ",", with: ".")) == Double(share),
            "\(shown) for \(share)")
        // The locale's own language reads "56.7" as text: shown as written.
        let plain = try imported("CSV:44,34,76,1")
        #expect(plain[1][10] == share)
    }
}
