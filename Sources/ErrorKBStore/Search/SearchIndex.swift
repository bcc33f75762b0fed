import ErrorKBSupport
import Foundation
import GRDB

/// The full-text index (`search_index`, FTS5) over entries and table rows. It is external-content
/// over the `search_content` view, which shows the plain text; the index holds the same text in
/// its index form (see `indexForm`), written by kb. Writing a row and deleting it go through
/// `Row`, since a delete must hand FTS5 exactly the index form that was written.
package enum SearchIndex {
    /// One row of the index: an entry (rowid = entries.id) or a table row (rowid = -table_rows.id).
    struct Row {
        var rowid: Int64
        var nameTerms: String
        var textTerms: String

        /// An entry's row; `rowid` is set once the entry has its id.
        init(entryID: Int64 = 0, name: String?, messages: [String]) {
            rowid = entryID
            nameTerms = SearchIndex.indexForm(name ?? "")
            textTerms = SearchIndex.indexForm(messages.joined(separator: "\n"))
        }

        /// A table row's row; `rowid` is minus its id.
        init(tableRowID: Int64 = 0, message: String, description: String) {
            rowid = -tableRowID
            nameTerms = SearchIndex.indexForm(message)
            textTerms = SearchIndex.indexForm(description)
        }
    }

    /// The form text takes in the index. The index uses SQLite's standard `unicode61` word
    /// tokenizer, so every SQLite tool can query it. Words split at spaces and punctuation (`_`
    /// included). Chinese has no spaces, so each run of CJK letters is written as its overlapping
    /// pairs, then each letter on its own:
    ///
    ///     "此资产余额不足。" → "此资 资产 产余 余额 额不 不足 足 此 资 产 余 额 不 。"
    ///
    /// A substring of n ≥ 2 letters is then the phrase of its n − 1 pairs (the pairs stay
    /// adjacent), and one letter is a term of its own, read in document order like any word.
    package static func indexForm(_ text: String) -> String {
        // CJK letters are 3 or 4 bytes from lead byte E3; text without such bytes is its own form.
        guard text.utf8.contains(where: { $0 >= 0xE3 }) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count * 2)
        var run: [Unicode.Scalar] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            if !output.isEmpty && output.last != " " { output.append(" ") }
            for i in run.indices.dropLast() {
                output.unicodeScalars.append(run[i])
                output.unicodeScalars.append(run[i + 1])
                output.append(" ")
            }
            output.unicodeScalars.append(run[run.count - 1])
            output.append(" ")
            for scalar in run.dropLast() {
                output.unicodeScalars.append(scalar)
                output.append(" ")
            }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar.isCJK {
                run.append(scalar)
            } else {
                flushRun()
                output.unicodeScalars.append(scalar)
            }
        }
        flushRun()
        return output
    }

    /// The rows a document added to the index, rebuilt from what it stored.
    static func rows(ofDocument documentID: Int64, _ db: Database) throws -> [Row] {
        var messages: [Int64: [String]] = [:]
        for message in try MessageRecord.ofDocument(documentID, db) {
            messages[message.entryID, default: []].append(message.text)
        }
        var rows = try EntryRecord.ofDocument(documentID, db).map { entry in
            Row(entryID: entry.id, name: entry.name, messages: messages[entry.id] ?? [])
        }
        rows += try TableRowRecord.ofDocument(documentID, db).map { row in
            Row(tableRowID: row.id, message: row.message, description: row.description)
        }
        return rows
    }

    /// Whether the index holds no row at all.
    static func isEmpty(_ db: Database) throws -> Bool {
        try db.cachedValue(Int.self, "SELECT NOT EXISTS (SELECT 1 FROM search_index_docsize)") == 1
    }

    /// The rows the index holds (FTS5 keeps one size record per row), and the rows it should.
    static func coverage(_ db: Database) throws -> (indexed: Int, rows: Int) {
        (try db.cachedValue(Int.self, "SELECT count(*) FROM search_index_docsize") ?? 0,
         try db.cachedValue(Int.self, "SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM table_rows)") ?? 0)
    }

    // MARK: The seal

    /// The metadata key of the seal: FTS5's totals record of the index when kb last wrote it.
    static let sealKey = "search_index_totals"

    /// FTS5's totals record of the index (rows and tokens per column; id 1 of
    /// search_index_data), in hex. Another tool's 'rebuild' reads the plain text of
    /// search_content, which has fewer tokens than the search form wherever there is Chinese, so
    /// the totals tell an index kb wrote from one rebuilt by another tool.
    static func totals(_ db: Database) throws -> String {
        let block = try Data.fetchOne(db.cachedStatement(sql: "SELECT block FROM search_index_data WHERE id = 1")) ?? Data()
        return block.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// Records the totals of the index kb just wrote.
    static func seal(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)").execute(arguments: [sealKey, totals(db)])
    }

    /// Why the index is not the one kb wrote, or nil: its totals differ from the seal (a file
    /// without a seal, from before version 10, is not judged).
    static func damage(_ db: Database) throws -> String? {
        guard let sealed = try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM metadata WHERE key = ?"), arguments: [sealKey]),
              try totals(db) != sealed else { return nil }
        return "its search index was rebuilt or changed by another program (FTS5 'rebuild', as sqlite-utils rebuild-fts does, "
            + "loses kb's Chinese search form); repair it with kb reindex"
    }

    /// Writes the whole index again from the stored rows, in kb's search form.
    static func rewrite(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO search_index (search_index) VALUES ('delete-all')")
        let insert = try db.cachedStatement(sql: "INSERT INTO search_index (rowid, name_terms, text_terms) VALUES (?, ?, ?)")
        for documentID in try Int64.fetchAll(db, sql: "SELECT id FROM documents ORDER BY id") {
            for row in try rows(ofDocument: documentID, db) {
                try insert.execute(arguments: [row.rowid, row.nameTerms, row.textTerms])
            }
        }
    }

    /// Removes a document's rows from the index (before the document itself is deleted).
    static func deleteRows(ofDocument documentID: Int64, _ db: Database) throws {
        let delete = try db.cachedStatement(sql: "INSERT INTO search_index (search_index, rowid, name_terms, text_terms) VALUES ('delete', ?, ?, ?)")
        for row in try rows(ofDocument: documentID, db) {
            try delete.execute(arguments: [row.rowid, row.nameTerms, row.textTerms])
        }
    }
}
