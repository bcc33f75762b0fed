import Foundation
import Testing

/// The built file, opened by the tools analysts use: the sqlite3 CLI, Python's sqlite3, Datasette.
@Suite struct RealClientTests {
    /// The README's "For analysts" queries, each with the output it shows.
    static func readmeExamples() throws -> [(sql: String, output: String)] {
        try readmeExamples(section: "## For analysts")
    }

    /// The SQL examples of one section of the README (`sql` blocks, each followed by a `text`
    /// block with its output).
    static func readmeExamples(section heading: String) throws -> [(sql: String, output: String)] {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "\n" + heading + "\n") else { return [] }
        let section = readme[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        var examples: [(String, String)] = []
        var pendingSQL: String?
        for block in section[..<end].components(separatedBy: "```").enumerated() where block.offset % 2 == 1 {
            let text = block.element
            if text.hasPrefix("sql\n") { pendingSQL = String(text.dropFirst(4)) }
            if text.hasPrefix("text\n"), let sql = pendingSQL {
                examples.append((sql, String(text.dropFirst(5))))
                pendingSQL = nil
            }
        }
        return examples
    }

    /// The analysts' queries and the search section's (see SearchClientTests for the other clients).
    @Test(arguments: ["## For analysts", "## Search"])
    func theSQLiteCLIRunsTheREADMEQueries(section: String) throws {
        let examples = try Self.readmeExamples(section: section)
        #expect(examples.count >= 5)
        for example in examples {
            let result = TestProcess.tool("sqlite3", ["-readonly", Fixtures.builtDatabasePath, example.sql])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == example.output, "\(example.sql)")
        }
    }

    @Test func pythonReadsTheCatalog() throws {
        let output = try PythonCheck.run("""
            import sqlite3, sys
            con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
            for domain, codes, messages in con.execute(
                    "SELECT domain, count(DISTINCT code), count(message) FROM catalog GROUP BY domain ORDER BY domain"):
                print(domain, codes, messages)
            print(sqlite3.sqlite_version >= "3.31", con.execute("SELECT count(*) FROM dictionary").fetchone()[0] > 100)
            """, arguments: [Fixtures.builtDatabasePath])
        #expect(output == "coin-margined-futures 152 187\nwallet 235 259\nTrue True\n")
    }

    static var datasette: String? { DatasetteServer.tool("datasette", environment: "DATASETTE") }

    @Test(.enabled(if: datasette != nil, "skipped: Datasette is not installed (set DATASETTE, or run .ci/run, which installs it into .venv)"),
          .timeLimit(.minutes(3)))
    func datasetteServesSearchAndDescriptions() throws {
        let (db, meta) = DatasetteServer.seedFiles()
        let server = try #require(try DatasetteServer(db, metadata: meta), "cannot start \(Self.datasette!)")
        defer { server.stop() }
        let base = server.base
        let check = try PythonCheck.run("""
            import json, sys, urllib.parse, urllib.request
            base = sys.argv[1]
            def get(path):
                return urllib.request.urlopen(base + path, timeout=10).read().decode()
            docs = {r["id"]: r["domain"] for r in json.loads(get("/documents.json?_shape=array&_col=domain"))}
            chinese = json.loads(get("/search_content.json?_shape=array&_search=" + urllib.parse.quote("余额")))
            english = json.loads(get("/search_content.json?_shape=array&_search=withdraw"))
            print(len(chinese) > 0, {docs[r["document_id"]] for r in chinese})
            print(len(english) > 0, all("WITHDRAW" in r["name_terms"] for r in english), sorted({docs[r["document_id"]] for r in english}))
            page = get("/catalog")
            print("Error code, e.g. -1121" in page, "Language of the message: en or zh" in page)
            """, arguments: [base])
        #expect(check == "True {'wallet'}\nTrue True ['coin-margined-futures', 'wallet']\nTrue True\n")
    }
}

/// A Datasette serving one database file on loopback, for as long as the test holds it.
struct DatasetteServer {
    let pid: pid_t
    /// http://127.0.0.1:PORT/NAME, NAME being the file's name without `.db`.
    let base: String

    /// A tool of the project's venv (`.venv/bin/NAME`) or the one the environment variable names.
    static func tool(_ name: String, environment: String) -> String? {
        let candidates = [ProcessInfo.processInfo.environment[environment],
                          Fixtures.packageRoot.appendingPathComponent(".venv/bin/\(name)").path].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// errors.db of the two original seed documents and its Datasette metadata, in a new folder.
    static func seedFiles() -> (db: String, metadata: String) {
        let home = Fixtures.temporaryDirectory()
        let db = home.appendingPathComponent("errors.db").path
        let meta = home.appendingPathComponent("metadata.json").path
        #expect(TestProcess.kb(["build", "--out", db, "--datasette-metadata", meta] + Fixtures.originalSeedFiles).status == 0)
        return (db, meta)
    }

    /// Serves `db` (with `metadata` when given) and waits until it answers; nil when Datasette
    /// is absent or does not start.
    init?(_ db: String, metadata: String? = nil) throws {
        guard let datasette = RealClientTests.datasette else { return nil }
        let port = try PythonCheck.run("import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = TestProcess.start(datasette, ["serve", db, "-h", "127.0.0.1", "-p", port] + (metadata.map { ["--metadata", $0] } ?? []),
                                          environment: ProcessInfo.processInfo.environment) else { return nil }
        self.pid = pid
        base = "http://127.0.0.1:\(port)/" + URL(fileURLWithPath: db).deletingPathExtension().lastPathComponent
        let ready = try PythonCheck.run("""
            import sys, time, urllib.request
            for _ in range(150):
                try:
                    urllib.request.urlopen(sys.argv[1], timeout=2); print("up"); break
                except Exception:
                    time.sleep(0.2)
            """, arguments: [base + ".json"])
        if ready != "up\n" { TestProcess.kill(pid); return nil }
    }

    func stop() { TestProcess.kill(pid) }
}
