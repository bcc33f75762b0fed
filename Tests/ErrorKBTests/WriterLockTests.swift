import Foundation
import Testing

/// Writers of one database at once, as real processes: two `kb add`, or a `kb build --out` over a
/// file an add is changing, while readers keep asking. A writer that says it wrote has its
/// document in the file afterwards, or it failed with exit 3 and said why; no write is ever lost
/// in silence, and no reader ever fails.
@Suite(.serialized) struct WriterLockTests {
    static let rounds = 20

    /// Readers asking the target in a loop until stopped: every answer must be a good one.
    final class Readers: @unchecked Sendable {
        private let lock = NSLock()
        private var stopped = false
        private(set) var answers = 0
        private(set) var failures: [String] = []
        private let done = DispatchGroup()

        init(count: Int, target: String, home: String) {
            for reader in 0..<count {
                done.enter()
                Thread { [self] in
                    // Each query has an answer in every version the file goes through.
                    let queries = [["stats"], ["show", "-1000"], ["search", "余额", "--limit", "3"]]
                    var turn = reader
                    while !lock.withLock({ stopped }) {
                        let query = queries[turn % queries.count]
                        turn += 1
                        let answer = TestProcess.kb(query + ["--db", target], home: home, timeout: 60)
                        lock.withLock {
                            answers += 1
                            if answer.status != 0 || !ConcurrencyTests.quiet(answer.stderr), failures.count < 10 {
                                failures.append("\(query): \(answer.summary)")
                            }
                        }
                    }
                    done.leave()
                }.start()
            }
        }

        func stop() {
            lock.withLock { stopped = true }
            _ = done.wait(timeout: .now() + 120)
        }
    }

    /// A workspace with the seed database, two documents of domains of their own (alpha, beta)
    /// and a third (gamma) to build from.
    struct Workspace {
        let directory = Fixtures.temporaryDirectory().path
        var target: String { directory + "/b.db" }
        var alpha: String { directory + "/alpha.md" }
        var beta: String { directory + "/beta.md" }
        var gamma: String { directory + "/gamma.md" }
        let seed: Data

        init() throws {
            seed = try Data(contentsOf: URL(fileURLWithPath: Fixtures.builtDatabasePath))
            for domain in ["alpha", "beta", "gamma"] {
                try DatabaseCheck.generatedDocument(sections: 3, perSection: 100, domain: domain)
                    .write(to: URL(fileURLWithPath: directory + "/\(domain).md"))
            }
        }

        /// The domains of the documents the target holds, sorted.
        func domains() -> [String] {
            let result = TestProcess.tool("sqlite3", ["-readonly", target, "SELECT domain FROM documents ORDER BY domain"])
            return result.stdout.split(separator: "\n").map(String.init)
        }
    }

    /// A writer's outcome is fine when it wrote (exit 0), or failed with exit 3 saying so in one
    /// `kb:` line; a crash, a hang or another status is not.
    static func check(_ result: TestProcess.Result, _ what: String, round: Int) -> Bool {
        #expect(!result.timedOut && result.signal == nil, "round \(round) \(what): \(result.summary)")
        if result.status == 3 {
            #expect(result.stderr.hasPrefix("kb: ") && result.stderr.contains("b.db"), "round \(round) \(what): \(result.summary)")
            return false
        }
        #expect(result.status == 0, "round \(round) \(what): \(result.summary)")
        return result.status == 0
    }

    @Test(.timeLimit(.minutes(15)))
    func twoAddsAtOnceBothLandOrTheLoserSaysWhy() throws {
        let workspace = try Workspace()
        var landed = 0, refused = 0, checked = 0, answers = 0
        for round in 1...Self.rounds {
            try workspace.seed.write(to: URL(fileURLWithPath: workspace.target))
            let readers = Readers(count: 2, target: workspace.target, home: workspace.directory)
            let first = try #require(TestProcess.spawn(["add", workspace.alpha, "--db", workspace.target], home: workspace.directory))
            let second = try #require(TestProcess.spawn(["add", workspace.beta, "--db", workspace.target], home: workspace.directory))
            let results = [first.wait(), second.wait()]
            readers.stop()
            answers += readers.answers
            #expect(readers.failures.isEmpty, "round \(round): \(readers.failures.joined(separator: "\n"))")

            let domains = workspace.domains()
            var expected = ["coin-margined-futures", "wallet"]
            for (result, domain) in zip(results, ["alpha", "beta"]) {
                if Self.check(result, "add \(domain)", round: round) {
                    expected.append(domain)
                    #expect(result.stdout.contains("added"), "round \(round): \(result.summary)")
                    landed += 1
                } else {
                    refused += 1
                }
            }
            checked += domains.count
            #expect(domains == expected.sorted(), "round \(round): the file holds \(domains), the writers said \(expected.sorted())")
            #expect(DatabaseCheck.integrity(workspace.target) == "ok", "round \(round)")
            #expect(DatabaseCheck.temporaryFiles(in: workspace.directory).isEmpty, "round \(round)")
        }
        print("writer lock: \(Self.rounds) rounds of two concurrent adds with two readers: \(landed) adds landed, \(refused) refused, "
              + "\(checked) documents checked present, \(answers) reader answers")
        #expect(landed + refused == 2 * Self.rounds)
    }

    @Test(.timeLimit(.minutes(15)))
    func aBuildOverAFileAnAddIsChangingIsNeverUndoneByTheAdd() throws {
        let workspace = try Workspace()
        // A long add (a large page) and a short build (a small one), so that builds start and end
        // while the add is under way.
        let large = workspace.directory + "/alpha.md"
        try DatabaseCheck.generatedDocument(sections: 10, perSection: 300, domain: "alpha").write(to: URL(fileURLWithPath: large))
        try workspace.seed.write(to: URL(fileURLWithPath: workspace.target))
        let timed = TestProcess.kb(["add", large, "--db", workspace.target], home: workspace.directory)
        #expect(timed.status == 0, "\(timed.summary)")
        var outcomes: [String: Int] = [:]
        for round in 1...Self.rounds {
            try workspace.seed.write(to: URL(fileURLWithPath: workspace.target))
            let readers = Readers(count: 2, target: workspace.target, home: workspace.directory)
            let add = try #require(TestProcess.spawn(["add", large, "--db", workspace.target], home: workspace.directory))
            // The build starts at a point that moves through the add.
            usleep(useconds_t(timed.seconds * Double(round - 1) / Double(Self.rounds) * 1_000_000))
            let build = try #require(TestProcess.spawn(["build", workspace.gamma, "--out", workspace.target], home: workspace.directory))
            let added = Self.check(add.wait(), "add", round: round)
            let built = Self.check(build.wait(), "build", round: round)
            readers.stop()
            #expect(readers.failures.isEmpty, "round \(round): \(readers.failures.joined(separator: "\n"))")

            // In some order, one after the other: the build's file, or the build's file with
            // alpha added to it. The seed's documents beside alpha would mean the add wrote over
            // the build with a copy of the file it had read before the build.
            let domains = workspace.domains()
            outcomes[domains.joined(separator: "+"), default: 0] += 1
            var allowed: [[String]] = []
            if built { allowed += [["gamma"], added ? ["alpha", "gamma"] : []] }
            if !built { allowed.append(added ? ["alpha", "coin-margined-futures", "wallet"] : ["coin-margined-futures", "wallet"]) }
            #expect(allowed.contains(domains), "round \(round): the file holds \(domains); add \(added), build \(built)")
        }
        print("writer lock: \(Self.rounds) rounds of an add and a build at once: " + outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
}
