import Foundation
import Testing

/// Output that cannot be written: a full device, a closed descriptor, a file-size limit (a disk
/// that fills up). kb says `kb: cannot write output: …` when stderr still works and exits 3, in
/// every format and command; it never exits 0 having lost its output, and never traps. A pipe
/// whose reader has gone (`| head`) ends kb quietly.
@Suite struct OutputErrorTests {
    let directory = Fixtures.temporaryDirectory().path
    var seed: String { Fixtures.builtDatabasePath }

    /// Every command that prints, in every format it has.
    var printingCommands: [[String]] {
        var commands: [[String]] = []
        for format in ["table", "json", "csv"] {
            commands += [
                ["show", "-1121", "--db", seed, "--format", format],
                ["search", "余额", "--db", seed, "--format", format],
                ["match", "Invalid symbol.", "--db", seed, "--format", format],
                ["match", "--code", "-4001", "--db", seed, "--format", format],
                ["duplicates", "--db", seed, "--format", format],
                ["stats", "--db", seed, "--format", format],
                ["diff", seed, Fixtures.builtDatabasePath, "--format", format],
            ]
        }
        commands += [["export", "--db", seed], ["export", "--db", seed, "--format", "jsonl", "--view", "codes"], ["--help"], ["--version"],
                     ["search", "--help"], ["build", "--out", directory + "/summary.db"], ["build", "--out", directory + "/summary.db", "--format", "json"]]
        return commands
    }

    @Test func aFullDeviceOnStandardOutput() throws {
        for command in printingCommands {
            let quoted = command.map { "'\($0)'" }.joined(separator: " ")
            let result = TestProcess.shell("\"$KB\" \(quoted) >/dev/full", home: directory)
            // diff of a file with itself finds no changes and prints "no changes" (exit 1 then).
            #expect(result.signal == nil, "\(command): \(result.summary)")
            #expect(result.status == 3, "\(command): \(result.summary)")
            #expect(result.stderr == "kb: cannot write output: No space left on device\n", "\(command): \(result.stderr)")
        }
    }

    @Test func aClosedStandardOutput() {
        for command in [["search", "x", "--format", "csv", "--db", seed], ["show", "-1121", "--db", seed], ["export", "--db", seed]] {
            let result = TestProcess.kb(bytes: command.map { Array($0.utf8) }, home: directory, closed: [1])
            #expect(result.signal == nil, "\(command): \(result.summary)")
            #expect(result.status == 3, "\(command): \(result.summary)")
            #expect(result.stderr == "kb: cannot write output: Bad file descriptor\n", "\(command): \(result.stderr)")
        }
    }

    @Test func aFullDeviceOnStandardError() {
        // Nothing can be said, so only the status tells: 3, not a trap, and not the status of
        // the message that was lost.
        for command in [["show", "-99999", "--db", seed], ["show", "-1121", "--db", directory + "/missing.db"], ["search"]] {
            let quoted = command.map { "'\($0)'" }.joined(separator: " ")
            let result = TestProcess.shell("\"$KB\" \(quoted) 2>/dev/full", home: directory)
            #expect(result.signal == nil, "\(command): \(result.summary)")
            #expect(result.status == 3, "\(command): \(result.summary)")
        }
        let closed = TestProcess.kb(bytes: [Array("show".utf8), Array("-99999".utf8), Array("--db".utf8), Array(seed.utf8)], home: directory, closed: [2])
        #expect(closed.signal == nil && closed.status == 3, "\(closed.summary)")
    }

    @Test func aPipeWhoseReaderHasGoneEndsKBQuietly() throws {
        for command in [["export", "--db", seed, "--format", "jsonl"], ["search", "a", "--limit", "300", "--db", seed]] {
            let quoted = command.map { "'\($0)'" }.joined(separator: " ")
            let script = "( \"$KB\" \(quoted) 2>'\(directory)/err'; echo $? >'\(directory)/status' ) | head -c 10 >/dev/null"
            let result = TestProcess.shell(script, home: directory)
            #expect(result.status == 0, "\(result.summary)")
            let stderr = try String(contentsOfFile: directory + "/err", encoding: .utf8)
            #expect(stderr.isEmpty, "\(command): \(stderr)")
            let status = try String(contentsOfFile: directory + "/status", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            // Killed by SIGPIPE (141) as before, or a quiet exit; never a trap or a message.
            #expect(["0", "141"].contains(status), "\(command): status \(status)")
        }
    }

    @Test func aDiskThatFillsUpUnderExportOut() throws {
        let out = directory + "/catalog.csv"
        try Data("the old export\n".utf8).write(to: URL(fileURLWithPath: out))
        // A file-size limit of 16 blocks stands for a disk that fills up while kb writes.
        let result = TestProcess.shell("ulimit -f 16; trap '' XFSZ; exec \"$KB\" export --db '\(seed)' --out '\(out)'", home: directory)
        #expect(result.signal == nil, "\(result.summary)")
        #expect(result.status == 3, "\(result.summary)")
        #expect(result.stderr.hasPrefix("kb: ") && result.stderr.contains("catalog.csv") && result.stderr.contains("File too large"), "\(result.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "the old export\n")
        #expect(DatabaseCheck.temporaryFiles(in: directory).isEmpty, "\(DatabaseCheck.temporaryFiles(in: directory))")
    }

    @Test func aDiskThatFillsUpUnderBuildOut() throws {
        let out = directory + "/kb.db"
        try FileManager.default.copyItem(atPath: seed, toPath: out)
        let old = try Data(contentsOf: URL(fileURLWithPath: out))
        let page = directory + "/big.md"
        try DatabaseCheck.generatedDocument(sections: 5, perSection: 200).write(to: URL(fileURLWithPath: page))
        let result = TestProcess.shell("ulimit -f 64; trap '' XFSZ; exec \"$KB\" build '\(page)' --out '\(out)'", home: directory)
        #expect(result.signal == nil, "\(result.summary)")
        #expect(result.status == 3, "\(result.summary)")
        #expect(result.stderr.hasPrefix("kb: ") && result.stderr.contains("kb.db"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == old)
        #expect(DatabaseCheck.temporaryFiles(in: directory).isEmpty, "\(DatabaseCheck.temporaryFiles(in: directory))")
    }
}
