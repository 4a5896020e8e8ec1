// swift-tools-version: 6.0
import PackageDescription

/// `hotel`: a command-line hotel booking tool whose only database is an append-only JSON-lines event log.
///
/// No third-party packages: the toolchain (Foundation, Glibc, Dispatch, Synchronization, Swift Testing) only.
let package = Package(
    name: "hotel",
    products: [
        .executable(name: "hotel", targets: ["hotel"]),
        .library(name: "BookingCore", targets: ["BookingCore"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "BookingCore"),
        .executableTarget(name: "hotel", dependencies: ["BookingCore"]),
        .testTarget(name: "BookingCoreTests", dependencies: ["BookingCore"]),
        // Depends on the executable so that `swift test` builds `hotel` before running these tests.
        .testTarget(name: "HotelEndToEndTests", dependencies: ["BookingCore", "hotel"]),
    ],
    swiftLanguageModes: [.v6]
)
