import GRDB

/// One row of the full-text index, in its search form: an entry (rowid = entries.id) or a
/// table row (rowid = -reason_rows.id). Writing a row and deleting it go through this one type:
/// the index is external-content over the `search_docs` view, which shows the plain text, so
/// a delete must hand FTS5 exactly the search form that was written.
struct SearchRow {
    var rowid: Int64
    var nameTerms: String
    var textTerms: String

    /// An entry's row; `rowid` is set once the entry has its id.
    init(entryID: Int64 = 0, name: String?, messages: [String]) {
        rowid = entryID
        nameTerms = SearchTerms.indexForm(name ?? "")
        textTerms = SearchTerms.indexForm(messages.joined(separator: "\n"))
    }

    /// A table row's row; `rowid` is minus its id.
    init(reasonID: Int64 = 0, message: String, description: String) {
        rowid = -reasonID
        nameTerms = SearchTerms.indexForm(message)
        textTerms = SearchTerms.indexForm(description)
    }

    /// The rows a document added to the index, rebuilt from what it stored.
    static func rows(ofDocument documentID: Int64, _ db: Database) throws -> [SearchRow] {
        var messages: [Int64: [String]] = [:]
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT m.entry_id, m.text FROM messages m JOIN entries e ON e.id = m.entry_id
            WHERE e.document_id = ? ORDER BY m.entry_id, m.ordinal
            """, arguments: [documentID])
        while let row = try cursor.next() {
            messages[row[0], default: []].append(row[1])
        }
        var rows = try Row.fetchAll(db, sql: "SELECT id, name FROM entries WHERE document_id = ?", arguments: [documentID]).map { row in
            SearchRow(entryID: row[0], name: row[1], messages: messages[row[0]] ?? [])
        }
        rows += try Row.fetchAll(db, sql: "SELECT id, message, description FROM reason_rows WHERE document_id = ?", arguments: [documentID]).map { row in
            SearchRow(reasonID: row[0], message: row[1], description: row[2])
        }
        return rows
    }

    /// Removes a document's rows from the index (before the document itself is deleted).
    static func deleteRows(ofDocument documentID: Int64, _ db: Database) throws {
        let delete = try db.cachedStatement(sql: "INSERT INTO search_index (search_index, rowid, name_terms, text_terms) VALUES ('delete', ?, ?, ?)")
        for row in try rows(ofDocument: documentID, db) {
            try delete.execute(arguments: [row.rowid, row.nameTerms, row.textTerms])
        }
    }
}
