import Foundation
import Testing

/// The listen key plays the screen's recordings in reading order with the configured player; a voice stops with its
/// screen; a player that fails is a fault for staff, never for the citizen. A stand-in player logs what it was asked
/// to play; one test uses the real default player against ALSA's `null` device.
@Suite struct ListenTests {
    let sandbox: TestSandbox
    let language: MadeUpLanguage

    init() throws {
        sandbox = try TestSandbox()
        language = try MadeUpLanguage()
    }

    var log: String { sandbox.path("played.log") }
    var database: String { sandbox.path("kiosk.db") }

    /// A stand-in player: logs `play <file>` when it starts and `stopped <file>` when told to stop, and plays for
    /// `seconds`.
    func standIn(seconds: Double) throws -> String {
        let path = sandbox.path("player-\(Int(seconds * 1000)).sh")
        try """
            #!/bin/sh
            trap 'echo "stopped $1" >> \(log); exit 143' TERM
            echo "play $1" >> '\(log)'
            /bin/sleep \(seconds) &
            wait
            """.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func configure(_ lines: String...) throws {
        try lines.joined(separator: "\n").write(toFile: sandbox.configuration, atomically: true, encoding: .utf8)
    }

    func start() throws -> InteractiveKiosk {
        try InteractiveKiosk(["run", "--locales", language.folder, "--db", database], sandbox: sandbox)
    }

    /// The log's lines once it has `count` of them (at most 10 s).
    func played(_ count: Int) -> [String] {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            if lines.count >= count { return lines }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func theListenKeyPlaysTheMenusRecordingsInReadingOrderAndOnlyFreshOnes() throws {
        let title = try language.record("ui:menu.title", language: "vi")
        let birth = try language.record("khai-sinh:title", language: "vi")
        let prompt = try language.record("ui:menu.prompt", language: "vi")
        // Recorded for words the guide no longer says: stale, never played; nor an empty or damaged file.
        try language.record("kich-hoat-vneid:title", language: "vi", recordedFor: "Kích hoạt tài khoản (lời cũ)")
        try Data().write(to: URL(fileURLWithPath: try language.record("dang-nhap-dvcqg:title", language: "vi")))
        try Data("static".utf8).write(to: URL(fileURLWithPath: try language.record("vneid-may-moi:title", language: "vi")))
        // The welcome screen has only a damaged recording: nothing to play, no listen key.
        try Data().write(to: URL(fileURLWithPath: try language.record("ui:welcome.title", language: "vi")))
        try configure("audio-player = \(try standIn(seconds: 0))")
        let kiosk = try start()
        #expect(kiosk.waitFor("Gõ số của ngôn ngữ"))
        kiosk.type([""])
        #expect(kiosk.waitFor("Bạn cần làm thủ tục gì?"))
        // The legend offers the key only where there is something to hear: here, not on the welcome screen.
        let welcome = try #require(kiosk.output.components(separatedBy: "Bạn cần làm thủ tục gì?").first)
        #expect(!welcome.contains("[+]"))
        #expect(kiosk.output.contains("[+] Nghe đọc"))
        kiosk.type(["+"])
        #expect(kiosk.errors.isEmpty, "\(kiosk.errors)")
        #expect(played(3) == ["play \(title)", "play \(birth)", "play \(prompt)"])
        // A citizen pressing the key the legend offers is not told about volunteer sessions.
        #expect(!kiosk.output.contains("Gõ + rồi số"))
        #expect(kiosk.finish() == 0)
        #expect(kiosk.errors.isEmpty)
    }

    @Test func aVisitorWhoDoesNotReadHearsTheNumberToTypeBeforeEachChoice() throws {
        let one = try language.record("ui:say.1", language: "vi")
        let birth = try language.record("khai-sinh:title", language: "vi")
        try configure("audio-player = \(try standIn(seconds: 0))")
        let kiosk = try start()
        kiosk.type(["", "khai sinh"])
        #expect(kiosk.waitFor("Có phải bạn cần:"))
        kiosk.type(["+"])
        #expect(played(2) == ["play \(one)", "play \(birth)"])
        #expect(kiosk.finish() == 0)
    }

    @Test func aVoiceStopsWhenTheScreenChangesAndAutoplaySpeaksEachNewScreen() throws {
        let first = try language.record("ui:menu.title", language: "vi")
        try language.record("ui:menu.prompt", language: "vi")
        let overview = try language.record("khai-sinh:title", language: "vi")
        try configure("audio-player = \(try standIn(seconds: 30))", "audio-autoplay = yes")
        let kiosk = try start()
        kiosk.type([""])
        #expect(played(1) == ["play \(first)"])
        // Opening a guide cuts the menu's voice off; the new screen speaks, its first line first.
        kiosk.type(["21"])
        // (The old voice's last words and the new one's first may come in either order.)
        #expect(Set(played(3)) == ["play \(first)", "stopped \(first)", "play \(overview)"])
        kiosk.type(["-"])
        #expect(played(5).contains("stopped \(overview)"))
        #expect(kiosk.finish() == 0)
    }

    @Test func aMissingOrFailingPlayerIsAFaultForStaffWhileTheGuideGoesOn() throws {
        try language.record("ui:menu.title", language: "vi")
        try configure("audio-player = /nonexistent/player -q")
        let kiosk = try start()
        kiosk.type(["", "+"])
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && !kiosk.errors.contains("audio-player") { Thread.sleep(forTimeInterval: 0.02) }
        kiosk.type(["+", "21"])
        #expect(kiosk.waitFor("Cần mang theo:"))
        Thread.sleep(forTimeInterval: 0.3)
        #expect(kiosk.finish() == 0)
        #expect(!kiosk.output.contains("audio-player") && !kiosk.output.contains("nonexistent"))
        // Told to staff once, not at every press.
        #expect(kiosk.errors.components(separatedBy: "audio-player \"/nonexistent/player\" was not found").count - 1 == 1)
        let status = try KioskProcess.run(["status", "--db", database], sandbox: sandbox)
        #expect(status.stdout.contains("audio-player"))
    }

    @Test func theRealDefaultPlayerPlaysARecordingOnALSAsNullDevice() throws {
        try language.record("ui:menu.title", language: "vi")
        try configure("audio-player = aplay -q -D null")
        let kiosk = try start()
        kiosk.type(["", "+"])
        #expect(kiosk.waitFor("[+] Nghe đọc"))
        Thread.sleep(forTimeInterval: 1.5)
        #expect(kiosk.finish() == 0)
        #expect(kiosk.errors.isEmpty, "aplay on the null device must play without a fault: \(kiosk.errors)")
        // The same player on a device that does not exist fails, and staff are told: the check above can fail.
        try configure("audio-player = aplay -q -D no-such-device")
        let broken = try start()
        broken.type(["", "+"])
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && !broken.errors.contains("audio-player") { Thread.sleep(forTimeInterval: 0.02) }
        #expect(broken.finish() == 0)
        #expect(broken.errors.contains("audio-player /usr/bin/aplay failed with status 1 on menu.title.wav"))
    }

    /// A terminal runs all day: hundreds of voices later the kiosk holds no more open files than after the first few.
    /// (Each player's files must be closed once it ends; a kiosk that kept one a voice ran out after a day of
    /// voices, and Foundation's process launch misreads a list of over a thousand descriptors.)
    @Test func aDayOfVoicesLeavesNoOpenFilesBehind() throws {
        try language.record("ui:menu.title", language: "vi")
        let prompt = try language.record("ui:menu.prompt", language: "vi")
        try configure("audio-player = \(try standIn(seconds: 0))")
        let kiosk = try start()
        /// Waits (at most 10 s) until the screen's last recording has been played `count` times.
        func heard(_ count: Int) -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if played(0).filter({ $0 == "play \(prompt)" }).count >= count { return true }
                Thread.sleep(forTimeInterval: 0.005)
            }
            return false
        }
        kiosk.type(["", "+"])
        #expect(heard(1))
        Thread.sleep(forTimeInterval: 0.3)
        let descriptors = "/proc/\(kiosk.process.processIdentifier)/fd"
        let first = try FileManager.default.contentsOfDirectory(atPath: descriptors).count
        // Each press waits until the screen was heard to its end, so 300 players really ran.
        var rounds = 1
        while rounds < 150 {
            kiosk.type(["+"])
            rounds += 1
            guard heard(rounds) else { break }
        }
        #expect(rounds == 150 && heard(150))
        Thread.sleep(forTimeInterval: 0.3)
        let last = try FileManager.default.contentsOfDirectory(atPath: descriptors).count
        #expect(last <= first + 2, "open files grew from \(first) to \(last) over 300 voices")
        #expect(kiosk.finish() == 0)
        #expect(kiosk.errors.isEmpty, "\(kiosk.errors)")
    }
}
