// libFuzzer harness: the JSON Lines import into a real (temporary) statistics database, then a report over it.
import Foundation

nonisolated(unsafe) private var store: SessionStore?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if store == nil {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-fuzz-\(getpid()).db").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        store = try? SessionStore(path: path)
    }
    guard let store else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? store.importLines(text, path: "fuzz.jsonl")
    let all = ReportPeriod(from: "0000-01-01", to: "9999-12-31")
    let reporter = Reporter(store: store)
    // The printed report's own queries: one scan, rolled up, the places people stop, a funnel.
    if let scan = try? reporter.report(all, by: [.guide, .lang, .launchedBy, .week, .commune]) {
        _ = Report.disclosed([scan.rolledUp(to: [.guide], minimumCount: 2), scan.rolledUp(to: [.week], minimumCount: 2)])
    }
    _ = try? reporter.leavingPlaces(all, limit: 3)
    _ = try? reporter.funnel(guide: "khai-sinh", period: all)
    _ = try? store.export(ReportPeriod(from: "0000-01-01", to: "9999-12-31")) { _ in }
    return 0
}
