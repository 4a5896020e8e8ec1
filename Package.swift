// swift-tools-version: 6.1
import PackageDescription

/// `hotel`: a command-line hotel booking tool whose only database is an append-only event log.
///
/// No third-party packages: the toolchain (Foundation, Glibc, Dispatch, Synchronization, Swift Testing) only.
/// The opt-in `PostgreSQL` trait (`swift build --traits PostgreSQL`) adds the PostgreSQL store, over libpq
/// (PostgreSQL's official C client, Debian package `libpq-dev`); the default build needs nothing but Swift.
let package = Package(
    name: "hotel",
    products: [
        .executable(name: "hotel", targets: ["hotel"]),
        .library(name: "BookingCore", targets: ["BookingCore"]),
    ],
    traits: [
        .trait(name: "PostgreSQL", description: "The PostgreSQL event store (--store postgresql://...), over the system's libpq."),
    ],
    dependencies: [],
    targets: [
        .target(name: "BookingCore", dependencies: ["CSystem", .target(name: "CLibPQ", condition: .when(traits: ["PostgreSQL"]))]),
        // C library functions Swift's Glibc module does not show (memmem).
        .target(name: "CSystem"),
        // libpq, found with pkg-config; only with the PostgreSQL trait.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
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
