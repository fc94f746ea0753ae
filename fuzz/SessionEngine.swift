// libFuzzer harness: the pure flow and session engine. The shipped guides are loaded once; each input byte is one
// thing a person, the clock or the terminal does (a digit, a keypad key, a resume code, words, Ctrl-C, idle, a
// keystroke, the result of a call for staff).
import Foundation

nonisolated(unsafe) private var shipped: Library?
nonisolated(unsafe) private var shippedSearch: GuideSearch?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSessionEngine(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if shipped == nil {
        let directory = ProcessInfo.processInfo.environment["KIOSK_FUZZ_GUIDES"] ?? "guides"
        shipped = Library.load(directory: directory, options: Library.Options(today: Day(daysSinceEpoch: 20_500)))
        // Indexed once, with the interface catalog's fillers and short forms, as the kiosk builds it at start.
        let locales = ProcessInfo.processInfo.environment["KIOSK_FUZZ_LOCALES"] ?? "locales"
        let vietnamese = Localizer(ui: UICatalog(contentsOf: locales + "/ui.vi.txt"))
        shippedSearch = shipped.map { GuideSearch(guides: $0.guides, vietnamese: vietnamese) }
    }
    guard let library = shipped else { return 0 }
    var flow = KioskFlow(library: library, languages: LanguageList.vietnameseOnly, search: shippedSearch)
    let words = ["khai sinh", "vneid", "21", "11", "+12", "066190001234", "", "-", ".", "*", "0", "/", "1", "2", "3", "9",
        "99", "21-6", "21-99", "+21-3", "12-1"]
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
        let output = flow.handle(input, at: time)
        // The terminal answers every call for staff, delivered or not, as the runner does.
        if output.staffCall != nil { _ = flow.handle(.staffCallResult(delivered: byte & 1 == 0), at: time) }
        _ = flow.deadline()
    }
    _ = flow.handle(.terminate, at: time)
    return 0
}
