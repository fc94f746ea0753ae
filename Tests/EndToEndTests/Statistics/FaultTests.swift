import Foundation
@testable import Telemetry
import Testing

/// Faults of the statistics store never stop the citizen's guide; staff are told on stderr and by `kiosk status`.
@Suite struct FaultTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-faults-\(UUID().uuidString)")

    @Test func aFileSizeLimitIsReportedWhileTheCitizenIsGuided() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kiosk.db").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 1 && exec \"$0\" run --db \"$1\"", KioskProcess.binary.path, db]
        process.currentDirectoryURL = KioskProcess.root
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data("21\n1\n1\n/\n1\n\n".utf8))
        try input.fileHandleForWriting.close()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(out.contains("Bước 2/12") && out.contains("Đã kết thúc hướng dẫn."), "the guide must go on")
        #expect(err.contains("kiosk: "), "the fault must be reported to staff")
        let status = try KioskProcess.run(["status", "--db", db])
        #expect(status.status == 1)
        #expect(status.stdout.contains("PROBLEM"))
    }

    @Test func aDamagedDatabaseIsMovedAsideAndCountingStartsAfresh() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kiosk.db").path
        try (Data("SQLite format 3\u{0}".utf8) + Data(repeating: 0x5A, count: 20000)).write(to: URL(fileURLWithPath: db))
        let result = try KioskProcess.run(["run", "--db", db], stdin: "21\n1\n/\n1\n\n")
        #expect(result.stdout.contains("Đã kết thúc hướng dẫn."))
        #expect(result.stderr.contains("was damaged; it was moved to"))
        let report = try KioskProcess.run(["report", "--db", db, "--by", "guide,outcome", "--format", "csv", "--codes"])
        #expect(CodedRows.of(report.stdout, ["guide", "outcome"]) == ["khai-sinh,abandoned,1"], "\(report.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.contains { $0.hasPrefix("kiosk.db.corrupt-") })
    }

    @Test func staffReportAfterAVolunteerSession() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("kiosk.db").path
        _ = try KioskProcess.run(["guide", "21", "--db", db, "--terminal", "tay-hoa-2"], stdin: "1\n0\n/\n1\n\n")
        _ = try KioskProcess.run(["run", "--db", db, "--terminal", "tay-hoa-2"], stdin: "12\n1\n")
        let report = try KioskProcess.run(["report", "--db", db, "--by", "guide,launched-by,outcome", "--format", "csv", "--excel"])
        #expect(report.status == 0 && report.stdout.hasPrefix("\u{FEFF}Từ ngày,Đến ngày,Mã xã,"))
        // In Vietnamese for staff: the guide's poster code and title beside its id, who opened it, how it ended.
        #expect(report.stdout.contains(",khai-sinh,21,\"Đăng ký khai sinh cho con (kèm thường trú, thẻ BHYT)\",Tình nguyện viên,Tự dừng,1,0,0.0,"))
        let coded = try KioskProcess.run(["report", "--db", db, "--by", "guide,launched-by,outcome", "--format", "csv", "--codes"])
        #expect(CodedRows.of(coded.stdout, ["guide", "launched_by", "outcome"])
            == ["dang-nhap-dvcqg,self,abandoned,1", "khai-sinh,volunteer,abandoned,1"], "\(coded.stdout)")
        let table = try KioskProcess.run(["report", "--db", db, "--day", "today"])
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("self-share ") && $0.hasSuffix(" 0.0%") })
        #expect(lines.contains { $0.hasPrefix("lost-share ") && $0.hasSuffix(" 100.0%") })
        let funnel = try KioskProcess.run(["report", "funnel", "khai-sinh", "--db", db])
        #expect(funnel.stdout.contains("khai-sinh  chuan-bi    Tài khoản VNeID mức 2                                       1     1"))
        // The overview comes first: every session saw it; this one went on to the first step.
        #expect(funnel.stdout.contains("khai-sinh  (overview)  Đăng ký khai sinh cho con (kèm thường trú, thẻ BHYT)        1     0"))
        // A guide that does not exist is a mistake, said as one, not an empty funnel.
        let nope = try KioskProcess.run(["report", "funnel", "khai-sinhh", "--db", db])
        #expect(nope.status == 1 && nope.stderr.contains("no guide \"khai-sinhh\" (did you mean \"khai-sinh\"?)"))
        let bad = try KioskProcess.run(["report", "--db", db, "--by", "gude"])
        #expect(bad.status == 2 && bad.stderr.contains("did you mean \"guide\""))
    }

    @Test func staffCommandsRefuseWhatWouldHarmData() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Another program's SQLite file is left untouched.
        let other = folder.appendingPathComponent("other.db").path
        let database = try Database(path: other)
        try database.execute("CREATE TABLE accounts(x)")
        let report = try KioskProcess.run(["report", "--db", other])
        #expect(report.status == 1 && report.stderr.contains("is not a kiosk statistics database"))
        #expect(try database.query("SELECT COUNT(*) FROM sqlite_master").first?.first?.int == 1)
        // A future date would purge today's sessions while the kiosk writes them.
        let db = folder.appendingPathComponent("kiosk.db").path
        _ = try KioskProcess.run(["run", "--db", db], stdin: "21\n1\n/\n1\n\n")
        let purge = try KioskProcess.run(["purge", "--before", "2999-01-01", "--db", db])
        #expect(purge.status == 2 && purge.stderr.contains("only past days can be purged"))
        // An export that cannot be written completely does not report success.
        let process = Process()
        process.executableURL = KioskProcess.binary
        process.arguments = ["export", "--all", "--db", db]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let error = Pipe()
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("could not be written completely"))
    }
}
