// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "tcreview",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tcreview", targets: ["tcreview"]),
        .executable(name: "tcreview-extract", targets: ["tcreview-extract"]),
        .executable(name: "tcreview-screen", targets: ["tcreview-screen"]),
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
        .target(name: "CPOSIXShims"),

        // Adapters: the only modules that see C, pointers or system calls (a unit test checks the rest).
        .target(name: "POSIX", dependencies: ["CPOSIXShims"]),  // system calls: files, locks, child processes, limits
        .target(name: "MailTransport", dependencies: ["CCurl", "CCurlShims", "POSIX"]),  // IMAP, SMTP
        .target(name: "MIME", dependencies: ["CGMime", "CGMimeShims"]),  // reading and writing messages
        .target(name: "PDFReader", dependencies: ["CPoppler", "CCairo", "Layout", "POSIX"]),  // the PDF child
        .target(name: "PDFWriter", dependencies: ["CCairo"]),  // the feedback PDF
        .target(name: "Hashing", dependencies: ["CGLib"]),  // SHA-256

        // The product, in plain Swift, in the order a submission meets it.
        .target(name: "Configuration"),  // a leaf: tcreview.conf, institutions.csv, what an address is
        .target(name: "Archive", dependencies: ["Hashing", "POSIX"]),  // every file on disk and its schema
        .target(name: "Service", dependencies: ["Archive", "Configuration", "MIME", "MailTransport", "Hashing"]),
        .target(
            name: "Intake",
            dependencies: [
                "Service", "Archive", "Configuration", "MIME", "MailTransport", "PDFReader", "Prescreen", "Layout",
                "FollowThrough", "Hashing", "POSIX",
            ]),
        .target(name: "Layout"),  // a page read as a person reads it
        .target(name: "Prescreen", dependencies: ["Layout", "POSIX"]),
        .target(name: "FollowThrough", dependencies: ["Archive", "Prescreen"]),  // a plan against the one before
        .target(name: "Review", dependencies: ["Configuration", "Archive"]),  // the rules of peer review
        .target(
            name: "ReviewDesk",  // peer review in the service: assignments, requests, replies, reminders
            dependencies: [
                "Service", "Review", "Archive", "Configuration", "MIME", "Prescreen", "FollowThrough", "Hashing",
            ]
        ),
        .target(
            name: "Feedback",  // compiling, drafting and sending the feedback, and its PDF
            dependencies: ["Service", "Archive", "Configuration", "MIME", "Review", "PDFWriter"]),
        .target(
            name: "Insights",  // across the sector: kinds of initiative, RAG outcomes, medians, charts
            dependencies: ["ArchiveView", "Archive", "Prescreen", "Review", "FollowThrough", "PDFWriter", "Hashing"]),
        .target(
            name: "CoordinatorDesk",  // coordinators' replies to notices, obeyed as commands
            dependencies: ["Service", "ReviewDesk", "Feedback", "Archive", "Configuration", "MIME", "Review", "Hashing"]),
        .target(name: "Deadlines", dependencies: ["Service", "ArchiveView", "Archive", "Configuration", "MIME"]),
        .target(name: "ArchiveView", dependencies: ["Archive", "Review", "Prescreen", "FollowThrough", "Hashing", "POSIX"]),  // what coordinators see
        .executableTarget(
            name: "tcreview",
            dependencies: [
                "Service", "Intake", "ReviewDesk", "Feedback", "CoordinatorDesk", "Deadlines", "ArchiveView", "Archive",
                "Configuration", "PDFReader", "Prescreen", "Review", "Insights", "POSIX",
            ]
        ),
        .executableTarget(name: "tcreview-extract", dependencies: ["PDFReader", "POSIX"]),
        .executableTarget(name: "tcreview-screen", dependencies: ["Prescreen", "POSIX"]),

        .target(
            name: "TestSupport", dependencies: ["Archive", "Review", "Prescreen", "Hashing", "POSIX"],
            path: "Tests/TestSupport"),
        // The benchmark's synthetic archive, kept out of the product.
        .executableTarget(name: "tcreview-bench-archive", dependencies: ["TestSupport"], path: "Tests/BenchArchive"),
        .testTarget(
            name: "UnitTests",
            dependencies: [
                "Intake", "Archive", "Configuration", "MIME", "PDFReader", "Prescreen", "Review", "Feedback",
                "PDFWriter", "ArchiveView", "Layout", "POSIX", "Service", "ReviewDesk", "Deadlines", "MailTransport",
                "Hashing", "TestSupport", "CoordinatorDesk", "FollowThrough", "Insights",
            ],
            resources: [.copy("Prescreen/Fixtures"), .copy("Prescreen/Corpus"), .copy("Prescreen/HeldOut")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["Intake", "Archive", "Hashing", "POSIX", "TestSupport"]
        ),
    ]
)
