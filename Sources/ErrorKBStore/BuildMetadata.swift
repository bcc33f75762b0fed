import ErrorKBModel
import Foundation
import GRDB

/// What a database says about itself: the data dictionary, and what built it.
enum BuildMetadata {
    /// The data dictionary, from schema/dictionary.md.
    static func writeDictionary(_ db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO dictionary (object, \"column\", description) VALUES (?, ?, ?)")
        for row in DataDictionary.embedded.rows {
            try insert.execute(arguments: [row.object, row.column, row.description])
        }
    }

    /// What built the file. No wall-clock time goes in, so the same inputs give the same bytes;
    /// SOURCE_DATE_EPOCH may supply a build time.
    static func writeMetadata(_ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM metadata").execute()
        var metadata: [(String, String)] = [("schema_version", String(Schema.version)), ("kb_version", Release.version)]
        let inputs = try DocumentRecord.all(db)
        for (index, input) in inputs.enumerated() {
            metadata.append(("input.\(index + 1)", "\(input.fileName) sha256:\(input.sha256) \(input.domain) \(input.locale)"))
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(epoch) {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            metadata.append(("build_time", formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))))
        }
        let insert = try db.cachedStatement(sql: "INSERT INTO metadata (key, value) VALUES (?, ?)")
        for (key, value) in metadata { try insert.execute(arguments: [key, value]) }
    }
}
