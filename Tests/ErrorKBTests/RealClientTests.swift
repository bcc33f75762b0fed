import Foundation
import Testing

/// The built file, opened by the tools analysts use: the sqlite3 CLI, Python's sqlite3, Datasette.
@Suite struct RealClientTests {
    /// The README's "For analysts" queries, each with the output it shows.
    static func readmeExamples() throws -> [(sql: String, output: String)] {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "## For analysts") else { return [] }
        let section = readme[start.upperBound...].prefix { _ in true }
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

    @Test func theSQLiteCLIRunsTheREADMEQueries() throws {
        let examples = try Self.readmeExamples()
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

    static var datasette: String? {
        let candidates = [ProcessInfo.processInfo.environment["DATASETTE"],
                          Fixtures.packageRoot.appendingPathComponent(".venv/bin/datasette").path].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: datasette != nil, "skipped: Datasette is not installed (set DATASETTE, or run .ci/run, which installs it into .venv)"),
          .timeLimit(.minutes(2)))
    func datasetteServesSearchAndDescriptions() throws {
        let home = Fixtures.temporaryDirectory()
        let db = home.appendingPathComponent("errors.db").path
        let meta = home.appendingPathComponent("metadata.json").path
        #expect(TestProcess.kb(["build", "--out", db, "--datasette-metadata", meta] + Fixtures.originalSeedFiles).status == 0)
        let port = try PythonCheck.run("import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let server = TestProcess.start(Self.datasette!, ["serve", db, "--metadata", meta, "-h", "127.0.0.1", "-p", port],
                                       environment: ProcessInfo.processInfo.environment)
        let pid = try #require(server, "cannot start \(Self.datasette!)")
        // Stopped at the end whatever happens.
        defer { TestProcess.kill(pid) }
        let base = "http://127.0.0.1:\(port)/errors"
        let ready = try PythonCheck.run("""
            import sys, time, urllib.request
            for _ in range(100):
                try:
                    urllib.request.urlopen(sys.argv[1], timeout=2); print("up"); break
                except Exception:
                    time.sleep(0.2)
            """, arguments: [base + ".json"])
        #expect(ready == "up\n")
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
