import ErrorKBSupport
import Foundation
import GRDB
import GRDBSQLite

/// The search index of a new file, written on a thread and a connection of its own while the
/// tables are written: FTS5's inserts were a third of the writing thread's time, and on two
/// cores they run beside it. The index goes into a temporary database (SQLite's unnamed one,
/// deleted when closed) with the same `search_index` table, receiving exactly the operations it
/// would have received in the file, in the same order; `finish` copies its shadow tables
/// (`_data`, `_idx`, `_docsize`: plain tables) and its vocabulary into the file in one pass.
final class ParallelSearchIndex {
    private enum Operation {
        case insert(SearchIndex.Row)
        case delete(SearchIndex.Row)
    }

    private static let batchSize = 512
    /// FTS5's tables that hold the index; `_config` is the file's own.
    private static let shadowTables = ["search_index_data", "search_index_idx", "search_index_docsize"]

    private let channel = BatchChannel<Operation>(capacity: 16)
    private var batch: [Operation] = []
    private let connection: Connection
    private let done = DispatchSemaphore(value: 0)
    private var finished = false

    /// Starts the thread, on an index made by `createSQL` (the file's own `CREATE VIRTUAL TABLE`).
    init(createSQL: String) throws {
        connection = try Connection()
        try connection.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; \(createSQL); BEGIN")
        let thread = Thread { [connection, channel, done] in
            connection.run(channel)
            done.signal()
        }
        thread.start()
    }

    deinit {
        // A write that failed: the thread drops what is queued and ends.
        if !finished {
            channel.cancel()
            channel.close()
            done.wait()
        }
    }

    /// Adds a row to the index.
    func insert(_ row: SearchIndex.Row) { add(.insert(row)) }

    /// Removes a row, given exactly as it was inserted.
    func delete(_ row: SearchIndex.Row) { add(.delete(row)) }

    private func add(_ operation: Operation) {
        batch.append(operation)
        if batch.count >= Self.batchSize {
            channel.send(batch)
            batch = []
        }
    }

    /// Waits for the index to be complete and copies it, and its vocabulary into `search_terms`,
    /// into `db`, whose own index must be empty and unread. Throws the first failure of either
    /// connection.
    func finish(into db: Database) throws {
        channel.send(batch)
        batch = []
        channel.close()
        done.wait()
        finished = true
        if let failure = connection.failure { throw failure }
        for table in Self.shadowTables {
            try db.execute(sql: "DELETE FROM \(table)")
            try connection.copy(table, into: db)
        }
        try db.execute(sql: "DELETE FROM search_terms")
        try connection.copy("search_terms", into: db)
    }

    /// The temporary database, used by the thread until it ends, then by `finish`.
    private final class Connection: @unchecked Sendable {
        let handle: OpaquePointer
        private(set) var failure: Error?

        init() throws {
            var handle: OpaquePointer?
            let code = sqlite3_open_v2("", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
            guard code == SQLITE_OK, let handle else {
                sqlite3_close(handle)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot open a temporary database")
            }
            self.handle = handle
        }

        deinit { sqlite3_close_v2(handle) }

        /// Applies the operations until the channel closes, then commits and lists the index's terms.
        func run(_ channel: BatchChannel<Operation>) {
            do {
                let insert = try prepare("INSERT INTO search_index (rowid, name_terms, text_terms) VALUES (?, ?, ?)")
                defer { sqlite3_finalize(insert) }
                let delete = try prepare("INSERT INTO search_index (search_index, rowid, name_terms, text_terms) VALUES ('delete', ?, ?, ?)")
                defer { sqlite3_finalize(delete) }
                while let batch = channel.receive() {
                    for operation in batch {
                        switch operation {
                        case .insert(let row): try step(insert, row)
                        case .delete(let row): try step(delete, row)
                        }
                    }
                }
                try execute("COMMIT")
                guard !channel.isCancelled else { return }
                // The same terms `SearchVocabulary.refresh` reads from the file's index.
                try execute("""
                    CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, search_index, row);
                    CREATE TABLE search_terms (term TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
                    INSERT INTO search_terms (term, documents) SELECT term, doc FROM temp.search_vocabulary
                    """)
            } catch {
                failure = error
                channel.cancel()
            }
        }

        private func step(_ statement: OpaquePointer, _ row: SearchIndex.Row) throws {
            sqlite3_bind_int64(statement, 1, row.rowid)
            for (index, text) in [row.nameTerms, row.textTerms].enumerated() {
                var text = text
                text.withUTF8 { buffer in
                    let bytes = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
                    _ = sqlite3_bind_text(statement, Int32(index + 2), bytes, Int32(buffer.count), Self.transient)
                }
            }
            let code = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard code == SQLITE_DONE else { throw error(code) }
        }

        /// Inserts every row of `table` into the table of the same name in `db`, column by column.
        func copy(_ table: String, into db: Database) throws {
            let select = try prepare("SELECT * FROM \(table)")
            defer { sqlite3_finalize(select) }
            let columns = sqlite3_column_count(select)
            let insert = try db.makeStatement(sql: "INSERT INTO \(table) VALUES (\(Array(repeating: "?", count: Int(columns)).joined(separator: ", ")))")
            let target = insert.sqliteStatement
            while true {
                let code = sqlite3_step(select)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else { throw error(code) }
                for column in 0..<columns { sqlite3_bind_value(target, column + 1, sqlite3_column_value(select, column)) }
                let inserted = sqlite3_step(target)
                sqlite3_reset(target)
                guard inserted == SQLITE_DONE else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: inserted), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                        sql: insert.sql)
                }
            }
        }

        func execute(_ sql: String) throws {
            let code = sqlite3_exec(handle, sql, nil, nil, nil)
            guard code == SQLITE_OK else { throw error(code) }
        }

        private func prepare(_ sql: String) throws -> OpaquePointer {
            var statement: OpaquePointer?
            let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
            guard code == SQLITE_OK, let statement else { throw error(code) }
            return statement
        }

        private func error(_ code: Int32) -> DatabaseError {
            DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(handle)) + " (search index)")
        }

        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }
}
