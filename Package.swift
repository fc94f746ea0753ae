// swift-tools-version:6.0
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
        .executableTarget(name: "BenchBaseline", path: "bench/BenchBaseline"),
        .executableTarget(name: "KioskBench", dependencies: ["Guides", "Telemetry"], path: "bench/KioskBench"),
        .testTarget(name: "GuidesTests", dependencies: ["Guides"], exclude: ["Fixtures"]),
        .testTarget(name: "TelemetryTests", dependencies: ["Telemetry", "KioskBench"]),
        .testTarget(name: "KioskTests", dependencies: ["Kiosk"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Kiosk", "Telemetry"], exclude: ["Fixtures", "Golden"]),
    ]
)
