import ErrorKBImport
import ErrorKBModel
import ErrorKBStore
import ErrorKBSupport

/// A document to import: already read into memory, or a file that is streamed into the database.
public enum DocumentInput: Sendable {
    case document(ImportedDocument)
    /// A file; `domain`, `locale` and `source` override what the page says (see `DocumentImporter`).
    case file(path: String, domain: String?, locale: String?, source: String?)
}

extension DocumentInput {
    /// The file name of the document, as given.
    var name: String {
        switch self {
        case .document(let document): return document.fileName
        case .file(let path, _, _, _): return path
        }
    }
}

/// Builds and updates database files from documents: the pipeline from the importer to the store.
/// Files are read on a thread of their own while the store writes what they hold (see
/// `PipelinedRead`); every file is written beside its target and renamed into place when complete,
/// so a failure leaves an existing file untouched.
public enum KnowledgeBaseBuilder {
    /// Builds a new file from documents read into memory. Throws `KnowledgeBaseError`.
    public static func build(_ documents: [ImportedDocument], to path: String) throws -> BuildSummary {
        try build(documents.map(DocumentInput.document), to: path)
    }

    /// Builds a new file from documents and files; files are read as they are written, so
    /// memory does not grow with them. With `datasetteMetadata`, Datasette's metadata for the file
    /// is written there too; both are renamed into place only when both are complete. The target
    /// must be absent, empty or an ErrorKB database, unless `force`; it is never one of the
    /// input files. `progress` is told how far the build has got. Throws `KnowledgeBaseError` or `ImportError`.
    public static func build(_ inputs: [DocumentInput], to path: String, datasetteMetadata: String? = nil,
                             force: Bool = false, progress: BuildProgress? = nil) throws -> BuildSummary {
        let files = inputs.compactMap { input -> String? in
            if case .file(let path, _, _, _) = input { return path }
            return nil
        }
        let database = try DatabaseWrite(newDatabase: path, force: force, inputs: files, companions: datasetteMetadata.map { [$0] } ?? [])
        var results: [(result: AddResult, document: ImportedDocument)] = []
        let groups = try database.build { store in
            for (number, input) in inputs.enumerated() {
                progress?.begin(document: input.name, number: number + 1, of: inputs.count)
                try write(input, to: store, progress: progress)
                progress?.finished()
            }
            results = store.results
        }
        let summary = BuildSummary(results: results, duplicateGroups: groups)
        if datasetteMetadata != nil {
            let name = SystemPath.display(SystemPath.lastComponent(path)).split(separator: ".", omittingEmptySubsequences: false)
            let databaseName = name.count > 1 ? name.dropLast().joined(separator: ".") : name.joined()
            try database.stage(companion: 0, try DataDictionary.embedded.datasetteMetadata(databaseName: databaseName, sources: summary.sources))
        }
        try database.commit()
        return summary
    }

    /// Imports documents into an existing database. A document with the identity of one already
    /// there (domain, locale, source URL or file name) replaces it; the old version stays in
    /// `document_versions`. A document whose bytes did not change is left as it is.
    public static func add(_ documents: [ImportedDocument], to path: String) throws -> [AddResult] {
        var results: [AddResult] = []
        try KnowledgeBase.add(to: path) { store in
            for document in documents { try store.write(document) }
            results = store.results.map(\.result)
        }
        return results
    }

    private static func write(_ input: DocumentInput, to store: DocumentStore, progress: BuildProgress? = nil) throws {
        switch input {
        case .document(let document):
            try store.write(document)
            progress?.stored(entries: document.parsed.entries.count, tableRows: document.parsed.tableRows.count)
        case .file(let path, let domain, let locale, let source):
            try DocumentImporter.checkReadable(path)
            // Each page of the file is a document; later pages' links are on the first page's host.
            var firstPage: ImportedDocument?
            let pages = try PageBoundaries.scan(.file(path: path), fileName: path)
            let manifest = try PageManifest.origin(of: path)
            for page in pages {
                var context = PageContext(page: page, in: .file(path: path), firstPage: firstPage)
                context.manifest = manifest
                try store.stream(fileName: path) { writer in
                    var document = try PipelinedRead.read(path: path, page: context, domain: domain, locale: locale,
                                                          source: context.isFirst ? source : nil, into: writer,
                                                          progress: progress)
                    document.pagesInFile = pages.count
                    if firstPage == nil { firstPage = document }
                    return document
                }
            }
        }
    }
}
