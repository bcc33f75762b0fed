import Foundation
import GRDB

/// What `kb build` made.
public struct BuildSummary: Sendable, Codable, Equatable {
    public struct Unexplained: Sendable, Codable, Equatable {
        public var file: String
        public var line: Int
        public var text: String
    }

    public var documents = 0
    public var sections = 0
    public var entries = 0
    public var messages = 0
    public var tableRows = 0
    /// Duplicate groups by kind (code_repeated, name_shared, code_conflict, code_shared).
    public var duplicateGroups: [String: Int] = [:]
    public var unexplained: [Unexplained] = []
    /// Lines the importer skipped or changed, with why.
    public var warnings: [Unexplained] = []
    /// Inputs that did not end up in the file as given: repeated, or replaced by a later version.
    public var notes: [String] = []
    /// The documents' sources (URL, else file name), sorted.
    public var sources: [String] = []
    /// Documents with no entries or table rows (imported, but empty).
    public var emptyDocuments: [String] = []
}

/// A document to import: already read into memory, or a file that is streamed into the database.
public enum DocumentInput: Sendable {
    case document(ImportedDocument)
    case file(path: String, domain: String?, locale: String?, source: String?)
}

/// What `kb add` did with one document.
public struct AddResult: Sendable, Codable, Equatable {
    public enum Action: String, Sendable, Codable { case added, replaced, unchanged }
    public var file: String
    public var domain: String
    public var locale: String
    public var action: Action
    /// The document's version after the add (1 for a new one).
    public var version: Int
}

/// Builds and updates database files. Each writes a temporary file beside the target and
/// renames it into place only when complete, so a failure leaves an existing file untouched.
public enum KnowledgeBaseBuilder {
    public static func build(_ documents: [ImportedDocument], to path: String) throws -> BuildSummary {
        try build(documents.map(DocumentInput.document), to: path)
    }

    /// Builds a new file from documents and files; files are read as they are written, so
    /// memory does not grow with them.
    public static func build(_ inputs: [DocumentInput], to path: String) throws -> BuildSummary {
        var results: [(result: AddResult, document: ImportedDocument)] = []
        var groups: [String: Int] = [:]
        try rewrite(path, startingFrom: nil) { queue in
            try Schema.migrate(queue)
            try queue.write { db in
                try writeDictionary(db)
                results = try fill(db, inputs: inputs)
            }
            groups = try queue.read { db in try KnowledgeBase.duplicateGroupCounts(db) }
        }
        // The summary counts what the file holds: the last version of each document.
        var current: [String: Int] = [:]
        var notes: [String] = []
        for (index, (result, document)) in results.enumerated() {
            let identity = document.identity
            switch result.action {
            case .unchanged:
                let earlier = current[identity].map { results[$0].document.fileName } ?? "an earlier input"
                notes.append("\(document.fileName): the same document as \(earlier); imported once")
            case .replaced:
                if let earlier = current[identity] {
                    notes.append("\(document.fileName): a newer version of \(results[earlier].document.fileName) (same domain, locale and source); it replaces it")
                }
                current[identity] = index
            case .added:
                current[identity] = index
            }
        }
        var summary = summary(of: current.values.sorted().map { results[$0].document })
        summary.duplicateGroups = groups
        summary.notes = notes
        return summary
    }

    /// Imports documents into an existing database. A document with the identity of one already
    /// there (domain, locale, source URL or file name) replaces it; the old version stays in
    /// `document_versions`. A document whose bytes did not change is left as it is.
    public static func add(_ documents: [ImportedDocument], to path: String) throws -> [AddResult] {
        _ = try KnowledgeBase.open(path: path)  // refuses what is not a current ErrorKB database
        var results: [AddResult] = []
        try rewrite(path, startingFrom: path) { queue in
            try queue.write { db in results = try fill(db, with: documents) }
        }
        return results
    }

    /// Writes `path` anew through `AtomicFile`: a temporary copy (of `source`, or empty) is changed
    /// by `body`, analyzed, and renamed over `path`. A copy that had rows deleted is vacuumed; a new
    /// file has no free pages to reclaim, and vacuuming it would write every page a second time.
    private static func rewrite(_ path: String, startingFrom source: String?, _ body: (DatabaseQueue) throws -> Void) throws {
        do {
            try AtomicFile.write(to: path, startingFrom: source) { temp in
                var config = Configuration()
                // The file is private until renamed, so a crash can only lose the temp file.
                config.prepareDatabase { db in
                    try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
                }
                let queue = try DatabaseQueue(path: temp, configuration: config)
                try body(queue)
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "ANALYZE")
                    if source != nil { try db.execute(sql: "VACUUM") }
                }
                try queue.close()
            }
        } catch let error as DatabaseError {
            throw KnowledgeBaseError.cannotWrite(path: path, detail: error.message ?? "\(error.resultCode)")
        } catch let failure as AtomicFile.Failure {
            throw KnowledgeBaseError.cannotWrite(path: path, detail: failure.detail)
        }
    }

    /// Writes documents read into memory (see `fill(_:inputs:)`).
    @discardableResult
    static func fill(_ db: Database, with documents: [ImportedDocument], keepIndexes: Bool = false) throws -> [AddResult] {
        try fill(db, inputs: documents.map(DocumentInput.document), keepIndexes: keepIndexes).map(\.result)
    }

    /// Writes each document and its search rows. A document with the identity of one already
    /// there replaces it, unless its bytes are the same (then it is dropped again).
    static func fill(_ db: Database, inputs: [DocumentInput], keepIndexes: Bool = false) throws -> [(result: AddResult, document: ImportedDocument)] {
        // Secondary indexes are built once after the rows, which is much faster than keeping
        // them up to date row by row. Replacing a document needs the cascade's indexes, so only
        // a file that has no documents yet drops them (and not a scratch store, whose few rows
        // are rolled back: rebuilding the indexes would cost more than keeping them).
        let empty = try !keepIndexes && Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == 0
        var suspended = empty ? try SuspendedIndexes(dropping: db) : SuspendedIndexes()
        let writer = try DocumentWriter(db: db)
        var results: [(result: AddResult, document: ImportedDocument)] = []
        func record(_ document: ImportedDocument, _ action: AddResult.Action) throws {
            let version = try db.cachedValue(Int.self, "SELECT max(version) FROM document_versions WHERE identity = ?", [document.identity]) ?? 1
            results.append((AddResult(file: document.fileName, domain: document.origin.domain, locale: document.origin.locale,
                                      action: action, version: version), document))
        }
        for input in inputs {
            let document: ImportedDocument
            let documentID: Int64
            switch input {
            case .document(let imported):
                // A document read into memory is known before it is written: one already there
                // with the same bytes is not written at all.
                if try db.cachedValue(String.self, "SELECT sha256 FROM documents WHERE identity = ?", [imported.identity]) == imported.sha256 {
                    try record(imported, .unchanged)
                    continue
                }
                document = imported
                documentID = try writer.write(imported)
            case .file(let path, let domain, let locale, let source):
                try DocumentImporter.checkReadable(path)
                documentID = try writer.begin(fileName: path)
                document = try PipelinedRead.read(path: path, domain: domain, locale: locale, source: source, into: writer)
                try writer.finish(document)
            }
            var action = AddResult.Action.added
            if let current = try db.cachedRows("SELECT id, sha256 FROM documents WHERE identity = ? AND id <> ?",
                                               [document.identity, documentID]).first {
                let unchanged = current["sha256"] as String == document.sha256
                let removed: Int64 = unchanged ? documentID : current["id"]
                // Deleting a document cascades through entries and messages, which needs their indexes.
                try suspended.restore(db)
                try SearchIndex.deleteRows(ofDocument: removed, db)
                try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [removed])
                action = unchanged ? .unchanged : .replaced
            }
            if action != .unchanged { try writer.recordVersion(document, documentID: documentID) }
            try record(document, action)
        }
        try SearchVocabulary.refresh(db)
        try writeMetadata(db)
        try suspended.restore(db)
        return results
    }

    /// The data dictionary, from schema/dictionary.md.
    static func writeDictionary(_ db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO dictionary (object, \"column\", description) VALUES (?, ?, ?)")
        for row in DataDictionary.embedded.rows {
            try insert.execute(arguments: [row.object, row.column, row.description])
        }
    }

    /// What built the file. No wall-clock time goes in, so the same inputs give the same bytes;
    /// SOURCE_DATE_EPOCH may supply a build time.
    static func writeMetadata(_ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM metadata").execute()
        var metadata: [(String, String)] = [("schema_version", String(Schema.version)), ("kb_version", Release.version)]
        let inputs = try DocumentRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM documents ORDER BY id"))
        for (index, input) in inputs.enumerated() {
            metadata.append(("input.\(index + 1)", "\(input.fileName) sha256:\(input.sha256) \(input.domain) \(input.locale)"))
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(epoch) {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            metadata.append(("build_time", formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))))
        }
        let insert = try db.cachedStatement(sql: "INSERT INTO metadata (key, value) VALUES (?, ?)")
        for (key, value) in metadata { try insert.execute(arguments: [key, value]) }
    }

    public static func summary(of documents: [ImportedDocument]) -> BuildSummary {
        var summary = BuildSummary()
        for document in documents {
            let parsed = document.parsed
            summary.documents += 1
            summary.sections += parsed.sections.count
            summary.entries += document.entryCount
            summary.messages += document.messageCount
            summary.tableRows += document.tableRowCount
            summary.warnings += parsed.warnings.map { .init(file: document.fileName, line: $0.line, text: $0.message) }
            summary.unexplained += parsed.unexplained.map { .init(file: document.fileName, line: $0.line, text: $0.message) }
            if document.isEmpty { summary.emptyDocuments.append(document.fileName) }
        }
        summary.sources = Array(Set(documents.map { $0.parsed.sourceURL ?? $0.fileName })).sorted()
        return summary
    }
}
