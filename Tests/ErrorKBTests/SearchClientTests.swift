import Foundation
import Testing

/// The README's search SQL (section "Search") through every client analysts use: the sqlite3
/// CLI, Python's sqlite3, sqlite-utils and a Datasette on loopback, with and without its
/// metadata file; and `sqlite-utils rebuild-fts` followed by a search in kb and in SQL.
@Suite(.serialized) struct SearchClientTests {
    static var sqliteUtils: String? { DatasetteServer.tool("sqlite-utils", environment: "SQLITE_UTILS") }

    static func examples() throws -> [(sql: String, output: String)] {
        try RealClientTests.readmeExamples(section: "## Search")
    }

    /// Rows as the sqlite3 CLI prints them (`|` between values, NULL as nothing), from JSON rows
    /// given as lists of values; the Python every client check shares.
    static let formatRows = """
        def show(rows):
            return "".join("|".join("" if v is None else str(v) for v in row) + "\\n" for row in rows)
        """

    /// (The sqlite3 CLI runs them in RealClientTests, with the analysts' queries.)
    @Test func pythonRunsTheSearchQueries() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 5)
        for example in examples {
            let python = try PythonCheck.run(Self.formatRows + """

                import sqlite3, sys
                con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
                sys.stdout.write(show(con.execute(sys.argv[2]).fetchall()))
                """, arguments: [Fixtures.builtDatabasePath, example.sql])
            #expect(python == example.output, "python: \(example.sql)")
        }
    }

    @Test(.enabled(if: sqliteUtils != nil, "skipped: sqlite-utils is not installed (set SQLITE_UTILS, or run .ci/run)"))
    func sqliteUtilsRunsTheSearchQueriesAndSearches() throws {
        for example in try Self.examples() {
            let result = TestProcess.run(Self.sqliteUtils!, ["query", Fixtures.builtDatabasePath, example.sql, "--arrays"],
                                         environment: ProcessInfo.processInfo.environment, timeout: 120)
            #expect(result.status == 0, "\(result.stderr)")
            let shown = try PythonCheck.run(Self.formatRows + "\nimport json, sys\nsys.stdout.write(show(json.loads(sys.stdin.read())))", stdin: result.stdout)
            #expect(shown == example.output, "sqlite-utils: \(example.sql)")
        }
        // Its own search finds the trigram index of search_rows by itself.
        let search = TestProcess.run(Self.sqliteUtils!, ["search", Fixtures.builtDatabasePath, "search_rows", "余额不足", "-c", "codes", "--csv"],
                                     environment: ProcessInfo.processInfo.environment, timeout: 120)
        #expect(search.status == 0, "\(search.stderr)")
        #expect(Set(search.stdout.split(whereSeparator: \.isNewline).dropFirst()) == ["-3041", "-6012", "-5002", "-4026"])  // CSV lines end in CRLF
    }

    @Test(.enabled(if: RealClientTests.datasette != nil, "skipped: Datasette is not installed (set DATASETTE, or run .ci/run)"),
          .timeLimit(.minutes(3)))
    func datasetteRunsTheSearchQueriesAndSearchesWithAndWithoutMetadata() throws {
        let (db, meta) = DatasetteServer.seedFiles()
        for metadata in [nil, meta] {
            let server = try #require(try DatasetteServer(db, metadata: metadata), "cannot start Datasette")
            defer { server.stop() }
            for example in try Self.examples() {
                let shown = try PythonCheck.run(Self.formatRows + """

                    import json, sys, urllib.parse, urllib.request
                    url = sys.argv[1] + ".json?_shape=arrays&sql=" + urllib.parse.quote(sys.argv[2])
                    sys.stdout.write(show(json.loads(urllib.request.urlopen(url, timeout=10).read())["rows"]))
                    """, arguments: [server.base, example.sql])
                #expect(shown == example.output, "datasette (metadata: \(metadata != nil)): \(example.sql)")
            }
            // The table's own search box: Chinese of 3+ characters, an English phrase; each row
            // shows its code, name, domain, locale and message.
            let search = try PythonCheck.run("""
                import json, sys, urllib.parse, urllib.request
                def search(q):
                    url = sys.argv[1] + "/search_rows.json?_shape=array&_search=" + urllib.parse.quote(q)
                    return json.loads(urllib.request.urlopen(url, timeout=10).read())
                zh = search("余额不足")
                print(sorted(r["codes"] for r in zh), {(r["domain"], r["locale"]) for r in zh}, all("余额不足" in r["message"] for r in zh))
                en = search("invalid symbol")
                print("-1121" in [r["codes"] for r in en], all(k in en[0] for k in ("code", "name", "domain", "locale", "message")))
                """, arguments: [server.base])
            #expect(search == "['-3041', '-4026', '-5002', '-6012'] {('wallet', 'zh-CN')} True\nTrue True\n", "metadata: \(metadata != nil)")
        }
    }

    /// `sqlite-utils rebuild-fts` rebuilds every FTS5 index from its content: search_rows_fts
    /// comes out the same; kb's index loses its Chinese form, which kb notices and repairs.
    @Test(.enabled(if: sqliteUtils != nil, "skipped: sqlite-utils is not installed (set SQLITE_UTILS, or run .ci/run)"))
    func rebuildFTSIsNoticedAndRepaired() throws {
        let db = Fixtures.temporaryDirectory().appendingPathComponent("rebuilt.db").path
        #expect(TestProcess.kb(["build", "--out", db] + Fixtures.originalSeedFiles).status == 0)
        let sql = "SELECT r.codes FROM search_rows_fts f JOIN search_rows r ON r.id = f.rowid WHERE search_rows_fts MATCH '余额不足' ORDER BY r.id"
        let before = TestProcess.tool("sqlite3", ["-readonly", db, sql]).stdout
        #expect(before == "-3041\n-4026\n-5002\n-6012\n")
        let rebuild = TestProcess.run(Self.sqliteUtils!, ["rebuild-fts", db], environment: ProcessInfo.processInfo.environment, timeout: 120)
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        #expect(TestProcess.tool("sqlite3", ["-readonly", db, sql]).stdout == before)
        #expect(TestProcess.tool("sqlite3", ["-readonly", db, "PRAGMA integrity_check"]).stdout == "ok\n")
        let refused = TestProcess.kb(["search", "余额不足", "--db", db])
        #expect(refused.status == 3 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("rebuilt or changed by another program") && refused.stderr.contains("kb reindex"), "\(refused.stderr)")
        let check = TestProcess.kb(["check", "--db", db])
        #expect(check.status == 3 && check.stderr.contains("kb reindex"), "\(check.stderr)")
        #expect(TestProcess.kb(["reindex", "--db", db]).status == 0)
        #expect(TestProcess.kb(["check", "--db", db]).status == 0)
        let found = TestProcess.kb(["search", "余额不足", "--db", db, "--format", "json"])
        #expect(found.status == 0 && found.stdout.contains("-4026"))
        let one = TestProcess.kb(["search", "币", "--db", db, "--limit", "1"])
        #expect(one.status == 0 && one.stdout.contains("币"))
        #expect(TestProcess.tool("sqlite3", ["-readonly", db, sql]).stdout == before)
    }
}
