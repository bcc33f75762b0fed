import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Runs programs for the reliability tests: with a deadline, output captured in files (no pipe to
/// fill up), started with posix_spawn and reaped with waitpid by this code alone, so that no
/// Foundation `Process` elsewhere in the test run can reap them first.
enum Spawn {
    struct Result {
        /// Exit status; nil when the process died of a signal or was killed at the deadline.
        var status: Int32?
        var signal: Int32?
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var seconds: Double

        var summary: String {
            "status \(status.map(String.init) ?? "-") signal \(signal.map(String.init) ?? "-") timedOut \(timedOut) after \(String(format: "%.2f", seconds)) s; stderr: \(stderr.prefix(2000))"
        }
    }

    /// The environment `kb` runs with: no KB_DB, and a HOME of its own for the seed cache.
    static func environment(home: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "KB_DB")
        environment.removeValue(forKey: "XDG_CACHE_HOME")
        environment["HOME"] = home
        return environment
    }

    /// Runs `kb` with the arguments, killing it at the deadline.
    static func kb(_ arguments: [String], home: String? = nil, timeout: Double = 120) -> Result {
        let scratch = home ?? Fixtures.temporaryDirectory().path
        return run(KBProcess.binary.path, arguments, environment: environment(home: scratch), timeout: timeout)
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String], timeout: Double) -> Result {
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("errorkb-spawn-\(UUID().uuidString)")
        let stdoutPath = outputs.path + ".out", stderrPath = outputs.path + ".err"
        defer {
            unlink(stdoutPath)
            unlink(stderrPath)
        }
        let began = Date()
        guard let pid = start(executable, arguments, environment: environment, stdout: stdoutPath, stderr: stderrPath) else {
            return Result(status: nil, signal: nil, timedOut: false, stdout: "", stderr: "cannot spawn \(executable): errno \(errno)", seconds: 0)
        }
        let waited = wait(pid, timeout: timeout)
        let read = { (path: String) in (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? "" }
        return Result(status: waited.status, signal: waited.signal, timedOut: waited.timedOut,
                      stdout: read(stdoutPath), stderr: read(stderrPath), seconds: Date().timeIntervalSince(began))
    }

    /// Starts a process with stdin from /dev/null and stdout and stderr into the given files.
    static func start(_ executable: String, _ arguments: [String], environment: [String: String],
                      stdout: String = "/dev/null", stderr: String = "/dev/null") -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard result == 0 else {
            errno = result
            return nil
        }
        return pid
    }

    /// Waits for the process, killing it with SIGKILL when the timeout passes first.
    static func wait(_ pid: pid_t, timeout: Double) -> (status: Int32?, signal: Int32?, timedOut: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var timedOut = false
        while true {
            let reaped = waitpid(pid, &status, timedOut ? 0 : WNOHANG)
            if reaped == pid { break }
            if reaped == -1 {
                if errno == EINTR { continue }
                return (nil, nil, timedOut)  // reaped elsewhere: nothing more to learn
            }
            if Date() > deadline && !timedOut {
                kill(pid, SIGKILL)
                timedOut = true
                continue
            }
            usleep(2_000)
        }
        return decode(status, timedOut: timedOut)
    }

    /// WIFEXITED/WEXITSTATUS/WTERMSIG, which Swift does not import.
    static func decode(_ status: Int32, timedOut: Bool) -> (status: Int32?, signal: Int32?, timedOut: Bool) {
        let signal = status & 0x7F
        return signal == 0 ? ((status >> 8) & 0xFF, nil, timedOut) : (nil, signal, timedOut)
    }
}

/// A small seeded generator (SplitMix64), so that a failing random test can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Checks on a database file as an analyst's tool would open it.
enum DatabaseCheck {
    /// `PRAGMA integrity_check`, read-only; nil when the file cannot be opened at all.
    static func integrity(_ path: String) -> String? {
        var config = Configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        defer { try? queue.close() }
        return (try? queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") })?.joined(separator: "; ")
    }

    /// One value from a read-only query.
    static func value<T: DatabaseValueConvertible>(_ path: String, _ sql: String, as type: T.Type = T.self) -> T? {
        var config = Configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        defer { try? queue.close() }
        return try? queue.read { try T.fetchOne($0, sql: sql) }
    }

    /// Names in a directory that look like temporary files.
    static func temporaryFiles(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(".tmp") }.sorted()
    }

    /// The seed documents as files, in name order.
    static var seedFiles: [String] {
        let folder = Fixtures.packageRoot.appendingPathComponent("seed")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { folder.appendingPathComponent($0).path }
    }

    /// A markdown page in the seed's style with `sections × perSection` entries, in a domain of
    /// its own ("generated"), whose codes overlap the seed's (-1000, -1121, …) as other products do.
    static func generatedDocument(sections: Int, perSection: Int) -> Data {
        var text = "---\nurl: https://example.com/docs/en/generated/error-code\n---\n\n# Generated error codes\n\n"
        for section in 1...sections {
            text += "## \(section)xxx - Generated section \(section)\n\n"
            for index in 0..<perSection {
                let code = section * 1000 + index
                text += "#### \\-\(code) GENERATED\\_ERROR\\_\(section)\\_\(index)\n\n"
                text += "-   Generated error \(code): the value %s is not valid for {0}; 余额不足 \(index).\n\n"
            }
        }
        return Data(text.utf8)
    }
}
