import Foundation
import GRDB

/// The one owner of an ErrorKB database. Readers open it read-only; `build` writes a new file.
public struct KnowledgeBase: Sendable {
    let reader: any DatabaseReader
    /// Where the database lives, for messages (":memory:" for an in-memory one).
    public let path: String
    /// An in-memory database is ours alone and never changes after it is filled, so its reads
    /// skip GRDB's read-only guard: that guard toggles `PRAGMA query_only`, which expires every
    /// cached statement and made each search compile its SQL again.
    private let unguardedReads: Bool

    init(reader: any DatabaseReader, path: String, unguardedReads: Bool = false) {
        self.reader = reader
        self.path = path
        self.unguardedReads = unguardedReads
    }

    /// Opens an existing database read-only: nothing is ever written beside it.
    public static func open(path: String) throws -> KnowledgeBase {
        guard FileManager.default.fileExists(atPath: path) else { throw KnowledgeBaseError.missing(path: path) }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: makeConfiguration(.readOnly))
            try verify(queue, path: path)
        } catch let error as DatabaseError {
            throw classify(error, path: path)
        }
        return KnowledgeBase(reader: queue, path: path)
    }

    /// Checks the file is an ErrorKB database this binary can read.
    private static func verify(_ reader: some DatabaseReader, path: String) throws {
        let (applicationID, version) = try reader.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
        }
        guard applicationID == Schema.applicationID else { throw KnowledgeBaseError.notAKnowledgeBase(path: path) }
        if version > Schema.version {
            throw KnowledgeBaseError.newerSchema(path: path, found: version, supported: Schema.version)
        }
        if version < Schema.version {
            throw KnowledgeBaseError.olderSchema(path: path, found: version, supported: Schema.version)
        }
        let hasIndex = try reader.read { db in try db.tableExists("search_index") }
        if !hasIndex { throw KnowledgeBaseError.corrupt(path: path, detail: "its search index is missing") }
    }

    static func classify(_ error: DatabaseError, path: String) -> KnowledgeBaseError {
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notAKnowledgeBase(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path, detail: error.message ?? "corrupt")
        default: return .corrupt(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }

    /// Runs a read, turning SQLite failures into a clear `KnowledgeBaseError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try unguardedReads ? reader.unsafeReentrantRead(body) : reader.read(body)
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path)
        }
    }
}
