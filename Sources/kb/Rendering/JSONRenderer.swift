import ErrorKB
import ErrorKBFetch

/// A build, add or update summary as JSON: snake_case keys, as every JSON kb writes
/// (see `OutputEncoder`).
struct JSONRenderer: SummaryRenderer {
    func render(_ summary: BuildSummary, writtenTo path: String) throws { try write(summary) }
    func render(_ results: [AddResult]) throws { try write(results) }
    func render(_ results: [UpdateResult]) throws { try write(results) }

    private func write(_ value: some Encodable) throws {
        try Output.write(try JSONText.document(value))
    }
}
