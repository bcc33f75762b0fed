import ErrorKBModel
import GRDB

/// What `kb add` did with one document.
public struct AddResult: Sendable, Codable, Equatable {
    /// `added` (a new identity), `replaced` (a newer version), `unchanged` (the same bytes).
    public enum Action: String, Sendable, Codable { case added, replaced, unchanged }
    /// The document's file name.
    public var file: String
    /// The API product.
    public var domain: String
    /// The locale.
    public var locale: String
    /// What happened to it.
    public var action: Action
    /// The document's version after the add (1 for a new one).
    public var version: Int
    /// The date the document states (`documents.stated_date`), YYYY-MM-DD; nil when none.
    public var statedDate: String?
    /// What a `replaced` document replaced; nil for the other actions.
    public var replaced: Replacement?

    /// The version a document replaced, and what the replacement took away.
    public struct Replacement: Sendable, Codable, Equatable {
        /// Its file name.
        public var file: String
        /// The date it stated; nil when none, or when it was imported before schema version 12.
        public var statedDate: String?
        /// The codes it had that the new version has not, nearest zero first (-1003 before -2043),
        /// as pages list them.
        public var codesRemoved: [Int64]
        /// How many codes the new version has that it had not.
        public var codesAdded: Int
    }

    /// The two dates when the document states an older one than the version it replaced, which
    /// is then current all the same (the newest is the one given last, not the latest dated).
    public var olderDate: (new: String, replaced: String)? {
        guard let new = statedDate, let old = replaced?.statedDate, new < old else { return nil }
        return (new, old)
    }

}

/// Writes documents into a database and keeps one current version of each: a document with the
/// identity of one already there (domain, locale, source URL or file name) replaces it, unless
/// its bytes are the same (then it is dropped again); every version is recorded in
/// `document_versions`. `finish` completes the write.
package final class DocumentStore {
    private let db: Database
    private let writer: DocumentWriter
    private var indexes: SuspendedIndexes
    /// What happened to each document, in the order written.
    package private(set) var results: [(result: AddResult, document: ImportedDocument)] = []

    /// Secondary indexes are built once after the rows, which is much faster than keeping them up
    /// to date row by row. Replacing a document needs the cascade's indexes, so only a file that
    /// has no documents yet drops them (and not with `keepIndexes`: a scratch store's few rows
    /// are rolled back, and rebuilding the indexes would cost more than keeping them).
    /// With `parallelIndex`, a file that has no documents yet gets its search index written on
    /// a thread of its own (see `ParallelSearchIndex`).
    init(_ db: Database, keepIndexes: Bool = false, parallelIndex: Bool = false) throws {
        self.db = db
        writer = try DocumentWriter(db: db)
        let empty = try !keepIndexes && Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM documents")) == 0
        indexes = empty ? try SuspendedIndexes(dropping: db) : SuspendedIndexes()
        if empty && parallelIndex, try SearchIndex.isEmpty(db),
           let create = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_index'") {
            writer.parallelIndex = try ParallelSearchIndex(createSQL: create)
        }
    }

    /// Writes the documents and completes the write (see `finish`).
    @discardableResult
    static func fill(_ db: Database, with documents: [ImportedDocument], keepIndexes: Bool = false) throws -> [AddResult] {
        let store = try DocumentStore(db, keepIndexes: keepIndexes)
        for document in documents { try store.write(document) }
        try store.finish()
        return store.results.map(\.result)
    }

    /// Writes a document read into memory. It is known before it is written: one already there
    /// with the same bytes is not written at all.
    /// A download of the same bytes with other validators records them, so that the next
    /// `kb update` can ask with a conditional request.
    package func write(_ document: ImportedDocument) throws {
        if let current = try DocumentRecord.withIdentity(document.identity, db), current.sha256 == document.sha256 {
            if let fetch = document.fetch, fetch.etag != current.etag || fetch.lastModified != current.lastModified {
                try writer.record(fetch, documentID: current.id)
            }
            return try record(document, .unchanged)
        }
        try settle(document, documentID: writer.write(document))
    }

    /// Streams one document into the database: `read` reads it into the writer it is given (on
    /// another thread if it likes, handing items to the writer on this one) and returns what it
    /// read. The writer has begun the document's row; it is completed from what `read` returns.
    package func stream(fileName: String, _ read: (DocumentWriter) throws -> ImportedDocument) throws {
        let documentID = try writer.begin(fileName: fileName)
        let document = try read(writer)
        try writer.finish(document)
        try settle(document, documentID: documentID)
    }

    /// Completes the write: the search vocabulary follows the index, the metadata names every
    /// input, the indexes are back, what depends on every document is computed again (the
    /// codes table rows get from links and other pages, the meanings of codes), search_rows
    /// follows the entries and table rows, and the index's totals are sealed (see
    /// `SearchIndex.damage`). Throws when an index cannot be created again.
    package func finish() throws {
        if let parallelIndex = writer.parallelIndex {
            // The file's indexes are created while the other thread completes the search index.
            try indexes.restore(db)
            try parallelIndex.finish(into: db)
            writer.parallelIndex = nil
        } else {
            try SearchVocabulary.refresh(db)
        }
        try BuildMetadata.writeMetadata(db)
        try indexes.restore(db)
        try TableRowCodes.refresh(db)
        try Meanings.refresh(db)
        try SearchRows.refresh(db)
        try SearchIndex.seal(db)
    }

    /// Writes both search indexes again from the stored rows (`kb reindex`): kb's in its search
    /// form, and the trigram index from search_rows.
    package func reindex() throws {
        try SearchIndex.rewrite(db)
        try SearchRows.refresh(db)
        try SearchRows.rebuildIndex(db)
    }

    /// A document just written replaces the older version of its identity, or is dropped again
    /// when its bytes are the same as that one's.
    private func settle(_ document: ImportedDocument, documentID: Int64) throws {
        var action = AddResult.Action.added
        var replaced: AddResult.Replacement?
        if let current = try DocumentRecord.withIdentity(document.identity, excluding: documentID, db) {
            let unchanged = current.sha256 == document.sha256
            let removed = unchanged ? documentID : current.id
            // Deleting a document cascades through entries and messages, which needs their indexes.
            try indexes.restore(db)
            if !unchanged {
                let old = try codes(ofDocument: current.id), new = try codes(ofDocument: documentID)
                replaced = AddResult.Replacement(file: current.fileName, statedDate: current.statedDate,
                                                 codesRemoved: old.subtracting(new).sorted { (abs($0), $0) < (abs($1), $1) }, codesAdded: new.subtracting(old).count)
            }
            if let parallelIndex = writer.parallelIndex {
                for row in try SearchIndex.rows(ofDocument: removed, db) { parallelIndex.delete(row) }
            } else {
                try SearchIndex.deleteRows(ofDocument: removed, db)
            }
            try SearchRows.deleteRows(ofDocument: removed, db)
            try db.cachedStatement(sql: "DELETE FROM documents WHERE id = ?").execute(arguments: [removed])
            action = unchanged ? .unchanged : .replaced
        }
        if action != .unchanged { try writer.recordVersion(document, documentID: documentID) }
        try record(document, action, replaced: replaced)
    }

    private static let codeOrigins = CheckedRow.Origins(["code": "entries.code"], label: ("code", "code "))

    /// The codes of a document's entries.
    private func codes(ofDocument id: Int64) throws -> Set<Int64> {
        Set(try CheckedRow.all(db.cachedStatement(sql: "SELECT DISTINCT code FROM entries WHERE document_id = ?"), [id], Self.codeOrigins) {
            try $0.int64("code")
        })
    }

    private static let versionOrigins = CheckedRow.Origins(["version": "document_versions.version"], label: ("version", "version "))

    private func record(_ document: ImportedDocument, _ action: AddResult.Action, replaced: AddResult.Replacement? = nil) throws {
        let latest = try CheckedRow.all(db.cachedStatement(sql: "SELECT max(version) AS version FROM document_versions WHERE identity = ?"),
                                        [document.identity], Self.versionOrigins) { try $0.optionalInt64("version") }
        let version = latest.first.flatMap { $0 }.map(Int.init) ?? 1
        results.append((AddResult(file: document.fileName, domain: document.origin.domain, locale: document.origin.locale,
                                  action: action, version: version, statedDate: document.parsed.date, replaced: replaced), document))
    }
}
