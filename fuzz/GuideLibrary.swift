// libFuzzer harness: the guide parser and builder. The input is split at a NUL byte into a guide file and a shared
// block, which are parsed, expanded and checked together; every guide that builds is walked by the engine.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGuideLibrary(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    var sources = [SourceText(path: "fuzz.guide", bytes: Array(parts[0]))]
    if parts.count > 1 { sources.append(SourceText(path: "shared/fuzz.steps", bytes: Array(parts[1]))) }
    let library = Library.build(sources, options: Library.Options(today: Day(daysSinceEpoch: 20_500)))
    for guide in library.guides {
        var (session, _) = Session.start(guide, language: "vi", launchedBy: .citizen, library: library)
        for input: SessionInput in [.choose(1), .choose(2), .back, .listSteps, .choose(1), .callStaff, .choose(3), .back, .quit] {
            _ = session.handle(input)
        }
        _ = CatalogTemplate.entries(ui: UICatalog(), library: library, uiPath: "ui")
    }
    return 0
}
