// libFuzzer harness: the pure flow and session engine. The shipped guides are loaded once; each input byte is one
// thing a person or the clock does at the terminal (a digit, a legend letter, words, Ctrl-C, idle, a keystroke).
import Foundation

nonisolated(unsafe) private var shipped: Library?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSessionEngine(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if shipped == nil {
        let directory = ProcessInfo.processInfo.environment["KIOSK_FUZZ_GUIDES"] ?? "guides"
        shipped = Library.load(directory: directory, options: Library.Options(today: Day(daysSinceEpoch: 20_500)))
    }
    guard let library = shipped else { return 0 }
    let keys: LegendLetters = [.back: "q", .repeat: "x", .list: "d", .staff: "g", .quit: "t"]
    var flow = KioskFlow(library: library, languages: LanguageList.vietnameseOnly, keys: keys)
    let words = ["khai sinh", "vneid", "21", "11", "+12", "066190001234", "", "q", "x", "d", "g", "t", "1", "2", "3", "9", "99"]
    var time: UInt64 = 0
    for index in 0..<size {
        let byte = data[index]
        time += UInt64(byte) * 1000
        let input: FlowInput
        switch byte % 8 {
        case 0: input = .idleWarning
        case 1: input = .idleTimeout
        case 2: input = .interrupt
        case 3: input = .keystroke
        default: input = .line(words[Int(byte / 8) % words.count])
        }
        _ = flow.handle(input, at: time)
        _ = flow.deadline()
    }
    _ = flow.handle(.terminate, at: time)
    return 0
}
