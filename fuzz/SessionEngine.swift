// libFuzzer harness: the pure flow and session engine. The shipped guides are loaded once; each input byte is one
// thing a person, the clock or the terminal does (a digit, a keypad key, a resume code, words, Ctrl-C, idle, a
// keystroke, the result of a call for staff).
import Foundation

/// Indexed once, with the interface catalog's fillers and short forms, as the kiosk builds it at start.
private let shippedSearch = GuideSearch(guides: Shipped.library.guides, vietnamese: Localizer(ui: Shipped.ui))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSessionEngine(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var flow = KioskFlow(library: Shipped.library, languages: LanguageList.vietnameseOnly, search: shippedSearch)
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
