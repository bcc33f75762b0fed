import ArgumentParser
import ErrorKB
import Foundation

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two documents or two databases: codes, names and messages.",
        discussion: "Reports codes added and removed, names changed, and messages added, removed or changed, per domain and locale. Changes in markup only (bullet style, escaping, wrapping, heading level, anchors) are not changes. Exit status 0 when there are changes, 1 when there are none.")

    @Argument(help: "The older document or database.")
    var old: String

    @Argument(help: "The newer document or database.")
    var new: String

    @Option(help: "The API product of documents whose source URL does not say.")
    var domain: String?

    @Option(help: "The locale of documents whose source URL does not say.")
    var locale: String?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let diff = DocumentDiff(old: try snapshot(old), new: try snapshot(new))
        switch format {
        case .json: try Output.json(diff.changes)
        case .csv:
            Output.csv(header: ["change", "domain", "locale", "code", "name", "old", "new"],
                       rows: diff.changes.map { [$0.kind.rawValue, $0.domain, $0.locale, String($0.code), $0.name, $0.old, $0.new] })
        case .table:
            let summary = DocumentDiff.Change.Kind.allCases.compactMap { kind in diff.summary[kind].map { "\($0) \(kind.rawValue)" } }
            print(summary.isEmpty ? "no changes" : summary.joined(separator: ", "))
            for change in diff.changes {
                var line = "\(change.kind.rawValue)  \(change.domain) · \(change.locale)  \(change.code) \(change.name ?? "")"
                switch change.kind {
                case .nameChanged: line += "  (was \(change.old ?? "no name"))"
                case .messageChanged: line += "\n    - \(change.old ?? "")\n    + \(change.new ?? "")"
                case .messageAdded, .codeAdded: line += change.new.map { "\n    + " + $0.replacingOccurrences(of: "\n", with: "\n    + ") } ?? ""
                case .messageRemoved, .codeRemoved: line += change.old.map { "\n    - " + $0.replacingOccurrences(of: "\n", with: "\n    - ") } ?? ""
                }
                print(line)
            }
        }
        if diff.changes.isEmpty { throw ExitCode(1) }
    }

    /// A database (told by its SQLite header) or a document; `domain`/`locale` serve documents without a URL.
    private func snapshot(_ path: String) throws -> ContentSnapshot {
        if Self.isDatabase(path) { return try ContentSnapshot(KnowledgeBase.open(path: path)) }
        return ContentSnapshot([try DocumentImporter.importFile(at: path, domain: domain, locale: locale)])
    }

    private static func isDatabase(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 16)) == Data("SQLite format 3\u{0}".utf8)
    }
}
