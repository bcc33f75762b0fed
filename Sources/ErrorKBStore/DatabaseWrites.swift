import ErrorKBModel
import ErrorKBSupport
import Foundation
import GRDB

/// One command's write of a database file, with any files written along with it (a build's
/// Datasette metadata): the database is written beside its target, the other files beside theirs,
/// and `commit` renames them all into place once every one is complete (see `AtomicFile`). The
/// target's writer lock is held from the start, so that an add reads the file no other writer is
/// about to replace; SQLite's side files of the target are settled first (see `SQLiteFile`).
package final class DatabaseWrite {
    private let transaction: AtomicFile.Transaction
    private let given: String
    private let updating: Bool

    /// A new database at `path` (refusing a file that is not an ErrorKB database unless `force`,
    /// and any of `inputs`), written with `companions`, which `stage` writes. Throws
    /// `KnowledgeBaseError.refused` or `.cannotWrite`.
    package init(newDatabase path: String, force: Bool = false, inputs: [String] = [], companions: [String] = []) throws {
        given = path
        updating = false
        transaction = try Self.mapping(path) {
            try AtomicFile.Transaction([(path, .database(applicationID: Schema.applicationID))] + companions.map { ($0, .notADatabase) },
                                       force: force, inputs: inputs)
        }
        try SQLiteFile.settleSideFiles(transaction.path(0), given: path, exists: transaction.existing(0) != nil)
    }

    /// A new version of the existing ErrorKB database at `path`. Throws what `KnowledgeBase.open`
    /// throws for a file that is not one.
    package init(updating path: String) throws {
        given = path
        updating = true
        // What the file holds is for `KnowledgeBase.open` to judge, as for any read.
        transaction = try Self.mapping(path) { try AtomicFile.Transaction([(path, .database(applicationID: Schema.applicationID))], force: true) }
        guard transaction.existing(0) != nil else { throw KnowledgeBaseError.missing(path: path) }
        try SQLiteFile.settleSideFiles(transaction.path(0), given: path, exists: true)
        // A file of an older schema that the migrations lead from (version 7 on) is brought up to
        // date in the new file (see `add`), its history kept.
        do {
            _ = try KnowledgeBase.open(path: path)
        } catch KnowledgeBaseError.olderSchema(_, let found, _) where found >= Schema.firstMigratedVersion {}
    }

    /// Builds the new file from the documents `fill` writes; returns its duplicate groups per kind.
    package func build(_ fill: (DocumentStore) throws -> Void) throws -> [String: Int] {
        var groups: [String: Int] = [:]
        try rewrite { queue in
            try KnowledgeBase.populate(queue, parallelIndex: true, fill)
            groups = try queue.read { db in try KnowledgeBase.duplicateGroupCounts(db) }
        }
        return groups
    }

    /// Writes the documents `fill` writes into a copy of the file. The copy is read under
    /// SQLite's shared lock, held until the write ends: another program cannot change the file
    /// in the meantime (its write waits, then fails as busy, rather than being lost in the rename).
    package func add(_ fill: (DocumentStore) throws -> Void) throws {
        var configuration = KnowledgeBase.makeConfiguration(.readOnly)
        configuration.busyMode = .timeout(5)
        do {
            let source = try DatabaseQueue(path: SQLiteFile.name(transaction.path(0), ["mode=ro"]), configuration: configuration)
            try source.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                try rewrite { queue in
                    try Schema.migrate(queue)
                    try queue.write { db in
                        let store = try DocumentStore(db)
                        try fill(store)
                        try store.finish()
                    }
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw KnowledgeBaseError.cannotWrite(path: given, detail: "another program is writing it; try again when it is done")
        }
    }

    /// Writes companion file `index` (counting from 0, in the order given) with `data`.
    package func stage(companion index: Int, _ data: Data) throws {
        try Self.mapping(given) { try transaction.stage(index + 1) { try $0.write(data) } }
    }

    /// Renames everything into place.
    package func commit() throws {
        try Self.mapping(given) { try transaction.commit() }
    }

    /// The temporary copy (of the file when updating, else empty) is changed by `body`, analyzed,
    /// and closed. A copy that had rows deleted is vacuumed; a new file has no free pages to
    /// reclaim, and vacuuming it would write every page a second time.
    private func rewrite(_ body: (DatabaseQueue) throws -> Void) throws {
        try Self.mapping(given) {
            try transaction.stage(0, copying: updating ? transaction.path(0) : nil) { temp in
                let queue = try DatabaseQueue(path: SQLiteFile.name(temp, ["mode=rw"]), configuration: KnowledgeBase.makeConfiguration(.privateFile))
                try body(queue)
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "ANALYZE")
                    if updating { try db.execute(sql: "VACUUM") }
                }
                try queue.close()
            }
        }
    }

    /// Runs `body`, turning SQLite's and the file layer's failures into `KnowledgeBaseError`.
    private static func mapping<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw KnowledgeBaseError.cannotWrite(path: path, detail: error.message ?? "\(error.resultCode)")
        } catch let damage as DamagedValue {
            throw KnowledgeBaseError.corrupt(path: path, detail: damage.detail)
        } catch let failure as AtomicFile.Failure {
            switch failure.kind {
            case .failed: throw KnowledgeBaseError.cannotWrite(path: failure.path, detail: failure.detail)
            case .refused: throw KnowledgeBaseError.refused(path: failure.path, detail: failure.detail)
            case .invalid: throw KnowledgeBaseError.invalidTarget(path: failure.path, detail: failure.detail)
            }
        }
    }
}

/// The ways a database is made: a new file, a new version of a file (both through
/// `DatabaseWrite`), or one in memory. Each starts with the same steps (schema, data dictionary,
/// documents, in `populate`).
extension KnowledgeBase {
    /// Builds a new file at `path` from the documents `fill` writes; returns its duplicate
    /// groups per kind. Throws `KnowledgeBaseError`, or what `fill` throws.
    package static func build(to path: String, _ fill: (DocumentStore) throws -> Void) throws -> [String: Int] {
        let write = try DatabaseWrite(newDatabase: path)
        let groups = try write.build(fill)
        try write.commit()
        return groups
    }

    /// Writes the documents `fill` writes into the existing database at `path`, as a new file
    /// renamed over it. Refuses what is not an ErrorKB database; one of an older schema that the
    /// migrations lead from (version 7 on) is brought up to date in the new file, its history kept.
    package static func add(to path: String, _ fill: (DocumentStore) throws -> Void) throws {
        let write = try DatabaseWrite(updating: path)
        try write.add(fill)
        try write.commit()
    }

    /// Writes the search indexes of the database at `path` again from its rows, as a new file
    /// renamed over it (see `add`): the repair `kb check` points to. Throws what `add` throws.
    public static func reindex(path: String) throws {
        try add(to: path) { try $0.reindex() }
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
    static func populate(_ queue: DatabaseQueue, keepIndexes: Bool = false, parallelIndex: Bool = false,
                         _ fill: (DocumentStore) throws -> Void) throws {
        try Schema.migrate(queue)
        try queue.write { db in
            try BuildMetadata.writeDictionary(db)
            let store = try DocumentStore(db, keepIndexes: keepIndexes, parallelIndex: parallelIndex)
            try fill(store)
            try store.finish()
        }
    }
}
