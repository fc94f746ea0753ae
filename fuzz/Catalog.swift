// libFuzzer harness: the PO reader, the catalog checks, the writer, and the merge of a template into the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalog(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (catalog, _) = POParser.parse(SourceText(path: "fuzz.po", bytes: bytes, limits: .catalog))
    _ = CatalogCheck.check(catalog, path: "fuzz.po")
    let written = POWriter.write(catalog)
    let (again, _) = POParser.parse(SourceText(path: "again.po", bytes: Array(written.utf8), limits: .catalog))
    let template = catalog.entries.filter { !$0.isHeader }.map { entry -> POEntry in
        var copy = entry
        copy.id += "."
        return copy
    }
    _ = CatalogMerge.merge(template: template, into: again, header: CatalogTemplate.header(language: "en"))
    _ = Translations(catalog)
    return 0
}
