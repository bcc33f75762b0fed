import GRDB

/// A row of `entries`: one definition of an error code.
struct EntryRecord: Equatable {
    var id: Int64
    var name: String?

    static let origins = CheckedRow.Origins(["id": "entries.id", "name": "entries.name", "code": "entries.code"], label: ("code", ""))

    init(_ row: CheckedRow) throws {
        id = try row.int64("id")
        name = try row.optionalText("name")
    }

    /// The entries of one document, in document order.
    static func ofDocument(_ documentID: Int64, _ db: Database) throws -> [EntryRecord] {
        try CheckedRow.all(db.cachedStatement(sql: "SELECT id, code, name FROM entries WHERE document_id = ? ORDER BY ordinal"),
                           [documentID], origins, EntryRecord.init)
    }
}

/// An entry with its document and section: what every answer about an entry shows.
package struct LocatedEntry: Equatable {
    package var id: Int64
    package var documentID: Int64
    package var code: Int64
    package var name: String?
    package var line: Int
    /// The meaning the entry documents (`entries.meaning`: the id of its meaning's first entry).
    package var meaning: Int64
    package var domain: String
    package var locale: String
    /// The document's source URL, else its file name.
    package var source: String
    package var fileName: String
    /// The title of the entry's section.
    package var section: String?

    init(_ row: CheckedRow) throws {
        id = try row.int64("id")
        documentID = try row.int64("document_id")
        code = try row.int64("code")
        name = try row.optionalText("name")
        line = try row.int("line")
        meaning = try row.int64("meaning")
        (domain, locale, source, fileName, section) = try DocumentJoin.read(row)
    }

    /// Entries with their documents and sections (aliases: e entries, d documents, s sections);
    /// queries add WHERE and ORDER BY.
    static let from = DocumentJoin.from("entries", as: "e")
    static let columns = "e.id, e.document_id, e.code, e.name, e.line, e.meaning, " + DocumentJoin.columns
    static let select = "SELECT \(columns) \(from)"
    static let origins = CheckedRow.Origins(DocumentJoin.origins.merging([
        "id": "entries.id", "document_id": "entries.document_id", "code": "entries.code", "name": "entries.name", "line": "entries.line",
        "meaning": "entries.meaning",
    ]) { $1 }, label: ("code", ""))

    /// The entries `statement` selects (`select` and a condition), with `arguments`.
    static func fetchAll(_ statement: Statement, _ arguments: StatementArguments = []) throws -> [LocatedEntry] {
        try CheckedRow.all(statement, arguments, origins, LocatedEntry.init)
    }
}

/// A row of `messages`: one documented message of an entry.
package struct MessageRecord: Equatable {
    package var id: Int64
    package var entryID: Int64
    package var ordinal: Int
    package var text: String
    package var lang: String
    package var line: Int

    init(_ row: CheckedRow) throws {
        id = try row.int64("id")
        entryID = try row.int64("entry_id")
        ordinal = try row.int("ordinal")
        text = try row.text("text")
        lang = try row.text("lang")
        line = try row.int("line")
    }

    static let columns = "m.id, m.entry_id, m.ordinal, m.text, m.lang, m.line"
    static let origins = CheckedRow.Origins(["id": "messages.id", "entry_id": "messages.entry_id", "ordinal": "messages.ordinal",
                                             "text": "messages.text", "lang": "messages.lang", "line": "messages.line"], label: ("id", "message "))

    /// The messages `sql` selects (`columns` from `messages m`), with `arguments`.
    static func fetchAll(_ db: Database, _ sql: String, _ arguments: StatementArguments = []) throws -> [MessageRecord] {
        try CheckedRow.all(db.cachedStatement(sql: sql), arguments, origins, MessageRecord.init)
    }

    /// The messages of one document's entries, in entry and message order.
    static func ofDocument(_ documentID: Int64, _ db: Database) throws -> [MessageRecord] {
        try fetchAll(db, "SELECT \(columns) FROM messages m JOIN entries e ON e.id = m.entry_id WHERE e.document_id = ? ORDER BY m.entry_id, m.ordinal",
                     [documentID])
    }
}

/// A row of `entry_relations`: a fact an entry states about another code.
package struct EntryRelationRecord: Equatable {
    package var id: Int64
    package var entryID: Int64
    package var relation: String
    package var code: Int64
    package var line: Int

    init(_ row: CheckedRow) throws {
        id = try row.int64("id")
        entryID = try row.int64("entry_id")
        relation = try row.text("relation")
        code = try row.int64("code")
        line = try row.int("line")
    }

    static let origins = CheckedRow.Origins(["id": "entry_relations.id", "entry_id": "entry_relations.entry_id", "relation": "entry_relations.relation",
                                             "code": "entry_relations.code", "line": "entry_relations.line"], label: ("id", "relation "))
}
