// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "tcreview",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tcreview", targets: ["tcreview"]),
        .executable(name: "tcreview-extract", targets: ["tcreview-extract"]),
    ],
    targets: [
        // C libraries from Debian, and the tiny C shims over their macros and variadic calls.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CGMime", pkgConfig: "gmime-3.0", providers: [.apt(["libgmime-3.0-dev"])]),
        .systemLibrary(name: "CGLib", pkgConfig: "glib-2.0", providers: [.apt(["libglib2.0-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .target(name: "CCurlShims", dependencies: ["CCurl"]),
        .target(name: "CGMimeShims", dependencies: ["CGMime"]),

        // Adapters: the only modules that see C pointers.
        .target(name: "MailTransport", dependencies: ["CCurl", "CCurlShims", "POSIX"]),
        .target(name: "MIME", dependencies: ["CGMime", "CGMimeShims"]),
        .target(name: "PDFReader", dependencies: ["CPoppler", "CCairo", "Layout", "POSIX"]),
        .target(name: "Hashing", dependencies: ["CGLib"]),
        .target(name: "POSIX"),

        // The product, in plain Swift.
        .target(name: "Layout"),
        .target(name: "Configuration"),
        .target(name: "Archive", dependencies: ["Hashing", "POSIX"]),
        .target(name: "Prescreen", dependencies: ["Layout"]),
        .target(name: "Review", dependencies: ["Configuration", "Archive"]),
        .target(name: "PDFWriter", dependencies: ["CCairo"]),
        .target(name: "Feedback", dependencies: ["Archive", "Review", "PDFWriter"]),
        .target(name: "ArchiveView", dependencies: ["Archive", "Configuration", "Hashing", "POSIX"]),
        .target(
            name: "Service", dependencies: ["Archive", "Configuration", "MIME", "MailTransport", "Hashing"]),
        .target(
            name: "ReviewDesk",
            dependencies: [
                "Service", "Review", "Archive", "Configuration", "MIME", "Prescreen", "Hashing", "Feedback",
                "ArchiveView",
            ]
        ),
        .target(
            name: "Intake",
            dependencies: [
                "Service", "Archive", "Configuration", "MIME", "MailTransport", "PDFReader", "Prescreen", "Layout",
                "Hashing", "POSIX",
            ]),
        .executableTarget(name: "tcreview-extract", dependencies: ["PDFReader", "POSIX"]),
        .executableTarget(
            name: "tcreview",
            dependencies: [
                "Service", "Intake", "ReviewDesk", "ArchiveView", "Archive", "Configuration", "PDFReader", "Prescreen",
                "POSIX",
            ]
        ),

        .target(
            name: "TestSupport", dependencies: ["Archive", "Review", "Hashing", "POSIX"], path: "Tests/TestSupport"),
        // The benchmark's synthetic archive, kept out of the product.
        .executableTarget(name: "tcreview-bench-archive", dependencies: ["TestSupport"], path: "Tests/BenchArchive"),
        .testTarget(
            name: "UnitTests",
            dependencies: [
                "Intake", "Archive", "Configuration", "MIME", "PDFReader", "Prescreen", "Review", "Feedback",
                "PDFWriter", "ArchiveView", "Layout", "POSIX", "Service", "ReviewDesk", "TestSupport",
            ],
            resources: [.copy("Prescreen/Fixtures"), .copy("Prescreen/Corpus"), .copy("Prescreen/HeldOut")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["Intake", "Service", "Archive", "Configuration", "Hashing", "POSIX", "TestSupport"]
        ),
    ]
)
