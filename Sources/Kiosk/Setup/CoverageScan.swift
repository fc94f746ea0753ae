import Dispatch
import Foundation
import Guides

/// The quick readings of the catalogs (`POCoverage`), which decide the languages on the welcome screen.
///
/// They stand between the start and the first screen, so they are kept in a small cache beside the statistics
/// database (`catalog-coverage.txt`: path, size, modification time, share, translated interface keys), trusted only
/// while a catalog's size and modification time are unchanged; a catalog without a valid entry is scanned in the
/// background while the caller goes on. A cache that cannot be read or written only means a scan.
final class CoverageScan: @unchecked Sendable {
    private let group = DispatchGroup()
    private let paths: [String]
    private let cache: String?
    /// What each path is now (size and modification time), nil when it cannot be seen.
    private let stamps: [String?]
    /// Readings known from the cache; the scan fills the others.
    private var estimates: [POCoverage?]
    private var scanned: [Int] = []

    init(paths: [String], cache: String?) {
        self.paths = paths
        self.cache = cache
        stamps = paths.map(Self.stamp)
        let known = cache.map(Self.read) ?? [:]
        var estimates: [POCoverage?] = []
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
            let found = POCoverage.scan(paths: targets)
            for (slot, estimate) in zip(slots, found) { self.estimates[slot] = estimate }
        }
    }

    /// Waits for the scan and returns one reading per path (nil: unreadable); records new readings in the cache.
    func results() -> [POCoverage?] {
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

    private static func read(_ cache: String) -> [String: (stamp: String, estimate: POCoverage)] {
        guard case .success(let bytes) = FileBytes.read(cache, limit: 1 << 18) else { return [:] }
        var entries: [String: (stamp: String, estimate: POCoverage)] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            // path \t size mtime \t share \t interface keys, comma-separated
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let share = Double(fields[2]), (0...1).contains(share) else { continue }
            let keys = Set(fields[3].split(separator: ",").map(String.init))
            entries[String(fields[0])] = (String(fields[1]), POCoverage(share: share, interface: keys))
        }
        return entries
    }

    private func write(_ cache: String) {
        var lines: [String] = []
        for (index, path) in paths.enumerated() {
            guard let stamp = stamps[index], let estimate = estimates[index], !path.contains("\t"), !path.contains("\n") else { continue }
            lines.append("\(path)\t\(stamp)\t\(estimate.share)\t\(estimate.interface.sorted().joined(separator: ","))")
        }
        try? (lines.joined(separator: "\n") + "\n").write(toFile: cache, atomically: true, encoding: .utf8)
    }
}
