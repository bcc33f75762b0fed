import ErrorKBModel
import ErrorKBSupport
import GRDB

/// The ways a database is made: a new file, a new version of a file, or one in memory. Each
/// starts with the same steps (schema, data dictionary, documents, in `populate`); files are
/// written beside their target and renamed into place only when complete (`AtomicFile`).
extension KnowledgeBase {
    /// Builds a new file at `path` from the documents `fill` writes; returns its duplicate
    /// groups per kind. Throws `KnowledgeBaseError.cannotWrite`, or what `fill` throws.
    package static func build(to path: String, _ fill: (DocumentStore) throws -> Void) throws -> [String: Int] {
        var groups: [String: Int] = [:]
        try rewrite(path, startingFrom: nil) { queue in
            try populate(queue, fill)
            groups = try queue.read { db in try duplicateGroupCounts(db) }
        }
        return groups
    }

    /// Writes the documents `fill` writes into the existing database at `path`, as a new file
    /// renamed over it. Refuses what is not an ErrorKB database; one of an older schema that the
    /// migrations lead from (version 7 on) is brought up to date in the new file, its history kept.
    package static func add(to path: String, _ fill: (DocumentStore) throws -> Void) throws {
        do {
            _ = try open(path: path)
        } catch KnowledgeBaseError.olderSchema(_, let found, _) where found >= Schema.firstMigratedVersion {}
        try rewrite(path, startingFrom: path) { queue in
            try Schema.migrate(queue)
            try queue.write { db in
                let store = try DocumentStore(db)
                try fill(store)
                try store.finish()
            }
        }
    }

    /// Imports documents into a new in-memory database.
    public static func inMemory(_ documents: [ImportedDocument]) throws -> KnowledgeBase {
        let queue = try DatabaseQueue(configuration: makeConfiguration(.memory))
        try populate(queue) { store in
            for document in documents { try store.write(document) }
        }
        return KnowledgeBase(reader: queue, path: ":memory:", unguardedReads: true)
    }

    /// A new database: its schema and data dictionary, then the documents `fill` writes, in one
    /// transaction.
    static func populate(_ queue: DatabaseQueue, keepIndexes: Bool = false, _ fill: (DocumentStore) throws -> Void) throws {
        try Schema.migrate(queue)
        try queue.write { db in
            try BuildMetadata.writeDictionary(db)
            let store = try DocumentStore(db, keepIndexes: keepIndexes)
            try fill(store)
            try store.finish()
        }
    }

    /// Writes `path` anew through `AtomicFile`: a temporary copy (of `source`, or empty) is changed
    /// by `body`, analyzed, and renamed over `path`. A copy that had rows deleted is vacuumed; a new
    /// file has no free pages to reclaim, and vacuuming it would write every page a second time.
    private static func rewrite(_ path: String, startingFrom source: String?, _ body: (DatabaseQueue) throws -> Void) throws {
        do {
            try AtomicFile.write(to: path, startingFrom: source) { temp in
                let queue = try DatabaseQueue(path: temp, configuration: makeConfiguration(.privateFile))
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
}
