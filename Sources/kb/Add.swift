import ArgumentParser
import ErrorKB
import Foundation

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Import documents into an existing database, replacing older versions.",
        discussion: "A document replaces the one with the same domain, locale and source URL (or, without a URL, the same file name; --source gives one). Every version stays in the document_versions table. The file is rewritten beside itself and renamed into place, so a failure leaves it as it was.")

    @Argument(help: "Documents to import.")
    var documents: [String]

    @Option(name: .long, help: "The database to update (default: $KB_DB).")
    var db: String?

    @OptionGroup var origin: ImportOptions

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if documents.isEmpty { throw ValidationError("give at least one document") }
        if db == nil && ProcessInfo.processInfo.environment["KB_DB"] == nil { throw ValidationError("give --db PATH (or set KB_DB)") }
    }

    func run() throws {
        let path = db ?? ProcessInfo.processInfo.environment["KB_DB"]!
        let imported = try documents.map { try origin.importFile($0) }
        let results = try KnowledgeBaseBuilder.add(imported, to: path)
        for document in imported {
            for warning in document.parsed.warnings {
                FileHandle.standardError.write(Data("kb: \(document.fileName):\(warning.line): \(warning.message)\n".utf8))
            }
        }
        if format == .json { return try Output.json(results) }
        for result in results {
            print("\(result.action.rawValue)  \(result.file)  \(result.domain) · \(result.locale)  version \(result.version)")
        }
    }
}
