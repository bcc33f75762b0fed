import GRDB

/// A row of `entries`: one definition of an error code.
struct EntryRecord: Codable, Equatable, FetchableRecord, TableRecord {
    static let databaseTableName = "entries"
    var id: Int64
    var documentID: Int64
    var sectionID: Int64?
    var ordinal: Int
    var code: Int64
    var name: String?
    var line: Int

    enum CodingKeys: String, CodingKey {
        case id, documentID = "document_id", sectionID = "section_id", ordinal, code, name, line
    }

    enum Columns {
        static let documentID = Column(CodingKeys.documentID)
    }
}

/// An entry with its document and section: what every answer about an entry shows.
package struct LocatedEntry: Codable, Equatable, FetchableRecord {
    package var id: Int64
    package var documentID: Int64
    package var code: Int64
    package var name: String?
    package var line: Int
    package var domain: String
    package var locale: String
    /// The document's source URL, else its file name.
    package var source: String
    package var fileName: String
    /// The title of the entry's section.
    package var section: String?

    enum CodingKeys: String, CodingKey {
        case id, documentID = "document_id", code, name, line, domain, locale, source, fileName = "file_name", section
    }

    /// Entries with their documents and sections (aliases: e entries, d documents, s sections);
    /// queries add WHERE and ORDER BY.
    static let from = DocumentJoin.from("entries", as: "e")
    static let columns = "e.id, e.document_id, e.code, e.name, e.line, " + DocumentJoin.columns
    static let select = "SELECT \(columns) \(from)"
}

/// A row of `messages`: one documented message of an entry.
package struct MessageRecord: Codable, Equatable, FetchableRecord, TableRecord {
    package static let databaseTableName = "messages"
    package var id: Int64
    package var entryID: Int64
    package var ordinal: Int
    package var text: String
    package var lang: String
    package var line: Int

    enum CodingKeys: String, CodingKey {
        case id, entryID = "entry_id", ordinal, text, lang, line
    }

    package enum Columns {
        static let entryID = Column(CodingKeys.entryID)
        static let ordinal = Column(CodingKeys.ordinal)
    }

    /// The messages of one document's entries, in entry and message order.
    static func ofDocument(_ documentID: Int64) -> SQLRequest<MessageRecord> {
        "SELECT m.* FROM messages m JOIN entries e ON e.id = m.entry_id WHERE e.document_id = \(documentID) ORDER BY m.entry_id, m.ordinal"
    }
}

/// A row of `entry_relations`: a fact an entry states about another code.
package struct EntryRelationRecord: Codable, Equatable, FetchableRecord, TableRecord {
    package static let databaseTableName = "entry_relations"
    package var id: Int64
    package var entryID: Int64
    package var relation: String
    package var code: Int64
    package var line: Int

    enum CodingKeys: String, CodingKey {
        case id, entryID = "entry_id", relation, code, line
    }
}
