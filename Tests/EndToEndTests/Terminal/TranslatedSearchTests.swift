import Foundation
import Testing

/// Visitors search in the language they chose, and are told honestly when no guide fits.
@Suite struct TranslatedSearchTests {
    @Test(arguments: [("birth registration", "Birth registration for your child"), ("judicial record", "Request a judicial record certificate"),
        ("scams", "Beware of scams"), ("birth certificate", "Birth registration for your child"),
        ("bank transfer", "Pay with a QR code in a banking app"), ("application status", "Look up an application submitted online")])
    func englishWordsFindTheGuide(query: String, title: String) throws {
        let result = try KioskProcess.run(["run", "--db", "/dev/null/none.db"], stdin: "2\n\(query)\n")
        #expect(result.stdout.contains("Do you need:"))
        #expect(result.stdout.contains("  1. \(title)"), "\(result.stdout.suffix(600))")
    }

    @Test func aNeedNoGuideCoversIsSentToStaffInTheVisitorsLanguage() throws {
        let sandbox = try TestSandbox()
        try "centre = Trung tâm xã Ea Tu\ncounter = quầy 2\n".write(toFile: sandbox.configuration, atomically: true, encoding: .utf8)
        let vietnamese = try KioskProcess.run(["run", "--db", "/dev/null/none.db"], stdin: "\nnop phat giao thong\n", sandbox: sandbox)
        #expect(vietnamese.stdout.contains("Máy chưa có hướng dẫn cho việc này. Bấm 0 để gọi cán bộ"), "\(vietnamese.stdout.suffix(800))")
        #expect(vietnamese.stdout.contains("Cán bộ ở Trung tâm xã Ea Tu, quầy 2."))
        #expect(!vietnamese.stdout.contains("Có phải bạn cần:"))
        let english = try KioskProcess.run(["run", "--db", "/dev/null/none.db"], stdin: "2\npassport\n", sandbox: sandbox)
        #expect(english.stdout.contains("This kiosk has no guide for this yet."), "\(english.stdout.suffix(800))")
        #expect(!english.stdout.contains("Do you need:"))
    }

    @Test func aDraftIsNamedAndTheVisitorSentToStaff() throws {
        let result = try KioskProcess.run(["run", "--db", "/dev/null/none.db"], stdin: "\nbinh dan hoc vu so\n")
        let text = result.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Hướng dẫn «Học kỹ năng số trên Bình dân học vụ số» đang được soạn"), "\(result.stdout.suffix(800))")
        #expect(!result.stdout.contains("Bước 1/"))
    }
}
