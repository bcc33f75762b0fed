import ErrorKBSupport

/// A result row: any `Encodable` whose fields are listed, so that an empty result still has its
/// CSV header and `--fields` can be checked before there is a row. docs/output.md documents the
/// same names, and a test holds the three (this list, the documentation, real output) together.
protocol OutputRow: Encodable {
    /// The row's fields in snake_case, in the order they are written.
    static var fields: [String] { get }
}

/// The machine-readable output formats: one writer each, serving every read command. Each is
/// given rows as `OutputValue` objects and the fields to write, in order.
enum RowFormats {
    /// JSON: an array of objects, two-space indent, keys in field order; `[]` when empty.
    static func json(_ rows: [OutputValue], fields: [String]) -> String {
        guard !rows.isEmpty else { return "[]\n" }
        return "[\n" + rows.map { "  " + JSONText.pretty(select($0, fields), indent: "  ") }.joined(separator: ",\n") + "\n]\n"
    }

    /// JSON lines: one compact object per line.
    static func jsonLines(_ rows: [OutputValue], fields: [String]) -> String {
        rows.map { JSONText.compact(select($0, fields)) + "\n" }.joined()
    }

    /// CSV (RFC 4180 quoting, rows ending in `\n` as sqlite3 and most tools read them); a list or
    /// an object in a field is written as its compact JSON.
    static func csv(_ rows: [OutputValue], fields: [String], header: Bool) -> String {
        var out = header ? RowFormat.csvLine(fields) : ""
        for row in rows { out += RowFormat.csvLine(cells(row, fields)) }
        return out
    }

    /// TSV: fields separated by tabs, rows by `\n`; a backslash, tab, line feed or carriage
    /// return in a value is written `\\`, `\t`, `\n`, `\r` (as PostgreSQL's text format and
    /// MySQL do), so each row is one line.
    static func tsv(_ rows: [OutputValue], fields: [String], header: Bool) -> String {
        var out = header ? fields.joined(separator: "\t") + "\n" : ""
        for row in rows { out += cells(row, fields).map { RowFormat.tsvField($0 ?? "") }.joined(separator: "\t") + "\n" }
        return out
    }

    /// A row's fields as text for a table, CSV or TSV: null is empty (nil).
    static func cells(_ row: OutputValue, _ fields: [String]) -> [String?] {
        let values = Dictionary(row.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        return fields.map { field in
            switch values[field] ?? .null {
            case .null: return nil
            case .bool(let value): return value ? "true" : "false"
            case .int(let value): return String(value)
            case .double(let value): return JSONText.number(value)
            case .string(let value): return value
            case let other: return JSONText.compact(other)
            }
        }
    }

    private static func select(_ row: OutputValue, _ fields: [String]) -> OutputValue {
        let values = Dictionary(row.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        return .object(fields.map { ($0, values[$0] ?? .null) })
    }
}

/// JSON text of an `OutputValue`.
enum JSONText {
    /// A value as one pretty-printed JSON document with snake_case keys, safe for a terminal
    /// (see `TerminalText.escapedJSON`), ending in a line feed.
    static func document(_ value: some Encodable) throws -> String {
        TerminalText.escapedJSON(pretty(try OutputEncoder.encode(value), indent: "")) + "\n"
    }

    static func compact(_ value: OutputValue) -> String {
        switch value {
        case .array(let items): return "[" + items.map(compact).joined(separator: ",") + "]"
        case .object(let fields): return "{" + fields.map { RowFormat.jsonString($0.key) + ":" + compact($0.value) }.joined(separator: ",") + "}"
        default: return scalar(value)
        }
    }

    static func pretty(_ value: OutputValue, indent: String) -> String {
        let inner = indent + "  "
        switch value {
        case .array(let items) where !items.contains(where: { if case .object = $0 { return true } else { return false } }):
            // A list of numbers, strings or lists (highlights, codes, arguments) stays on one line.
            return spaced(items)
        case .array(let items):
            return "[\n" + items.map { inner + pretty($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let fields) where !fields.isEmpty:
            return "{\n" + fields.map { inner + RowFormat.jsonString($0.key) + ": " + pretty($0.value, indent: inner) }.joined(separator: ",\n")
                + "\n" + indent + "}"
        case .array: return "[]"
        case .object: return "{}"
        default: return scalar(value)
        }
    }

    /// A list on one line, `[a, b]`.
    static func spaced(_ items: [OutputValue]) -> String {
        "[" + items.map { item in
            if case .array(let inner) = item { return spaced(inner) }
            return compact(item)
        }.joined(separator: ", ") + "]"
    }

    /// A number as JSON writes it: integral values without a fraction.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    private static func scalar(_ value: OutputValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return number(value)
        case .string(let value): return RowFormat.jsonString(value)
        case .array, .object: return compact(value)
        }
    }
}
