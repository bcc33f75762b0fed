import GRDB

// Plain records for the main tables; each `Columns` enum names the columns queries use.

public struct DocumentRecord: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "documents"
    public var id: Int64
    public var sourceURL: String?
    public var domain: String
    public var locale: String
    public var title: String?
    public var format: String
    public var fileName: String
    public var sha256: String
    public var size: Int
    public var lineCount: Int

    enum CodingKeys: String, CodingKey {
        case id, sourceURL = "source_url", domain, locale, title, format
        case fileName = "file_name", sha256, size, lineCount = "line_count"
    }

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let domain = Column(CodingKeys.domain)
    }

    /// The URL when the page named one, else the file name.
    public var source: String { sourceURL ?? fileName }
}

public struct EntryRecord: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "entries"
    public var id: Int64
    public var documentID: Int64
    public var sectionID: Int64?
    public var ordinal: Int
    public var code: Int64
    public var name: String?
    public var line: Int

    enum CodingKeys: String, CodingKey {
        case id, documentID = "document_id", sectionID = "section_id", ordinal, code, name, line
    }

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let code = Column(CodingKeys.code)
        static let name = Column(CodingKeys.name)
        static let documentID = Column(CodingKeys.documentID)
        static let ordinal = Column(CodingKeys.ordinal)
    }
}

public struct MessageRecord: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "messages"
    public var id: Int64
    public var entryID: Int64
    public var ordinal: Int
    public var text: String
    public var lang: String
    public var line: Int

    enum CodingKeys: String, CodingKey {
        case id, entryID = "entry_id", ordinal, text, lang, line
    }

    public enum Columns {
        static let entryID = Column(CodingKeys.entryID)
        static let ordinal = Column(CodingKeys.ordinal)
    }
}

public struct SectionRecord: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "sections"
    public var id: Int64
    public var documentID: Int64
    public var ordinal: Int
    public var title: String
    public var rangeLabel: String?
    public var line: Int

    enum CodingKeys: String, CodingKey {
        case id, documentID = "document_id", ordinal, title, rangeLabel = "range_label", line
    }
}

public struct ReasonRecord: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "reason_rows"
    public var id: Int64
    public var documentID: Int64
    public var sectionID: Int64?
    public var ordinal: Int
    public var message: String
    public var description: String
    public var line: Int
    public var lastLine: Int

    enum CodingKeys: String, CodingKey {
        case id, documentID = "document_id", sectionID = "section_id", ordinal, message, description, line
        case lastLine = "last_line"
    }
}
