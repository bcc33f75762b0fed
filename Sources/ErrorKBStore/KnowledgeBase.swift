import ErrorKBSupport
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

    /// Opens an existing database read-only. Nothing is ever written beside it: a file that
    /// cannot be read without writing (a hot journal to roll back, a write-ahead log with no
    /// `-shm`) is refused with what to do (see `SQLiteFile.readerName`). What is not a regular
    /// file (a directory, a FIFO) is refused before it is opened, so nothing blocks.
    public static func open(path: String) throws -> KnowledgeBase {
        let status: FileStatus?
        do { status = try FileStatus.of(path) } catch let failure as FileStatus.Failure {
            throw KnowledgeBaseError.unreadable(path: path, reason: failure.reason)
        }
        guard let status else { throw KnowledgeBaseError.missing(path: path) }
        guard status.kind == .regular else { throw KnowledgeBaseError.notAFile(path: path, what: status.kind.noun) }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: SQLiteFile.readerName(path), configuration: makeConfiguration(.readOnly))
            try verify(queue, path: path)
        } catch let error as DatabaseError {
            throw classify(error, path: path)
        }
        return KnowledgeBase(reader: queue, path: path)
    }

    /// Checks the file is an ErrorKB database this binary can read, with every table and view of
    /// the schema (one that was dropped is named, rather than failing later as "no such table").
    private static func verify(_ reader: some DatabaseReader, path: String) throws {
        let (applicationID, version, names) = try reader.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
             Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND typeof(name) = 'text'")))
        }
        guard applicationID == Schema.applicationID else { throw KnowledgeBaseError.notAKnowledgeBase(path: path) }
        if version > Schema.version {
            throw KnowledgeBaseError.newerSchema(path: path, found: version, supported: Schema.version)
        }
        if version < Schema.version {
            throw KnowledgeBaseError.olderSchema(path: path, found: version, supported: Schema.version)
        }
        let missing = Schema.tablesAndViews.subtracting(names).sorted()
        if !missing.isEmpty {
            let what = missing == ["search_index"] ? "its search index is missing (table search_index)"
                : missing.count == 1 ? "table \(missing[0]) is missing" : "tables \(missing.joined(separator: ", ")) are missing"
            throw KnowledgeBaseError.corrupt(path: path, detail: what + "; rebuild it with kb build")
        }
    }

    static func classify(_ error: DatabaseError, path: String) -> KnowledgeBaseError {
        switch (error.resultCode, error.extendedResultCode.rawValue) {
        case (.SQLITE_NOTADB, _): return .notAKnowledgeBase(path: path)
        case (_, 776): return .interruptedWrite(path: path)  // SQLITE_READONLY_ROLLBACK: a hot journal
        case (.SQLITE_CANTOPEN, _), (.SQLITE_IOERR, _):
            // What the system says is clearer than SQLite's "unable to open database file".
            let reason = error.resultCode == .SQLITE_CANTOPEN ? "cannot open it" : (error.message ?? "input/output error")
            return .unreadable(path: path, reason: reason)
        case (.SQLITE_CORRUPT, _): return .corrupt(path: path, detail: error.message ?? "corrupt")
        default: return .corrupt(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }

    /// Runs a read, turning SQLite failures and damaged values into a clear `KnowledgeBaseError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try unguardedReads ? reader.unsafeReentrantRead(body) : reader.read(body)
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path)
        } catch let damage as DamagedValue {
            throw KnowledgeBaseError.corrupt(path: path, detail: damage.detail)
        }
    }
}
