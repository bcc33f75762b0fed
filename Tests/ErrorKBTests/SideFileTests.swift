import Foundation
import Testing

/// SQLite's side files beside a database kb writes or reads: a hot `-journal` left by a writer
/// that died, a `-wal` and `-shm` of a database put in WAL mode by another program. A new file is
/// never renamed in beside a stale journal or log (the next program to open it would roll the old
/// file's pages into the new one); `kb add` keeps what a WAL holds; a read creates nothing.
@Suite struct SideFileTests {
    let directory = Fixtures.temporaryDirectory().path
    var seed: String { Fixtures.builtDatabasePath }
    static let page = "#### \\-97001 SIDE\\_FILE\n\n-   A page written while side files were about.\n"

    /// Python's sqlite3 (the analyst's tool) starts a write on `path`, spills it to the file and
    /// dies: the journal it leaves is hot.
    static func leaveHotJournal(_ path: String) {
        dieWriting(path, ["PRAGMA cache_size=1", "BEGIN IMMEDIATE", "DELETE FROM messages", "UPDATE entries SET name = 'HALF_WRITTEN'"])
        #expect(FileManager.default.fileExists(atPath: path + "-journal"))
    }

    /// Puts `path` in WAL mode and leaves a change in the WAL, not in the file, as a program that
    /// died (or still has it open) does: -1121's names become FROM_THE_WAL.
    static func leaveWAL(_ path: String) {
        dieWriting(path, ["PRAGMA journal_mode=WAL", "PRAGMA wal_autocheckpoint=0", "UPDATE entries SET name = 'FROM_THE_WAL' WHERE code = -1121"])
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    /// Python's sqlite3 runs the statements on `path`, then the process dies without closing it.
    static func dieWriting(_ path: String, _ statements: [String]) {
        let script = "import sqlite3, os, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            + statements.map { "c.execute(\"\($0)\")\n" }.joined() + "os._exit(0)\n"
        let result = TestProcess.tool("python3", ["-c", script, path])
        #expect(result.status == 0, "\(result.summary)")
    }

    func copySeed(to name: String) throws -> String {
        let path = directory + "/" + name
        try FileManager.default.copyItem(atPath: seed, toPath: path)
        return path
    }

    func page() throws -> String {
        let path = directory + "/side.md"
        try Data(Self.page.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func sideFiles(of path: String) -> [String] {
        ["-journal", "-wal", "-shm"].filter { FileManager.default.fileExists(atPath: path + $0) }
    }

    /// What an analyst's sqlite3 (read-write, so it rolls back a hot journal) sees afterwards.
    func sqlite3(_ path: String, _ sql: String) -> String {
        TestProcess.tool("sqlite3", [path, sql]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aBuildOverADatabaseWithAHotJournal() throws {
        let out = try copySeed(to: "a.db")
        Self.leaveHotJournal(out)
        let build = TestProcess.kb(["build", try page(), "--domain", "d", "--locale", "en", "--out", out], home: directory)
        #expect(build.status == 0, "\(build.summary)")
        #expect(sideFiles(of: out).isEmpty, "left beside the new file: \(sideFiles(of: out))")
        let show = TestProcess.kb(["show", "-97001", "--db", out], home: directory)
        #expect(show.status == 0 && show.stdout.contains("SIDE_FILE"), "\(show.summary)")
        #expect(sqlite3(out, "PRAGMA integrity_check") == "ok")
        #expect(sqlite3(out, "SELECT name FROM entries WHERE code = -97001") == "SIDE_FILE")
    }

    @Test func anAddToADatabaseWithAHotJournalStartsFromTheRolledBackFile() throws {
        let db = try copySeed(to: "a.db")
        Self.leaveHotJournal(db)
        let add = TestProcess.kb(["add", try page(), "--domain", "d", "--locale", "en", "--db", db], home: directory)
        #expect(add.status == 0, "\(add.summary)")
        #expect(sideFiles(of: db).isEmpty)
        #expect(sqlite3(db, "PRAGMA integrity_check") == "ok")
        // The half-done write is rolled back: the seed's messages and names are all there.
        #expect(sqlite3(db, "SELECT count(*) FROM entries WHERE name = 'HALF_WRITTEN'") == "0")
        let seedMessages = sqlite3(seed, "SELECT count(*) FROM messages")
        #expect(!seedMessages.isEmpty && sqlite3(db, "SELECT count(*) FROM messages m JOIN entries e ON e.id = m.entry_id WHERE e.code <> -97001") == seedMessages)
        #expect(sqlite3(db, "SELECT name FROM entries WHERE code = -97001") == "SIDE_FILE")
    }

    @Test func aReaderSaysAHotJournalIsAnInterruptedWrite() throws {
        let db = try copySeed(to: "a.db")
        Self.leaveHotJournal(db)
        let journal = try Data(contentsOf: URL(fileURLWithPath: db + "-journal"))
        let show = TestProcess.kb(["show", "-1121", "--db", db], home: directory)
        #expect(show.status == 3, "\(show.summary)")
        #expect(show.stderr.contains("a.db-journal") && show.stderr.contains("interrupted"), "\(show.stderr)")
        #expect(!show.stderr.contains("readonly"), "\(show.stderr)")
        // A reader writes nothing: the journal is still there, as it was.
        #expect((try? Data(contentsOf: URL(fileURLWithPath: db + "-journal"))) == journal)
    }

    @Test func aBuildOverAnOrphanedJournal() throws {
        // A journal whose database is gone: the new file must not inherit it.
        let old = try copySeed(to: "gone.db")
        Self.leaveHotJournal(old)
        try FileManager.default.removeItem(atPath: old)
        let build = TestProcess.kb(["build", "--out", old], home: directory)
        #expect(build.status == 0, "\(build.summary)")
        #expect(sideFiles(of: old).isEmpty)
        #expect(sqlite3(old, "PRAGMA integrity_check") == "ok")
        #expect(sqlite3(old, "SELECT count(*) FROM entries WHERE name = 'HALF_WRITTEN'") == "0")
    }

    @Test func anAddToAWALDatabaseKeepsWhatTheWALHolds() throws {
        let db = try copySeed(to: "w.db")
        Self.leaveWAL(db)
        let add = TestProcess.kb(["add", try page(), "--domain", "d", "--locale", "en", "--db", db], home: directory)
        #expect(add.status == 0, "\(add.summary)")
        #expect(sideFiles(of: db).isEmpty, "left: \(sideFiles(of: db))")
        #expect(sqlite3(db, "PRAGMA integrity_check") == "ok")
        #expect(sqlite3(db, "PRAGMA journal_mode") == "delete")
        let show = TestProcess.kb(["show", "-1121", "--db", db], home: directory)
        #expect(show.stdout.contains("FROM_THE_WAL"), "the WAL's change was dropped: \(show.summary)")
        #expect(TestProcess.kb(["show", "-97001", "--db", db], home: directory).status == 0)
    }

    @Test func aBuildOverAWALDatabaseLeavesNoLogBesideTheNewFile() throws {
        let out = try copySeed(to: "w.db")
        Self.leaveWAL(out)
        let build = TestProcess.kb(["build", try page(), "--domain", "d", "--locale", "en", "--out", out], home: directory)
        #expect(build.status == 0, "\(build.summary)")
        #expect(sideFiles(of: out).isEmpty, "left: \(sideFiles(of: out))")
        // The new file answers, not the old WAL.
        let show = TestProcess.kb(["show", "-1121", "--db", out], home: directory)
        #expect(show.status == 1, "\(show.summary)")
        #expect(sqlite3(out, "SELECT count(*) FROM entries") == "1")
    }

    @Test func readingAWALModeDatabaseWritesNothingBesideIt() throws {
        let db = try copySeed(to: "r.db")
        // WAL mode, cleanly closed: no -wal or -shm left.
        #expect(TestProcess.tool("sqlite3", [db, "PRAGMA journal_mode=WAL"]).stdout.contains("wal"))
        #expect(sideFiles(of: db).isEmpty)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for query in [["show", "-1121"], ["search", "余额"], ["stats"], ["export", "--view", "codes"]] {
            let result = TestProcess.kb(query + ["--db", db], home: directory)
            #expect(result.status == 0, "\(query): \(result.summary)")
            #expect(sideFiles(of: db).isEmpty, "\(query) left \(sideFiles(of: db))")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func readingAWALDatabaseWithAnUncheckpointedLog() throws {
        // The log holds changes: a reader either reads them or says why it cannot, and creates
        // nothing beside the file.
        let db = try copySeed(to: "l.db")
        Self.leaveWAL(db)
        try? FileManager.default.removeItem(atPath: db + "-shm")
        let show = TestProcess.kb(["show", "-1121", "--db", db], home: directory)
        #expect(!FileManager.default.fileExists(atPath: db + "-shm"), "the read created l.db-shm")
        if show.status == 0 {
            #expect(show.stdout.contains("FROM_THE_WAL"), "\(show.summary)")
        } else {
            #expect(show.status == 3 && show.stderr.contains("l.db-wal"), "\(show.summary)")
        }
    }
}
