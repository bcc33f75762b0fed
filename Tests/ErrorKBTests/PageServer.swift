import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The loopback documentation site of Tests/page-server/serve.py, one per test, serving the files
/// of a folder of its own: 127.0.0.1 on a port the system picks, so no test reaches beyond the
/// machine. Stopped when released.
final class PageServer {
    /// The folder it serves (`/pages/NAME` is `root/NAME`).
    let root: URL
    /// The port it listens on.
    private(set) var port = 0
    /// A port bound but not listened on: a connection to it is refused.
    private(set) var refusedPort = 0
    private var pid: pid_t?

    static let script = Fixtures.packageRoot.appendingPathComponent("Tests/page-server/serve.py")

    init() throws {
        root = Fixtures.temporaryDirectory()
        let portFile = root.appendingPathComponent("port.txt").path
        pid = TestProcess.start("/usr/bin/env", ["python3", Self.script.path, root.path], environment: ProcessInfo.processInfo.environment,
                                stdout: portFile, stderr: root.appendingPathComponent("server.err").path)
        for _ in 0..<3000 {  // up to 30 s on a busy machine
            let ports = ((try? String(contentsOfFile: portFile, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
            if ports.count == 2 {
                (port, refusedPort) = (ports[0], ports[1])
                return
            }
            usleep(10_000)
        }
        throw ServerFailure(detail: (try? String(contentsOf: root.appendingPathComponent("server.err"), encoding: .utf8)) ?? "no port")
    }

    deinit {
        if let pid { TestProcess.kill(pid) }
    }

    struct ServerFailure: Error { let detail: String }

    /// `http://127.0.0.1:PORT` + path.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Serves `text` as `root/name`.
    func put(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }

    /// The requests served so far, one line each ("GET PATH if-none-match=… if-modified-since=…").
    var requests: [String] {
        ((try? String(contentsOf: root.appendingPathComponent("requests.log"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}
