import GRDB
import GRDBSQLite

/// The current row of a statement, read column by column with each value's type checked, so
/// that a value a database should not hold is reported, not misread: GRDB's decoding reads an
/// INTEGER column holding 'abc' as 0 (SQLite's conversion) and a blob, or bytes that are not
/// UTF-8, as text with replacement characters. A wrong value throws `DamagedValue`, which the
/// read turns into "the database is damaged: entries.line of -1121 is not a number".
struct CheckedRow {
    /// Where a query's columns come from, for messages: the column's `table.column`, and the
    /// column that names a row ("code" names an entry -1121; else "id", as "row 12").
    struct Origins {
        let columns: [String: String]
        let label: (column: String, prefix: String)

        init(_ columns: [String: String], label: (column: String, prefix: String)) {
            self.columns = columns
            self.label = label
        }
    }

    private let statement: SQLiteStatement
    private let indexes: [String: Int32]
    private let origins: Origins

    /// Reads every row of `statement` with `make`.
    static func all<T>(_ statement: Statement, _ arguments: StatementArguments = [], _ origins: Origins,
                       _ make: (CheckedRow) throws -> T) throws -> [T] {
        var rows: [T] = []
        try forEach(statement, arguments, origins) { rows.append(try make($0)) }
        return rows
    }

    /// Calls `body` with each row of `statement`, as it is read.
    static func forEach(_ statement: Statement, _ arguments: StatementArguments = [], _ origins: Origins,
                        _ body: (CheckedRow) throws -> Void) throws {
        var indexes: [String: Int32] = [:]
        for (index, name) in statement.columnNames.enumerated() where indexes[name] == nil { indexes[name] = Int32(index) }
        let row = CheckedRow(statement: statement.sqliteStatement, indexes: indexes, origins: origins)
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        while try cursor.next() != nil { try body(row) }
    }

    func int64(_ column: String) throws -> Int64 {
        guard let value = try optionalInt64(column) else { throw damage(column, "is missing") }
        return value
    }

    func int(_ column: String) throws -> Int { Int(try int64(column)) }

    func optionalInt64(_ column: String) throws -> Int64? {
        let index = try self.index(column)
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return sqlite3_column_int64(statement, index)
        case SQLITE_NULL: return nil
        case SQLITE_FLOAT: throw damage(column, "is not a whole number")
        default: throw damage(column, "is not a number")
        }
    }

    func text(_ column: String) throws -> String {
        guard let value = try optionalText(column) else { throw damage(column, "is missing") }
        return value
    }

    func optionalText(_ column: String) throws -> String? {
        let index = try self.index(column)
        switch sqlite3_column_type(statement, index) {
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard let bytes = sqlite3_column_text(statement, index) else { return "" }
            guard let text = String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self) else {
                throw damage(column, "is not valid UTF-8 text")
            }
            return text
        case SQLITE_NULL: return nil
        default: throw damage(column, "is not text")
        }
    }

    func double(_ column: String) throws -> Double {
        let index = try self.index(column)
        switch sqlite3_column_type(statement, index) {
        case SQLITE_FLOAT, SQLITE_INTEGER: return sqlite3_column_double(statement, index)
        case SQLITE_NULL: throw damage(column, "is missing")
        default: throw damage(column, "is not a number")
        }
    }

    private func index(_ column: String) throws -> Int32 {
        guard let index = indexes[column] else { throw DamagedValue(detail: "the query has no column \(column)") }
        return index
    }

    /// The value of `column` is wrong: says where, and in which row.
    private func damage(_ column: String, _ problem: String) -> DamagedValue {
        let origin = origins.columns[column] ?? column
        return DamagedValue(detail: "\(origin) of \(label(excluding: column)) \(problem)")
    }

    /// The row's name: its label column if that is readable (and not the damaged one), else its id.
    private func label(excluding damaged: String) -> String {
        for (column, prefix) in [origins.label, ("id", "row ")] where column != damaged {
            guard let index = indexes[column] else { continue }
            switch sqlite3_column_type(statement, index) {
            case SQLITE_INTEGER: return prefix + String(sqlite3_column_int64(statement, index))
            case SQLITE_TEXT:
                if let bytes = sqlite3_column_text(statement, index),
                   let text = String(validating: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self) {
                    return prefix + text
                }
            default: continue
            }
        }
        return "a row"
    }
}

/// A value of the wrong type in the database (see `CheckedRow`): `KnowledgeBase.read` reports it
/// as `KnowledgeBaseError.corrupt` with the file's path.
struct DamagedValue: Error {
    let detail: String
}
