import GRDB

/// A row of `table_rows`: a table row keyed by a message (a filter failure, an order rejection).
struct TableRowRecord: Codable, Equatable, FetchableRecord, TableRecord {
    static let databaseTableName = "table_rows"
    var id: Int64
    var documentID: Int64
    var sectionID: Int64?
    var ordinal: Int
    var message: String
    var description: String
    var line: Int
    var lastLine: Int

    enum CodingKeys: String, CodingKey {
        case id, documentID = "document_id", sectionID = "section_id", ordinal, message, description, line, lastLine = "last_line"
    }

    enum Columns {
        static let documentID = Column(CodingKeys.documentID)
    }
}

/// A row of `table_row_codes`: a code a table row applies to.
package struct TableRowCodeRecord: Codable, Equatable, FetchableRecord, TableRecord {
    package static let databaseTableName = "table_row_codes"
    package var tableRowID: Int64
    package var ordinal: Int
    package var code: Int64

    enum CodingKeys: String, CodingKey {
        case tableRowID = "table_row_id", ordinal, code
    }
}

/// A table row with its document, its section and the codes it applies to.
package struct LocatedTableRow: Equatable, FetchableRecord {
    package var id: Int64
    package var documentID: Int64
    package var message: String
    package var description: String
    package var line: Int
    package var domain: String
    package var locale: String
    /// The document's source URL, else its file name.
    package var source: String
    package var fileName: String
    package var section: String?
    /// The codes the row applies to, in document order (filled in after the fetch).
    package var codes: [Int64] = []
    /// The code the row was asked for, when it was fetched as explaining one.
    package var explainedCode: Int64?

    package init(row: Row) {
        id = row["id"]
        documentID = row["document_id"]
        message = row["message"]
        description = row["description"]
        line = row["line"]
        domain = row["domain"]
        locale = row["locale"]
        source = row["source"]
        fileName = row["file_name"]
        section = row["section"]
        explainedCode = row["explained_code"]
    }

    /// Table rows with their documents and sections (aliases: r table_rows, d documents,
    /// s sections); queries add WHERE and ORDER BY.
    static let from = DocumentJoin.from("table_rows", as: "r")
    static let columns = "r.id, r.document_id, r.message, r.description, r.line, " + DocumentJoin.columns
    static let select = "SELECT \(columns) \(from)"
}
