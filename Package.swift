// swift-tools-version: 6.0
import PackageDescription

// The layers, each a target; an arrow runs only downward, and the compiler refuses an import that runs upward:
//
//   bojagi            the command line: parse, call a service, print
//     BojagiServe     `bojagi serve`: dashboard and JSON API on Hummingbird, health samples in SQLite (GRDB)
//     BojagiEngine    kolla-ansible / cephadm runs, run records (SQLite), resume, diff
//     BojagiLab       single-node and HA labs, drills: processes and network namespaces
//     BojagiOpenStack HTTP client, Keystone session, verify and its smoke scenario, Tempest
//     BojagiCore      pure: catalog, blueprint, resolve, topology, plan, validate, render — values in, values out
let package = Package(
    name: "Bojagi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bojagi", targets: ["bojagi"]),
        .library(name: "BojagiCore", targets: ["BojagiCore"]),
        .library(name: "BojagiOpenStack", targets: ["BojagiOpenStack"]),
        .library(name: "BojagiLab", targets: ["BojagiLab"]),
        .library(name: "BojagiEngine", targets: ["BojagiEngine"]),
        .library(name: "BojagiServe", targets: ["BojagiServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(
            name: "BojagiCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/catalog"), .copy("Resources/kolla"), .copy("Resources/manual")]
        ),
        .target(
            name: "BojagiOpenStack",
            dependencies: [
                "BojagiCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        .target(
            name: "BojagiLab",
            dependencies: [
                "BojagiCore",
                "BojagiOpenStack",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Hummingbird and NIO stay in this target: the layers below never see them.
        .target(
            name: "BojagiServe",
            dependencies: [
                "BojagiCore",
                "BojagiOpenStack",
                "BojagiLab",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "BojagiEngine",
            dependencies: [
                "BojagiCore",
                "BojagiOpenStack",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "bojagi",
            dependencies: [
                "BojagiCore",
                "BojagiOpenStack",
                "BojagiLab",
                "BojagiEngine",
                "BojagiServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "BojagiTestSupport",
            dependencies: ["BojagiCore"],
            path: "Tests/BojagiTestSupport"
        ),
        .testTarget(
            name: "BojagiCoreTests",
            dependencies: ["BojagiCore", "BojagiTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "BojagiOpenStackTests",
            dependencies: ["BojagiOpenStack", "BojagiTestSupport"]
        ),
        .testTarget(
            name: "BojagiCommandTests",
            dependencies: ["bojagi", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "BojagiServeTests",
            dependencies: [
                "BojagiServe", "BojagiCore", "BojagiTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "BojagiEngineTests",
            dependencies: ["BojagiEngine", "BojagiCore", "BojagiOpenStack", "BojagiTestSupport"]
        ),
        .testTarget(
            name: "BojagiLabTests",
            dependencies: ["BojagiLab", "BojagiOpenStack", "BojagiTestSupport", .product(name: "Logging", package: "swift-log")]
        ),
    ]
)
