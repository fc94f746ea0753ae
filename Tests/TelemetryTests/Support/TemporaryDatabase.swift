import Foundation
import Testing
@testable import Telemetry

/// A temporary database file, removed with its WAL files.
final class TemporaryDatabase {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-test-\(UUID().uuidString).db").path
    deinit { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
}
