import ErrorKBModel
import GRDB

/// The codes table rows get besides those their section names (`table_row_codes.via`), after
/// documents are written or replaced:
///
/// - `link`: an entry links to the row's section (the spot page's -1013 INVALID_MESSAGE links
///   to `#filter-failures` and `#other-errors`), so the row is returned under the entry's code;
/// - `message`: the row's section names no code and nothing links to it, and messages of that
///   section (`MessageTemplate.comparisonKey`) are rows with codes on another page: the section
///   is a copy of that table, and each of its rows takes the codes those rows have. The wallet,
///   PM-Pro and crypto-loan pages copy spot's filter table without a -1013 entry (and the wallet
///   page adds `Filter failure: PERCENT_PRICE_BY_SIDE`, which spot's table lacks).
enum TableRowCodes {
    static func refresh(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM table_row_codes WHERE via <> 'section'")
        // A link lands on the first section of its page that has its anchor.
        try db.execute(sql: """
            UPDATE entry_links SET section_id = (
                SELECT s.id FROM section_anchors a
                JOIN sections s ON s.id = a.section_id
                JOIN entries e ON e.document_id = s.document_id
                WHERE e.id = entry_links.entry_id AND a.anchor = entry_links.anchor
                ORDER BY s.ordinal LIMIT 1)
            """)
        try db.execute(sql: """
            INSERT INTO table_row_codes (table_row_id, ordinal, code, via)
            SELECT row_id,
                   coalesce((SELECT max(c.ordinal) FROM table_row_codes c WHERE c.table_row_id = row_id), 0)
                     + row_number() OVER (PARTITION BY row_id ORDER BY first_entry),
                   code, 'link'
            FROM (SELECT r.id AS row_id, e.code AS code, min(e.id) AS first_entry
                  FROM entry_links l
                  JOIN entries e ON e.id = l.entry_id
                  JOIN table_rows r ON r.section_id = l.section_id
                  WHERE NOT EXISTS (SELECT 1 FROM table_row_codes c WHERE c.table_row_id = r.id AND c.code = e.code)
                  GROUP BY r.id, e.code)
            """)
        try copyCodesByMessage(db)
    }

    private static func copyCodesByMessage(_ db: Database) throws {
        struct Row { var id: Int64; var document: Int64; var section: Int64?; var key: String }
        var rows: [Row] = []
        // Read with each value's type checked (issue 16): a damaged value is named, never misread.
        let origins = CheckedRow.Origins(["id": "table_rows.id", "document_id": "table_rows.document_id", "section_id": "table_rows.section_id",
                                          "message": "table_rows.message"], label: ("id", "table row "))
        try CheckedRow.forEach(db.makeStatement(sql: "SELECT id, document_id, section_id, message FROM table_rows ORDER BY id"), [], origins) { row in
            rows.append(Row(id: try row.int64("id"), document: try row.int64("document_id"), section: try row.optionalInt64("section_id"),
                            key: MessageTemplate.comparisonKey(try row.text("message"))))
        }
        var codes: [Int64: [Int64]] = [:]
        try CheckedRow.forEach(db.makeStatement(sql: "SELECT table_row_id, code FROM table_row_codes ORDER BY table_row_id, ordinal"), [],
                               TableRowCodeRecord.origins) { row in
            codes[try row.int64("table_row_id"), default: []].append(try row.int64("code"))
        }
        var byKey: [String: [Row]] = [:]
        for row in rows where codes[row.id] != nil { byKey[row.key, default: []].append(row) }
        // The rows without codes, by section (a row outside any section is a section of its own).
        var sections: [String: [Row]] = [:]
        var order: [String] = []
        for row in rows where codes[row.id] == nil {
            let key = row.section.map { "s\($0)" } ?? "r\(row.id)"
            if sections[key] == nil { order.append(key) }
            sections[key, default: []].append(row)
        }
        let insert = try db.cachedStatement(sql: "INSERT INTO table_row_codes (table_row_id, ordinal, code, via) VALUES (?, ?, ?, 'message')")
        for key in order {
            let members = sections[key]!
            var copied: [Int64] = []
            for member in members {
                for other in byKey[member.key] ?? [] where other.document != member.document {
                    for code in codes[other.id]! where !copied.contains(code) { copied.append(code) }
                }
            }
            for member in members {
                for (ordinal, code) in copied.enumerated() { try insert.execute(arguments: [member.id, ordinal + 1, code]) }
            }
        }
    }
}
