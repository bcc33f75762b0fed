import GRDB

/// What `kb show` was asked for: a code or a name.
public enum LookupKey: Equatable, Sendable {
    case code(Int64)
    case name(String)

    /// "-1121", "1121", "−1121" (Unicode minus) are codes; anything else is a name.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        if let code = CodeLine(trimmed[...], requireMinus: false), code.name == nil {
            self = .code(code.code)
        } else {
            self = .name(trimmed)
        }
    }
}

extension KnowledgeBase {
    /// Every definition of a code or name, in every domain (or one). A code given without a
    /// minus also finds the negative code, since Binance's codes are negative.
    public func lookup(_ key: LookupKey, domain: String? = nil) throws -> [EntryDetail] {
        try read { db in
            var sql = "SELECT e.id FROM entries e JOIN documents d ON d.id = e.document_id WHERE "
            var arguments: StatementArguments = []
            switch key {
            case .code(let code):
                sql += "e.code IN (?, ?)"
                arguments += [code, code > 0 ? -code : code]
            case .name(let name):
                sql += "e.name = ? COLLATE NOCASE"
                arguments += [name]
            }
            if let domain {
                sql += " AND d.domain = ?"
                arguments += [domain]
            }
            sql += " ORDER BY d.domain, d.locale, e.ordinal"
            let ids = try db.cachedValues(Int64.self, sql, arguments)
            return try entryDetails(db, ids: ids)
        }
    }

    /// The domains in the database, for validating `--domain`.
    public func domains() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT domain FROM documents WHERE domain <> '' ORDER BY domain") }
    }
}
