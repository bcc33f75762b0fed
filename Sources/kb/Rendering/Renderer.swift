import ErrorKB
import ErrorKBFetch

/// Writes what a command that changes a database did: a table or JSON.
protocol SummaryRenderer {
    func render(_ summary: BuildSummary, writtenTo path: String) throws
    func render(_ results: [AddResult]) throws
    func render(_ results: [UpdateResult]) throws
}
