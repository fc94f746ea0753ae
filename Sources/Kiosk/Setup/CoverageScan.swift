import Dispatch
import Foundation
import Guides

/// The coverage estimates of the offered catalogs, which decide the languages on the welcome screen.
///
/// They stand between the start and the first screen, so they are kept in a small cache beside the statistics
/// database (`catalog-coverage.txt`: path, size, modification time, estimate), trusted only while a catalog's size and
/// modification time are unchanged; a catalog without a valid entry is scanned in the background while the caller
/// goes on. A cache that cannot be read or written only means a scan.
final class CoverageScan: @unchecked Sendable {
    private let group = DispatchGroup()
    private let paths: [String]
    private let cache: String?
    /// What each path is now (size and modification time), nil when it cannot be seen.
    private let stamps: [String?]
    /// Estimates known from the cache; the scan fills the others.
    private var estimates: [Double?]
    private var scanned: [Int] = []

    init(paths: [String], cache: String?) {
        self.paths = paths
        self.cache = cache
        stamps = paths.map(Self.stamp)
        let known = cache.map(Self.read) ?? [:]
        var estimates: [Double?] = []
        var missing: [Int] = []
        for (index, path) in paths.enumerated() {
            if let stamp = stamps[index], let entry = known[path], entry.stamp == stamp {
                estimates.append(entry.estimate)
            } else {
                estimates.append(nil)
                missing.append(index)
            }
        }
        self.estimates = estimates
        scanned = missing
        guard !missing.isEmpty else { return }
        let targets = missing.map { paths[$0] }
        let slots = missing
        DispatchQueue.global().async(group: group) { [self] in
            let found = POCoverage.estimate(paths: targets)
            for (slot, estimate) in zip(slots, found) { self.estimates[slot] = estimate }
        }
    }

    /// Waits for the scan and returns one estimate per path (nil: unreadable); records new estimates in the cache.
    func results() -> [Double?] {
        group.wait()
        if !scanned.isEmpty, let cache { write(cache) }
        return estimates
    }

    /// "size mtime" of the file at `path`, following a link.
    private static func stamp(_ path: String) -> String? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
            let size = attributes[.size] as? NSNumber, let date = attributes[.modificationDate] as? Date else { return nil }
        return "\(size.int64Value) \(String(format: "%.6f", date.timeIntervalSince1970))"
    }

    private static func read(_ cache: String) -> [String: (stamp: String, estimate: Double)] {
        guard case .success(let bytes) = FileBytes.read(cache, limit: 1 << 16) else { return [:] }
        var entries: [String: (stamp: String, estimate: Double)] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            // path \t size mtime \t estimate
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let estimate = Double(fields[2]), (0...1).contains(estimate) else { continue }
            entries[String(fields[0])] = (String(fields[1]), estimate)
        }
        return entries
    }

    private func write(_ cache: String) {
        var lines: [String] = []
        for (index, path) in paths.enumerated() {
            guard let stamp = stamps[index], let estimate = estimates[index], !path.contains("\t"), !path.contains("\n") else { continue }
            lines.append("\(path)\t\(stamp)\t\(estimate)")
        }
        try? (lines.joined(separator: "\n") + "\n").write(toFile: cache, atomically: true, encoding: .utf8)
    }
}
