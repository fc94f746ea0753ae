// swift-tools-version:6.0
import Foundation
import PackageDescription

/// kiosk: an offline guided assistant for public-administration service centres.
let package = Package(
    name: "kiosk",
    products: [
        .executable(name: "kiosk", targets: ["Kiosk"]),
    ],
    targets: [
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "Guides"),
        .target(name: "Telemetry", dependencies: ["CSQLite"]),
        .executableTarget(name: "Kiosk", dependencies: ["Guides", "Telemetry", "CReadline"]),
        .testTarget(name: "GuidesTests", dependencies: ["Guides"], exclude: ["Fixtures"]),
        .testTarget(name: "TelemetryTests", dependencies: ["Telemetry"]),
        .testTarget(name: "KioskTests", dependencies: ["Kiosk", "Telemetry"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Kiosk", "Guides", "Telemetry"], exclude: ["Fixtures", "Golden"]),
    ]
)

// The benchmark programs build only for `make bench` (KIOSK_BENCH=1, in their own build folder): never with a
// plain `swift build`, and no test depends on them.
if ProcessInfo.processInfo.environment["KIOSK_BENCH"] != nil {
    package.targets += [
        .executableTarget(name: "BenchBaseline", path: "bench/BenchBaseline"),
        .executableTarget(name: "KioskBench", dependencies: ["Guides", "Telemetry"], path: "bench/KioskBench"),
    ]
}
