import GRDB

/// The secondary indexes of a file that has no documents yet, dropped while its rows are written
/// and created again after: building an index once over all rows is much faster than keeping it
/// up to date row by row. Indexes are found by name in sqlite_master (their SQL may say
/// `CREATE UNIQUE INDEX "a b"`); those SQLite makes for constraints have no SQL and stay.
struct SuspendedIndexes {
    private var indexes: [(name: String, sql: String)] = []

    /// Nothing suspended.
    init() {}

    /// Drops every index that has SQL of its own.
    init(dropping db: Database) throws {
        indexes = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            .map { ($0["name"], $0["sql"]) }
        for index in indexes { try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)") }
    }

    /// Creates the indexes again. Throws what SQLite reports when one cannot be (a UNIQUE index
    /// the rows break): the file must not be left without it.
    mutating func restore(_ db: Database) throws {
        let pending = indexes
        indexes = []
        for index in pending { try db.execute(sql: index.sql) }
    }
}
