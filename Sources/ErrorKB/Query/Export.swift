import Foundation
import GRDB

/// The analyst views `kb export` can write, each in a stable order.
public enum ExportView: String, CaseIterable, Sendable {
    case catalog, reasons, duplicates, codes, templates, sections

    var orderBy: String {
        switch self {
        case .catalog, .templates: return "domain, locale, source, line"
        case .reasons, .sections: return "domain, locale, source, line"
        case .duplicates: return "kind, domain, code, name"
        case .codes: return "domain, code DESC"
        }
    }
}

public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, jsonl
}

extension KnowledgeBase {
    /// Streams a view as CSV (with a header) or JSON lines, row by row: memory stays flat.
    public func export(_ view: ExportView, as format: ExportFormat, write: (String) throws -> Void) throws {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(view.rawValue) ORDER BY \(view.orderBy)")
            let columns = try db.columns(in: view.rawValue).map(\.name)
            if format == .csv { try write(RowFormat.csvLine(columns)) }
            var batch = ""
            while let row = try cursor.next() {
                switch format {
                case .csv:
                    batch += RowFormat.csvLine(columns.indices.map { Self.text(row[$0] as DatabaseValue) })
                case .jsonl:
                    batch += "{" + columns.indices.map { RowFormat.jsonString(columns[$0]) + ":" + Self.json(row[$0] as DatabaseValue) }
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
