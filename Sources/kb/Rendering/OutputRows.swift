import ErrorKB

// The rows each read command writes, with their fields in the order the types encode them
// (snake_case). docs/output.md documents each list; OutputFieldTests checks both against output.

extension SearchHit: OutputRow {
    static let fields = ["kind", "domain", "locale", "code", "codes", "name", "section", "messages", "source", "line", "snippet", "highlights",
                         "score", "places", "via"]
}

extension EntryDetail: OutputRow {
    static let fields = ["id", "domain", "locale", "code", "name", "section", "messages", "source", "file", "line", "relations", "table_rows"]
}

extension DuplicateRow: OutputRow {
    static let fields = ["kind", "domain", "code", "name"]
}

extension Stats.DocumentStats: OutputRow {
    static let fields = ["file", "domain", "locale", "source", "sha256", "lines", "sections", "entries", "codes", "messages", "table_rows",
                         "unexplained_lines"]
}

extension DocumentDiff.Change: OutputRow {
    static let fields = ["kind", "domain", "locale", "code", "name", "old", "new"]
}
