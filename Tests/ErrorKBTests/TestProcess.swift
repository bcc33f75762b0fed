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

    /// The `kb` binary that `swift build` put beside the test bundle; ERRORKB_TEST_KB names another
    /// (an older build, to watch a test fail before its fix).
    static var kbBinary: URL {
        if let other = ProcessInfo.processInfo.environment["ERRORKB_TEST_KB"], !other.isEmpty { return URL(fileURLWithPath: other) }
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

    /// Runs `kb` with arguments given as bytes (file names that are not UTF-8), and with any of
    /// standard input, output and error closed (`closed`: 0, 1, 2) instead of on files.
    static func kb(bytes arguments: [[UInt8]], home: String? = nil, closed: Set<Int32> = [], stdin: String? = nil,
                   environment extra: [String: String] = [:], timeout: Double = 120) -> Result {
        run(kbBinary.path, bytes: arguments, environment: environment(home: home, extra), stdin: stdin, closed: closed, timeout: timeout)
    }

    /// Runs a shell command line with `sh -c` (pipelines, `ulimit`, redirections); `$KB` is the kb binary.
    static func shell(_ script: String, home: String? = nil, timeout: Double = 120) -> Result {
        run("/bin/sh", ["-c", script], environment: environment(home: home, ["KB": kbBinary.path]), timeout: timeout)
    }

    /// Runs `kb` under a pseudo-terminal (util-linux `script`) `columns` wide, with TERM=xterm
    /// unless `environment` says otherwise, and no NO_COLOR unless it does: stdout and stderr are both the terminal, and come back
    /// together in `stdout`, line ends as `\n`.
    static func terminal(_ arguments: [String], columns: Int = 100, home: String? = nil, environment extra: [String: String] = [:],
                         timeout: Double = 120) -> Result {
        let quoted = { (word: String) in "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let variables = (["TERM": "xterm"].merging(extra) { $1 }).sorted { $0.key < $1.key }.map { quoted("\($0.key)=\($0.value)") }
        // swift test sets NO_COLOR=1 for what it runs; a terminal here is a user's, without it.
        let command = "stty cols \(columns) rows 50; exec env -u NO_COLOR -u FORCE_COLOR \(variables.joined(separator: " ")) \(quoted(kbBinary.path)) "
            + arguments.map(quoted).joined(separator: " ")
        var result = run("/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"], environment: environment(home: home), timeout: timeout)
        result.stdout = result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        return result
    }

    /// Runs a program found on PATH (python3, sqlite3) with the arguments.
    static func tool(_ name: String, _ arguments: [String], timeout: Double = 120) -> Result {
        run("/usr/bin/env", [name] + arguments, environment: ProcessInfo.processInfo.environment, timeout: timeout)
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String], stdin: String? = nil, timeout: Double) -> Result {
        run(executable, bytes: arguments.map { Array($0.utf8) }, environment: environment, stdin: stdin, closed: [], timeout: timeout)
    }

    static func run(_ executable: String, bytes arguments: [[UInt8]], environment: [String: String], stdin: String? = nil,
                    closed: Set<Int32>, timeout: Double) -> Result {
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("errorkb-spawn-\(UUID().uuidString)").path
        let stdinPath = stdin == nil ? "/dev/null" : files + ".in", stdoutPath = files + ".out", stderrPath = files + ".err"
        defer {
            if stdin != nil { unlink(stdinPath) }
            unlink(stdoutPath)
            unlink(stderrPath)
        }
        if let stdin { _ = FileManager.default.createFile(atPath: stdinPath, contents: Data(stdin.utf8)) }
        let began = Date()
        guard let pid = start(executable, bytes: arguments, environment: environment, stdin: stdinPath, stdout: stdoutPath, stderr: stderrPath,
                              closed: closed) else {
            return Result(status: nil, signal: nil, timedOut: false, stdout: "", stderr: "cannot spawn \(executable): \(String(cString: strerror(errno)))", seconds: 0)
        }
        let waited = wait(pid, timeout: timeout)
        let read = { (path: String) in (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? "" }
        return Result(status: waited.status, signal: waited.signal, timedOut: waited.timedOut,
                      stdout: read(stdoutPath), stderr: read(stderrPath), seconds: Date().timeIntervalSince(began))
    }

    /// A `kb` started and not yet waited for: its output goes to files read when it is waited for.
    struct Running {
        let pid: pid_t
        let stdoutPath: String
        let stderrPath: String
        let began: Date

        /// Waits for the process (killing it at the timeout) and reads its output.
        func wait(timeout: Double = 120) -> Result {
            let waited = TestProcess.wait(pid, timeout: timeout)
            let read = { (path: String) in (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? "" }
            defer {
                unlink(stdoutPath)
                unlink(stderrPath)
            }
            return Result(status: waited.status, signal: waited.signal, timedOut: waited.timedOut,
                          stdout: read(stdoutPath), stderr: read(stderrPath), seconds: Date().timeIntervalSince(began))
        }

        /// Sends a signal, without waiting.
        func signal(_ number: Int32) { Glibc.kill(pid, number) }
    }

    /// Starts `kb` with the arguments and returns at once.
    static func spawn(_ arguments: [String], home: String? = nil, environment extra: [String: String] = [:]) -> Running? {
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("errorkb-spawn-\(UUID().uuidString)").path
        guard let pid = start(kbBinary.path, arguments, environment: environment(home: home, extra), stdout: files + ".out", stderr: files + ".err") else {
            return nil
        }
        return Running(pid: pid, stdoutPath: files + ".out", stderrPath: files + ".err", began: Date())
    }

    /// Starts a process with stdin, stdout and stderr on the given files.
    static func start(_ executable: String, _ arguments: [String], environment: [String: String],
                      stdin: String = "/dev/null", stdout: String = "/dev/null", stderr: String = "/dev/null") -> pid_t? {
        start(executable, bytes: arguments.map { Array($0.utf8) }, environment: environment, stdin: stdin, stdout: stdout, stderr: stderr)
    }

    /// Starts a process with arguments given as bytes; the descriptors in `closed` are closed in it.
    static func start(_ executable: String, bytes arguments: [[UInt8]], environment: [String: String],
                      stdin: String = "/dev/null", stdout: String = "/dev/null", stderr: String = "/dev/null",
                      closed: Set<Int32> = []) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, path, flags) in [(Int32(0), stdin, O_RDONLY), (1, stdout, O_WRONLY | O_CREAT | O_TRUNC), (2, stderr, O_WRONLY | O_CREAT | O_TRUNC)] {
            if closed.contains(fd) {
                posix_spawn_file_actions_addclose(&actions, fd)
            } else {
                posix_spawn_file_actions_addopen(&actions, fd, path, flags, 0o644)
            }
        }
        // Nothing else the test process has open reaches the child: a file another test is
        // writing (a copy of kb) would stay open for writing, and exec it would fail (ETXTBSY).
        _ = addCloseFrom?(&actions, 3)
        let argv: [UnsafeMutablePointer<CChar>?] = ([Array(executable.utf8)] + arguments).map { bytes in
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
            copy[bytes.count] = 0
            return copy
        } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { $0?.deallocate() }
            envp.forEach { free($0) }
        }
        // Signals as a shell would leave them: none blocked, none ignored (the test runner may
        // ignore some, and a child inherits that).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        var result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        // A child that another thread spawned before closefrom took effect may still hold it open.
        for _ in 0..<50 where result == ETXTBSY {
            usleep(100_000)
            result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
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
