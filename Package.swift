// swift-tools-version:6.1
import PackageDescription

// The layers, each a target, so that the compiler enforces the direction (a target can only
// call the targets it depends on):
//
//   ErrorKBSupport   text, digests, the line reader, paths as bytes, the atomic writer and its lock (no dependency)
//   ErrorKBModel     the document model, line kinds, templates, codes        → Support
//   ErrorKBImport    readers and recognizers for the page formats            → Model, libxml2
//   ErrorKBStore     the schema, every SQL statement, the database owner     → Model, GRDB
//   ErrorKBQuery     search, lookup, match, classify, diff, over records     → Store
//   ErrorKBBuild     the build pipeline from importer to store, the seed     → Import, Store
//   ErrorKB          what a Swift user imports: all of the above
//   ErrorKBFetch     kb add URL and kb update: pages from the network        → Build, Query, CCurlLoader
//   kb               the command line                                        → ErrorKB, ErrorKBFetch, ArgumentParser
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")

let package = Package(
    name: "ErrorKB",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ErrorKB", targets: ["ErrorKB"]),
        .executable(name: "kb", targets: ["kb"]),
        // For fuzz/, a package of its own: what each fuzz target does with an input.
        .library(name: "ErrorKBFuzzHarness", targets: ["ErrorKBFuzzHarness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Colour for hits on a terminal (kb only): NO_COLOR, TERM=dumb and non-TTY handled as tools do.
        .package(url: "https://github.com/onevcat/Rainbow", exact: "4.2.2"),
    ],
    targets: [
        .target(name: "ErrorKBSupport"),
        .target(name: "ErrorKBModel", dependencies: ["ErrorKBSupport"]),
        // libxml2's HTML parser, for pages saved from the site (Debian: libxml2-dev).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .target(name: "ErrorKBImport", dependencies: ["ErrorKBModel", "ErrorKBSupport", "CLibXML2"]),
        .target(
            name: "ErrorKBStore",
            dependencies: [
                "ErrorKBModel", "ErrorKBSupport", grdb,
                // The SQLite C API, for binding bulk-insert values without boxing them.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            // schema/ is compiled in.
            plugins: [.plugin(name: "EmbedFiles")]
        ),
        .target(
            name: "ErrorKBQuery",
            dependencies: ["ErrorKBStore", "ErrorKBModel", "ErrorKBSupport"],
            // lexicon/ (search synonyms) is compiled in.
            plugins: [.plugin(name: "EmbedFiles")]
        ),
        .target(
            name: "ErrorKBBuild",
            dependencies: ["ErrorKBImport", "ErrorKBStore", "ErrorKBModel", "ErrorKBSupport"],
            // seed/ is compiled in, so a lone `kb` binary works anywhere.
            plugins: [.plugin(name: "EmbedFiles")]
        ),
        .target(name: "ErrorKB", dependencies: ["ErrorKBModel", "ErrorKBImport", "ErrorKBStore", "ErrorKBQuery", "ErrorKBBuild"]),
        // Fetching pages (kb add URL, kb update), over the system's libcurl, which CCurlLoader
        // loads with dlopen on the first request: nothing is linked, so the commands that do not
        // fetch do not load it, and a lone kb runs where it is absent.
        .target(name: "CCurlLoader", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "ErrorKBFetch", dependencies: ["ErrorKBBuild", "ErrorKBQuery", "ErrorKBImport", "ErrorKBStore", "ErrorKBModel", "CCurlLoader"]),
        // The `kb` command line tool: a thin layer over ErrorKB.
        .executableTarget(
            name: "kb",
            dependencies: [
                "ErrorKB", "ErrorKBFetch", "ErrorKBSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Rainbow", package: "Rainbow"),
            ]
        ),
        // The fuzz targets' bodies, shared by fuzz/ and the regression tests that replay their finds.
        .target(name: "ErrorKBFuzzHarness", dependencies: ["ErrorKB", "ErrorKBBuild", "ErrorKBStore"]),
        // Benchmark helpers (bench/run): in-process search latency, and the search form of a
        // database's rows for the sqlite3 CLI path. Not part of the product.
        .executableTarget(name: "kb-bench", dependencies: ["ErrorKB", grdb], path: "bench/kb-bench"),
        // Compiles schema/ and seed/ into the targets that use them.
        .executableTarget(name: "embed-files", path: "Sources/embed-files"),
        .plugin(
            name: "EmbedFiles",
            capability: .buildTool(),
            dependencies: ["embed-files"]
        ),
        .testTarget(
            name: "ErrorKBTests",
            dependencies: ["ErrorKBSupport", "ErrorKBModel", "ErrorKBImport", "ErrorKBStore", "ErrorKBQuery", "ErrorKBBuild",
                           "ErrorKBFetch", "ErrorKBFuzzHarness", "kb", grdb],
            // Pages and counts the tests read by path (see Fixtures/README.md).
            exclude: ["Fixtures"]
        ),
    ]
)
