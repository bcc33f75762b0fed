import ArgumentParser
import ErrorKB

extension KB {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Import documents into an existing database, replacing older versions.",
            discussion: "A document replaces the one with the same domain, locale and source URL (or, without a URL, the same file name; --source gives one). Every version stays in the document_versions table. The file is rewritten beside itself and renamed into place, so a failure leaves it as it was.")

        @Argument(help: "Documents to import.")
        var documents: [String]

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var origin: DocumentOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if documents.isEmpty { throw ValidationError("give at least one document") }
            if database.path == nil { throw ValidationError("give --db PATH (or set KB_DB)") }
            try output.refuseCSV(for: "add")
        }

        func run() throws {
            let imported = try documents.map(origin.importFile)
            let results = try KnowledgeBaseBuilder.add(imported, to: database.path!)
            for document in imported {
                for warning in document.parsed.warnings { Diagnostics.note(file: document.fileName, line: warning.line, warning.message) }
            }
            try output.summaryRenderer.render(results)
        }
    }
}
