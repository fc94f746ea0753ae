// libFuzzer harness: search, as typed at the menu and as Tab completes it. The shipped guides and the Vietnamese and
// English catalogs are indexed once; each input is a query (any bytes, decoded as UTF-8 with replacement), searched
// in both languages and completed, and every answer must be one the kiosk can show.
import Foundation

/// The shipped guides indexed in Vietnamese and English, once.
private let index: GuideSearch = {
    let english = Localizer(language: "en", ui: Shipped.ui,
        translations: Translations(POParser.parse(contentsOf: Shipped.locales + "/en.po").0))
    return GuideSearch(guides: Shipped.library.guides, vietnamese: Localizer(ui: Shipped.ui), languages: [english])
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearch(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let search = index
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
