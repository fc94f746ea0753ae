// libFuzzer harness: the WAV header reader `kiosk check` runs on every recording, and the mapping between line
// identities and recording file names (which must round-trip, and never leave the language's folder).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWave(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The header is read from at most 4096 bytes of a file that may be larger or cut short.
    for fileSize in [size, size + 1000, max(0, size - 10)] {
        if case .success(let header) = WaveHeader.read(Array(bytes.prefix(4096)), fileSize: fileSize) {
            precondition(header.dataBytes > 0 && header.dataBytes <= fileSize && header.seconds >= 0)
        }
    }
    let key = String(decoding: bytes.prefix(200), as: UTF8.self)
    if let relative = Recording.relativePath(of: key) {
        precondition(Recording.key(ofRelative: Substring(relative)) == key)
        precondition(!relative.hasPrefix("/") && !relative.split(separator: "/").contains(".."))
    }
    return 0
}
