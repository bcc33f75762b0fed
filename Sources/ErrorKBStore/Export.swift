import ErrorKBSupport
import Foundation
import GRDB

/// The analyst views `kb export` can write, each in a stable order.
public enum ExportView: String, CaseIterable, Sendable {
    case catalog, tableRowCatalog = "table_row_catalog", duplicates, codes, templates, sectionCatalog = "section_catalog"

    var orderBy: String {
        switch self {
        case .catalog, .templates, .tableRowCatalog, .sectionCatalog: return "domain, locale, source, line"
        case .duplicates: return "kind, domain, code, name"
        case .codes: return "domain, code DESC"
        }
    }
}

/// The file formats of `kb export`: CSV per RFC 4180 with a header, or one JSON object per line.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, jsonl
}

extension KnowledgeBase {
    /// Streams a view as CSV (with a header) or JSON lines, row by row: memory stays flat.
    public func export(_ view: ExportView, as format: ExportFormat, write: (String) throws -> Void) throws {
        try read { db in
            let statement = try db.makeStatement(sql: "SELECT * FROM \(view.rawValue) ORDER BY \(view.orderBy)")
            let columns = statement.columnNames
            let cursor = try Row.fetchCursor(statement)
            if format == .csv { try write(RowFormat.csvLine(columns)) }
            var batch = ""
            while let row = try cursor.next() {
                switch format {
                case .csv:
                    batch += RowFormat.csvLine(row.databaseValues.map(Self.text))
                case .jsonl:
                    batch += "{" + zip(columns, row.databaseValues).map { RowFormat.jsonString($0) + ":" + Self.json($1) }
                        .joined(separator: ",") + "}\n"
                }
                if batch.utf8.count > 1 << 16 { try write(batch); batch = "" }
            }
            if !batch.isEmpty { try write(batch) }
        }
    }

    private static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: return nil
        case .int64(let int): return String(int)
        case .double(let double): return String(double)
        case .string(let string): return string
        case .blob(let data): return data.base64EncodedString()
        }
    }

    private static func json(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "null"
        case .int64(let int): return String(int)
        case .double(let double): return double.isFinite ? String(double) : "null"
        case .string(let string): return RowFormat.jsonString(string)
        case .blob(let data): return RowFormat.jsonString(data.base64EncodedString())
        }
    }
}
