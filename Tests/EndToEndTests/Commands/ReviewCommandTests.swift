import Foundation
import Testing

/// `kiosk review`: centre staff walk a shipped guide on a real phone. Each answer is saved at once, a stopped review
/// goes on where it stopped, an edited step is asked again, a complete confirmed review marks the guide reviewed,
/// and `kiosk check` shows all of it. Nothing reaches the statistics.
@Suite struct ReviewCommandTests {
    let sandbox: TestSandbox
    /// A copy of the shipped guides, which the review may edit.
    let guides: String

    init() throws {
        sandbox = try TestSandbox()
        guides = sandbox.path("guides")
        try FileManager.default.copyItem(atPath: KioskProcess.root.path + "/guides", toPath: guides)
    }

    var reviewFile: String { guides + "/reviews/dang-nhap-dvcqg.review" }
    var guideFile: String { guides + "/dang-nhap-dvcqg.guide" }

    func review(_ answers: [String], _ more: [String] = [], environment: [String: String] = [:]) throws -> ProcessResult {
        try KioskProcess.run(["review", "12", "--guides", guides] + more, stdin: answers.joined(separator: "\n") + "\n",
            environment: environment, sandbox: sandbox)
    }

    func check(_ more: [String] = []) throws -> ProcessResult {
        try KioskProcess.run(["check", "--guides", guides] + more, sandbox: sandbox)
    }

    /// The number of steps of guide 12, from the review's own title.
    func stepCount(_ output: String) throws -> Int {
        let title = try #require(output.split(separator: "\n").first)
        let match = try #require(title.firstMatch(of: /: (\d+) bước\./))
        return try #require(Int(match.1))
    }

    @Test func staffStopHalfWayAndTheNextSittingGoesOn() throws {
        let first = try review(["VNeID 2.2.6, Android 14", "1", "2", "Nút tên là \"Nộp hồ sơ\"", "", "3", "/"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("Bước 1/") && first.stdout.contains("Bước 3/") && !first.stdout.contains("Bước 5/"))
        #expect(first.stdout.contains("Đã dừng. Đã lưu 3 câu trả lời"))
        let saved = try String(contentsOfFile: reviewFile, encoding: .utf8)
        #expect(saved.contains("review: dang-nhap-dvcqg\n") && saved.contains("version: VNeID 2.2.6, Android 14\n"))
        #expect(saved.contains("step mo-trang: shows\n"))
        #expect(saved.contains("step chon-dang-nhap: differs\n") && saved.contains("  note: Nút tên là \"Nộp hồ sơ\"\n"))
        #expect(saved.contains("step chon-vneid: skipped\n") && !saved.contains("finished:"))
        // Nothing of a review is statistics: no database appears in the state directory.
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path("state")).isEmpty)

        let checked = try check()
        #expect(checked.status == 0)
        #expect(checked.stdout.contains("dang-nhap-dvcqg.guide:") && checked.stdout.contains("warning: staff saw something else on a real phone"))
        #expect(checked.stdout.contains("noted as: Nút tên là \"Nộp hồ sơ\""))
        #expect(checked.stdout.contains("12 dang-nhap-dvcqg") && checked.stdout.contains("review begun"))

        // The next sitting: the version is kept with Enter, the steps never answered come first, the skipped one last.
        let second = try review(["", "/"])
        #expect(second.stdout.contains("Tiếp tục lần rà soát") && second.stdout.contains("Phiên bản: VNeID 2.2.6, Android 14."))
        #expect(second.stdout.contains("Bước 4/") && !second.stdout.contains("Bước 1/"))
        let total = try stepCount(second.stdout)
        let rest = try review([""] + Array(repeating: "1", count: total - 2))
        #expect(rest.stdout.contains("Lần trước bạn đã bỏ qua bước này."))
        #expect(rest.stdout.contains("Đã rà soát đủ \(total) bước"))
        #expect(rest.stdout.contains("1 bước điện thoại hiện khác: cần sửa hướng dẫn"))
        #expect(try String(contentsOfFile: reviewFile, encoding: .utf8).contains("finished: "))
        #expect(try String(contentsOfFile: guideFile, encoding: .utf8).contains("status: sourced"))
    }

    @Test func aCompleteConfirmedReviewMarksTheGuideAndAnEditIsAskedAgain() throws {
        let probe = try review(["/"])
        let total = try stepCount(probe.stdout)
        #expect(!FileManager.default.fileExists(atPath: reviewFile))
        let whole = try review(["VNeID 2.2.6"] + Array(repeating: "1", count: total) + ["1"])
        #expect(whole.stdout.contains("Mọi bước đều đúng với điện thoại."))
        #expect(whole.stdout.contains("Đã đánh dấu trong"))
        let marked = try String(contentsOfFile: guideFile, encoding: .utf8)
        #expect(marked.contains("status: reviewed\nreviewed: 20"))
        let checked = try check()
        #expect(checked.status == 0)
        #expect(checked.stdout.contains("reviewed  reviewed on a real phone") && checked.stdout.contains("(today): every step confirmed"))

        // Staff edit one step: check says so, and the review asks that step only.
        try marked.replacingOccurrences(of: "  Bấm nút \"Đăng nhập\" trên trang.", with: "  Bấm vào nút \"Đăng nhập\" trên trang.")
            .write(toFile: guideFile, atomically: true, encoding: .utf8)
        #expect(try check().stdout.contains("warning: step \"chon-dang-nhap\" was edited after staff confirmed it"))
        let again = try review(["", "1", "2"])
        #expect(again.stdout.contains("Bước này đã được sửa sau lần trả lời"))
        #expect(again.stdout.matches(of: /Bước \d+\//).count == 1)
        // Marked reviewed today already: the round is complete again, and nothing more is asked.
        #expect(again.stdout.contains("Đã rà soát đủ \(total) bước") && !again.stdout.contains("Đánh dấu hướng dẫn"))
        // A finished round is not asked again without --new.
        let done = try review([])
        #expect(done.stdout.contains("kiosk review dang-nhap-dvcqg --new"))
        // A new round, stopped after one answer: the guide stays shown to citizens (as sourced) while it is under way.
        let fresh = try review(["VNeID 2.2.7", "1", "/"], ["--new"])
        #expect(fresh.stdout.contains("Bước 1/") && fresh.stdout.contains("Đã lưu 1 câu trả lời"))
        let during = try check()
        let line = during.stdout.split(separator: "\n").first { $0.hasPrefix("  12 dang-nhap-dvcqg ") } ?? ""
        #expect(during.status == 0 && line.contains(" sourced ") && line.contains("review begun"), "\(line)")
        #expect(try KioskProcess.run(["list", "--guides", guides], sandbox: sandbox).stdout.contains("dang-nhap-dvcqg"))
    }

    @Test func aReviewedStatusWithoutAReviewCountsAsSourcedAndTheAgeIsConfigured() throws {
        let text = try String(contentsOfFile: guideFile, encoding: .utf8)
        try text.replacingOccurrences(of: "status: sourced", with: "status: reviewed\nreviewed: 2026-11-30")
            .write(toFile: guideFile, atomically: true, encoding: .utf8)
        let claimed = try check()
        #expect(claimed.status == 0)
        #expect(claimed.stdout.contains("warning: status reviewed, but no review on a real phone is kept in reviews/: the guide counts as sourced"))
        #expect(claimed.stdout.split(separator: "\n").contains { $0.hasPrefix("  12 dang-nhap-dvcqg ") && $0.contains(" sourced ") })
        try text.write(toFile: guideFile, atomically: true, encoding: .utf8)
        // A round begun long ago: the limit comes from --review-age, else the configuration.
        _ = try review(["VNeID 2.2.6", "1", "/"])
        let saved = try String(contentsOfFile: reviewFile, encoding: .utf8)
        try saved.replacingOccurrences(of: "started: 20", with: "started: 2025-01-01\n# was: 20").write(toFile: reviewFile, atomically: true, encoding: .utf8)
        #expect(try check().stdout.contains("warning: the review on a real phone began"))
        #expect(!(try check(["--review-age", "3650"]).stdout.contains("the review on a real phone began")))
        try "review-max-age = 3650\n".write(toFile: sandbox.configuration, atomically: true, encoding: .utf8)
        #expect(!(try check().stdout.contains("the review on a real phone began")))
        // A mistake in the configuration is one more error; the guides are still checked.
        try "review-max-age = 0\n".write(toFile: sandbox.configuration, atomically: true, encoding: .utf8)
        let misconfigured = try check()
        #expect(misconfigured.status == 1 && misconfigured.stdout.contains("\"review-max-age\" must be a number of days from 1 to 3650"))
        #expect(misconfigured.stdout.contains("guides checked: 1 error"))
    }

    @Test func aReviewFileWithAMistakeIsNeverOverwrittenAndOneSittingAtATime() throws {
        _ = try review(["VNeID 2.2.6", "1", "/"])
        let saved = try String(contentsOfFile: reviewFile, encoding: .utf8)
        let broken = saved + "\nstep mo-trang: skipped\n  on: 2026-12-02\n  text: 00000000\n"
        try broken.write(toFile: reviewFile, atomically: true, encoding: .utf8)
        let refused = try review(["", "1", "/"])
        #expect(refused.status == 2 && refused.stderr.contains("is answered twice"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: reviewFile, encoding: .utf8) == broken)
        try saved.write(toFile: reviewFile, atomically: true, encoding: .utf8)
        // While one sitting is open, a second one is refused.
        let first = try InteractiveKiosk(["review", "12", "--guides", guides], sandbox: sandbox)
        #expect(first.waitFor("Phiên bản: VNeID 2.2.6"))
        let second = try review(["", "/"])
        #expect(second.status == 1 && second.stderr.contains("another kiosk review of dang-nhap-dvcqg is running"))
        _ = first.kill()
    }

    @Test func aNoteWithPersonalDataIsRefusedAndTheCitizenSessionCannotReview() throws {
        let result = try review(["VNeID 2.2.6", "2", "Số của tôi là 0912345678", "Màn hình trắng", "", "/"])
        #expect(result.stdout.contains("Ghi chú này có vẻ chứa thông tin cá nhân"))
        let saved = try String(contentsOfFile: reviewFile, encoding: .utf8)
        #expect(!saved.contains("0912345678") && saved.contains("  note: Màn hình trắng\n"))
        let inside = try review(["VNeID 2.2.6"], environment: ["KIOSK_CITIZEN_SESSION": "1"])
        #expect(inside.status == 1 && inside.stderr.contains("kiosk review is for centre staff"))
        let unknown = try KioskProcess.run(["review", "dang-nhap-dvcq", "--guides", guides], sandbox: sandbox)
        #expect(unknown.status == 1 && unknown.stderr.contains("did you mean \"dang-nhap-dvcqg\"?"))
    }
}
