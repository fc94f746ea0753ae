import Foundation
@testable import Guides

/// A commune's month of statistics, made up but shaped like a real one: sessions of five real guides over November
/// 2026 (and October, for the period before), stopping at their real steps, in three languages, some opened by a
/// volunteer; imported with `kiosk import` into a sandbox database. The commune code and name are made up.
enum MonthFixture {
    static let communeCode = "99001", communeName = "Xã Thử Nghiệm"
    static let guides = ["khai-sinh", "kich-hoat-vneid", "dang-nhap-dvcqg", "ly-lich-tu-phap", "cu-tru-vneid"]

    /// The database, in `sandbox`.
    /// `code`, `name` and `terminals` make another commune's month, imported into the same database (or into
    /// `databaseFile`, a path in the sandbox, to keep communes apart); `most` is the most sessions of a November day.
    static func database(in sandbox: TestSandbox, seed: UInt64 = 7, code: String = communeCode, name: String = communeName,
        terminals: [String] = ["kiosk-a", "kiosk-b"], databaseFile: String = "state/month.db", most: Int = 14) throws -> String {
        let library = Library.load(directory: KioskProcess.root.appendingPathComponent("guides").path, options: Library.Options(today: Day("2026-12-01") ?? Day(daysSinceEpoch: 0)))
        var random = SeededGenerator(seed: seed)
        var lines = [#"{"type":"commune","code":"\#(code)","name":"\#(name)","centre":"Trung tâm Phục vụ hành chính công \#(name)"}"#]
        let outcomes: [(String, Int)] = [("done", 55), ("staff", 12), ("later", 12), ("abandoned", 10), ("timeout", 8), ("interrupted", 3)]
        func pick<T>(_ weighted: [(T, Int)]) -> T {
            var roll = Int.random(in: 0..<weighted.reduce(0) { $0 + $1.1 }, using: &random)
            for (value, weight) in weighted {
                if roll < weight { return value }
                roll -= weight
            }
            return weighted[0].0
        }
        for (month, days, most) in [("2026-11", 30, most), ("2026-10", 31, max(2, most * 4 / 7))] {
            for day in 1...days {
                for _ in 0..<Int.random(in: 2...most, using: &random) {
                    let guide = guides[Int.random(in: 0..<guides.count, using: &random)]
                    let steps = library.guide(guide)?.mainPath ?? []
                    let outcome = pick(outcomes)
                    let seen = outcome == "done" ? steps.count : Int.random(in: 0..<max(1, steps.count), using: &random)
                    let events = steps.prefix(seen).enumerated().map { #"[\#($0.offset + 1),"\#(guide)","\#($0.element)","shown"]"# }
                    let last = seen == 0 ? "null" : "\"\(steps[seen - 1])\""
                    let id = String(format: "%016llx%016llx", random.next(), random.next())
                    let terminal = terminals[Int.random(in: 0..<terminals.count, using: &random)]
                    let hour = Int.random(in: 7...16, using: &random)
                    let language = pick([("vi", 80), ("en", 5), ("rad", 15)])
                    let launcher = pick([("self", 2), ("volunteer", 1)])
                    let lastGuide = seen == 0 ? "null" : "\"\(guide)\""
                    let date = month + "-" + String(format: "%02d", day)
                    var line = #"{"type":"session","id":"\#(id)","terminal":"\#(terminal)","day":"\#(date)","hour":\#(hour),"#
                    line += #""guide":"\#(guide)","lang":"\#(language)","launched_by":"\#(launcher)","#
                    line += #""steps_seen":\#(seen),"furthest_step":\#(seen),"backs":0,"helps":0,"outcome":"\#(outcome)","#
                    line += #""duration":60,"last_guide":\#(lastGuide),"last_step":\#(last),"commune_code":"\#(code)","#
                    line += #""events":[\#(events.joined(separator: ","))]}"#
                    lines.append(line)
                }
            }
        }
        let file = sandbox.path("month-\(code).jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let database = sandbox.path(databaseFile)
        let imported = try KioskProcess.run(["import", "--db", database, file], sandbox: sandbox)
        guard imported.status == 0 else { throw FixtureError.importFailed(imported.stderr) }
        return database
    }

    enum FixtureError: Error { case importFailed(String) }
}
