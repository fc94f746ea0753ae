import Foundation
import Guides

#if canImport(Glibc)
import Glibc
#endif

// The recorded-voice benchmarks: made-up recordings (a tenth of a second of silence each, never a voice) in a copy of
// the locales, and the time from the listen key to the player process running.

/// A WAV file of `seconds` of 16 kHz mono silence.
func silence(seconds: Double) -> Data {
    func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
    let bytes = Int(seconds * 32000)
    let header = Array("RIFF".utf8) + le32(36 + bytes) + Array("WAVEfmt ".utf8) + le32(16) + [1, 0, 1, 0] + le32(16000)
        + le32(32000) + [2, 0, 16, 0] + Array("data".utf8) + le32(bytes)
    return Data(header + [UInt8](repeating: 0, count: bytes))
}

/// Copies `locales` to `out` and adds `count` recordings of the lines of `guides`, spread over made-up language
/// folders (`xa`, `xb`…; never a real language's), each line at most once per folder. `vietnamese` of them go in `vi`
/// first (the listen key plays those on the menu).
func generateRecordings(locales: String, guides: String, out: String, count: Int, vietnamese: Int = 0) throws {
    try? FileManager.default.removeItem(atPath: out)
    try FileManager.default.copyItem(atPath: locales, toPath: out)
    let library = Library.load(directory: guides, options: Library.Options(today: Day(daysSinceEpoch: 20_424)))
    let order = WorkOrder(ui: UICatalog(contentsOf: out + "/ui.vi.txt"), library: library)
    let lines = order.items.filter(\.isRecordable)
    let sound = silence(seconds: 0.1)
    func write(_ language: String, _ items: ArraySlice<WorkOrder.Item>) throws {
        for item in items {
            guard let relative = Recording.relativePath(of: item.key) else { continue }
            let base = out + "/audio/\(language)/" + relative
            try FileManager.default.createDirectory(atPath: (base as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try sound.write(to: URL(fileURLWithPath: base + ".wav"))
            try (item.vietnamese + "\n").write(toFile: base + ".txt", atomically: false, encoding: .utf8)
        }
    }
    guard !lines.isEmpty else { return }
    let inVietnamese = min(vietnamese, lines.count, count)
    try write("vi", lines.prefix(inVietnamese))
    var made = inVietnamese, folder = 1
    var listed = try String(contentsOfFile: out + "/languages.txt", encoding: .utf8)
    while made < count {
        let next = min(lines.count, count - made)
        // Made-up codes (`xa`, `xb`…), listed so that `kiosk check` checks them as it would a real language's.
        let code = "x" + String(UnicodeScalar(UInt8(96 + folder)))
        try write(code, lines.prefix(next))
        listed += "\(code) | Bench \(folder) | Thử \(folder) | made up by make bench\n"
        made += next
        folder += 1
    }
    try listed.write(toFile: out + "/languages.txt", atomically: true, encoding: .utf8)
}

/// Milliseconds from the listen key typed into a plain-mode kiosk (`kiosk`, whose menu has recordings) until its
/// player, a script that creates a marker file, runs; against the same script started directly. Prints medians.
func listenLatency(kiosk: [String], player: String, marker: String, runs: Int) throws {
    setenv("KIOSK_BENCH_MARKER", marker, 1)
    func exists() -> Bool { access(marker, F_OK) == 0 }
    func waitForMarker(since start: UInt64) -> Double? {
        while DispatchTime.now().uptimeNanoseconds - start < 2_000_000_000 {
            if exists() { return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 }
            usleep(200)
        }
        return nil
    }
    // The kiosk, its input a pipe we type into, its output read until the menu (with the listen key) is drawn.
    var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1]
    guard pipe(&input) == 0, pipe(&output) == 0 else { return }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input[0], 0)
    posix_spawn_file_actions_adddup2(&actions, output[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, input[1])
    posix_spawn_file_actions_addclose(&actions, output[0])
    let cArgs = kiosk.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawnp(&pid, kiosk[0], &actions, nil, cArgs, environ) == 0 else { return }
    close(input[0])
    close(output[1])
    // Drain the kiosk's output on another thread, so it never blocks on a full pipe.
    let reader = output[0]
    let menu = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        var seen = Data(), signalled = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(reader, &buffer, buffer.count)
            if count <= 0 { break }
            if !signalled {
                seen.append(contentsOf: buffer[..<count])
                if String(decoding: seen, as: UTF8.self).contains("[+]") {
                    signalled = true
                    menu.signal()
                }
            }
        }
    }
    func type(_ text: String) { _ = text.withCString { write(input[1], $0, strlen($0)) } }
    type("\n")
    guard menu.wait(timeout: .now() + 10) == .success else {
        say("  the menu never offered the listen key: no recordings found?")
        return
    }
    var kioskTimes: [Double] = [], directTimes: [Double] = []
    for index in 0..<(runs + 3) {
        unlink(marker)
        let start = DispatchTime.now().uptimeNanoseconds
        type("+\n")
        if let time = waitForMarker(since: start), index >= 3 { kioskTimes.append(time) }
        usleep(30_000)
        unlink(marker)
        let direct = DispatchTime.now().uptimeNanoseconds
        var child: pid_t = 0
        let argv = [strdup(player), strdup("/dev/null"), nil]
        defer { argv.forEach { free($0) } }
        if posix_spawn(&child, player, nil, nil, argv, environ) == 0 {
            if let time = waitForMarker(since: direct), index >= 3 { directTimes.append(time) }
            var status: Int32 = 0
            waitpid(child, &status, 0)
        }
        usleep(30_000)
    }
    close(input[1])
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let kioskTime = median(kioskTimes), directTime = median(directTimes)
    say(String(format: "  listen key to player running: %.2f ms vs the player started directly %.2f ms → ratio %.2f×; "
        + "%.3f of the 50 ms target (%d presses)", kioskTime, directTime, kioskTime / directTime, kioskTime / 50, kioskTimes.count))
}
