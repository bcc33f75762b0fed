import GRDB

/// A row of `table_rows`: a table row keyed by a message (a filter failure, an order rejection).
struct TableRowRecord: Equatable {
    var id: Int64
    var message: String
    var description: String

    init(_ row: CheckedRow) throws {
        id = try row.int64("id")
        message = try row.text("message")
        description = try row.text("description")
    }

    static let origins = CheckedRow.Origins(["id": "table_rows.id", "message": "table_rows.message", "description": "table_rows.description"],
                                            label: ("id", "table row "))

    /// The table rows of one document, in document order.
    static func ofDocument(_ documentID: Int64, _ db: Database) throws -> [TableRowRecord] {
        try CheckedRow.all(db.cachedStatement(sql: "SELECT id, message, description FROM table_rows WHERE document_id = ? ORDER BY ordinal"),
                           [documentID], origins, TableRowRecord.init)
    }
}

/// A row of `table_row_codes`: a code a table row applies to.
package struct TableRowCodeRecord: Equatable {
    package var tableRowID: Int64
    package var ordinal: Int
    package var code: Int64

    init(_ row: CheckedRow) throws {
        tableRowID = try row.int64("table_row_id")
        ordinal = try row.int("ordinal")
        code = try row.int64("code")
    }

    static let origins = CheckedRow.Origins(["table_row_id": "table_row_codes.table_row_id", "ordinal": "table_row_codes.ordinal",
                                             "code": "table_row_codes.code"], label: ("table_row_id", "table row "))
}

/// A table row with its document, its section and the codes it applies to.
package struct LocatedTableRow: Equatable {
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

    init(_ row: CheckedRow, explaining: Bool = false) throws {
        id = try row.int64("id")
        documentID = try row.int64("document_id")
        message = try row.text("message")
        description = try row.text("description")
        line = try row.int("line")
        (domain, locale, source, fileName, section) = try DocumentJoin.read(row)
        explainedCode = explaining ? try row.int64("explained_code") : nil
    }

    /// Table rows with their documents and sections (aliases: r table_rows, d documents,
    /// s sections); queries add WHERE and ORDER BY.
    static let from = DocumentJoin.from("table_rows", as: "r")
    static let columns = "r.id, r.document_id, r.message, r.description, r.line, " + DocumentJoin.columns
    static let select = "SELECT \(columns) \(from)"
    static let origins = CheckedRow.Origins(DocumentJoin.origins.merging([
        "id": "table_rows.id", "document_id": "table_rows.document_id", "message": "table_rows.message",
        "description": "table_rows.description", "line": "table_rows.line", "explained_code": "table_row_codes.code",
    ]) { $1 }, label: ("id", "table row "))

    /// The table rows `statement` selects, with `arguments`; `explaining` when it selects
    /// `explained_code` too.
    static func fetchAll(_ statement: Statement, _ arguments: StatementArguments = [], explaining: Bool = false) throws -> [LocatedTableRow] {
        try CheckedRow.all(statement, arguments, origins) { try LocatedTableRow($0, explaining: explaining) }
    }
}
