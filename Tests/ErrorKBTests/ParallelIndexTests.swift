import Foundation
import GRDB
import Testing
@testable import ErrorKBImport
@testable import ErrorKBModel
@testable import ErrorKBStore

/// A new file's search index is written on a thread of its own into a temporary database and
/// copied in at the end (`ParallelSearchIndex`): it must be exactly the index written in place.
@Suite struct ParallelIndexTests {
    static func page(_ text: String) throws -> ImportedDocument {
        try DocumentImporter.importData(Data("#### \\-1000 UNKNOWN\n\n-   \(text)\n".utf8), fileName: "page.md", domain: "d", locale: "en")
    }

    static func fill(parallelIndex: Bool, _ documents: [ImportedDocument]) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try KnowledgeBase.populate(queue, parallelIndex: parallelIndex) { store in
            for document in documents { try store.write(document) }
        }
        return queue
    }

    /// FTS5's shadow tables and the vocabulary, row by row, and what a search finds. The build
    /// replaces one page by a newer version of it, so rows are deleted from the index too.
    @Test func theCopiedIndexIsTheIndexWrittenInPlace() throws {
        let documents = [try Self.page("Zebra crossing."), Fixtures.wallet, Fixtures.coinM, try Self.page("Yak shaving.")]
        let inPlace = try Self.fill(parallelIndex: false, documents)
        let copied = try Self.fill(parallelIndex: true, documents)
        for table in ["search_index_data", "search_index_idx", "search_index_docsize", "search_index_config", "search_terms"] {
            let sql = "SELECT * FROM \(table) ORDER BY 1"
            let expected = try inPlace.read { try Row.fetchAll($0, sql: sql) }
            #expect(!expected.isEmpty, "\(table)")
            #expect(try copied.read { try Row.fetchAll($0, sql: sql) } == expected, "\(table)")
        }
        let terms = try copied.read { Set(try String.fetchAll($0, sql: "SELECT term FROM search_terms")) }
        #expect(terms.contains("yak") && !terms.contains("zebra") && terms.contains("余额"))
        for query in ["余额", "yak", "zebra", "symbol"] {
            let sql = "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid"
            let expected = try inPlace.read { try Int64.fetchAll($0, sql: sql, arguments: [query]) }
            #expect(try copied.read { try Int64.fetchAll($0, sql: sql, arguments: [query]) } == expected, "\(query)")
            #expect(expected.isEmpty == (query == "zebra"), "\(query)")
        }
        let integrity = try copied.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
    }
}
