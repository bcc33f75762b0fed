import Foundation
import Testing

/// Writers killed while their temporary file is half written: SIGINT, SIGTERM and SIGHUP remove it
/// on the way out; after a SIGKILL the next write of the same target removes it, whatever pid its
/// name holds (pids are reused). A first-run cache build killed part way leaves nothing that
/// stays in the cache.
@Suite(.serialized) struct KilledWriterTests {
    /// A database whose catalog export takes long enough to be killed part way: 20,000 entries.
    static let large: String = {
        let directory = Fixtures.temporaryDirectory().path
        let page = directory + "/large.md"
        try! DatabaseCheck.generatedDocument(sections: 20, perSection: 1000).write(to: URL(fileURLWithPath: page))
        let result = TestProcess.kb(["build", page, "--out", directory + "/large.db"], home: directory, timeout: 600)
        precondition(result.status == 0, "kb build failed: \(result.summary)")
        return directory + "/large.db"
    }()

    /// Waits until a temporary file shows up in `directory` (nil if the process ended first).
    static func awaitTemporaryFile(in directory: String, while process: TestProcess.Running, ignoring: Set<String> = [],
                                   limit: Double = 60) -> String? {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            if let name = DatabaseCheck.temporaryFiles(in: directory).first(where: { !ignoring.contains($0) }) { return name }
            if TestProcess.hasExited(process.pid) { return nil }
            usleep(500)
        }
        return nil
    }

    @Test(.timeLimit(.minutes(10)), arguments: [SIGINT, SIGTERM, SIGHUP])
    func anExportInterruptedBySignalLeavesNoTemporaryFile(signal: Int32) throws {
        let directory = Fixtures.temporaryDirectory().path
        let out = directory + "/catalog.csv"
        let export = try #require(TestProcess.spawn(["export", "--db", Self.large, "--out", out], home: directory))
        let temp = Self.awaitTemporaryFile(in: directory, while: export)
        #expect(temp != nil, "the export ended before it could be interrupted")
        export.signal(signal)
        let result = export.wait()
        #expect(result.signal == signal || result.status != 0, "\(result.summary)")
        #expect(DatabaseCheck.temporaryFiles(in: directory).isEmpty, "left: \(DatabaseCheck.temporaryFiles(in: directory))")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).isEmpty)
    }

    @Test(.timeLimit(.minutes(10)))
    func theNextExportRemovesWhatAKilledOneLeft() throws {
        let directory = Fixtures.temporaryDirectory().path
        let out = directory + "/catalog.csv"
        let export = try #require(TestProcess.spawn(["export", "--db", Self.large, "--out", out], home: directory))
        let temp = try #require(Self.awaitTemporaryFile(in: directory, while: export))
        TestProcess.kill(export.pid)
        _ = export.wait()
        // The killed writer's pid is free now, but pids are reused: name the leftover after a
        // process that is alive (this one), as a reused pid would.
        let reused = ".catalog.csv.\(getpid()).tmp"
        #expect(rename(directory + "/" + temp, directory + "/" + reused) == 0)
        let next = TestProcess.kb(["export", "--db", Fixtures.builtDatabasePath, "--view", "codes", "--out", out], home: directory)
        #expect(next.status == 0, "\(next.summary)")
        #expect(DatabaseCheck.temporaryFiles(in: directory).isEmpty, "left: \(DatabaseCheck.temporaryFiles(in: directory))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["catalog.csv"])
    }

    @Test(.timeLimit(.minutes(10)))
    func aKilledFirstRunCacheBuildLeavesNothingInTheCache() throws {
        let home = Fixtures.temporaryDirectory().path
        let cache = home + "/.cache/errorkb"
        // Another version's abandoned cache build, left by a process whose pid is now alive.
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        let stale = ".seed-0000000000000000.db.\(getpid()).tmp"
        try Data("half a database".utf8).write(to: URL(fileURLWithPath: cache + "/" + stale))
        let first = try #require(TestProcess.spawn(["show", "-1121"], home: home))
        let temp = Self.awaitTemporaryFile(in: cache, while: first, ignoring: [stale])
        TestProcess.kill(first.pid)
        _ = first.wait()
        #expect(temp != nil)
        let next = TestProcess.kb(["show", "-1121"], home: home)
        #expect(next.status == 0, "\(next.summary)")
        let left = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(left.count == 1 && left[0].hasPrefix("seed-") && left[0].hasSuffix(".db"), "the cache holds \(left)")
    }
}
