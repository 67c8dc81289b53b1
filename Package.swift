// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .executable(name: "nianbao-bench", targets: ["nianbao-bench"]),
        .library(name: "NianbaoEngine", targets: ["NianbaoEngine"]),
        .library(name: "NianbaoOffice", targets: ["NianbaoOffice"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // C libraries, each behind a system-library target.
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .systemLibrary(
            name: "CSeccomp",
            pkgConfig: "libseccomp",
            providers: [.apt(["libseccomp-dev"])]
        ),
        // glibc's <malloc.h> (mallopt), which the Glibc module does not export.
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),

        // Interposes cairo_show_glyphs so that the ruling-line pass over a PDF page
        // draws no glyphs (see PDFRulingExtractor).
        .target(name: "CCairoGlyphGate"),

        // The pure report engine: text in, report model and findings out. No I/O.
        .target(
            name: "NianbaoEngine",
            swiftSettings: strict
        ),

        // The publishing office's view of a reporting year: roster, agency matching,
        // submission state, reminders, cross-year checks, the combined tables. Pure, no I/O.
        .target(
            name: "NianbaoOffice",
            dependencies: ["NianbaoEngine"],
            swiftSettings: strict
        ),

        // Document formats (.docx, .html, .pdf, text) turned into engine input.
        .target(
            name: "NianbaoFormats",
            dependencies: [
                "NianbaoEngine",
                "CPoppler",
                "CCairoGlyphGate",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),

        // Pure renderers from plain value models to bytes: the dashboard page, the
        // node_exporter metrics file, the uploader's receipts. No I/O.
        .target(
            name: "NianbaoViews",
            dependencies: ["NianbaoEngine"],
            swiftSettings: strict
        ),

        // Platform seams: inotify, iconv, libsystemd, file-system calls.
        .target(
            name: "NianbaoPlatform",
            dependencies: [
                "CSystemd",
                "CSeccomp",
                "CMalloc",
                "NianbaoEngine",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),

        // The checker and the drop-folder daemon built from the parts above.
        .target(
            name: "NianbaoDaemon",
            dependencies: [
                "NianbaoEngine",
                "NianbaoOffice",
                "NianbaoFormats",
                "NianbaoPlatform",
                "NianbaoViews",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strict
        ),

        .executableTarget(
            name: "nianbao",
            dependencies: [
                "NianbaoDaemon", "NianbaoEngine", "NianbaoFormats", "NianbaoOffice", "NianbaoPlatform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "nianbao-bench",
            dependencies: ["NianbaoDaemon", "NianbaoEngine", "NianbaoFormats", "NianbaoOffice", "NianbaoPlatform"],
            swiftSettings: strict
        ),
        // libFuzzer targets (scripts/fuzz.sh builds them with -sanitize=fuzzer,address -DFUZZING);
        // built normally, a replayer for crash reproducers and the corpus.
        .executableTarget(
            name: "nianbao-fuzz",
            dependencies: ["NianbaoFormats", "NianbaoEngine"],
            swiftSettings: strict + [.unsafeFlags(["-parse-as-library"])]
        ),
        // Test helper: sends fixed entries through the journal seam (run by the
        // NianbaoPlatformTests journal test inside Tests/Harness/with-journald.sh).
        .executableTarget(
            name: "nianbao-journal-probe",
            dependencies: ["NianbaoPlatform", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),

        // Shared by the test targets: the fixture loader, the GB18030 encoder,
        // the notification socket and the daemon harness.
        .target(
            name: "NianbaoTestSupport",
            dependencies: [
                "NianbaoDaemon", "NianbaoEngine", "NianbaoPlatform",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),

        .testTarget(
            name: "NianbaoEngineTests",
            dependencies: ["NianbaoTestSupport", "NianbaoEngine", "NianbaoPlatform"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NianbaoOfficeTests",
            dependencies: ["NianbaoOffice", "NianbaoEngine", "NianbaoTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NianbaoFormatsTests",
            dependencies: [
                "NianbaoTestSupport", "NianbaoFormats", "NianbaoDaemon", "NianbaoEngine", "NianbaoPlatform",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NianbaoPlatformTests",
            dependencies: ["NianbaoTestSupport", "NianbaoPlatform", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NianbaoViewsTests",
            dependencies: ["NianbaoViews", "NianbaoEngine"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NianbaoCommandTests",
            dependencies: ["nianbao", "NianbaoTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NianbaoDaemonTests",
            dependencies: [
                "NianbaoTestSupport", "NianbaoDaemon", "NianbaoEngine", "NianbaoFormats", "NianbaoOffice", "NianbaoPlatform",
                "NianbaoViews",
            ],
            swiftSettings: strict
        ),
    ]
)
