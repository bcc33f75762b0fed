import ArgumentParser
import ErrorKB

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Count what the database holds, per document.")

    @OptionGroup var options: ReadOptions

    func run() throws {
        let stats = try options.open().stats()
        let header = ["file", "domain", "locale", "lines", "sections", "entries", "codes", "messages", "table_rows", "unexplained"]
        let rows = stats.documents.map { d in
            [d.file, d.domain, d.locale, String(d.lines), String(d.sections), String(d.entries), String(d.codes),
             String(d.messages), String(d.tableRows), String(d.unexplainedLines)]
        }
        switch options.format {
        case .json: try Output.json(stats)
        case .csv: Output.csv(header: header, rows: rows)
        case .table:
            Output.table(header: header, rows: rows)
            print("duplicate groups: " + stats.duplicateGroups.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            print("schema version \(stats.schemaVersion)")
        }
    }
}
