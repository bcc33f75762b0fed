import ErrorKBSupport
import GRDB

extension RecordReader {
    /// Entries with a documented placeholder in a message (`%s`, `％s`, `{0}`) that hold one of
    /// `phrases` (each two index terms side by side: two words, or one Chinese pair), best bm25
    /// first, at most `limit`: the templates a pasted message with its arguments filled in may
    /// fit. Every match is ranked (no ranking window): a template on the oldest page is found as
    /// well as one on the newest. Empty when `phrases` is.
    ///
    /// - Parameter phrases: index terms (letters and digits, as `SearchIndex.indexForm` writes
    ///   them), each phrase two or more of them.
    package func templateCandidates(phrases: [[String]], filter: SearchFilter, limit: Int) throws -> [FullTextMatch] {
        let quoted = phrases.filter { $0.count >= 2 && $0.allSatisfy(Self.isIndexTerm) }.map { "\"" + $0.joined(separator: " ") + "\"" }
        guard !quoted.isEmpty else { return [] }
        var sql = """
            SELECT s.id AS entry_id, s.score FROM (
                SELECT f.rowid AS id, bm25(search_index, 4.0, 1.0) AS score FROM search_index f
                WHERE search_index MATCH ? AND f.rowid > 0) s
            """
        var arguments: StatementArguments = [Array(Set(quoted)).sorted().joined(separator: " OR ")]
        let conditions = filter.conditions(entryColumn: "s.id", tableRowColumn: "NULL")
        if filter.domain != nil { sql += " JOIN entries e ON e.id = s.id JOIN documents d ON d.id = e.document_id" }
        sql += """
             WHERE EXISTS (SELECT 1 FROM messages m WHERE m.entry_id = s.id
                           AND (instr(m.text, '%') > 0 OR instr(m.text, '％') > 0 OR instr(m.text, '{') > 0))
            """ + conditions.sql + " ORDER BY s.score, s.id LIMIT ?"
        arguments += conditions.arguments + [limit]
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map {
            FullTextMatch(entryID: $0["entry_id"], tableRowID: nil, score: $0["score"])
        }
    }

    /// Whether a term can be written in double quotes in a MATCH expression as it is: letters and
    /// digits only, so no input can make the expression a syntax error.
    private static func isIndexTerm(_ term: String) -> Bool {
        !term.isEmpty && term.unicodeScalars.allSatisfy(\.isWordScalar)
    }
}
