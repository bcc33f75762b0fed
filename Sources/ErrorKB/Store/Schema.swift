import GRDB

/// The database schema: the numbered SQL files of `schema/`, applied in order by GRDB's migrator.
public enum Schema {
    /// `PRAGMA application_id` of every ErrorKB database: "EKB1" in ASCII.
    public static let applicationID: Int32 = 0x454B_4231

    /// The schema version a database built by this binary has (`PRAGMA user_version`).
    public static let version = EmbeddedCorpus.schemaFiles.count

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for file in EmbeddedCorpus.schemaFiles {
            let name = String(file.fileName.dropLast(".sql".count))
            migrator.registerMigration(name) { db in
                try db.execute(sql: file.sql)
            }
        }
        return migrator
    }

    /// Creates every table and view, then stamps the file as an ErrorKB database of this version.
    static func migrate(_ writer: some DatabaseWriter) throws {
        try migrator.migrate(writer)
        try writer.write { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID); PRAGMA user_version = \(version)")
        }
    }
}
