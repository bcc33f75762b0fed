import Foundation
import GRDB

/// Why a database cannot be used. `kb` exits with status 3 for each of these.
public enum KnowledgeBaseError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case notAKnowledgeBase(path: String)
    case corrupt(path: String, detail: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case olderSchema(path: String, found: Int, supported: Int)
    case cannotWrite(path: String, detail: String)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such database"
        case .notAKnowledgeBase(let path): return "\(path): not an ErrorKB database (build one with `kb build --out \(path)`)"
        case .corrupt(let path, let detail): return "\(path): the database is damaged: \(detail)"
        case .newerSchema(let path, let found, let supported):
            return "\(path): schema version \(found) is newer than this kb supports (\(supported)); update kb"
        case .olderSchema(let path, let found, let supported):
            return "\(path): schema version \(found) is older than this kb's (\(supported)); rebuild it with `kb build`"
        case .cannotWrite(let path, let detail): return "\(path): cannot write: \(detail)"
        }
    }
}

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
        var config = Configuration()
        config.readonly = true
        config.label = "ErrorKB"
        // Pages are read through a memory map: no read call and no copy per page, which was an
        // eighth of a search on a large file. Read-only, so nothing is ever written through it.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 4294967296") }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try verify(queue, path: path)
        } catch let error as DatabaseError {
            throw classify(error, path: path)
        }
        return KnowledgeBase(reader: queue, path: path)
    }

    /// Imports documents into a new in-memory database.
    public static func inMemory(_ documents: [ImportedDocument]) throws -> KnowledgeBase {
        let queue = try DatabaseQueue()
        try Schema.migrate(queue)
        try queue.write { db in
            try KnowledgeBaseBuilder.writeDictionary(db)
            try KnowledgeBaseBuilder.fill(db, with: documents)
        }
        return KnowledgeBase(reader: queue, path: ":memory:", unguardedReads: true)
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
