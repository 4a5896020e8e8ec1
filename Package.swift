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
        .target(name: "BookingCore", dependencies: ["CSystem"]),
        // C library functions Swift's Glibc module does not show (memmem).
        .target(name: "CSystem"),
        .executableTarget(name: "hotel", dependencies: ["BookingCore"]),
        .testTarget(name: "BookingCoreTests", dependencies: ["BookingCore", "HotelTestSupport"]),
        // Runs the built `hotel` as a subprocess; shared by the end-to-end and reliability tests.
        .target(name: "HotelTestSupport", path: "Tests/HotelTestSupport"),
        // Both depend on the executable so that `swift test` builds `hotel` before running them.
        .testTarget(name: "HotelEndToEndTests", dependencies: ["HotelTestSupport", "hotel"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["BookingCore", "HotelTestSupport", "hotel"]),
    ],
    swiftLanguageModes: [.v6]
)
