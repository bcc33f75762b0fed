import GRDB

/// A member of a duplicate group (a row of the `duplicates` view).
public struct DuplicateRow: Codable, Sendable, Equatable, FetchableRecord {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case codeRepeated = "code_repeated", nameShared = "name_shared"
        case codeConflict = "code_conflict", codeShared = "code_shared"
    }

    public var kind: String
    public var domain: String
    public var code: Int64
    public var name: String?
}

/// Counts of what a database holds.
public struct Stats: Codable, Sendable, Equatable {
    public struct DocumentStats: Codable, Sendable, Equatable {
        public var file: String
        public var domain: String
        public var locale: String
        public var source: String
        public var sha256: String
        public var lines: Int
        public var sections: Int
        public var entries: Int
        public var codes: Int
        public var messages: Int
        public var tableRows: Int
        public var unexplainedLines: Int
    }

    public var schemaVersion: Int
    public var documents: [DocumentStats]
    public var duplicateGroups: [String: Int]
}

extension KnowledgeBase {
    public func duplicates(kind: DuplicateRow.Kind? = nil, domain: String? = nil) throws -> [DuplicateRow] {
        try read { db in
            var sql = "SELECT kind, domain, code, name FROM duplicates WHERE 1"
            var arguments: StatementArguments = []
            if let kind { sql += " AND kind = ?"; arguments += [kind.rawValue] }
            if let domain { sql += " AND domain = ?"; arguments += [domain] }
            sql += " ORDER BY CASE kind WHEN 'code_repeated' THEN 1 WHEN 'name_shared' THEN 2 WHEN 'code_conflict' THEN 3 ELSE 4 END, name IS NULL, "
                + "CASE WHEN kind = 'name_shared' THEN name END, code DESC, domain, name"
            return try DuplicateRow.fetchAll(db, sql: sql, arguments: arguments)
        }
    }

    public func stats() throws -> Stats {
        try read { db in try Self.stats(db) }
    }

    static func stats(_ db: Database) throws -> Stats {
            let documents = try db.cachedRows("""
                SELECT d.file_name, d.domain, d.locale, coalesce(d.source_url, d.file_name), d.sha256, d.line_count,
                       (SELECT count(*) FROM headings WHERE document_id = d.id),
                       (SELECT count(*) FROM entries WHERE document_id = d.id),
                       (SELECT count(DISTINCT code) FROM entries WHERE document_id = d.id),
                       (SELECT count(*) FROM messages m JOIN entries e ON e.id = m.entry_id WHERE e.document_id = d.id),
                       (SELECT count(*) FROM reason_rows WHERE document_id = d.id),
                       coalesce((SELECT lines FROM line_kinds WHERE document_id = d.id AND kind = 'unexplained'), 0)
                FROM documents d ORDER BY d.id
                """).map { row in
                Stats.DocumentStats(file: row[0], domain: row[1], locale: row[2], source: row[3], sha256: row[4],
                                    lines: row[5], sections: row[6], entries: row[7], codes: row[8], messages: row[9],
                                    tableRows: row[10], unexplainedLines: row[11])
            }
            return Stats(schemaVersion: try db.cachedValue(Int.self, "PRAGMA user_version") ?? 0,
                         documents: documents, duplicateGroups: try Self.duplicateGroupCounts(db))
    }

    /// Groups per kind: a code in a document, a name in a domain, or a code across domains.
    /// The same groups as the `duplicates` view, counted without it: the view compares every
    /// entry with every other through its CTEs, which took seconds on a million entries.
    static func duplicateGroupCounts(_ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        counts["code_repeated"] = try db.cachedValue(Int.self, """
            SELECT count(DISTINCT d.domain || char(31) || r.code)
            FROM (SELECT document_id, code FROM entries GROUP BY document_id, code HAVING count(*) > 1) r
            JOIN documents d ON d.id = r.document_id
            """)
        counts["name_shared"] = try db.cachedValue(Int.self, """
            SELECT count(*) FROM (SELECT 1 FROM entries e JOIN documents d ON d.id = e.document_id WHERE e.name IS NOT NULL
                                  GROUP BY d.domain, e.name HAVING count(DISTINCT e.code) > 1)
            """)
        // Across domains: only codes found in more than one document can be shared. A code
        // conflicts when two of its domains have no name in common, else it is shared.
        var names: [Int64: [String: Set<String>]] = [:]
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT DISTINCT d.domain, e.code, coalesce(e.name, '') FROM entries e JOIN documents d ON d.id = e.document_id
            WHERE e.code IN (SELECT code FROM entries GROUP BY code HAVING min(document_id) <> max(document_id))
            """))
        while let row = try cursor.next() {
            names[row[1], default: [:]][row[0], default: []].insert(row[2])
        }
        for byDomain in names.values where byDomain.count > 1 {
            let sets = Array(byDomain.values)
            let conflict = sets.indices.contains { i in sets.indices.contains { j in j > i && sets[i].isDisjoint(with: sets[j]) } }
            counts[conflict ? "code_conflict" : "code_shared", default: 0] += 1
        }
        return counts.filter { $0.value > 0 }
    }
}
