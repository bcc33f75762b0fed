import ErrorKB
import ErrorKBFetch
import Foundation

/// Results as JSON: one document per result, keys sorted, pretty-printed.
struct JSONRenderer: Renderer, SummaryRenderer {
    func render(_ hits: [SearchHit]) throws { try write(hits) }
    /// `{"hits": [...], "total": 56, "total_is_capped": false}`.
    func render(_ results: SearchResults) throws { try write(results) }
    func render(_ entries: [EntryDetail]) throws { try write(entries) }
    func render(_ result: MatchResult) throws { try write(result) }
    func render(lines results: [MatchResult]) throws { try write(results) }
    func render(_ report: Classifier.Report) throws { try write(report) }
    func render(_ diff: DocumentDiff) throws { try write(diff.changes) }
    func render(_ rows: [DuplicateRow]) throws { try write(rows) }
    func render(_ stats: Stats) throws { try write(stats) }
    func render(_ summary: BuildSummary, writtenTo path: String) throws { try write(summary) }
    func render(_ results: [AddResult]) throws { try write(results) }
    func render(_ results: [UpdateResult]) throws { try write(results) }

    private func write(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try Output.write(TerminalText.escapedJSON(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n")
    }
}
