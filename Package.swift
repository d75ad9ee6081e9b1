// swift-tools-version:6.0
// earshot: how far each executive, and each layer of management, is from the customer's own voice.
// Stages, one module each: ingest → normalize → aggregate → render, plus history. See README.md.
import PackageDescription

/// Release builds of earshot's own modules skip the run-time exclusivity checks on class properties
/// (2–5% of a run in `perf`); debug builds, and so `make test`, keep them.
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "earshot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "earshot", targets: ["earshot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .target(name: "CAtomicSwap"),
        .target(name: "EarshotModel", swiftSettings: releaseSettings),
        .target(
            name: "EarshotIngest",
            dependencies: ["CLibCSV", "EarshotModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: releaseSettings
        ),
        .target(name: "EarshotNormalize", dependencies: ["EarshotModel", "EarshotIngest"], swiftSettings: releaseSettings),
        .target(name: "EarshotAggregate", dependencies: ["EarshotModel"], swiftSettings: releaseSettings),
        .target(
            name: "EarshotRender",
            dependencies: ["EarshotModel", "EarshotAggregate", "CAtomicSwap"],
            swiftSettings: releaseSettings
        ),
        .target(
            name: "EarshotHistory",
            dependencies: ["EarshotModel", "EarshotAggregate", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "earshot",
            dependencies: [
                "EarshotModel", "EarshotIngest", "EarshotNormalize", "EarshotAggregate",
                "EarshotRender", "EarshotHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Issue #7: `make bench`'s parse-only pass through the libcsv wrapper (scripts/bench/run-bench).
        .executableTarget(name: "ParseOnly", dependencies: ["EarshotIngest"]),
        .target(name: "TestSupport", dependencies: ["EarshotIngest"], path: "Tests/TestSupport"),
        .testTarget(name: "EarshotIngestTests", dependencies: ["EarshotIngest", "TestSupport"]),
        .testTarget(name: "EarshotNormalizeTests", dependencies: ["EarshotNormalize", "EarshotIngest", "TestSupport"]),
        .testTarget(name: "EarshotAggregateTests", dependencies: ["EarshotAggregate", "EarshotNormalize", "EarshotIngest", "TestSupport"]),
        .testTarget(name: "EarshotRenderTests", dependencies: ["EarshotRender", "EarshotAggregate", "TestSupport"]),
        .testTarget(name: "EarshotHistoryTests", dependencies: ["EarshotHistory", "EarshotAggregate", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "EarshotIngest"]),
        // Issue #6: the bad-input catalogue, and the fuzz targets whose checks it replays (scripts/fuzz).
        .target(name: "FuzzChecks", dependencies: ["EarshotIngest", "EarshotModel"]),
        .executableTarget(name: "FuzzIngest", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "FuzzSniff", dependencies: ["FuzzChecks"]),
        .testTarget(name: "CatalogueTests",
                    dependencies: ["EarshotIngest", "EarshotNormalize", "EarshotModel", "TestSupport", "FuzzChecks"]),
    ],
    swiftLanguageModes: [.v6]
)
