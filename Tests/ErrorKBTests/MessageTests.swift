import Foundation
import GRDB
import Testing

/// Messages that say what is wrong in the user's terms, not what went wrong inside: a table that
/// was dropped, an index that was emptied, a limit that is negative, a code that is not a whole
/// number. (A hot journal and a directory given as --db are in SideFileTests and SpecialFileTests.)
@Suite struct MessageTests {
    let directory = Fixtures.temporaryDirectory().path

    func damaged(_ sql: String) throws -> String {
        let path = directory + "/d.db"
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: Fixtures.builtDatabasePath, toPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        try queue.close()
        return path
    }

    @Test func aDroppedTableIsNamed() throws {
        let path = try damaged("DROP TABLE search_terms")
        let result = TestProcess.kb(["search", "withdraw", "--db", path], home: directory)
        #expect(result.status == 3)
        #expect(result.stderr == "kb: \(path): the database is damaged: table search_terms is missing; rebuild it with kb build\n", "\(result.stderr)")
    }

    @Test func anEmptiedSearchIndexIsNotNothingMatches() throws {
        let path = try damaged("INSERT INTO search_index(search_index) VALUES ('delete-all')")
        let result = TestProcess.kb(["search", "余额", "--db", path], home: directory)
        #expect(result.status == 3, "\(result.summary)")
        #expect(result.stderr == "kb: \(path): the database is damaged: its search index covers 0 of 428 entries and table rows; repair it with kb reindex\n",
                "\(result.stderr)")
        // A search that finds nothing in a sound file still says so, with exit 1.
        let sound = TestProcess.kb(["search", "zzzqqq", "--db", Fixtures.builtDatabasePath], home: directory)
        #expect(sound.status == 1 && sound.stderr == "kb: nothing matches 'zzzqqq'\n", "\(sound.summary)")
    }

    @Test(arguments: ["-1", "0", "-5"])
    func aLimitBelowOneIsTold(limit: String) {
        let result = TestProcess.kb(["search", "symbol", "--limit", limit, "--db", Fixtures.builtDatabasePath], home: directory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("kb: Error: --limit must be at least 1"), "\(result.stderr)")
    }

    @Test(arguments: [
        ("{\"code\":1e400}", "--payload: its \"code\" 1e400 is not a whole number (error codes are 64-bit integers), and it has no \"msg\""),
        ("{\"code\":1.5}", "--payload: its \"code\" 1.5 is not a whole number (error codes are 64-bit integers), and it has no \"msg\""),
        ("{\"code\":99999999999999999999}", "--payload: its \"code\" 99999999999999999999 is not a whole number (error codes are 64-bit integers), and it has no \"msg\""),
        ("{\"msg\":null}", "--payload: it has neither a \"code\" nor a \"msg\""),
    ])
    func aPayloadWithNoUsableCodeSaysWhy(payload: String, message: String) {
        // Exit 1 like every payload nothing answers (issue 13: a cut payload, text that is not
        // JSON and a Python dict are answered alike), with the reason in the payload's terms.
        let result = TestProcess.kb(["match", "--payload", payload, "--db", Fixtures.builtDatabasePath], home: directory)
        #expect(result.status == 1, "\(result.summary)")
        #expect(result.stderr == "kb: \(message)\n", "\(result.stderr)")
    }
}
