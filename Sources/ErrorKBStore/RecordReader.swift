import ErrorKBModel
import GRDB

/// What the query layer reads from a database, as records read by column name. Every read is a
/// method here, so no SQL leaves the store; one `RecordReader` serves one read of the file (see
/// `KnowledgeBase.records`), so what it returns is one consistent snapshot.
package struct RecordReader {
    let db: Database

    // MARK: Entries

    /// The entries of a code (a code given without a minus also finds the negative code, since
    /// Binance's codes are negative), of a name (compared as `LookupKey.nameKey` makes it: any
    /// case, `_`, `-` and spaces alike), or of a code with that name, in domain, locale and
    /// document order. A name lookup reads every entry's name (no index holds the key).
    package func entries(matching key: LookupKey, domain: String?) throws -> [LocatedEntry] {
        var sql = LocatedEntry.select + " WHERE "
        var arguments: StatementArguments = []
        switch key {
        case .code(let code):
            sql += "e.code IN (?, ?)"
            arguments += [code, code > 0 ? -code : code]
        case .name(let name):
            sql += Self.nameKeySQL + " = ?"
            arguments += [LookupKey.nameKey(name)]
        case .heading(let code, let name):
            sql += "e.code IN (?, ?) AND " + Self.nameKeySQL + " = ?"
            arguments += [code, code > 0 ? -code : code, LookupKey.nameKey(name)]
        }
        if let domain {
            sql += " AND d.domain = ?"
            arguments += [domain]
        }
        sql += " ORDER BY d.domain, d.locale, e.ordinal"
        return try LocatedEntry.fetchAll(db.cachedStatement(sql: sql), arguments)
    }

    /// An entry's name as `LookupKey.nameKey` makes it.
    private static let nameKeySQL = "replace(replace(replace(upper(e.name), '_', ''), '-', ''), ' ', '')"

    /// The ids of a code's entries (and of its negative, as above) that pass the filter, in domain
    /// and document order: the hits a search for a code lists first.
    package func entryIDs(code: Int64, filter: SearchFilter, limit: Int) throws -> [Int64] {
        var sql = "SELECT e.id \(LocatedEntry.from) WHERE e.code IN (?, ?)"
        var arguments: StatementArguments = [code, code > 0 ? -code : code]
        let conditions = filter.conditions(entryColumn: "e.id", tableRowColumn: "NULL")
        sql += conditions.sql + " ORDER BY d.domain, e.ordinal LIMIT ?"
        arguments += conditions.arguments + [limit]
        return try Int64.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    /// Entries by id, in no particular order.
    package func entries(ids: [Int64]) throws -> [LocatedEntry] {
        guard !ids.isEmpty else { return [] }
        return try LocatedEntry.fetchAll(db.cachedStatement(sql: LocatedEntry.select + " WHERE e.id IN (SELECT value FROM json_each(?))"),
                                         [Self.idList(ids)])
    }

    /// The messages of the entries, in entry and message order.
    package func messages(ofEntries ids: [Int64]) throws -> [MessageRecord] {
        guard !ids.isEmpty else { return [] }
        return try MessageRecord.fetchAll(db, """
            SELECT \(MessageRecord.columns) FROM messages m WHERE m.entry_id IN (SELECT value FROM json_each(?)) ORDER BY m.entry_id, m.ordinal
            """, [Self.idList(ids)])
    }

    /// What the entries state about other codes, in document order.
    package func relations(ofEntries ids: [Int64]) throws -> [EntryRelationRecord] {
        guard !ids.isEmpty else { return [] }
        return try CheckedRow.all(db.cachedStatement(sql: """
            SELECT id, entry_id, relation, code, line FROM entry_relations WHERE entry_id IN (SELECT value FROM json_each(?)) ORDER BY id
            """), [Self.idList(ids)], EntryRelationRecord.origins, EntryRelationRecord.init)
    }

    /// Every entry, in document order, one at a time.
    package func forEachEntry(_ body: (LocatedEntry) throws -> Void) throws {
        try CheckedRow.forEach(db.cachedStatement(sql: LocatedEntry.select + " ORDER BY e.document_id, e.ordinal"), [], LocatedEntry.origins) {
            try body(LocatedEntry($0))
        }
    }

    /// Every message, in entry and message order, one at a time.
    package func forEachMessage(_ body: (MessageRecord) throws -> Void) throws {
        try CheckedRow.forEach(db.cachedStatement(sql: "SELECT \(MessageRecord.columns) FROM messages m ORDER BY m.entry_id, m.ordinal"), [],
                               MessageRecord.origins) { try body(MessageRecord($0)) }
    }

    // MARK: Table rows

    /// Table rows by id, with their codes, in no particular order.
    package func tableRows(ids: [Int64]) throws -> [LocatedTableRow] {
        guard !ids.isEmpty else { return [] }
        let rows = try LocatedTableRow.fetchAll(db.cachedStatement(sql: LocatedTableRow.select + " WHERE r.id IN (SELECT value FROM json_each(?))"),
                                                [Self.idList(ids)])
        return try withCodes(rows)
    }

    /// For each entry, the table rows of its document that explain its code (the order
    /// rejections of -2010), with `explainedCode` set, in document order.
    package func tableRows(explaining entries: [LocatedEntry]) throws -> [LocatedTableRow] {
        guard !entries.isEmpty else { return [] }
        let pairs = "[" + Set(entries.map { "[\($0.documentID),\($0.code)]" }).sorted().joined(separator: ",") + "]"
        let rows = try LocatedTableRow.fetchAll(db.cachedStatement(sql: """
            SELECT \(LocatedTableRow.columns), c.code AS explained_code \(LocatedTableRow.from)
            JOIN table_row_codes c ON c.table_row_id = r.id
            WHERE (r.document_id, c.code) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))
            ORDER BY r.document_id, r.ordinal
            """), [pairs], explaining: true)
        return try withCodes(rows)
    }

    /// Every table row with its codes, in document order.
    package func allTableRows() throws -> [LocatedTableRow] {
        try withCodes(LocatedTableRow.fetchAll(db.cachedStatement(sql: LocatedTableRow.select + " ORDER BY r.document_id, r.ordinal")))
    }

    /// The rows with their codes, read in one query for all of them.
    private func withCodes(_ rows: [LocatedTableRow]) throws -> [LocatedTableRow] {
        guard !rows.isEmpty else { return rows }
        var codes: [Int64: [Int64]] = [:]
        let ids = Array(Set(rows.map(\.id)))
        for record in try CheckedRow.all(db.cachedStatement(sql: """
            SELECT table_row_id, ordinal, code FROM table_row_codes WHERE table_row_id IN (SELECT value FROM json_each(?)) ORDER BY table_row_id, ordinal
            """), [Self.idList(ids)], TableRowCodeRecord.origins, TableRowCodeRecord.init) {
            codes[record.tableRowID, default: []].append(record.code)
        }
        return rows.map { row in
            var row = row
            row.codes = codes[row.id] ?? []
            return row
        }
    }

    // MARK: Search

    /// The entries and table rows that match a query's terms, best first (see `FullTextQuery`).
    package func fullTextMatches(terms: [Substring], matchAny: Bool, everyPrefix: Bool = false, filter: SearchFilter, limit: Int,
                                 windowed: Bool = true) throws -> [FullTextMatch] {
        try FullTextQuery.matches(db, terms: terms, matchAny: matchAny, everyPrefix: everyPrefix, filter: filter, limit: limit, windowed: windowed)
    }

    /// How many entries and table rows the terms match, counted up to `cap` matches (every match
    /// in a file of at most `FullTextQuery.exactRankRows` rows); `grouped` counts meanings
    /// (entries by `entries.meaning`, table rows by message) among them; `capped` when more matched.
    package func fullTextCount(terms: [Substring], matchAny: Bool, filter: SearchFilter, cap: Int,
                               grouped: Bool = false) throws -> (count: Int, capped: Bool) {
        try FullTextQuery.count(db, terms: terms, matchAny: matchAny, filter: filter, cap: cap, grouped: grouped)
    }

    /// Where each meaning is documented: its entries' domains and locales, in domain and locale order.
    package func places(ofMeanings meanings: [Int64]) throws -> [Int64: [(domain: String, locale: String)]] {
        guard !meanings.isEmpty else { return [:] }
        var places: [Int64: [(domain: String, locale: String)]] = [:]
        let statement = try db.cachedStatement(sql: """
            SELECT DISTINCT e.meaning, d.domain, d.locale FROM entries e JOIN documents d ON d.id = e.document_id
            WHERE e.meaning IN (SELECT value FROM json_each(?)) ORDER BY d.domain, d.locale
            """)
        let origins = CheckedRow.Origins(["meaning": "entries.meaning", "domain": "documents.domain", "locale": "documents.locale"], label: ("meaning", "meaning "))
        for place in try CheckedRow.all(statement, [Self.idList(meanings)], origins, { (try $0.int64("meaning"), try $0.text("domain"), try $0.text("locale")) }) {
            places[place.0, default: []].append((place.1, place.2))
        }
        return places
    }

    /// The ids of the entries named by any of `names` (in any case) that pass the filter, in
    /// domain and document order: the hits a search for a known name lists first.
    package func entryIDs(names: [String], filter: SearchFilter, limit: Int) throws -> [Int64] {
        guard !names.isEmpty else { return [] }
        var sql = "SELECT e.id \(LocatedEntry.from) WHERE e.name COLLATE NOCASE IN (SELECT value FROM json_each(?))"
        var arguments: StatementArguments = [Self.textList(names)]
        let conditions = filter.conditions(entryColumn: "e.id", tableRowColumn: "NULL")
        sql += conditions.sql + " ORDER BY d.domain, e.ordinal LIMIT ?"
        arguments += conditions.arguments + [limit]
        return try Int64.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    /// The words of the search index (`search_terms`, lower case) that start with `prefix`, at
    /// most `limit`, in order.
    package func indexTerms(startingWith prefix: String, limit: Int) throws -> [String] {
        try SearchVocabulary.terms(startingWith: prefix, limit: limit, db)
    }

    /// The distinct entry names that start with `prefix` (in any ASCII case), at most `limit`, in
    /// name order: a range of the `entries_name` index.
    package func names(startingWith prefix: String, limit: Int) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT name FROM entries WHERE name COLLATE NOCASE >= ? AND name COLLATE NOCASE < ? ORDER BY name COLLATE NOCASE LIMIT ?
            """), arguments: [prefix, prefix + "\u{10FFFF}", limit])
    }

    /// Throws when the search index is empty while there are entries or table rows to index (an
    /// index emptied with 'delete-all', say), so that a search that finds nothing cannot pass for
    /// one where nothing matches. Cheap when the index has rows; counts only when it has none.
    /// Throws when the search index is not the one kb wrote (see `SearchIndex.damage`).
    package func checkSearchIndexIsKBs() throws {
        guard let damage = try SearchIndex.damage(db) else { return }
        // An index emptied ('delete-all') says so rather than that it was rebuilt.
        try checkSearchIndexIsWhole()
        throw DamagedValue(detail: damage)
    }

    /// What is wrong with the search indexes (kb's and the one for SQL clients), one line per
    /// problem; empty when nothing is (`kb check`).
    package func searchIndexProblems() throws -> [String] {
        var problems = try SearchIndex.damage(db).map { [$0] } ?? []
        let (indexed, rows) = try SearchIndex.coverage(db)
        if indexed != rows { problems.append("its search index covers \(indexed) of \(rows) entries and table rows; repair it with kb reindex") }
        problems += try SearchRows.problems(db)
        return problems
    }

    package func checkSearchIndexIsWhole() throws {
        guard try SearchIndex.isEmpty(db) else { return }
        let (indexed, rows) = try SearchIndex.coverage(db)
        if indexed < rows {
            throw DamagedValue(detail: "its search index covers \(indexed) of \(rows) entries and table rows; repair it with kb reindex")
        }
    }

    // MARK: Duplicates

    /// The members of the duplicate groups (the `duplicates` view), grouped by kind.
    package func duplicates(kind: DuplicateRow.Kind?, domain: String?) throws -> [DuplicateRow] {
        var sql = "SELECT kind, domain, code, name FROM duplicates WHERE 1"
        var arguments: StatementArguments = []
        if let kind { sql += " AND kind = ?"; arguments += [kind.rawValue] }
        if let domain { sql += " AND domain = ?"; arguments += [domain] }
        sql += " ORDER BY CASE kind WHEN 'code_repeated' THEN 1 WHEN 'name_shared' THEN 2 WHEN 'code_conflict' THEN 3 ELSE 4 END, name IS NULL, "
            + "CASE WHEN kind = 'name_shared' THEN name END, code DESC, domain, name"
        return try CheckedRow.all(db.cachedStatement(sql: sql), arguments, DuplicateRow.origins, DuplicateRow.init)
    }

    /// A list of ids bound as one argument (`IN (SELECT value FROM json_each(?))`), so that the
    /// SQL text, and with it the cached statement, is the same whatever the number of ids.
    static func idList(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    /// Strings bound as one JSON array argument, as `idList`.
    static func textList(_ texts: [String]) -> String {
        var result = "["
        for (index, text) in texts.enumerated() {
            if index > 0 { result += "," }
            result += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case _ where scalar.value < 0x20: result += " "  // names have none
                default: result.unicodeScalars.append(scalar)
                }
            }
            result += "\""
        }
        return result + "]"
    }
}

extension KnowledgeBase {
    /// Runs `body` with the database's records, in one read.
    package func records<T>(_ body: (RecordReader) throws -> T) throws -> T {
        try read { db in try body(RecordReader(db: db)) }
    }
}
