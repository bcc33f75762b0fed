import Foundation
import GRDB

/// What `kb build` made.
public struct BuildSummary: Sendable, Codable, Equatable {
    public struct Unexplained: Sendable, Codable, Equatable {
        public var file: String
        public var line: Int
        public var text: String
    }

    public var documents = 0
    public var sections = 0
    public var entries = 0
    public var messages = 0
    public var tableRows = 0
    /// Duplicate groups by kind (code_repeated, name_shared, code_conflict, code_shared).
    public var duplicateGroups: [String: Int] = [:]
    public var unexplained: [Unexplained] = []
}

/// Builds database files. A build writes a temporary file beside the target and renames it into
/// place only when complete, so a failed build leaves an existing file untouched.
public enum KnowledgeBaseBuilder {
    public static func build(_ documents: [ImportedDocument], to path: String) throws -> BuildSummary {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KnowledgeBaseError.cannotWrite(path: path, detail: "directory \(directory.path) does not exist")
        }
        let temp = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: temp)
        defer { try? FileManager.default.removeItem(at: temp) }
        var summary = summary(of: documents)
        do {
            var config = Configuration()
            // The file is private until renamed, so a crash can only lose the temp file.
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            }
            let queue = try DatabaseQueue(path: temp.path, configuration: config)
            try Schema.migrate(queue)
            try queue.write { db in try fill(db, with: documents) }
            summary.duplicateGroups = try queue.read { db in try KnowledgeBase.duplicateGroupCounts(db) }
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "ANALYZE; VACUUM")
            }
            try queue.close()
        } catch let error as DatabaseError {
            throw KnowledgeBaseError.cannotWrite(path: path, detail: error.message ?? "\(error.resultCode)")
        }
        guard rename(temp.path, target.path) == 0 else {
            throw KnowledgeBaseError.cannotWrite(path: path, detail: String(cString: strerror(errno)))
        }
        return summary
    }

    /// Writes the documents and fills the search index in one pass after the rows.
    static func fill(_ db: Database, with documents: [ImportedDocument]) throws {
        let writer = DocumentWriter(db: db)
        for document in documents { try writer.write(document) }
        try db.execute(sql: "INSERT INTO search_index(search_index) VALUES ('rebuild')")
        try describe(db, inputs: documents)
    }

    /// The file's own documentation: the data dictionary and what built it. No wall-clock time
    /// goes in, so the same inputs give the same bytes; SOURCE_DATE_EPOCH may supply a build time.
    static func describe(_ db: Database, inputs documents: [ImportedDocument]) throws {
        let dictionary = try db.cachedStatement(sql: "INSERT INTO dictionary (object, \"column\", description) VALUES (?, ?, ?)")
        for row in DataDictionary.embedded.rows {
            try dictionary.execute(arguments: [row.object, row.column, row.description])
        }
        var metadata: [(String, String)] = [("schema_version", String(Schema.version)), ("kb_version", Release.version)]
        for document in documents {
            metadata.append(("input", "\(document.fileName) sha256:\(document.sha256) \(document.origin.domain) \(document.origin.locale)"))
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(epoch) {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            metadata.append(("build_time", formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))))
        }
        // The key is unique; several inputs are numbered.
        var counts: [String: Int] = [:]
        let insert = try db.cachedStatement(sql: "INSERT INTO metadata (key, value) VALUES (?, ?)")
        for (key, value) in metadata {
            counts[key, default: 0] += 1
            let unique = key == "input" ? "input.\(counts[key]!)" : key
            try insert.execute(arguments: [unique, value])
        }
    }

    public static func summary(of documents: [ImportedDocument]) -> BuildSummary {
        var summary = BuildSummary()
        for document in documents {
            let parsed = document.parsed
            summary.documents += 1
            summary.sections += parsed.sections.count
            summary.entries += parsed.entries.count
            summary.messages += parsed.messageCount
            summary.tableRows += parsed.reasons.count
            let unexplained = parsed.unexplainedLines
            guard !unexplained.isEmpty else { continue }
            let lines = SourceLine.split(document.rawText)
            for number in unexplained {
                summary.unexplained.append(.init(file: document.fileName, line: number, text: String(lines[number - 1].text)))
            }
        }
        return summary
    }
}
