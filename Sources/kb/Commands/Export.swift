import ArgumentParser
import ErrorKB
import ErrorKBSupport

extension KB {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write an analyst view as CSV or JSON lines.",
            discussion: "CSV follows RFC 4180 (UTF-8, header, rows ending in \\n as sqlite3 writes them); JSON lines hold one object per row. Both stream. With --out, the file is written beside the target and renamed into place when complete." + Examples.export)

        // A file format of its own (csv or jsonl), not the output format of a result.
        @Option(help: "csv or jsonl.")
        var format: ExportFormat = .csv

        @Option(help: "The view: catalog, table_row_catalog, duplicates, codes, templates or section_catalog.")
        var view: ExportView = .catalog

        @Option(help: "The file to write (default: standard output); not a database, a device or a FIFO.", completion: .file())
        var out: String?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let kb = try database.open()
            guard let out else {
                return try kb.export(view, as: format) { try Output.write($0) }
            }
            try AtomicFile.write(to: try Paths.expand(out), replacing: .notADatabase) { writer in
                try kb.export(view, as: format) { try writer.write($0) }
            }
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
extension ExportView: ExpressibleByArgument {}
