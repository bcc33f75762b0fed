// swift-tools-version:6.1
// libFuzzer targets for ErrorKB: a package of its own, so that the main Package.swift stays free
// of sanitizer flags. Build and run with `fuzz/run TARGET SECONDS` or `fuzz/run-all SECONDS`.
// What each target does with an input is ErrorKB's `ErrorKBFuzzHarness` (shared with the
// regression tests that replay the inputs the targets found); each main.swift only starts
// libFuzzer's driver with it.
//
// `fuzz/run` builds with `--sanitize address -Xswiftc -sanitize-coverage=...`, which instruments
// ErrorKB and GRDB for libFuzzer. (SwiftPM's own `--sanitize fuzzer` would also compile the
// EmbedFiles plugin's tool as a library, which fails.) The driver comes from
// libclang_rt.fuzzer_no_main, found beside the toolchain's clang.
import PackageDescription

let fuzzerLibrary = Context.environment["ERRORKB_FUZZER_LIB"]
    ?? "/opt/swift/usr/lib/clang/21/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a"

let package = Package(
    name: "ErrorKBFuzz",
    dependencies: [.package(name: "ErrorKB", path: "..")],
    targets: [
        .target(name: "FuzzerDriver", path: "Sources/FuzzerDriver"),
    ] + ["FuzzImporter", "FuzzSearch", "FuzzMatcher", "FuzzLogLine"].map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzerDriver", .product(name: "ErrorKBFuzzHarness", package: "ErrorKB")],
            linkerSettings: [.unsafeFlags(["-Xlinker", fuzzerLibrary, "-lstdc++"])]
        )
    }
)
