import ErrorKB
import ErrorKBFetch

/// Writes a read command's result to standard output in one output format; each format is a
/// renderer of its own (TableRenderer, JSONRenderer, CSVRenderer).
protocol Renderer {
    func render(_ hits: [SearchHit]) throws
    /// A search's hits; by default as `render(_ hits:)` (JSON adds the total).
    func render(_ results: SearchResults) throws
    func render(_ entries: [EntryDetail]) throws
    func render(_ result: MatchResult) throws
    /// One answer per line of a file (`kb match --lines`).
    func render(lines results: [MatchResult]) throws
    func render(_ report: Classifier.Report) throws
    func render(_ diff: DocumentDiff) throws
    func render(_ rows: [DuplicateRow]) throws
    func render(_ stats: Stats) throws
}

extension Renderer {
    func render(_ results: SearchResults) throws { try render(results.hits) }
}

/// Writes what a command that changes a database did: a table or JSON.
protocol SummaryRenderer {
    func render(_ summary: BuildSummary, writtenTo path: String) throws
    func render(_ results: [AddResult]) throws
    func render(_ results: [UpdateResult]) throws
}

extension Stats {
    /// The columns of `kb stats` (table and CSV): one row per document.
    static let columns = ["file", "domain", "locale", "lines", "sections", "entries", "codes", "messages", "table_rows", "unexplained"]

    var rows: [[String]] {
        documents.map { d in
            [d.file, d.domain, d.locale, String(d.lines), String(d.sections), String(d.entries), String(d.codes),
             String(d.messages), String(d.tableRows), String(d.unexplainedLines)]
        }
    }
}
