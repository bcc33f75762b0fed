import GRDB

// Plain records; each `Columns` enum names the columns that queries use.

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
