import Foundation
import GRDB
import Testing
@testable import ErrorKBStore

/// `kb build --out X` killed with SIGKILL at random moments while X holds a valid database: X is
/// always the old file or the complete new one, never a mix.
@Suite(.serialized) struct CrashSafetyTests {
    static let rounds = 100

    /// Starts a build, kills it after `delay` seconds (and reaps it). Returns whether the build
    /// had already exited when the signal was due.
    static func buildAndKill(_ arguments: [String], home: String, after delay: Double) throws -> Bool {
        let started = TestProcess.start(TestProcess.kbBinary.path, arguments, environment: TestProcess.environment(home: home))
        let pid = try #require(started, "cannot start kb")
        usleep(useconds_t(delay * 1_000_000))
        if TestProcess.hasExited(pid) { return true }
        TestProcess.kill(pid)
        return false
    }

    @Test(.timeLimit(.minutes(10)))
    func sigkillAtRandomMomentsLeavesTheOldOrTheNewDatabase() throws {
        let directory = Fixtures.temporaryDirectory().path
        let target = directory + "/x.db"
        let generated = directory + "/generated.md"
        try DatabaseCheck.generatedDocument(sections: 10, perSection: 100).write(to: URL(fileURLWithPath: generated))
        let arguments = ["build"] + DatabaseCheck.seedFiles + [generated, "--out", target]

        // The old file: the two original seed documents alone. The new one: the seed plus the generated page,
        // built once elsewhere; builds are byte-for-byte reproducible, so a complete build at X
        // has exactly these bytes.
        #expect(TestProcess.kb(["build", "--out", target] + Fixtures.originalSeedFiles, home: directory).status == 0)
        let old = try Data(contentsOf: URL(fileURLWithPath: target))
        var durations: [Double] = []
        for _ in 0..<3 {
            let reference = TestProcess.kb(["build"] + DatabaseCheck.seedFiles + [generated, "--out", directory + "/reference.db"], home: directory)
            #expect(reference.status == 0, "\(reference.summary)")
            durations.append(reference.seconds)
        }
        let new = try Data(contentsOf: URL(fileURLWithPath: directory + "/reference.db"))
        try FileManager.default.removeItem(atPath: directory + "/reference.db")
        #expect(old != new)
        var typical = durations.sorted()[1]

        let seed = UInt64(ProcessInfo.processInfo.environment["ERRORKB_KILL_SEED"] ?? "") ?? 0x0C0F_FEE5
        var random = SplitMix64(seed: seed)
        var keptOld = 0, becameNew = 0, finishedBeforeKill = 0
        var leftovers: Set<String> = []
        let started = Date()
        var measured = [typical]
        for round in 1...Self.rounds {
            try old.write(to: URL(fileURLWithPath: target))
            // Every tenth round first times a build that is left to finish, so that the kills keep
            // spanning the whole build when the machine is busier than at the start.
            if round % 10 == 1 && round > 1 {
                let timed = TestProcess.kb(arguments, home: directory)
                #expect(timed.status == 0 && (try? Data(contentsOf: URL(fileURLWithPath: target))) == new, "\(timed.summary)")
                typical = timed.seconds
                measured.append(timed.seconds)
                try old.write(to: URL(fileURLWithPath: target))
            }
            // Uniform over the build's typical duration and a little past it.
            let delay = Double.random(in: 0...(typical * 1.2), using: &random)
            if try Self.buildAndKill(arguments, home: directory, after: delay) { finishedBeforeKill += 1 }
            let now = try Data(contentsOf: URL(fileURLWithPath: target))
            if now == old {
                keptOld += 1
            } else {
                becameNew += 1
                #expect(now == new, "round \(round) (seed \(seed), delay \(delay) s): X is neither the old nor the new database")
                #expect(DatabaseCheck.integrity(target) == "ok", "round \(round): integrity_check")
                let stats = TestProcess.kb(["stats", "--db", target], home: directory)
                #expect(stats.status == 0, "round \(round): kb stats: \(stats.summary)")
            }
            // Only the build's own temp file may be left, named .x.db.PID.tmp, and its lock file
            // x.db-lock (unlocked: the kernel lets go of a dead process's locks).
            for name in try FileManager.default.contentsOfDirectory(atPath: directory) where !["x.db", "generated.md", "x.db-lock"].contains(name) {
                let pid = name.hasPrefix(".x.db.") && name.hasSuffix(".tmp") ? name.dropFirst(6).dropLast(4) : ""
                #expect(!pid.isEmpty && pid.allSatisfy(\.isNumber), "round \(round): unexpected file \(name)")
                leftovers.insert(name)
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        print("""
            crash safety: \(Self.rounds) SIGKILLs (seed \(seed), builds took \(measured.map { String(format: "%.2f", $0) }.joined(separator: "/")) s, \
            \(String(format: "%.1f", elapsed)) s in all): \(keptOld) left the old file, \(becameNew) the new one \
            (\(finishedBeforeKill) builds had finished before the kill); \(leftovers.count) temp files left behind
            """)
        #expect(keptOld + becameNew == Self.rounds)

        // A later build completes and removes its own temp file and those of the killed builds
        // (their processes are gone).
        let final = TestProcess.kb(arguments, home: directory)
        #expect(final.status == 0, "\(final.summary)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == new)
        #expect(DatabaseCheck.temporaryFiles(in: directory).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: target + "-lock"))
    }
}
