// libFuzzer harness: search, as typed at the menu and as Tab completes it. The shipped guides and the Vietnamese and
// English catalogs are indexed once; each input is a query (any bytes, decoded as UTF-8 with replacement), searched
// in both languages and completed, and every answer must be one the kiosk can show.
import Foundation

nonisolated(unsafe) private var index: GuideSearch?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearch(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if index == nil {
        let guides = ProcessInfo.processInfo.environment["KIOSK_FUZZ_GUIDES"] ?? "guides"
        let locales = ProcessInfo.processInfo.environment["KIOSK_FUZZ_LOCALES"] ?? "locales"
        let library = Library.load(directory: guides, options: Library.Options(today: Day(daysSinceEpoch: 20_500)))
        let ui = UICatalog(contentsOf: locales + "/ui.vi.txt")
        let english = Localizer(language: "en", ui: ui, translations: Translations(POParser.parse(contentsOf: locales + "/en.po").0))
        index = GuideSearch(guides: library.guides, vietnamese: Localizer(ui: ui), languages: [english])
    }
    guard let search = index else { return 0 }
    let query = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for language in ["vi", "en", "rad"] {
        let hits = search.hits(query, language: language)
        // Every hit fits (a sentence needs less than a few words), and they come best first.
        for hit in hits where hit.fit < GuideSearch.sentenceFitting || hit.fit > 1.0001 || !hit.fit.isFinite { fatalError("a fit out of range") }
        for (a, b) in zip(hits, hits.dropFirst()) where a.score < b.score { fatalError("hits out of order") }
        switch search.answer(query, language: language) {
        case .guides(let guides):
            if guides.isEmpty || guides.count > 3 || guides.contains(where: { !$0.status.isShownToCitizens }) {
                fatalError("an answer a citizen cannot be shown")
            }
        case .beingPrepared(let draft):
            if draft.status.isShownToCitizens { fatalError("a citizen guide called a draft") }
        case .nothing:
            if !hits.isEmpty { fatalError("no answer although a guide fits") }
        }
        if search.completions(query, language: language).count > 3 { fatalError("more completions than results") }
    }
    return 0
}
