import Foundation
import Testing

/// `kiosk record`: a volunteer records line by line; every kept recording is saved at once, the next sitting goes on
/// where this one stopped, the recorder's own errors are shown and lose nothing, and `kiosk check` verifies the result.
/// The recorder is a stand-in that "records" made-up English test speech made by espeak-ng.
@Suite struct RecordTests {
    let sandbox: TestSandbox
    let language: MadeUpLanguage
    let speech: String

    init() throws {
        sandbox = try TestSandbox()
        language = try MadeUpLanguage()
        // One made-up recording, copied by the stand-in recorder for every take.
        speech = sandbox.path("speech.wav")
        try FileManager.default.moveItem(atPath: try language.record("ui:key.back", language: "tmp"), toPath: speech)
        try FileManager.default.removeItem(atPath: language.folder + "/audio/tmp")
        try "audio-recorder = \(try script("recorder.sh", """
            for last; do :; done
            cp '\(speech)' "$last"
            trap 'exit 0' INT
            while :; do sleep 0.05; done
            """))\naudio-player = \(try script("player.sh", "exit 0"))\n".write(toFile: sandbox.configuration, atomically: true, encoding: .utf8)
    }

    func script(_ name: String, _ body: String) throws -> String {
        let path = sandbox.path(name)
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func start(_ more: [String] = []) throws -> InteractiveKiosk {
        try InteractiveKiosk(["record", "--lang", "zz", "--locales", language.folder, "--db", sandbox.path("none.db")] + more,
            sandbox: sandbox)
    }

    var audio: String { language.folder + "/audio/zz" }

    /// Records the line on screen and keeps it.
    func recordAndKeep(_ kiosk: InteractiveKiosk, takes: Int) {
        kiosk.type([""])
        #expect(kiosk.waitFor("Đang ghi…", count: takes))
        Thread.sleep(forTimeInterval: 0.3)
        kiosk.type([""])
        #expect(kiosk.waitFor("1: giữ", count: takes))
        kiosk.type(["1"])
        #expect(kiosk.waitFor("Đã lưu.", count: takes))
    }

    @Test func aVolunteerRecordsKeepsSkipsStopsAndTheNextSittingGoesOn() throws {
        let first = try start()
        #expect(first.waitFor("Dòng 1/"))
        #expect(first.output.contains("ui:say.0") && first.output.contains("Tiếng Việt: không"))
        #expect(first.output.contains("Bản dịch: [zz] không"))
        recordAndKeep(first, takes: 1)
        // Saved at once: the sound and the Vietnamese it was recorded for, before the next line shows.
        #expect(FileManager.default.fileExists(atPath: audio + "/ui/say.0.wav"))
        #expect(try String(contentsOfFile: audio + "/ui/say.0.txt", encoding: .utf8) == "không\n")
        #expect(first.waitFor("Dòng 2/"))
        first.type(["2"])
        #expect(first.waitFor("Đã bỏ qua"))
        #expect(first.waitFor("Dòng 3/"))
        first.type(["/"])
        #expect(first.finish() == 0)
        #expect(first.output.contains("Đã lưu 1 bản ghi."))
        // The next sitting starts where this one stopped; the skipped line comes last.
        let second = try start()
        #expect(second.waitFor("Dòng 1/"))
        #expect(second.output.contains("ui:say.2") && !second.output.contains("ui:say.0"))
        second.type(["/"])
        #expect(second.finish() == 0)
        // The recording is played at the kiosk, and passes the check.
        let check = try KioskProcess.run(["check", "--locales", language.folder], sandbox: sandbox)
        // (The made-up catalog's "[zz]" draws legacy-font warnings; the recordings none.)
        #expect(check.status == 0 && !check.stdout.contains("/audio/"))
        // Only this guide's lines with --guide.
        let guide = try start(["--guide", "52"])
        #expect(guide.waitFor("Dòng 1/"))
        #expect(guide.output.contains("Dòng 1/") && guide.output.contains(": canh-giac-lua-dao:title ("))
        guide.type(["/"])
        #expect(guide.finish() == 0)
    }

    /// A sitting records hundreds of lines: each take's recorder and player leave no open file behind in the kiosk.
    @Test func aLongSittingLeavesNoOpenFilesBehind() throws {
        let kiosk = try start()
        #expect(kiosk.waitFor("Dòng 1/"))
        recordAndKeep(kiosk, takes: 1)
        let descriptors = "/proc/\(kiosk.process.processIdentifier)/fd"
        let first = try FileManager.default.contentsOfDirectory(atPath: descriptors).count
        for take in 2...25 { recordAndKeep(kiosk, takes: take) }
        let last = try FileManager.default.contentsOfDirectory(atPath: descriptors).count
        kiosk.type(["/"])
        #expect(kiosk.finish() == 0)
        #expect(kiosk.output.contains("Đã lưu 25 bản ghi."))
        #expect(last <= first + 2, "open files grew from \(first) to \(last) over 24 takes")
    }

    @Test func theRealDefaultRecorderStopsAndLeavesAPlayableFile() throws {
        // Debian's arecord, as configured by default but from ALSA's null device (which has no clock: one second is
        // recorded at once, and arecord ends by itself; what it records is not silence but whatever its buffer held).
        try "audio-recorder = arecord -q -D null -d 1 -f S16_LE -r 16000 -c 1 -t wav\naudio-player = aplay -q -D null\n"
            .write(toFile: sandbox.configuration, atomically: true, encoding: .utf8)
        let kiosk = try start()
        recordAndKeep(kiosk, takes: 1)
        kiosk.type(["/"])
        #expect(kiosk.finish() == 0)
        #expect(kiosk.errors.isEmpty, "\(kiosk.errors)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: audio + "/ui/say.0.wav"))
        #expect(bytes.count == 44 + 32000 && bytes.prefix(4) == Data("RIFF".utf8), "one second of 16 kHz mono")
        let check = try KioskProcess.run(["check", "--locales", language.folder], sandbox: sandbox)
        #expect(!check.stdout.contains("/audio/"))
    }

    @Test func aMutedMicrophoneIsSaidAtOnceAndNeverKept() throws {
        // One second of digital silence, as a muted or unplugged microphone gives.
        var silence = try Data(contentsOf: URL(fileURLWithPath: speech)).prefix(44)
        silence += Data(count: 32000)
        let silent = sandbox.path("silence.wav")
        try silence.write(to: URL(fileURLWithPath: silent))
        try "audio-recorder = \(try script("muted.sh", "for last; do :; done\ncp '\(silent)' \"$last\"\ntrap 'exit 0' INT\nwhile :; do sleep 0.05; done"))\n"
            .write(toFile: sandbox.configuration, atomically: true, encoding: .utf8)
        let kiosk = try start()
        kiosk.type([""])
        #expect(kiosk.waitFor("Đang ghi…"))
        Thread.sleep(forTimeInterval: 0.3)
        kiosk.type([""])
        #expect(kiosk.waitFor("Không thu được tiếng nào."))
        kiosk.type(["/"])
        #expect(kiosk.finish() == 0)
        #expect(!FileManager.default.fileExists(atPath: audio + "/ui/say.0.wav"))
    }

    @Test func ctrlCStopsTheRecorderAndLeavesNothingHalfMade() throws {
        let kiosk = try start()
        kiosk.type([""])
        #expect(kiosk.waitFor("Đang ghi…"))
        Thread.sleep(forTimeInterval: 0.2)
        kill(kiosk.process.processIdentifier, SIGINT)
        #expect(kiosk.finish() == 0)
        #expect(kiosk.output.contains("Đã lưu 0 bản ghi."))
        let left = ((try? FileManager.default.subpathsOfDirectory(atPath: audio)) ?? []).filter { $0.hasSuffix(".new") }
        #expect(left.isEmpty)
        // The stand-in recorder (looping until SIGINT) was stopped with the sitting.
        let running = try FileManagerProcesses.count(matching: sandbox.path("recorder.sh"))
        #expect(running == 0)
    }

    @Test func aStaleRecordingComesFirstAndIsReplaced() throws {
        try language.record("khai-sinh:title", language: "zz", recordedFor: "Đăng ký khai sinh (lời cũ)")
        let kiosk = try start()
        #expect(kiosk.waitFor("Dòng 1/"))
        #expect(kiosk.output.contains("khai-sinh:title") && kiosk.output.contains("Bản ghi cũ không dùng được nữa"))
        recordAndKeep(kiosk, takes: 1)
        kiosk.type(["/"])
        #expect(kiosk.finish() == 0)
        #expect(try String(contentsOfFile: audio + "/khai-sinh/title.txt", encoding: .utf8)
            == (language.vietnamese("khai-sinh:title") ?? "") + "\n")
    }

    @Test func theRecordersOwnErrorIsShownAndLosesNothingKept() throws {
        let kiosk = try start()
        recordAndKeep(kiosk, takes: 1)
        kiosk.type(["/"])
        #expect(kiosk.finish() == 0)
        try "audio-recorder = \(try script("busy.sh", "echo 'arecord: main:831: audio open error: Device or resource busy' >&2; exit 1"))\n"
            .write(toFile: sandbox.configuration, atomically: true, encoding: .utf8)
        let busy = try start()
        busy.type([""])
        #expect(busy.waitFor("Máy ghi âm báo lỗi: arecord: main:831: audio open error: Device or resource busy."))
        busy.type(["/"])
        #expect(busy.finish() == 0)
        #expect(FileManager.default.fileExists(atPath: audio + "/ui/say.0.wav"))
        let hidden = try FileManager.default.subpathsOfDirectory(atPath: audio).filter { $0.contains("/.") && $0.hasSuffix(".new") }
        #expect(hidden.isEmpty, "no half-made recording is left behind")
    }

    @Test func itIsAStaffCommandThatNeverRunsInTheCitizensSessionNorTouchesStatistics() throws {
        let refused = try KioskProcess.run(["record", "--lang", "zz", "--locales", language.folder],
            environment: ["KIOSK_CITIZEN_SESSION": "1"], sandbox: sandbox)
        #expect(refused.status == 1 && refused.stderr.contains("does not run inside the citizen's kiosk session"))
        let db = sandbox.path("kiosk.db")
        _ = try KioskProcess.run(["run", "--db", db], stdin: "21\n1\n/\n1\n\n", sandbox: sandbox)
        let before = try sandbox.sqlite(db, "SELECT COUNT(*) FROM session; SELECT COUNT(*) FROM step_event;")
        let kiosk = try InteractiveKiosk(["record", "--lang", "zz", "--locales", language.folder, "--db", db], sandbox: sandbox)
        recordAndKeep(kiosk, takes: 1)
        kiosk.type(["/"])
        #expect(kiosk.finish() == 0)
        #expect(try sandbox.sqlite(db, "SELECT COUNT(*) FROM session; SELECT COUNT(*) FROM step_event;") == before)
    }

    @Test func checkFindsRecordingsThatCannotBePlayed() throws {
        try language.record("ui:key.quit", language: "zz", recordedFor: "Lời cũ")
        try language.record("ui:key.list", language: "zz", recordedFor: .some(nil))
        let empty = try language.record("ui:key.staff", language: "zz")
        try Data().write(to: URL(fileURLWithPath: empty))
        let noise = try language.record("ui:key.repeat", language: "zz")
        try Data("not a sound".utf8).write(to: URL(fileURLWithPath: noise))
        try language.record("ui:no-such-line", language: "zz", recordedFor: "x")
        try language.record("ui:key.back", language: "xq")
        let check = try KioskProcess.run(["check", "--locales", language.folder], sandbox: sandbox)
        #expect(check.status == 1)
        #expect(check.stdout.contains("audio/zz/ui/key.staff.wav:1:1: error: the recording is empty"))
        #expect(check.stdout.contains("audio/zz/ui/key.repeat.wav:1:1: error: not a WAV file"))
        #expect(check.stdout.contains("audio/zz/ui/key.quit.wav:1:1: warning: \"ui:key.quit\": stale, not played"))
        #expect(check.stdout.contains("audio/zz/ui/key.list.wav:1:1: warning: \"ui:key.list\": stale, not played: the .txt"))
        #expect(check.stdout.contains("audio/zz/ui/no-such-line.wav:1:1: warning: no line is called \"ui:no-such-line\""))
        #expect(check.stdout.contains("audio/xq:1:1: warning: no language \"xq\" in languages.txt"))
    }
}

/// Processes still running a given program (read from /proc).
enum FileManagerProcesses {
    static func count(matching text: String) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { $0.allSatisfy(\.isNumber) }.count { pid in
            guard let line = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8) else { return false }
            return line.contains(text)
        }
    }
}
