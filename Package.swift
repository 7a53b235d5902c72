// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Bojagi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bojagi", targets: ["bojagi"]),
        .library(name: "BojagiCore", targets: ["BojagiCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .target(
            name: "BojagiCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/catalog"), .copy("Resources/kolla")]
        ),
        .executableTarget(
            name: "bojagi",
            dependencies: [
                "BojagiCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BojagiCoreTests",
            dependencies: ["BojagiCore"],
            exclude: ["Golden"]
        ),
    ]
)
