// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ErrorKB",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ErrorKB", targets: ["ErrorKB"]),
        .executable(name: "kb", targets: ["kb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // Importer, store and query library.
        .target(
            name: "ErrorKB",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API, for binding bulk-insert values without boxing them.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            plugins: [.plugin(name: "EmbedFiles")]
        ),
        // The `kb` command line tool: a thin layer over ErrorKB.
        .executableTarget(
            name: "kb",
            dependencies: [
                "ErrorKB",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark helpers (bench/run): in-process search latency, and the search form of a
        // database's rows for the sqlite3 CLI path. Not part of the product.
        .executableTarget(name: "kb-bench", dependencies: ["ErrorKB", .product(name: "GRDB", package: "GRDB.swift")],
                          path: "bench/kb-bench"),
        // Compiles schema/*.sql and seed/* into the library, so a lone `kb` binary works anywhere.
        .executableTarget(name: "embed-files", path: "Sources/embed-files"),
        .plugin(
            name: "EmbedFiles",
            capability: .buildTool(),
            dependencies: ["embed-files"]
        ),
        .testTarget(
            name: "ErrorKBTests",
            dependencies: ["ErrorKB"]
        ),
    ]
)
