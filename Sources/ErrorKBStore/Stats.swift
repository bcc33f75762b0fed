import GRDB

/// Counts of what a database holds.
public struct Stats: Codable, Sendable, Equatable {
    /// One document's counts.
    public struct DocumentStats: Codable, Sendable, Equatable {
        /// The document's file name.
        public var file: String
        /// The API product.
        public var domain: String
        /// The locale.
        public var locale: String
        /// The document's source URL, else its file name.
        public var source: String
        /// Hex SHA-256 of its bytes.
        public var sha256: String
        /// Lines in the document.
        public var lines: Int
        /// Its sections.
        public var sections: Int
        /// Its entries.
        public var entries: Int
        /// Distinct codes among the entries.
        public var codes: Int
        /// Its messages.
        public var messages: Int
        /// Its message-keyed table rows.
        public var tableRows: Int
        /// Lines the importer could not place.
        public var unexplainedLines: Int

        enum CodingKeys: String, CodingKey {
            case file, domain, locale, source, sha256, lines, sections, entries, codes, messages, tableRows, unexplainedLines
        }

        init(_ row: CheckedRow) throws {
            file = try row.text("file")
            domain = try row.text("domain")
            locale = try row.text("locale")
            source = try row.text("source")
            sha256 = try row.text("sha256")
            lines = try row.int("lines")
            sections = try row.int("sections")
            entries = try row.int("entries")
            codes = try row.int("codes")
            messages = try row.int("messages")
            tableRows = try row.int("tableRows")
            unexplainedLines = try row.int("unexplainedLines")
        }

        static let origins = CheckedRow.Origins(["file": "documents.file_name", "domain": "documents.domain", "locale": "documents.locale",
                                                 "source": "documents.source_url", "sha256": "documents.sha256", "lines": "documents.line_count",
                                                 "unexplainedLines": "line_kinds.lines"], label: ("id", "document "))
    }

    /// `PRAGMA user_version` of the file.
    public var schemaVersion: Int
    /// Per document, in import order.
    public var documents: [DocumentStats]
    /// Duplicate groups by kind (code_repeated, name_shared, code_conflict, code_shared).
    public var duplicateGroups: [String: Int]
}

extension KnowledgeBase {
    /// Counts per document and duplicate groups per kind.
    public func stats() throws -> Stats {
        try read { db in try Self.stats(db) }
    }

    static func stats(_ db: Database) throws -> Stats {
        let documents = try CheckedRow.all(db.cachedStatement(sql: """
            SELECT d.id, d.file_name AS file, d.domain, d.locale, coalesce(d.source_url, d.file_name) AS source, d.sha256, d.line_count AS lines,
                   (SELECT count(*) FROM sections WHERE document_id = d.id) AS sections,
                   (SELECT count(*) FROM entries WHERE document_id = d.id) AS entries,
                   (SELECT count(DISTINCT code) FROM entries WHERE document_id = d.id) AS codes,
                   (SELECT count(*) FROM messages m JOIN entries e ON e.id = m.entry_id WHERE e.document_id = d.id) AS messages,
                   (SELECT count(*) FROM table_rows WHERE document_id = d.id) AS tableRows,
                   coalesce((SELECT lines FROM line_kinds WHERE document_id = d.id AND kind = 'unexplained'), 0) AS unexplainedLines
            FROM documents d ORDER BY d.id
            """), [], Stats.DocumentStats.origins, Stats.DocumentStats.init)
        return Stats(schemaVersion: try db.cachedValue(Int.self, "PRAGMA user_version") ?? 0,
                     documents: documents, duplicateGroups: try duplicateGroupCounts(db))
    }

    /// Groups per kind: a code in a document, a name in a domain, a code with several meanings,
    /// or a code with one meaning in several domains.
    /// The same groups as the `duplicates` view, counted without it: the view compares every
    /// entry with every other through its CTEs, which took seconds on a million entries.
    static func duplicateGroupCounts(_ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        counts["code_repeated"] = try db.cachedValue(Int.self, """
            SELECT count(DISTINCT domain || char(31) || code)
            FROM (SELECT d.domain, e.code \(LocatedEntry.from) GROUP BY e.document_id, e.code HAVING count(*) > 1)
            """)
        counts["name_shared"] = try db.cachedValue(Int.self, """
            SELECT count(*) FROM (SELECT 1 \(LocatedEntry.from) WHERE e.name IS NOT NULL GROUP BY d.domain, e.name HAVING count(DISTINCT e.code) > 1)
            """)
        // A code conflicts when it has more than one meaning (see `Meanings`); a code with one
        // meaning in several domains is shared.
        try CheckedRow.forEach(db.cachedStatement(sql: """
            SELECT e.code, count(DISTINCT e.meaning) > 1 AS conflict, count(DISTINCT d.domain) > 1 AS domains \(LocatedEntry.from)
            WHERE e.code IN (SELECT code FROM entries GROUP BY code HAVING count(*) > 1)
            GROUP BY e.code
            """), [], LocatedEntry.origins) { row in
            if try row.int64("conflict") != 0 {
                counts["code_conflict", default: 0] += 1
            } else if try row.int64("domains") != 0 {
                counts["code_shared", default: 0] += 1
            }
        }
        return counts.filter { $0.value > 0 }
    }

    /// The domains in the database, for validating `--domain`.
    public func domains() throws -> [String] {
        try read { db in
            try CheckedRow.all(db.cachedStatement(sql: "SELECT DISTINCT domain FROM documents WHERE domain <> '' ORDER BY domain"), [],
                               DocumentRecord.origins) { try $0.text("domain") }
        }
    }
}
