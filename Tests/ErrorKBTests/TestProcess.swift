import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The tests' one process runner: `kb`, python3, sqlite3, Datasette. Programs start with
/// posix_spawn, with stdin from a file (or /dev/null) and stdout and stderr into files (no pipe to
/// fill up), and are reaped with waitpid by this code alone (never by Foundation's `Process`, which
/// could reap another test's child first), killed at a deadline.
enum TestProcess {
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

    /// The `kb` binary that `swift build` put beside the test bundle.
    static var kbBinary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kb"),
            Fixtures.packageRoot.appendingPathComponent(".build/debug/kb"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// The environment `kb` runs with: no KB_DB; with `home`, a HOME of its own for the seed cache
    /// (else the test run's, so that the seed is built once); then `extra`.
    static func environment(home: String? = nil, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "KB_DB")
        if let home {
            environment["HOME"] = home
            environment.removeValue(forKey: "XDG_CACHE_HOME")
        }
        return environment.merging(extra) { $1 }
    }

    /// Runs `kb` (or another build of it, `executable`) with the arguments.
    static func kb(_ arguments: [String], home: String? = nil, environment extra: [String: String] = [:], stdin: String? = nil,
                   executable: URL? = nil, timeout: Double = 120) -> Result {
        run((executable ?? kbBinary).path, arguments, environment: environment(home: home, extra), stdin: stdin, timeout: timeout)
    }

    /// Runs a program found on PATH (python3, sqlite3) with the arguments.
    static func tool(_ name: String, _ arguments: [String], timeout: Double = 120) -> Result {
        run("/usr/bin/env", [name] + arguments, environment: ProcessInfo.processInfo.environment, timeout: timeout)
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String], stdin: String? = nil, timeout: Double) -> Result {
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("errorkb-spawn-\(UUID().uuidString)").path
        let stdinPath = stdin == nil ? "/dev/null" : files + ".in", stdoutPath = files + ".out", stderrPath = files + ".err"
        defer {
            if stdin != nil { unlink(stdinPath) }
            unlink(stdoutPath)
            unlink(stderrPath)
        }
        if let stdin { _ = FileManager.default.createFile(atPath: stdinPath, contents: Data(stdin.utf8)) }
        let began = Date()
        guard let pid = start(executable, arguments, environment: environment, stdin: stdinPath, stdout: stdoutPath, stderr: stderrPath) else {
            return Result(status: nil, signal: nil, timedOut: false, stdout: "", stderr: "cannot spawn \(executable): \(String(cString: strerror(errno)))", seconds: 0)
        }
        let waited = wait(pid, timeout: timeout)
        let read = { (path: String) in (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? "" }
        return Result(status: waited.status, signal: waited.signal, timedOut: waited.timedOut,
                      stdout: read(stdoutPath), stderr: read(stderrPath), seconds: Date().timeIntervalSince(began))
    }

    /// Starts a process with stdin, stdout and stderr on the given files.
    static func start(_ executable: String, _ arguments: [String], environment: [String: String],
                      stdin: String = "/dev/null", stdout: String = "/dev/null", stderr: String = "/dev/null") -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // Nothing else the test process has open reaches the child: a file another test is
        // writing (a copy of kb) would stay open for writing, and exec it would fail (ETXTBSY).
        _ = addCloseFrom?(&actions, 3)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        var result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        // A child that another thread spawned before closefrom took effect may still hold it open.
        for _ in 0..<50 where result == ETXTBSY {
            usleep(100_000)
            result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        }
        guard result == 0 else {
            errno = result
            return nil
        }
        return pid
    }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34 and later), which Swift does not import.
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self) }
    }()

    /// Whether the process has exited (reaping it if so), without waiting.
    static func hasExited(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == pid
    }

    /// Kills the process with SIGKILL and reaps it.
    static func kill(_ pid: pid_t) {
        Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
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
                Glibc.kill(pid, SIGKILL)
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
