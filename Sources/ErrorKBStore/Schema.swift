import ErrorKBSupport
import Foundation
import GRDB

/// The database schema: `schema/*.sql`, compiled in. `errorkb.sql` is the whole schema as it is,
/// created in one step; a later change adds a file that migrates it. Each file states the
/// version it brings the database to (`PRAGMA user_version`).
public enum Schema {
    /// `PRAGMA application_id` of every ErrorKB database: "EKB1" in ASCII.
    public static let applicationID: Int32 = 0x454B_4231

    /// The schema version a database built by this binary has (`PRAGMA user_version`): the
    /// highest version the schema files state.
    public static let version: Int = files.compactMap { statedVersion(in: $0.sql) }.max() ?? 0

    /// The oldest version a file can be migrated from: the version `errorkb.sql` creates (each
    /// file after it migrates). Files older than that were made before the migrator; rebuild them.
    package static let firstMigratedVersion: Int = files.first.flatMap { statedVersion(in: $0.sql) } ?? version

    /// The schema's SQL files, in file name order, decoded once: every read command checks the
    /// schema version.
    package static let files: [(fileName: String, sql: String)] =
        EmbeddedFiles.files(in: "schema").filter { $0.fileName.hasSuffix(".sql") }.map { ($0.fileName, String(decoding: $0.data, as: UTF8.self)) }

    /// The SHA-256 of the schema files, to tell caches built with another schema.
    package static let digest: String = {
        var hash = SHA256()
        for file in EmbeddedFiles.base64 { hash.update(Data(file.path.utf8)); hash.update(Data(file.data.utf8)) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }()

    /// The names of the tables and views the schema creates (not FTS5's own tables), which every
    /// ErrorKB database must have.
    package static let tablesAndViews: Set<String> = {
        // Read as bytes: every read command checks this, and Character by Character it was a
        // sixth of a cold `kb show`.
        var names: Set<String> = []
        for file in files {
            for line in lines(of: file.sql) where line.starts(with: "CREATE ".utf8) {
                let words = line.split(separator: UInt8(ascii: " "))
                guard let kind = words.firstIndex(where: { $0.elementsEqual("TABLE".utf8) || $0.elementsEqual("VIEW".utf8) }),
                      kind + 1 < words.count else { continue }
                var name = words[kind + 1]
                if name.elementsEqual("IF".utf8), kind + 4 < words.count { name = words[kind + 4] }
                let identifier = name.prefix { byte in
                    byte == UInt8(ascii: "_") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                        || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                }
                names.insert(String(decoding: identifier, as: UTF8.self))
            }
        }
        return names
    }()

    /// The lines of SQL text, as bytes.
    private static func lines(of sql: String) -> [ArraySlice<UInt8>] {
        Array(sql.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    /// A file of `schema/` that is not SQL, such as the data dictionary.
    static func document(named name: String) -> String? {
        EmbeddedFiles.files(in: "schema").first { $0.fileName == name }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// The number in a `PRAGMA user_version = N` line of a schema file.
    static func statedVersion(in sql: String) -> Int? {
        for line in lines(of: sql) where line.starts(with: "PRAGMA user_version".utf8) {
            guard let equals = line.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let digits = line[(equals + 1)...].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                .prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            return Int(String(decoding: digits, as: UTF8.self))
        }
        return nil
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for file in files {
            let name = String(file.fileName.dropLast(".sql".count))
            migrator.registerMigration(name) { db in
                try db.execute(sql: file.sql)
            }
        }
        return migrator
    }

    /// Creates every table and view; the schema files stamp the application id and version.
    static func migrate(_ writer: some DatabaseWriter) throws {
        try migrator.migrate(writer)
    }
}
