import Foundation
import GRDB
import Testing
@testable import ErrorKBFetch

/// `kb add URL` and `kb update` against a documentation site on the loopback interface
/// (PageServer), redirected to with --mirror: new versions, unchanged pages, and every way a
/// fetch fails, each leaving the database byte for byte as it was.
@Suite struct UpdateTests {
    let home = Fixtures.temporaryDirectory()
    static let pageURL = "https://developers.binance.com/docs/test-product/error-code"

    /// A page of the test product; `revised` changes -1001's message and adds -1002.
    static func page(revised: Bool) -> String {
        """
        ---
        title: Error Codes
        url: \(pageURL)
        ---

        # Error Codes

        ## 10xx - General Server or Network issues

        ### -1000 UNKNOWN

        - An unknown error occurred while processing the request.

        ### -1001 DISCONNECTED

        - \(revised ? "Internal error; unable to process your request. Please try again later." : "Internal error; unable to process your request. Please try again.")
        \(revised ? "\n### -1002 UNAUTHORIZED\n\n- You are not authorized to execute this request.\n" : "")
        """
    }

    /// A database holding one document read from a file, with no URL (kb update lists it as no_url).
    func database() throws -> String {
        let page = home.appendingPathComponent("local.md")
        try Data("# Local\n\n### -9000 LOCAL_ERROR\n\n- A local error.\n".utf8).write(to: page)
        let db = home.appendingPathComponent("kb.db").path
        let build = TestProcess.kb(["build", page.path, "--domain", "local", "--locale", "en", "--out", db], home: home.path)
        #expect(build.status == 0, "\(build.stderr)")
        return db
    }

    /// --mirror sending the test product's pages to a path of the server.
    func mirror(_ server: PageServer, _ path: String) -> [String] {
        ["--mirror", "https://developers.binance.com/docs/test-product/=" + server.url(path)]
    }

    func kb(_ arguments: [String]) -> TestProcess.Result { TestProcess.kb(arguments, home: home.path, timeout: 60) }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func addFetchesAPageAndUpdateAddsWhatChangedAsANewVersion() throws {
        let server = try PageServer()
        let db = try database()
        try server.put("error-code", Self.page(revised: false))
        let add = kb(["add", Self.pageURL, "--db", db] + mirror(server, "/pages/"))
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "added  \(Self.pageURL)  test-product · en  version 1\n")

        try server.put("error-code", Self.page(revised: true))
        let update = kb(["update", "--db", db] + mirror(server, "/pages/"))
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout == """
            no_url  local.md  local · en  version 1
            replaced  \(Self.pageURL)  test-product · en  version 2
                1 code_added, 1 message_changed
                message_changed  test-product · en  -1001 DISCONNECTED
                    - Internal error; unable to process your request. Please try again.
                    + Internal error; unable to process your request. Please try again later.
                code_added  test-product · en  -1002 UNAUTHORIZED
                    + You are not authorized to execute this request.

            """)
        // The first fetch had nothing to send; the update sent the stored ETag and Last-Modified.
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests.first == "GET /pages/error-code if-none-match= if-modified-since=")
        #expect(requests.last?.hasPrefix("GET /pages/error-code if-none-match=\"") == true)
        #expect(requests.last?.contains("GMT") == true)

        try DatabaseQueue(path: db).read { db in
            let versions = try Row.fetchAll(db, sql: "SELECT version, file_name, entries, fetched_at IS NOT NULL AS fetched, document_id IS NOT NULL AS current FROM document_versions WHERE domain = 'test-product' ORDER BY version")
            #expect(versions.map { "\($0["version"] as Int) \($0["file_name"] as String) \($0["entries"] as Int) \($0["fetched"] as Bool) \($0["current"] as Bool)" }
                    == ["1 \(Self.pageURL) 2 true false", "2 \(Self.pageURL) 3 true true"])
            let document = try Row.fetchOne(db, sql: "SELECT etag, last_modified, fetched_at, source_url FROM documents WHERE domain = 'test-product'")
            let served = Data(Self.page(revised: true).utf8)
            #expect(document?["etag"] as String? == "\"" + sha256Hex(served).prefix(16) + "\"")
            #expect((document?["last_modified"] as String?)?.hasSuffix(" GMT") == true)
            #expect((document?["fetched_at"] as String?)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
            #expect(document?["source_url"] as String? == Self.pageURL)
        }
        let show = kb(["show", "-1002", "--db", db])
        #expect(show.stdout.contains("-1002 UNAUTHORIZED    test-product · en"))

        // Asked again: the server answers 304 to the stored ETag, and the file is not written.
        let before = try bytes(db)
        let again = kb(["update", "--db", db, "--format", "json"] + mirror(server, "/pages/"))
        #expect(again.status == 0, "\(again.stderr)")
        let results = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(results.map { $0["action"] as? String } == ["no_url", "not_modified"])
        #expect(results.last?["version"] as? Int == 2)
        #expect((results.last?["changes"] as? [Any])?.isEmpty == true)
        #expect(try bytes(db) == before)
    }

    @Test func thePageInTheSameBytesIsUnchangedByItsHash() throws {
        let server = try PageServer()
        let db = try database()
        try server.put("error-code", Self.page(revised: false))
        // /plain/ sends no ETag or Last-Modified: only the SHA-256 can tell.
        #expect(kb(["add", Self.pageURL, "--db", db] + mirror(server, "/plain/")).status == 0)
        let before = try bytes(db)
        let update = kb(["update", "--db", db] + mirror(server, "/plain/"))
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout == "no_url  local.md  local · en  version 1\nunchanged  \(Self.pageURL)  test-product · en  version 1\n")
        #expect(server.requests.last == "GET /plain/error-code if-none-match= if-modified-since=")
        #expect(try bytes(db) == before)
    }

    /// How a fetch fails: the server path the page is mirrored to, extra arguments, and what the
    /// error says after the page's URL.
    static let failures: [(path: String, arguments: [String], message: String)] = [
        ("/status/404/", [], "HTTP 404 Not Found"),
        ("/status/503/", [], "HTTP 503 Service Unavailable"),
        ("/slow/5/", ["--timeout", "1"], "no complete response within 1 s (--timeout)"),
        ("/plain/html-", [], "not an error-code page (no error codes in its 9 lines)"),
        ("/endless/", [], "the response is larger than 16 MiB; not imported"),
        ("/declared/17000000/", [], "the response is larger than 16 MiB; not imported"),
        ("/redirect/6/", [], "more than 5 redirects"),
        ("/json/", [], "the server sent application/json, not a page of text"),
        ("refused", [], "cannot connect: "),
    ]

    @Test(arguments: failures.indices)
    func aFailedFetchNamesTheURLAndLeavesTheDatabaseAsItWas(index: Int) throws {
        let (path, arguments, message) = Self.failures[index]
        let server = try PageServer()
        let db = try database()
        try server.put("error-code", Self.page(revised: false))
        try server.put("html-error-code", "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Binance Open Platform</title></head>\n<body>\n<h1>Welcome</h1>\n<p>Build on Binance.</p>\n<p>Start with the guides.</p>\n</body>\n</html>\n")
        let failing = path == "refused" ? ["--mirror", "https://developers.binance.com/docs/test-product/=http://127.0.0.1:\(server.refusedPort)/"]
                                        : mirror(server, path)

        let beforeAdd = try bytes(db)
        let add = kb(["add", Self.pageURL, "--db", db] + failing + arguments)
        #expect(add.status == 3, "\(add.summary)")
        #expect(add.stderr.hasPrefix("kb: \(Self.pageURL) (from http://127.0.0.1:"), "\(add.stderr)")
        #expect(add.stderr.contains("): " + message), "\(add.stderr)")
        #expect(add.stdout.isEmpty)
        #expect(try bytes(db) == beforeAdd)

        // The page already in the file: kb update fails the same way and writes nothing.
        #expect(kb(["add", Self.pageURL, "--db", db] + mirror(server, "/pages/")).status == 0)
        let beforeUpdate = try bytes(db)
        let update = kb(["update", "--db", db] + failing + arguments)
        #expect(update.status == 3, "\(update.summary)")
        #expect(update.stderr.hasPrefix("kb: \(Self.pageURL) (from http://127.0.0.1:"), "\(update.stderr)")
        #expect(update.stderr.contains("): " + message), "\(update.stderr)")
        #expect(update.stderr.hasSuffix("\nkb: 1 page could not be fetched; nothing was written (--keep-going writes the others)\n"), "\(update.stderr)")
        #expect(update.stdout.isEmpty)
        #expect(try bytes(db) == beforeUpdate)
    }

    @Test func keepGoingWritesThePagesThatCameAndStillFails() throws {
        let server = try PageServer()
        let db = try database()
        try server.put("error-code", Self.page(revised: false))
        try server.put("other-error-code", Self.page(revised: false).replacingOccurrences(of: "test-product", with: "other-product"))
        #expect(kb(["add", Self.pageURL, "--db", db] + mirror(server, "/pages/")).status == 0)
        let other = "https://developers.binance.com/docs/other-product/error-code"
        let otherMirror = ["--mirror", "https://developers.binance.com/docs/other-product/=" + server.url("/pages/other-")]
        #expect(kb(["add", other, "--db", db] + otherMirror).status == 0)
        try server.put("error-code", Self.page(revised: true))
        try FileManager.default.removeItem(at: server.root.appendingPathComponent("other-error-code"))

        let update = kb(["update", "--db", db, "--keep-going"] + mirror(server, "/pages/") + otherMirror)
        #expect(update.status == 3)
        #expect(update.stdout.contains("\nreplaced  \(Self.pageURL)  test-product · en  version 2\n"), "\(update.stdout)")
        #expect(update.stdout.contains("failed  \(other)  other-product · en  version 1\n"), "\(update.stdout)")
        #expect(update.stderr == "kb: \(other) (from \(server.url("/pages/other-error-code"))): HTTP 404 Not Found\nkb: 1 of 3 pages could not be fetched; the others were written\n")
        #expect(kb(["show", "-1002", "--db", db]).status == 0)
    }

    @Test func addUpgradesAVersion7FileKeepingItsHistory() throws {
        let db = try database()
        // Version 7: errorkb.sql alone (version 9's meanings undone, with version 7's duplicates view).
        let schema = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("schema/errorkb.sql"), encoding: .utf8)
        let view = schema[schema.range(of: "CREATE VIEW duplicates AS")!.lowerBound...]
        let duplicatesView = view[..<view.range(of: ";\n")!.upperBound]
        try DatabaseQueue(path: db).write { db in
            try db.execute(sql: """
                DROP VIEW duplicates; DROP VIEW meanings; DROP TABLE entry_links; DROP TABLE section_anchors;
                DROP INDEX entries_meaning; ALTER TABLE entries DROP COLUMN meaning; ALTER TABLE table_row_codes DROP COLUMN via;
                \(duplicatesView)
                ALTER TABLE documents DROP COLUMN etag; ALTER TABLE documents DROP COLUMN last_modified;
                ALTER TABLE documents DROP COLUMN fetched_at; ALTER TABLE document_versions DROP COLUMN fetched_at;
                DELETE FROM grdb_migrations WHERE identifier IN ('v08-fetch-state', 'v09-meanings'); PRAGMA user_version = 7;
                DROP TABLE search_rows_fts; DROP TABLE search_rows; DELETE FROM grdb_migrations WHERE identifier = 'v10-search-rows';
                ALTER TABLE search_terms DROP COLUMN documents; DROP INDEX entry_relations_entry;
                DELETE FROM grdb_migrations WHERE identifier = 'v11-term-documents';
                ALTER TABLE documents DROP COLUMN stated_date; DELETE FROM grdb_migrations WHERE identifier = 'v12-stated-dates';
                """)
        }
        #expect(kb(["show", "-9000", "--db", db]).stderr.contains("schema version 7 is older"))
        let page = home.appendingPathComponent("page.md")
        try Data(Self.page(revised: false).utf8).write(to: page)
        let add = kb(["add", page.path, "--db", db])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(DatabaseCheck.value(db, "PRAGMA user_version", as: Int.self) == 12)
        #expect(DatabaseCheck.value(db, "SELECT count(*) FROM document_versions", as: Int.self) == 2)
        // Every term of the index has its row count (version 11), the old documents' terms too.
        #expect(DatabaseCheck.value(db, "SELECT count(*) FROM search_terms WHERE documents < 1", as: Int.self) == 0)
        #expect(DatabaseCheck.value(db, "SELECT count(*) FROM search_terms", as: Int.self) ?? 0 > 0)
        #expect(kb(["show", "-9000", "--db", db]).status == 0)
        // Every entry's meaning is computed, those of the documents already there too.
        #expect(DatabaseCheck.value(db, "SELECT count(*) FROM entries WHERE meaning = 0", as: Int.self) == 0)
        #expect(DatabaseCheck.value(db, "SELECT count(*) FROM entries", as: Int.self) ?? 0 > 0)
        // The migration gave the file's rows to the search every SQLite client uses.
        #expect(DatabaseCheck.value(db, "SELECT count(*) FROM search_rows", as: Int.self)
                == DatabaseCheck.value(db, "SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM table_rows)", as: Int.self))
        #expect(kb(["check", "--db", db]).status == 0)
    }

    @Test func mirrorsTakeTheLongestPrefix() {
        let mirrors = [Mirror("https://a.example/=http://127.0.0.1:1/")!, Mirror("https://a.example/docs/=http://127.0.0.1:2/d/")!]
        #expect(Mirror.address(of: "https://a.example/docs/x", in: mirrors) == "http://127.0.0.1:2/d/x")
        #expect(Mirror.address(of: "https://a.example/other", in: mirrors) == "http://127.0.0.1:1/other")
        #expect(Mirror.address(of: "https://b.example/x", in: mirrors) == "https://b.example/x")
        #expect(Mirror("https://a.example/") == nil && Mirror("a=b") == nil && Mirror("ftp://x/=http://y/") == nil)
    }
}

/// Hex SHA-256 of bytes, by the sha256sum tool (independent of kb's own digest).
func sha256Hex(_ data: Data) -> String {
    let file = Fixtures.temporaryDirectory().appendingPathComponent("bytes")
    try? data.write(to: file)
    return String(TestProcess.tool("sha256sum", [file.path]).stdout.prefix(64))
}
