import GRDB

/// A message as shown to users.
public struct MessageText: Codable, Sendable, Equatable {
    public var text: String
    public var lang: String
    public var line: Int
}

/// A message-keyed table row with the codes it explains.
public struct ReasonDetail: Codable, Sendable, Equatable {
    public var domain: String
    public var locale: String
    public var section: String?
    public var message: String
    public var description: String
    public var codes: [Int64]
    public var source: String
    public var file: String
    public var line: Int
}

/// One definition of a code, with everything needed to show it.
public struct EntryDetail: Codable, Sendable, Equatable {
    public struct Relation: Codable, Sendable, Equatable {
        public var relation: String
        public var code: Int64
    }

    public var id: Int64
    public var domain: String
    public var locale: String
    public var code: Int64
    public var name: String?
    public var section: String?
    public var messages: [MessageText]
    public var source: String
    public var file: String
    public var line: Int
    public var relations: [Relation]
    /// Table rows in the same document that explain this code (order rejections for -2010).
    public var reasons: [ReasonDetail]
}

extension KnowledgeBase {
    /// Loads entries by id, keeping the order of `ids`.
    func entryDetails(_ db: Database, ids: [Int64]) throws -> [EntryDetail] {
        guard !ids.isEmpty else { return [] }
        let list = idList(ids)
        var messages: [Int64: [MessageText]] = [:]
        let records = try MessageRecord.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM messages WHERE entry_id IN (SELECT value FROM json_each(?)) ORDER BY entry_id, ordinal
            """), arguments: [list])
        for record in records {
            messages[record.entryID, default: []].append(MessageText(text: record.text, lang: record.lang, line: record.line))
        }
        var relations: [Int64: [EntryDetail.Relation]] = [:]
        for row in try db.cachedRows("SELECT entry_id, relation, code FROM entry_relations WHERE entry_id IN (SELECT value FROM json_each(?)) ORDER BY id", [list]) {
            relations[row[0], default: []].append(.init(relation: row[1], code: row[2]))
        }
        var byID: [Int64: EntryDetail] = [:]
        let rows = try db.cachedRows("""
            SELECT e.id, d.domain, d.locale, e.code, e.name, s.title, coalesce(d.source_url, d.file_name), d.file_name, e.line, e.document_id
            FROM entries e JOIN documents d ON d.id = e.document_id LEFT JOIN headings s ON s.id = e.section_id
            WHERE e.id IN (SELECT value FROM json_each(?))
            """, [list])
        for row in rows {
            let id: Int64 = row[0]
            let code: Int64 = row[3]
            byID[id] = EntryDetail(
                id: id, domain: row[1], locale: row[2], code: code, name: row[4], section: row[5],
                messages: messages[id] ?? [], source: row[6], file: row[7], line: row[8],
                relations: relations[id] ?? [],
                reasons: try reasonDetails(db, where: "r.document_id = ? AND r.id IN (SELECT reason_id FROM reason_codes WHERE code = ?)",
                                           arguments: [row[9] as Int64, code]))
        }
        return ids.compactMap { byID[$0] }
    }

    func reasonDetails(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [ReasonDetail] {
        let rows = try db.cachedRows("""
            SELECT r.id, d.domain, d.locale, s.title, r.message, r.description, coalesce(d.source_url, d.file_name), d.file_name, r.line
            FROM reason_rows r JOIN documents d ON d.id = r.document_id LEFT JOIN headings s ON s.id = r.section_id
            WHERE \(condition) ORDER BY r.document_id, r.ordinal
            """, arguments)
        return try rows.map { row in
            let codes = try db.cachedValues(Int64.self, "SELECT code FROM reason_codes WHERE reason_id = ? ORDER BY ordinal", [row[0] as Int64])
            return ReasonDetail(domain: row[1], locale: row[2], section: row[3], message: row[4], description: row[5],
                                codes: codes, source: row[6], file: row[7], line: row[8])
        }
    }
}
