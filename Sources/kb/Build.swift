import ArgumentParser
import ErrorKB
import ErrorKBSupport
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Import documents into a new database file.",
        discussion: "With no DOC, builds from the seed corpus built into kb. The file is written beside --out and renamed into place when complete, so a failed build leaves the old file. Domain and locale come from each document's source URL; --domain and --locale override them.")

    @Argument(help: "Documents to import (scraped text or markdown).")
    var documents: [String] = []

    @Option(help: "The database file to write.")
    var out = "kb.db"

    @OptionGroup var origin: ImportOptions

    @Option(help: "Also write Datasette metadata (title, source, column descriptions) to this JSON file.")
    var datasetteMetadata: String?

    @Option(help: "Summary format: table or json.")
    var format: OutputFormat = .table

    func run() throws {
        // Files are streamed into the database as they are read.
        let inputs = documents.isEmpty
            ? try EmbeddedCorpus.importSeed().map(DocumentInput.document)
            : try documents.map { try origin.input($0) }
        let summary = try KnowledgeBaseBuilder.build(inputs, to: out)
        if let path = datasetteMetadata {
            let name = URL(fileURLWithPath: out).deletingPathExtension().lastPathComponent
            let data = try DataDictionary.embedded.datasetteMetadata(databaseName: name, sources: summary.sources)
            try AtomicFile.write(to: path) { (handle: FileHandle) in handle.write(data) }
        }
        for file in summary.emptyDocuments {
            FileHandle.standardError.write(Data("kb: \(file): no entries or table rows; imported as an empty document\n".utf8))
        }
        for note in summary.notes { FileHandle.standardError.write(Data("kb: \(note)\n".utf8)) }
        for warning in summary.warnings {
            FileHandle.standardError.write(Data("kb: \(warning.file):\(warning.line): \(warning.text)\n".utf8))
        }
        for line in summary.unexplained {
            FileHandle.standardError.write(Data("kb: \(line.file):\(line.line): unexplained line: \(line.text)\n".utf8))
        }
        if format == .json { return try Output.json(summary) }
        let groups = summary.duplicateGroups.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print("""
            wrote \(out)
              documents         \(summary.documents)
              sections          \(summary.sections)
              entries           \(summary.entries)
              messages          \(summary.messages)
              table rows        \(summary.tableRows)
              duplicate groups  \(summary.duplicateGroups.values.reduce(0, +)) (\(groups))
              unexplained lines \(summary.unexplained.count)
            """)
    }
}
