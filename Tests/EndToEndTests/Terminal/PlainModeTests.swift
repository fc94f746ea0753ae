import Foundation
import Testing

/// The kiosk driven through pipes, as scripts and tests drive it: plain line mode, no escape sequences.
@Suite struct PlainModeTests {
    @Test func aCitizenFollowsAGuideToTheEnd() throws {
        let answers = ["", "11", "1"] + Array(repeating: "1", count: 20) + [""]
        let result = try KioskProcess.run(["run"], stdin: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Bước 1/12 · Kiểm tra tin nhắn phê duyệt"))
        #expect(result.stdout.contains("Bạn đã tự mình làm xong việc này chưa?"))
        #expect(result.stdout.contains("Cảm ơn bạn."))
        #expect(!result.stdout.contains("\u{1B}"), "plain mode must not send escape sequences")
        #expect(result.stderr.isEmpty)
    }

    @Test func searchWithoutAccentsFindsTheGuide() throws {
        let result = try KioskProcess.run(["run"], stdin: "ddawng kys khai sinh\n1\n")
        #expect(result.stdout.contains("Có phải bạn cần:"))
        #expect(result.stdout.contains("  1. Đăng ký khai sinh cho con"))
        #expect(result.stdout.contains("Cần mang theo:"))
    }

    @Test func typedIdentifiersAreDroppedAndNeverEchoed() throws {
        let result = try KioskProcess.run(["run"], stdin: "\n066190001234\n0912 345 678\nnguyen.van.a@gmail.com\n21\n1\n482913\n")
        #expect(result.stdout.components(separatedBy: "Máy này không bao giờ cần số căn cước").count - 1 == 4)
        for secret in ["066190001234", "0912 345 678", "nguyen.van.a", "482913"] {
            #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(secret) leaked")
        }
    }

    @Test func aVolunteerLaunchesAGuideFromTheShell() throws {
        let result = try KioskProcess.run(["guide", "21"], stdin: "/\n1\n\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Người dân tự bấm mọi nút trên điện thoại; tình nguyện viên chỉ hướng dẫn."))
        #expect(result.stdout.contains("Đăng ký khai sinh cho con"))
        #expect(!result.stdout.contains("Xin chào!"), "kiosk guide ends with its session")
    }

    @Test func anUnknownGuideForAVolunteerIsAnError() throws {
        let result = try KioskProcess.run(["guide", "khai-sinhh"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean \"khai-sinh\""))
    }

    @Test func endOfInputEndsTheProgramInTheMiddleOfAGuide() throws {
        let result = try KioskProcess.run(["run"], stdin: "21\n1\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Bước 1/12"))
    }

    @Test func aBadConfigurationNamesTheKeyAndLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-bad-\(UUID().uuidString).conf").path
        try "centre = Xã A\nidle-reset = never\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try KioskProcess.run(["run", "--config", path])
        #expect(result.status == 2)
        #expect(result.stderr == "\(path):2:14: error: \"idle-reset\" must be a number of seconds from 1 to 600\n")
    }

    @Test func aBrokenGuideIsReportedToStaffWhileTheOthersServe() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-mixed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let guides = KioskProcess.root.appendingPathComponent("guides")
        try FileManager.default.copyItem(at: guides.appendingPathComponent("kich-hoat-vneid.guide"), to: folder.appendingPathComponent("kich-hoat-vneid.guide"))
        try FileManager.default.copyItem(at: guides.appendingPathComponent("shared"), to: folder.appendingPathComponent("shared"))
        try Data([0x67, 0x75, 0x69, 0xFF, 0xFE, 0x00]).write(to: folder.appendingPathComponent("broken.guide"))
        let result = try KioskProcess.run(["run", "--guides", folder.path], stdin: "\n")
        #expect(result.status == 0)
        #expect(result.stderr.contains("broken.guide:1:4: error: invalid UTF-8"))
        #expect(result.stdout.contains("  11. Kích hoạt tài khoản VNeID mức 2"))
    }

    /// A line of megabytes (a file pasted or piped in) is skipped in one pass, with a notice, and guiding goes on.
    @Test func aHugeLineIsSkippedQuicklyAndGuidingGoesOn() throws {
        let huge = String(repeating: "khaisinh ", count: 600_000)
        let result = try KioskProcess.run(["run"], stdin: "\n" + huge + "\n21\n", timeLimit: 20)
        #expect(!result.timedOut, "a 5 MB line froze the kiosk")
        #expect(result.stdout.contains("Dòng bạn gõ quá dài nên máy đã bỏ qua."))
        #expect(result.stdout.contains("Cần mang theo:"))
    }

    @Test func anOverlongLastLineWithoutANewlineEndsCleanly() throws {
        let result = try KioskProcess.run(["run"], stdin: "\n21\n" + String(repeating: "x", count: 70_000), timeLimit: 20)
        #expect(!result.timedOut && result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Dòng bạn gõ quá dài nên máy đã bỏ qua."))
    }
}
