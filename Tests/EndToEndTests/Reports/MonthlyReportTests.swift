import Foundation
import Testing

/// The one-page monthly report, printed by a real browser engine (headless Chromium) to PDF and read back with
/// pdftotext: one A4 page whose figures are those of `kiosk report --format json`.
@Suite struct MonthlyReportTests {
    /// `kiosk report … --format json` of the fixture month, decoded.
    static func json(_ arguments: [String], database: String, sandbox: TestSandbox) throws -> [String: Any] {
        let result = try KioskProcess.run(["report", "--db", database, "--format", "json"] + arguments, sandbox: sandbox)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// A share as the page writes it: one decimal, a comma in Vietnamese.
    static func percent(_ share: Any?, vietnamese: Bool) -> String {
        guard let value = share as? Double else { return "-" }
        let text = String(format: "%.1f%%", (value * 1000).rounded() / 10)
        return vietnamese ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// The report printed: its page count and its text, line by line as laid out.
    static func printed(_ arguments: [String], database: String, sandbox: TestSandbox) throws -> (pages: Int, text: String) {
        let page = sandbox.path("report-\(UUID().uuidString).html")
        let made = try KioskProcess.run(["report", "--db", database, "--format", "html", "--output", page] + arguments, sandbox: sandbox)
        #expect(made.status == 0 && made.stdout.isEmpty, "\(made.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        // Self-contained: nothing runs, nothing is fetched.
        #expect(!html.contains("<script") && !html.contains("http://www") && !html.contains("src=") && html.contains("<svg"))
        let pdf = try ExternalTool.printToPDF(page, in: sandbox)
        let info = try ExternalTool.run("/usr/bin/pdfinfo", [pdf], in: sandbox)
        let pages = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
        let text = try ExternalTool.run("/usr/bin/pdftotext", ["-layout", pdf, "-"], in: sandbox).stdout
        return (pages, text)
    }

    @Test(arguments: ["vi", "en"])
    func theReportIsOneA4PageWithTheFiguresOfTheJSON(language: String) throws {
        let sandbox = try TestSandbox()
        let database = try MonthFixture.database(in: sandbox)
        let vietnamese = language == "vi"
        let (pages, text) = try Self.printed(["--month", "2026-11", "--lang", language], database: database, sandbox: sandbox)
        #expect(pages == 1)
        let lines = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        let kpi = try Self.json(["--month", "2026-11"], database: database, sandbox: sandbox)["kpi"] as? [String: Any] ?? [:]
        let guided = kpi["guided"] as? Int ?? -1
        #expect(guided > 200)
        // The headline and every outcome beside it, as the JSON has them.
        #expect(lines.contains { $0.hasPrefix(Self.percent(kpi["self_share"], vietnamese: vietnamese)) }, "\(text)")
        #expect(text.contains((vietnamese ? "Lượt được hướng dẫn: " : "Guided: ") + String(guided)))
        for (key, share, name) in [("done_by_self", "self_share", vietnamese ? "Tự làm xong" : "Done by themselves"),
            ("handed_to_staff", "staff_share", vietnamese ? "Chuyển cán bộ giúp" : "Handed to staff"),
            ("will_do_later", "later_share", vietnamese ? "Để lúc khác" : "Will do later"),
            ("lost", "lost_share", vietnamese ? "Dừng giữa chừng" : "Lost")] {
            let figure = "\(name): \(kpi[key] as? Int ?? -1) (\(Self.percent(kpi[share], vietnamese: vietnamese)))"
            #expect(lines.joined(separator: " ").contains(figure), "\(figure) in \(text)")
        }
        // The period before.
        let october = try Self.json(["--month", "2026-10"], database: database, sandbox: sandbox)["kpi"] as? [String: Any] ?? [:]
        #expect(text.contains((vietnamese ? "Kỳ trước (tháng 10/2026): " : "Previous period (2026-10): ")
            + Self.percent(october["self_share"], vietnamese: vietnamese)))
        // Every guide's line: its poster code, sessions and self-share.
        let guides = try Self.json(["--month", "2026-11", "--by", "guide"], database: database, sandbox: sandbox)["rows"] as? [[String: Any]] ?? []
        #expect(guides.count == MonthFixture.guides.count)
        let codes = ["khai-sinh": "21", "kich-hoat-vneid": "11", "dang-nhap-dvcqg": "12", "ly-lich-tu-phap": "41", "cu-tru-vneid": "31"]
        for row in guides {
            let code = codes[row["guide"] as? String ?? ""] ?? "?"
            let expected = "\(row["sessions"] as? Int ?? -1) \(Self.percent(row["self_share"], vietnamese: vietnamese))"
            #expect(lines.contains { $0.hasPrefix(code + " ") && $0.hasSuffix(expected) }, "\(code): \(expected) in \(text)")
        }
        // Languages and volunteers.
        for row in try Self.json(["--month", "2026-11", "--by", "lang"], database: database, sandbox: sandbox)["rows"] as? [[String: Any]] ?? [] {
            let sessions = row["sessions"] as? Int ?? -1
            let share = Self.percent(Double(sessions) / Double(guided), vietnamese: vietnamese)
            #expect(text.contains(": \(sessions) (\(share))"), "\(row) in \(text)")
        }
        let launchers = try Self.json(["--month", "2026-11", "--by", "launched-by"], database: database, sandbox: sandbox)["rows"] as? [[String: Any]] ?? []
        let volunteers = launchers.first { $0["launched-by"] as? String == "volunteer" }?["sessions"] as? Int ?? -1
        #expect(text.contains("\(volunteers) (\(Self.percent(Double(volunteers) / Double(guided), vietnamese: vietnamese)))"))
        // The busiest day (or days) is labelled with its count.
        let days = try Self.json(["--month", "2026-11", "--by", "day"], database: database, sandbox: sandbox)["rows"] as? [[String: Any]] ?? []
        #expect(days.count == 30)
        let busiest = days.compactMap { $0["sessions"] as? Int }.max() ?? -1
        #expect(lines.contains { line in !line.isEmpty && line.split(separator: " ").allSatisfy { $0 == String(busiest) } },
            "\(busiest) in \(text)")
    }

    /// The three places where most people stop are those of the guides' funnels.
    @Test func theStopsAreThoseOfTheFunnels() throws {
        let sandbox = try TestSandbox()
        let database = try MonthFixture.database(in: sandbox)
        let (_, text) = try Self.printed(["--month", "2026-11"], database: database, sandbox: sandbox)
        let places = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("1.") || $0.hasPrefix("2.") || $0.hasPrefix("3.") }
        #expect(places.count == 3, "\(text)")
        var funnels: [(left: Int, reached: Int, title: String)] = []
        for guide in MonthFixture.guides {
            let result = try KioskProcess.run(["report", "funnel", guide, "--db", database, "--month", "2026-11", "--format", "json"],
                sandbox: sandbox)
            let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
            funnels += rows.map { ($0["left"] as? Int ?? 0, $0["reached"] as? Int ?? 0, $0["title"] as? String ?? "") }
        }
        let most = funnels.map(\.left).sorted(by: >).prefix(3)
        for (place, left) in zip(places, most) {
            #expect(place.contains(": \(left) trong "), "\(place): \(left)")
            let reached = funnels.filter { $0.left == left }.map(\.reached)
            #expect(reached.contains { place.contains(" trong \($0) người") }, "\(place): \(reached)")
        }
    }

    @Test func smallCellsAreWithheldAndThePageSaysSo() throws {
        let sandbox = try TestSandbox()
        let database = try MonthFixture.database(in: sandbox)
        let (pages, text) = try Self.printed(["--month", "2026-11", "--min-count", "20"], database: database, sandbox: sandbox)
        #expect(pages == 1)
        // Every day has fewer than 20 sessions, and a guide's outcome too: those are withheld, the page says so.
        #expect(text.contains("có ít hơn 20 lượt"), "\(text)")
        let kpi = try Self.json(["--month", "2026-11"], database: database, sandbox: sandbox)["kpi"] as? [String: Any] ?? [:]
        // The guides' lines left: each with at least 20 sessions.
        let guideLines = text.split(separator: "\n").map { $0.split(separator: " ") }.filter { ["11", "12", "21", "31", "41"].contains($0.first ?? "") }
        #expect(guideLines.allSatisfy { line in line.compactMap { Int($0) }.dropFirst().allSatisfy { $0 >= 20 } })
        // The places people stop are named, never counted: beside a guide's own figures their counts would give away
        // the few who stopped elsewhere.
        let (_, five) = try Self.printed(["--month", "2026-11", "--min-count", "5"], database: database, sandbox: sandbox)
        let counted = try NSRegularExpression(pattern: "[0-9]+ trong [0-9]+ người")
        #expect(counted.numberOfMatches(in: five, range: NSRange(five.startIndex..., in: five)) == 0, "\(five)")
        #expect(five.contains("chỉ nêu tên những chỗ có từ 5 người dừng trở lên"))
        #expect(five.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("1. ") })
        // With a threshold above everything, nothing but the note: no headline, no guide.
        let (_, nothing) = try Self.printed(["--month", "2026-11", "--min-count", "1000"], database: database, sandbox: sandbox)
        #expect(!nothing.contains(Self.percent(kpi["self_share"], vietnamese: true)) && nothing.contains("Các chỉ số chung cũng được ẩn"))
        #expect(!nothing.contains("Kích hoạt tài khoản VNeID"), "\(nothing)")
        // A quarter is drawn week by week.
        let (quarterPages, quarter) = try Self.printed(["--quarter", "2026-Q4"], database: database, sandbox: sandbox)
        #expect(quarterPages == 1 && quarter.contains("quý IV/2026") && quarter.contains("mỗi tuần"))
    }
}
